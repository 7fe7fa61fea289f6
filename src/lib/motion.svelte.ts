/**
 * The reader's motion preference as page state (the rules are in motion.ts): the system's
 * `prefers-reduced-motion` until the reader uses the "Animations" toggle, then their choice,
 * remembered on the device. `<html data-motion>` follows it for the CSS.
 */
import {
  motionReduced,
  readAnimationChoice,
  saveAnimationChoice,
  storageOf,
  type AnimationChoice,
} from './motion';

export class MotionPreference {
  #choice: AnimationChoice | undefined = $state();
  #systemReduces = $state(false);
  #storage: Storage | undefined;
  /** Whether motion is reduced now. */
  readonly reduced: boolean = $derived(motionReduced(this.#choice, this.#systemReduces));

  /** Reads the remembered choice and follows the system's preference; returns the stop. */
  start(win: Window): () => void {
    this.#storage = storageOf(win);
    this.#choice = readAnimationChoice(this.#storage);
    const query = win.matchMedia('(prefers-reduced-motion: reduce)');
    const follow = () => (this.#systemReduces = query.matches);
    follow();
    query.addEventListener('change', follow);
    const stopMarking = $effect.root(() => {
      $effect(() => {
        win.document.documentElement.dataset.motion = this.reduced ? 'reduced' : 'full';
      });
    });
    return () => {
      query.removeEventListener('change', follow);
      stopMarking();
    };
  }

  /** The reader's choice from the toggle: it wins from now on, and is remembered. */
  choose(animations: boolean): void {
    this.#choice = animations ? 'on' : 'off';
    saveAnimationChoice(this.#storage, this.#choice);
  }
}
