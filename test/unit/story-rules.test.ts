/** The editorial rules (story-rules.ts) on the committed story. */
import { committedStory } from './helpers';
import { describeStoryRules } from './story-rules';

describeStoryRules('the committed story', committedStory);
