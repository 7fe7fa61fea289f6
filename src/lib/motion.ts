/**
 * The reader's choice of animations. The system's `prefers-reduced-motion` decides until the
 * reader uses the page's "Animations" toggle; that choice wins and is remembered on the device.
 * Storage may be refused (private modes, sandboxed or partitioned frames): the choice then
 * lasts as long as the page.
 */

export type AnimationChoice = 'on' | 'off';

/** The key the choice is kept under in `localStorage`. */
export const ANIMATION_STORAGE_KEY = 'storymap-animations';

/** The page's storage, or undefined where reading it throws. */
export function storageOf(window: Window): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered choice; anything else stored under the key counts as none. */
export function readAnimationChoice(storage: Storage | undefined): AnimationChoice | undefined {
  try {
    const value = storage?.getItem(ANIMATION_STORAGE_KEY);
    return value === 'on' || value === 'off' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the choice; a full or refused storage is not an error. */
export function saveAnimationChoice(storage: Storage | undefined, choice: AnimationChoice): void {
  try {
    storage?.setItem(ANIMATION_STORAGE_KEY, choice);
  } catch {
    // Kept for this page only.
  }
}

/** Whether motion is reduced: the reader's choice if made, else the system's preference. */
export function motionReduced(
  choice: AnimationChoice | undefined,
  systemReduces: boolean
): boolean {
  return choice === undefined ? systemReduces : choice === 'off';
}
