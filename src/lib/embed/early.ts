/**
 * What the page needs of embedding before the embedding code (child.ts, protocol.ts) has
 * loaded: whether the address asks for the unrolled layout, and an ear for the host. The
 * embedding code loads only in an iframe and after the page has started, but a host may speak
 * as soon as the frame has loaded (a @newswire/frames parent sends its one `frames:init`
 * then): its messages are kept here and handed to the child when it starts.
 */

/**
 * How the story runs: alone, pinned in a host page that scrolls it, in a fixed frame, or
 * unrolled (`stacked`: every step with its static map, for hosts that size the frame to its
 * content, such as Pym.js and AMP).
 */
export type EmbedMode = 'standalone' | 'sticky' | 'contained' | 'stacked';

/**
 * Whether the address asks for the unrolled layout: `?layout=stacked`, an AMP frame (AMP
 * adds `#amp=1`), or a Pym.js parent (it adds `childId`). Such hosts set the frame as tall as
 * its content, so the page never scrolls inside it and a sticky map could not stick.
 */
export function wantsStacked(url: URL): boolean {
  return (
    url.searchParams.get('layout') === 'stacked' ||
    url.searchParams.has('childId') ||
    /(^|[#&])amp=1(&|$)/.test(url.hash)
  );
}

/** Where the page's inline ear ({@link HOST_EAR_SCRIPT}) offers what it has heard. */
export const EARLY_EAR = '__storymapHostEar';

/**
 * The page's own first script, inline in the head of every page (hooks.server.ts): in a
 * frame, it keeps the parent's messages from the moment the page is parsed. The app's script
 * is fetched only after the first paint (start/after-paint.ts), which can be after
 * the frame's load event, when a @newswire/frames parent sends its one `frames:init`.
 * `window[EARLY_EAR]()` stops it and returns what it kept; {@link keepHostMessages} calls it.
 */
export const HOST_EAR_SCRIPT =
  `if (self !== top) { const kept = [];` +
  ` const keep = (event) => { if (event.source === parent) kept.push(event); };` +
  ` addEventListener("message", keep);` +
  ` window.${EARLY_EAR} = () => { removeEventListener("message", keep);` +
  ` delete window.${EARLY_EAR}; return kept.splice(0); }; }`;

/** A window that may hold the inline ear's offer. */
type EarWindow = Window & { [EARLY_EAR]?: () => unknown };

/**
 * Keeps every message the parent window sends from now on, after those the page's inline
 * ear heard before this script ran; `take()` stops listening and returns them in order.
 * Nothing is read or trusted here: the child checks each one as if it had just arrived.
 */
export function keepHostMessages(win: Window): { take(): MessageEvent[] } {
  const offer = (win as EarWindow)[EARLY_EAR];
  const heard: unknown = typeof offer === 'function' ? offer() : [];
  const kept: MessageEvent[] = Array.isArray(heard) ? heard : [];
  const keep = (event: MessageEvent) => {
    if (event.source === win.parent) kept.push(event);
  };
  win.addEventListener('message', keep);
  return {
    take() {
      win.removeEventListener('message', keep);
      return kept.splice(0);
    },
  };
}
