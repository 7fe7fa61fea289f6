/**
 * An editor's valid edits keep the story's checks green; an invalid one is refused with the
 * checker's message. Each edit is made to a copy of the committed story (story.json and its
 * places and route), as an editor would make it: rename every id, reverse the steps, drop a
 * step, add a step and a place, rewrite text and move a camera. The edited copy must load
 * with no warning and pass the editorial rules (story-rules.ts), which name no step.
 */
import { describe, expect, it } from 'vitest';
import { StoryError, loadStory, storyWarnings, type StoryFiles } from '../../src/lib/story/load';
import type { Story } from '../../src/lib/story/types';
import {
  EDITS,
  copy,
  everyEdit,
  filesOf,
  newTown,
  steps,
  type Copy,
  type JsonObject,
} from './edits';
import { describeStoryRules } from './story-rules';

function loaded(edit: (c: Copy) => void): { story: Story; files: StoryFiles } {
  const edited = copy();
  edit(edited);
  const files = filesOf(edited);
  return { story: loadStory(files), files };
}

describe('valid edits', () => {
  for (const [name, edit] of Object.entries(EDITS)) {
    it(`load with no problem and no warning: ${name}`, () => {
      const { story, files } = loaded(edit);
      expect(storyWarnings(story, files)).toEqual([]);
    });
  }
});

for (const [name, edit] of Object.entries(EDITS)) {
  describeStoryRules(`the story with ${name}`, () => loaded(edit).story);
}
describeStoryRules('the story with every edit at once', () => loadStory(filesOf(everyEdit())));

describe('invalid edits', () => {
  it('a step renamed where a reference to it is not: refused, naming the reference', () => {
    const edited = copy();
    const event = (edited.story.events as JsonObject[]).find((e) => typeof e.step === 'string')!;
    const step = steps(edited).find((s) => s.id === event.step)!;
    step.id = `${String(step.id)}-renamed`;
    let problems: StoryError['problems'] = [];
    try {
      loadStory(filesOf(edited));
    } catch (error) {
      if (error instanceof StoryError) problems = error.problems;
    }
    const index = (edited.story.events as JsonObject[]).indexOf(event);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toContainEqual(
      `/events/${index}/step unknown step "${String(event.step)}" — did you mean "${String(step.id)}"?`
    );
  });

  it('a place added with a confidence but no source: refused, saying what to do', () => {
    const edited = copy();
    edited.places.features.push(newTown('medium'));
    expect(() => loadStory(filesOf(edited))).toThrow(/medium confidence needs a source/);
  });
});
