/**
 * The dev preview's message: when an editor saves a valid story, the Vite plugin sends the new
 * story over Vite's HMR socket and the page swaps it in, keeping the reader's place.
 */
import type { StoryNotes } from './browser';
import type { MediaSizes } from './media';
import type { Story } from './types';

export const STORY_UPDATE_EVENT = 'storymap:story-update';

export interface StoryUpdate {
  story: Story;
  /** The notes the timeline's tooltips show (`virtual:story-notes` of the saved story). */
  notes: StoryNotes;
  /** Validation warnings, one formatted line each. */
  warnings: string[];
  /** The build's measure of each step image. */
  media: MediaSizes;
}

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap {
    'storymap:story-update': StoryUpdate;
  }
}
