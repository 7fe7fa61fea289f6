/**
 * Moving through the steps without scrolling: keys, and links to `#step-id`. Pure; the page
 * does the scrolling and the focusing.
 */

/** Hashes longer than this are no step id; they are ignored without being decoded. */
const MAX_HASH_LENGTH = 256;

/**
 * The step a location hash names (`#rail`), or undefined for an empty, unknown, malformed or
 * overlong hash: the story then starts at its beginning.
 */
export function stepFromHash(hash: string, stepIds: readonly string[]): number | undefined {
  if (hash.length < 2 || hash.length > MAX_HASH_LENGTH) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  const index = stepIds.indexOf(id);
  return index >= 0 ? index : undefined;
}

/**
 * Whether the address (`current`) may be made to follow the step being read (`wanted`, its
 * `#id`): not when it already does, and not when it names another step the page did not write
 * itself (`written`, the address it last wrote or reached): that is a link the reader has just
 * followed, whose `hashchange` is still to move the story there. Taking it back would lose the
 * reader's click.
 */
export function mayFollowStep(
  current: string,
  wanted: string,
  written: string | undefined,
  stepIds: readonly string[]
): boolean {
  if (current === wanted) return false;
  return current === written || stepFromHash(current, stepIds) === undefined;
}

/**
 * The step a key takes the reader to from step `index` of `count`: the next one for Arrow
 * Down/Right and Page Down, the previous for Arrow Up/Left and Page Up, the first for Home and
 * the last for End. Undefined for any other key, or a modified one (the browser's own).
 */
export function stepForKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  index: number,
  count: number
): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const next = {
    ArrowDown: index + 1,
    ArrowRight: index + 1,
    PageDown: index + 1,
    ArrowUp: index - 1,
    ArrowLeft: index - 1,
    PageUp: index - 1,
    Home: 0,
    End: count - 1,
  }[event.key];
  if (next === undefined || count === 0) return undefined;
  return Math.min(count - 1, Math.max(0, next));
}
