/**
 * The story's link to its host page, once it runs in an iframe: loaded on demand by
 * link.svelte.ts (alone in its window the story never downloads it). It starts the child's
 * side of the protocol (child.ts) and ties it to the page: the story's height and active step
 * go to the host; the host's mode, scrolling and viewport come back through `hooks`.
 */
import { startEmbedChild, type EmbedChild } from './child';
import type { EmbedMode } from './early';
import { TRIGGER_LINE } from '../layout';

/** What the page gives the link, and is told by it. */
export interface HostHooks {
  /** Host origins that may drive the story (story.json `embed.allowedOrigins`). */
  allowedOrigins: readonly string[];
  /** The step being read, if any: sent to the host at once and on every change. */
  activeStep(): { index: number; id: string } | undefined;
  /** The host chose how the story runs (after its answer to our hello). */
  onMode(mode: EmbedMode): void;
  /** Sticky: the host scrolled the story to `y` pixels in; the document must follow. */
  onScroll(y: number): void;
  /**
   * Stacked under a Pym.js parent: the host's trigger line is `line` pixels below the
   * frame's top (negative when above it).
   */
  onHostLine(line: number): void;
}

/**
 * Starts the link in `win` with the messages the host sent before this code arrived;
 * returns the child (to send steps and ask for scrolls) and the teardown.
 */
export function connectToHost(
  win: Window,
  hooks: HostHooks,
  earlier: MessageEvent[]
): { child: EmbedChild; stop: () => void } {
  const root = win.document.documentElement;
  const body = win.document.body;
  // The body's own height, not the document's: a frame taller than the story would otherwise
  // never be told that the story got shorter.
  const contentHeight = () => body.getBoundingClientRect().height;
  // eslint-disable-next-line prefer-const -- read by the callbacks below before it is set
  let child: EmbedChild | undefined;
  // The code arrives after the first step was set: the host hears it at once, not at the next.
  const sendStep = () => {
    const step = hooks.activeStep();
    if (step) child?.sendStep(step.index, step.id);
  };
  child = startEmbedChild(
    win,
    {
      allowedOrigins: hooks.allowedOrigins,
      onMode: (mode) => {
        root.classList.toggle('embed-sticky', mode === 'sticky');
        // Unset while startEmbedChild replays what the host said before it started (a mode
        // change comes before it returns): then the observer below sends the first height.
        child?.sendHeight(contentHeight());
        sendStep();
        hooks.onMode(mode);
      },
      onHostViewport: (top, viewport) => hooks.onHostLine(-top + viewport * TRIGGER_LINE),
      onScroll: (y) => hooks.onScroll(y),
    },
    earlier
  );
  sendStep();
  if (child.mode === 'standalone') return { child, stop: () => {} };
  hooks.onMode(child.mode);
  const started = child;
  const observer = new ResizeObserver(() => started.sendHeight(contentHeight()));
  observer.observe(body);
  return {
    child,
    stop: () => {
      observer.disconnect();
      root.classList.remove('embed-sticky');
      started.destroy();
    },
  };
}
