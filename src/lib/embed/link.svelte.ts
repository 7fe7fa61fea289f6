/**
 * How the story runs, as page state: alone, or in an iframe (contained, pinned by our loader,
 * or unrolled). Created as the page starts, so that in a frame the host's messages are kept
 * from then on; `start` loads the link to the host (connect.ts) only inside a frame.
 */
import { keepHostMessages, wantsStacked, type EmbedMode } from './early';
import type { EmbedChild } from './child';
import type { HostHooks } from './connect';

export class EmbedLink {
  /**
   * Unrolled: every step with its static map and no live map, for hosts that size the frame
   * to its content (Pym.js, AMP) or `?layout=stacked`: known before anything mounts, so the
   * live map is never started for it. A @newswire/frames host says so only after the start.
   */
  stacked: boolean = $state(false);
  mode: EmbedMode = $state('standalone');
  #child: EmbedChild | undefined;
  /**
   * In a frame, the host's messages are kept (from the page's parsing on, by the inline ear
   * in its head) until the link takes them: a host may speak at the frame's load event,
   * before this script or the link has arrived.
   */
  readonly #heard: { take(): MessageEvent[] } | undefined;

  /** `win`: the page's window, or undefined on the server. */
  constructor(win: Window | undefined) {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never changed
    this.stacked = win !== undefined && wantsStacked(new URL(win.location.href));
    if (this.stacked) this.mode = 'stacked';
    this.#heard = win && win.self !== win.top ? keepHostMessages(win) : undefined;
  }

  /** Whether the page runs in an iframe. */
  get framed(): boolean {
    return this.#heard !== undefined;
  }

  /**
   * In a frame, loads the link and starts it; alone, does nothing. Returns the teardown.
   * `hooks.onMode` is called after this object has taken the mode.
   */
  start(win: Window, hooks: HostHooks): () => void {
    const heard = this.#heard;
    if (!heard) return () => {};
    let stop: (() => void) | undefined;
    let stopped = false;
    import('./connect').then(
      ({ connectToHost }) => {
        if (stopped) return;
        const link = connectToHost(
          win,
          {
            ...hooks,
            onMode: (mode) => {
              this.mode = mode;
              // A host that sizes the frame told us so after the start (@newswire/frames).
              if (mode === 'stacked') this.stacked = true;
              hooks.onMode(mode);
            },
          },
          heard.take()
        );
        this.#child = link.child;
        stop = link.stop;
      },
      (error: unknown) => {
        // The story still reads inside its frame (contained), only the host hears nothing.
        console.warn('The embedding code could not load:', error);
        heard.take();
      }
    );
    return () => {
      stopped = true;
      stop?.();
      this.#child = undefined;
      heard.take();
    };
  }

  /** Tells the host which step is being read (analytics, reading depth). */
  sendStep(index: number, id: string): void {
    this.#child?.sendStep(index, id);
  }

  /**
   * Scrolls the story to `y` pixels: pinned in a host page, the host scrolls it; otherwise
   * the page itself.
   */
  scrollTo(win: Window, y: number): void {
    if (this.#child?.mode === 'sticky') this.#child.requestScroll(y);
    else win.scrollTo({ top: y, behavior: 'instant' });
  }
}
