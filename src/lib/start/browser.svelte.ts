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
import type { StoryNotes } from '../story/browser';
import { STORY_UPDATE_EVENT, type StoryUpdate } from '../story/hot';
import { ROOT_ATTRIBUTE, pageVariant } from './root';

const root = document.querySelector<HTMLElement>(`[${ROOT_ATTRIBUTE}]`);
if (!root) throw new Error(`the page has no element with ${ROOT_ATTRIBUTE} to start the story in`);

const props = $state({
  story,
  /** Null: the server's HTML of the static sections stays (StoryPage.svelte). */
  sections: null as ReturnType<NonNullable<typeof whole>['sections']> | null,
  notes: undefined as StoryNotes | undefined,
  warnings,
  variant: pageVariant(root.getAttribute(ROOT_ATTRIBUTE)),
});

// Not `recover`: a page whose markup differs from what the script renders keeps its served
// text (with a thrown error a test sees) rather than being emptied and drawn again.
hydrate(StoryPage, { target: root, props, recover: false });

// Dev preview: a saved, valid story arrives as data and replaces the one shown. The error
// overlay of an earlier broken save goes, since the problems it listed are fixed.
if (import.meta.hot) {
  import.meta.hot.on(STORY_UPDATE_EVENT, (update: StoryUpdate) => {
    for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
    props.story = update.story;
    // The dev server serves the site at its root: asset paths start there ('').
    if (whole) props.sections = whole.sections(update.story, '', update.media);
    props.notes = update.notes;
    props.warnings = update.warnings;
  });
}
