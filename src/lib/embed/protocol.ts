/**
 * The iframe protocol between the story (the child) and a newsroom's page (the host), the
 * messages both sides speak: the story's side (child.ts) and the host page's loader (loader.ts,
 * built into the site's embed.js). Messages are plain objects tagged
 * `{ sentinel: 'storymap', v: 1 }`; anything else, or anything malformed, is ignored. Numbers
 * are checked and clamped before use (docs/embedding.md).
 *
 * child → host: `hello` (at start: the modes it can do, its content height), `height`, `step`
 * (the active step, for analytics and reading depth), `scroll-request` (sticky mode: the
 * reader moved focus inside the story, so the host should scroll to keep it in view).
 * host → child: `hello-ack` (the mode chosen: `sticky` or `contained`), `scroll` (sticky mode:
 * how far into the story the reader has scrolled, and the viewport's height).
 */

export const SENTINEL = 'storymap';
export const VERSION = 1;

import type { EmbedMode } from './early';

export { wantsStacked, type EmbedMode } from './early';

/** The Pym.js height message for the child id a Pym parent gave (`childId` in the address). */
export function pymHeightMessage(childId: string, height: number): string {
  return ['pym', childId, 'height', String(Math.ceil(height))].join('xPYMx');
}

/** A Pym.js child id as the address gave it, if it is a plain one; else undefined. */
export function pymChildId(url: URL): string | undefined {
  const id = url.searchParams.get('childId');
  return id !== null && /^[\w-]{1,100}$/.test(id) ? id : undefined;
}

/** Largest offset or height accepted, CSS pixels: far beyond any real story. */
export const MAX_PIXELS = 1_000_000;

export type HostMessage =
  | { type: 'hello-ack'; mode: 'sticky' | 'contained' }
  | { type: 'scroll'; y: number; viewport: number };

export type ChildMessage =
  | { type: 'hello'; modes: EmbedMode[]; height: number }
  | { type: 'height'; height: number }
  | { type: 'step'; index: number; id: string }
  | { type: 'scroll-request'; y: number };

/** A finite number within 0…MAX_PIXELS, or undefined: NaN, ±Infinity and negatives are refused. */
export function pixels(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (value < 0) return undefined;
  return Math.min(value, MAX_PIXELS);
}

function isTagged(data: unknown): data is Record<string, unknown> {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as Record<string, unknown>).sentinel === SENTINEL &&
    (data as Record<string, unknown>).v === VERSION
  );
}

/**
 * Reads a message from the host: the validated message, or undefined for anything that is not
 * exactly one of ours (wrong tag or version, unknown type, missing or bad numbers).
 */
export function readHostMessage(data: unknown): HostMessage | undefined {
  if (!isTagged(data)) return undefined;
  switch (data.type) {
    case 'hello-ack':
      return data.mode === 'sticky' || data.mode === 'contained'
        ? { type: 'hello-ack', mode: data.mode }
        : undefined;
    case 'scroll': {
      const y = pixels(data.y);
      const viewport = pixels(data.viewport);
      return y === undefined || viewport === undefined || viewport === 0
        ? undefined
        : { type: 'scroll', y, viewport };
    }
    default:
      return undefined;
  }
}

/** A step id as story.json allows it: lower-case words and digits joined by hyphens. */
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest step id a host accepts. */
const MAX_STEP_ID = 100;
const MODES: readonly EmbedMode[] = ['standalone', 'sticky', 'contained', 'stacked'];

/**
 * Reads a message from the story, on the host's side: the validated message, or undefined for
 * anything that is not exactly one of ours. A `hello` keeps only the modes it knows.
 */
export function readChildMessage(data: unknown): ChildMessage | undefined {
  if (!isTagged(data)) return undefined;
  switch (data.type) {
    case 'hello': {
      const modes = Array.isArray(data.modes)
        ? MODES.filter((mode) => (data.modes as unknown[]).includes(mode))
        : [];
      return { type: 'hello', modes, height: pixels(data.height) ?? 0 };
    }
    case 'height': {
      const height = pixels(data.height);
      return height === undefined ? undefined : { type: 'height', height };
    }
    case 'step': {
      const index = pixels(data.index);
      const { id } = data;
      return index === undefined ||
        typeof id !== 'string' ||
        id.length > MAX_STEP_ID ||
        !STEP_ID.test(id)
        ? undefined
        : { type: 'step', index: Math.floor(index), id };
    }
    case 'scroll-request': {
      const y = pixels(data.y);
      return y === undefined ? undefined : { type: 'scroll-request', y };
    }
    default:
      return undefined;
  }
}

/** The wire form of a message, to the host or to the story. */
export function toWire(message: ChildMessage | HostMessage): Record<string, unknown> {
  return { sentinel: SENTINEL, v: VERSION, ...message };
}

/**
 * Whether `origin` may drive the story: listed exactly, or any when the list is `['*']`
 * (an explicit opt-in). An empty list allows none.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin);
}

/**
 * Reads Pym.js's `viewport-iframe-position` message for child `childId`
 * ("width height top left bottom right" of the host's viewport and the frame): the frame's top
 * relative to the host viewport, and the viewport's height. Undefined for anything else.
 */
export function readPymPosition(
  data: unknown,
  childId: string
): { top: number; viewport: number } | undefined {
  if (typeof data !== 'string' || data.length > 300) return undefined;
  const prefix = `pymxPYMx${childId}xPYMxviewport-iframe-positionxPYMx`;
  if (!data.startsWith(prefix)) return undefined;
  const numbers = data.slice(prefix.length).split(' ').map(Number);
  if (numbers.length !== 6 || !numbers.every(Number.isFinite)) return undefined;
  const [, viewport, top] = numbers as [number, number, number];
  if (viewport <= 0 || viewport > MAX_PIXELS || Math.abs(top) > MAX_PIXELS) return undefined;
  return { top, viewport };
}

/** Pym.js's request for the host's viewport and frame position (Pym.js 1.3.1 and later). */
export function pymPositionRequest(childId: string): string {
  return ['pym', childId, 'parentPositionInfo', ''].join('xPYMx');
}

/** The handshake a @newswire/frames parent sends when it starts watching the frame. */
export function isFramesInit(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>).sentinel === 'amp' &&
    (data as Record<string, unknown>).type === 'frames-init'
  );
}
