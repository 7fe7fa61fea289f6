/**
 * The address and the story: a link to a step (`#rail`) opens on it, a changed hash moves
 * the reader there, and once the reader has entered a step the address follows the step being
 * read, without adding history entries (Back still leaves the story). Call during a
 * component's start.
 */
import { onMount } from 'svelte';
import { mayFollowStep, stepFromHash } from './navigation';

export interface AddressOptions {
  /** The story's step ids, in order. */
  stepIds(): readonly string[];
  /** The step being read. */
  active(): number;
  /** Whether the address follows the step being read (not before the reader has entered one). */
  following(): boolean;
  /** The address named step `index`: at the start (`focusText` false) or by a new hash. */
  onLinked(index: number, focusText: boolean): void;
}

export function followAddress(options: AddressOptions): void {
  onMount(() => {
    const linked = () => stepFromHash(window.location.hash, options.stepIds());
    // A link to a step opens on that step at once: the map's first view is a jump.
    const first = linked();
    if (first !== undefined) options.onLinked(first, false);
    const onHashChange = () => {
      const index = linked();
      if (index !== undefined) options.onLinked(index, true);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  });

  const activeId = $derived(options.stepIds()[options.active()]);
  /** The address the page last wrote, or the story last reached. */
  let written: string | undefined;
  $effect(() => {
    if (!activeId || !options.following()) return;
    const wanted = `#${activeId}`;
    const current = window.location.hash;
    if (current === wanted) written = current;
    if (!mayFollowStep(current, wanted, written, options.stepIds())) return;
    // The page's own history entry keeps its state; only the hash changes.
    history.replaceState(history.state, '', wanted);
    written = wanted;
  });
}
