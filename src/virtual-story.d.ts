// The validated story, served by the Vite plugin in src/lib/story/vite-plugin.ts.
declare module 'virtual:story' {
  const story: import('$lib/story/types').Story;
  export default story;
  /** Warnings from validation, one formatted line each (shown by the editing aid). */
  export const warnings: string[];
}

// The notes of events and presence periods, for the timeline's tooltips (same plugin).
declare module 'virtual:story-notes' {
  const notes: import('$lib/story/vite-plugin').StoryNotes;
  export default notes;
}
