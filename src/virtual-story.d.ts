// The validated story, served by the Vite plugin in src/lib/story/vite-plugin.ts.
declare module 'virtual:story' {
  /**
   * The story as the page's script gets it: in the built page's script without what only the
   * prerendered HTML shows (story/browser.ts); whole on the server and in the dev page.
   */
  const story: import('$lib/story/browser').BrowserStory;
  export default story;
  /**
   * The story whole, and what renders the page's static sections from it, where they are
   * rendered (the server, the dev page); null in the built page's script, which keeps the
   * server's HTML for them and has neither the text nor the code.
   */
  export const whole: {
    story: import('$lib/story/types').Story;
    sections: typeof import('$lib/prerender/sections').pageSections;
    /** The story's folder (absolute) and the build's measure of each step image in it. */
    media: { folder: string; sizes: import('$lib/story/media').MediaSizes };
  } | null;
  /** Warnings from validation, one formatted line each (shown by the editing aid). */
  export const warnings: string[];
}

// The notes of events and presence periods, for the timeline's tooltips (same plugin).
declare module 'virtual:story-notes' {
  const notes: import('$lib/story/browser').StoryNotes;
  export default notes;
}

// The story folder's files, or what the build made from it (the same plugin, derived.ts).
/** The basemap cut to where the story looks: its address, fetched by the live map. */
declare module 'virtual:story-map/basemap.json?url' {
  const url: string;
  export default url;
}
/**
 * The basemap as the story's first view needs it (its areas only, as coarse as it allows): its
 * address, fetched first by the live map, which takes the whole basemap after the first view.
 */
declare module 'virtual:story-map/basemap-first.json?url' {
  const url: string;
  export default url;
}
/** The basemap's land and borders, for the static maps (read at build time only). */
declare module 'virtual:story-map/basemap.json' {
  const basemap: import('geojson').FeatureCollection;
  export default basemap;
}
/** The world beyond the story's region (geo/world.json cut to outside it): its address. */
declare module 'virtual:story-map/world.json?url' {
  const url: string;
  export default url;
}
/** The story's close-zoom detail (empty when it has none): its address. */
declare module 'virtual:story-map/detail.json?url' {
  const url: string;
  export default url;
}
/** The story's close-zoom detail, for the static maps (read at build time only). */
declare module 'virtual:story-map/detail.json' {
  const detail: import('geojson').FeatureCollection;
  export default detail;
}
/** The stylesheet of the story's fonts for Chinese and Korean names (empty when it has none). */
declare module 'virtual:story-map/fonts.css' {}
/** Whether the story folder has close-zoom detail (detail.json): its credit is shown then. */
declare module 'virtual:story-map/has-detail' {
  const hasDetail: boolean;
  export default hasDetail;
}
