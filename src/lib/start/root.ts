/**
 * Where the server-rendered page marks the story for its script (start/browser.svelte.ts):
 * the element holding StoryPage's markup, and which page it is.
 */

/** The attribute on the story's root element; its value is the page's variant. */
export const ROOT_ATTRIBUTE = 'data-storymap-root';

export type PageVariant = 'page' | 'embed';

/** The variant a root element names; throws for any other value, naming it. */
export function pageVariant(value: string | null): PageVariant {
  if (value === 'page' || value === 'embed') return value;
  throw new Error(`${ROOT_ATTRIBUTE}="${value}" names no page: use "page" or "embed"`);
}
