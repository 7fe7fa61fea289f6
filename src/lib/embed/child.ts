/**
 * The story's side of embedding. At the top of a window it does nothing (`standalone`).
 * In an iframe it starts in `contained` mode (the frame has its own height and the reader
 * scrolls inside it, which works with no script on the host), says hello to the host, and
 * switches to `sticky` when our loader answers: then the host page scrolls, the iframe is
 * pinned to the viewport, and the host tells the story how far in the reader is.
 *
 * Messages are accepted only from the parent window, from an allowed origin, in the exact
 * shape of protocol.ts; everything else is ignored without a sound.
 */
import {
  originAllowed,
  isFramesInit,
  pymChildId,
  pymHeightMessage,
  pymPositionRequest,
  readHostMessage,
  readPymPosition,
  toWire,
  type ChildMessage,
} from './protocol';
import { wantsStacked, type EmbedMode } from './early';

export interface EmbedChildOptions {
  /** Host origins that may drive the story (story.json `embed.allowedOrigins`). */
  allowedOrigins: readonly string[];
  /**
   * The mode changed (after the host's answer). For a message the host sent before the start
   * (`earlier`), this is called before startEmbedChild returns.
   */
  onMode(mode: EmbedMode): void;
  /** Sticky mode: the reader is `y` pixels into the story, in a viewport this tall. */
  onScroll(y: number, viewport: number): void;
  /**
   * Stacked under a Pym.js parent that reports positions: the frame's top is `top` pixels
   * below the top of the host's viewport (negative once scrolled past), `viewport` tall.
   */
  onHostViewport?(top: number, viewport: number): void;
}

export interface EmbedChild {
  readonly mode: EmbedMode;
  /** Tells the host the story's content height (sent only when it changed). */
  sendHeight(height: number): void;
  /** Tells the host the active step. */
  sendStep(index: number, id: string): void;
  /** Sticky mode: asks the host to scroll so the story is `y` pixels in. */
  requestScroll(y: number): void;
  destroy(): void;
}

/**
 * Starts the child's side in `win`. `earlier` are messages the parent sent before this code
 * had loaded (early.ts): they are read first, checked like any other.
 */
export function startEmbedChild(
  win: Window,
  options: EmbedChildOptions,
  earlier: readonly MessageEvent[] = []
): EmbedChild {
  if (win.parent === win) {
    return {
      mode: 'standalone',
      sendHeight() {},
      sendStep() {},
      requestScroll() {},
      destroy() {},
    };
  }
  const url = new URL(win.location.href);
  // Hosts that size the frame to its content get the unrolled story and their own height
  // messages; no handshake can make such a frame sticky.
  if (wantsStacked(url)) return stackedChild(win, pymChildId(url), options, earlier);
  let mode: EmbedMode = 'contained';
  /** Pinned to the host's origin once it has answered; until then nothing secret is sent. */
  let hostOrigin = '*';
  let lastHeight = -1;

  const post = (message: ChildMessage) => {
    try {
      win.parent.postMessage(toWire(message), hostOrigin);
    } catch {
      // A host that navigated away: nothing to tell.
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    if (!originAllowed(event.origin, options.allowedOrigins)) return;
    // A @newswire/frames parent sizes the frame to what it is told: unroll, and tell it.
    if (isFramesInit(event.data) && mode === 'contained') {
      mode = 'stacked';
      options.onMode(mode);
      if (lastHeight >= 0) ampHeight(lastHeight);
      return;
    }
    const message = readHostMessage(event.data);
    if (!message) return;
    if (message.type === 'hello-ack') {
      hostOrigin = event.origin;
      if (mode !== message.mode) {
        mode = message.mode;
        options.onMode(mode);
      }
      if (lastHeight >= 0) post({ type: 'height', height: lastHeight });
    } else if (message.type === 'scroll' && mode === 'sticky' && event.origin === hostOrigin) {
      options.onScroll(message.y, message.viewport);
    }
  };
  const ampHeight = (height: number) => {
    try {
      win.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    } catch {
      // As above.
    }
  };
  win.addEventListener('message', onMessage);
  post({ type: 'hello', modes: ['sticky', 'contained'], height: 0 });
  for (const event of earlier) onMessage(event);

  return {
    get mode() {
      return mode;
    },
    sendHeight(height) {
      const rounded = Math.ceil(height);
      if (rounded === lastHeight) return;
      lastHeight = rounded;
      post({ type: 'height', height: rounded });
      if (mode === 'stacked') ampHeight(rounded);
    },
    sendStep(index, id) {
      post({ type: 'step', index, id });
    },
    requestScroll(y) {
      if (mode === 'sticky') post({ type: 'scroll-request', y: Math.max(0, Math.round(y)) });
    },
    destroy() {
      win.removeEventListener('message', onMessage);
    },
  };
}

/**
 * The unrolled story in a frame its host sizes: the content height goes out in every dialect
 * such hosts read (ours, Pym.js's string when a Pym parent gave a child id, AMP's
 * `embed-size`), only when it changes. Nothing sent carries more than a height or a step.
 */
function stackedChild(
  win: Window,
  pymId: string | undefined,
  options: EmbedChildOptions,
  earlier: readonly MessageEvent[]
): EmbedChild {
  let lastHeight = -1;
  const post = (message: unknown) => {
    try {
      win.parent.postMessage(message, '*');
    } catch {
      // A host that navigated away: nothing to tell.
    }
  };
  // A Pym.js parent may report where the frame is (always once on request, on every scroll
  // with trackscroll): then the step being read follows the host's scroll.
  const onMessage = (event: MessageEvent) => {
    if (!pymId || event.source !== win.parent) return;
    if (!originAllowed(event.origin, options.allowedOrigins)) return;
    const position = readPymPosition(event.data, pymId);
    if (position) options.onHostViewport?.(position.top, position.viewport);
  };
  win.addEventListener('message', onMessage);
  post(toWire({ type: 'hello', modes: ['stacked'], height: 0 }));
  if (pymId) post(pymPositionRequest(pymId));
  for (const event of earlier) onMessage(event);
  return {
    mode: 'stacked',
    sendHeight(height) {
      const rounded = Math.ceil(height);
      if (rounded === lastHeight) return;
      lastHeight = rounded;
      post(toWire({ type: 'height', height: rounded }));
      if (pymId) post(pymHeightMessage(pymId, rounded));
      post({ sentinel: 'amp', type: 'embed-size', height: rounded });
    },
    sendStep(index, id) {
      post(toWire({ type: 'step', index, id }));
    },
    requestScroll() {},
    destroy() {
      win.removeEventListener('message', onMessage);
    },
  };
}
