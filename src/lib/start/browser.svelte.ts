/**
 * The page's script: it takes over the story the server rendered (hydrates StoryPage where
 * the page marks its root) and, in the dev preview, swaps in each story an editor saves.
 *
 * SvelteKit prerenders the pages but does not start them (`csr = false`, routes/+layout.ts):
 * its client router (10 KB gzipped) would only start one component on a page that never
 * navigates. The prerendered page imports this module after its first paint
 * (after-paint.ts); the dev server's pages import it at once.
 */
import { hydrate } from 'svelte';
import story, { warnings, whole } from 'virtual:story';
import StoryPage from '../StoryPage.svelte';
import type { PageSections } from '../prerender/sections';
import type { StoryNotes } from '../story/browser';
import { STORY_UPDATE_EVENT, type StoryUpdate } from '../story/hot';
import { ROOT_ATTRIBUTE, pageVariant } from './root';

const root = document.querySelector<HTMLElement>(`[${ROOT_ATTRIBUTE}]`);
if (!root) throw new Error(`the page has no element with ${ROOT_ATTRIBUTE} to start the story in`);

// Raw states, read through getters (as Svelte passes a component's props): the story is
// replaced whole, never changed in place, and a deep state would put a proxy between the
// page's code and every field it reads (measured at 200 steps: our code per step change
// 18.5 ms with a deep state, 15.8 with raw ones).
let shown = $state.raw(story);
/** Null: the server's HTML of the static sections stays (StoryPage.svelte). */
let sections = $state.raw<PageSections | null>(null);
let notes = $state.raw<StoryNotes>();
let shownWarnings = $state.raw(warnings);
const variant = pageVariant(root.getAttribute(ROOT_ATTRIBUTE));
const props = {
  get story() {
    return shown;
  },
  get sections() {
    return sections;
  },
  get notes() {
    return notes;
  },
  get warnings() {
    return shownWarnings;
  },
  variant,
};

// Not `recover`: a page whose markup differs from what the script renders keeps its served
// text (with a thrown error a test sees) rather than being emptied and drawn again.
hydrate(StoryPage, { target: root, props, recover: false });

// Dev preview: a saved, valid story arrives as data and replaces the one shown. The error
// overlay of an earlier broken save goes, since the problems it listed are fixed.
if (import.meta.hot) {
  import.meta.hot.on(STORY_UPDATE_EVENT, (update: StoryUpdate) => {
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    shown = update.story;
    // The dev server serves the site at its root: asset paths start there ('').
    if (whole) sections = whole.sections(update.story, '', update.media);
    notes = update.notes;
    shownWarnings = update.warnings;
  });
}
