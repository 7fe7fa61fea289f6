import { describe, expect, it, vi } from 'vitest';
import { startEmbedChild } from '../../src/lib/embed/child';
import { EARLY_EAR, HOST_EAR_SCRIPT, keepHostMessages } from '../../src/lib/embed/early';
import {
  MAX_PIXELS,
  originAllowed,
  pixels,
  pymChildId,
  pymHeightMessage,
  pymPositionRequest,
  readChildMessage,
  readHostMessage,
  readPymPosition,
  toWire,
  wantsStacked,
} from '../../src/lib/embed/protocol';

const tag = { sentinel: 'storymap', v: 1 };

describe('the embed protocol, host side (the loader)', () => {
  it('reads the story messages it knows, exactly, as the story sends them', () => {
    const sent = [
      toWire({ type: 'hello', modes: ['stacked'], height: 0 }),
      toWire({ type: 'height', height: 5210.5 }),
      toWire({ type: 'step', index: 3, id: 'dandong-bridge' }),
      toWire({ type: 'scroll-request', y: 800 }),
    ];
    expect(sent.map(readChildMessage)).toEqual([
      { type: 'hello', modes: ['stacked'], height: 0 },
      { type: 'height', height: 5210.5 },
      { type: 'step', index: 3, id: 'dandong-bridge' },
      { type: 'scroll-request', y: 800 },
    ]);
    // A hello keeps the modes it knows, and a fractional step index is floored.
    expect(readChildMessage({ ...tag, type: 'hello', modes: ['sticky', 'teleport', 7] })).toEqual({
      type: 'hello',
      modes: ['sticky'],
      height: 0,
    });
    expect(readChildMessage({ ...tag, type: 'step', index: 2.7, id: 'a' })).toEqual({
      type: 'step',
      index: 2,
      id: 'a',
    });
  });

  it('ignores anything else: wrong tag or version, unknown types, bad numbers and ids', () => {
    const hostile: unknown[] = [
      undefined,
      'storymap',
      { ...tag, v: 2, type: 'height', height: 500 },
      { ...tag, type: 'navigate', url: 'javascript:alert(1)' },
      { ...tag, type: 'height', height: -1 },
      { ...tag, type: 'height', height: Number.NaN },
      { ...tag, type: 'step', index: 1, id: '<img src=x onerror=alert(1)>' },
      { ...tag, type: 'step', index: 1, id: 'Upper-Case' },
      { ...tag, type: 'step', index: 1, id: 'a'.repeat(101) },
      { ...tag, type: 'step', index: -1, id: 'intro' },
      { ...tag, type: 'step', id: 'intro' },
      { ...tag, type: 'scroll-request', y: '100' },
    ];
    for (const data of hostile)
      expect(readChildMessage(data), JSON.stringify(data)).toBeUndefined();
  });
});

describe('the embed protocol, story side', () => {
  it('reads the host messages it knows, exactly', () => {
    expect(readHostMessage({ ...tag, type: 'hello-ack', mode: 'sticky' })).toEqual({
      type: 'hello-ack',
      mode: 'sticky',
    });
    expect(readHostMessage({ ...tag, type: 'scroll', y: 1200.5, viewport: 800 })).toEqual({
      type: 'scroll',
      y: 1200.5,
      viewport: 800,
    });
  });

  it('ignores anything else: wrong tag or version, unknown types, bad numbers', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      'pymxPYMxstoryxPYMxheightxPYMx500',
      'pymxPYMx',
      [],
      {},
      { sentinel: 'storymap' },
      { ...tag, v: 2, type: 'scroll', y: 1, viewport: 800 },
      { ...tag, type: 'navigate', url: 'javascript:alert(1)' },
      { ...tag, type: 'hello-ack', mode: 'anything' },
      { ...tag, type: 'scroll', y: Number.NaN, viewport: 800 },
      { ...tag, type: 'scroll', y: Number.POSITIVE_INFINITY, viewport: 800 },
      {
        ...tag,
        type: 'scroll',
        y: Number('1e309') /* overflows to Infinity, as a hostile page would send it */,
        viewport: 800,
      },
      { ...tag, type: 'scroll', y: -1, viewport: 800 },
      { ...tag, type: 'scroll', y: '100', viewport: 800 },
      { ...tag, type: 'scroll', y: 100 },
      { ...tag, type: 'scroll', y: 100, viewport: 0 },
      { ...tag, type: 'scroll', y: 100, viewport: 'x'.repeat(100_000) },
    ];
    for (const data of hostile) expect(readHostMessage(data), JSON.stringify(data)).toBeUndefined();
  });

  it('clamps pixels to a finite, non-negative, bounded number', () => {
    expect(pixels(12.5)).toBe(12.5);
    expect(pixels(0)).toBe(0);
    expect(pixels(1e12)).toBe(MAX_PIXELS);
    expect(pixels(-0.1)).toBeUndefined();
    expect(pixels(Number.NaN)).toBeUndefined();
    expect(pixels('5')).toBeUndefined();
  });

  it('allows listed origins exactly, and any only with "*"', () => {
    expect(originAllowed('https://news.example', ['https://news.example'])).toBe(true);
    expect(originAllowed('https://evilnews.example', ['https://news.example'])).toBe(false);
    expect(originAllowed('https://news.example.evil', ['https://news.example'])).toBe(false);
    expect(originAllowed('https://a.example', [])).toBe(false);
    expect(originAllowed('https://a.example', ['*'])).toBe(true);
  });

  it('unrolls for hosts that size the frame to its content', () => {
    const at = (address: string) => wantsStacked(new URL(address));
    expect(at('https://s.example/embed/?layout=stacked')).toBe(true);
    expect(at('https://s.example/embed/?initialWidth=640&childId=storymap-1')).toBe(true);
    expect(at('https://s.example/embed/#amp=1')).toBe(true);
    expect(at('https://s.example/embed/#step=rail&amp=1')).toBe(true);
    expect(at('https://s.example/embed/')).toBe(false);
    expect(at('https://s.example/embed/#camp=1')).toBe(false);
    expect(at('https://s.example/embed/?layout=sticky')).toBe(false);
  });

  it("speaks Pym.js's height message, for a plain child id only", () => {
    expect(pymHeightMessage('storymap-1', 4321.2)).toBe('pymxPYMxstorymap-1xPYMxheightxPYMx4322');
    expect(pymChildId(new URL('https://s.example/?childId=storymap-1'))).toBe('storymap-1');
    expect(pymChildId(new URL('https://s.example/?childId=a%20b'))).toBeUndefined();
    expect(pymChildId(new URL(`https://s.example/?childId=${'x'.repeat(200)}`))).toBeUndefined();
  });

  it("reads Pym.js's viewport and frame position, and nothing else", () => {
    const id = 'storymap-1';
    expect(pymPositionRequest(id)).toBe('pymxPYMxstorymap-1xPYMxparentPositionInfoxPYMx');
    expect(
      readPymPosition(
        'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 800 -1500.5 0 4000 1280',
        id
      )
    ).toEqual({ top: -1500.5, viewport: 800 });
    for (const bad of [
      'pymxPYMxother-idxPYMxviewport-iframe-positionxPYMx1280 800 0 0 4000 1280',
      'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 800 0 0',
      'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 NaN 0 0 4000 1280',
      'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 0 0 0 4000 1280',
      'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 800 1e309 0 4000 1280',
      `pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx${'9'.repeat(400)}`,
      { top: 0 },
      null,
    ]) {
      expect(readPymPosition(bad, id), String(bad).slice(0, 60)).toBeUndefined();
    }
  });

  it('tags what it sends', () => {
    expect(toWire({ type: 'height', height: 5 })).toEqual({ ...tag, type: 'height', height: 5 });
  });
});

/** A window in a frame: its parent records what it is sent; `deliver` plays a message in. */
function framedWindow(href = 'https://story.example/embed/') {
  const listeners = new Set<(event: MessageEvent) => void>();
  const sent: { data: unknown; origin: string }[] = [];
  const parent = {
    postMessage: (data: unknown, origin: string) => sent.push({ data, origin }),
  };
  const win = {
    parent,
    location: { href },
    addEventListener: (_: string, listener: (event: MessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MessageEvent) => void) =>
      listeners.delete(listener),
  };
  const deliver = (data: unknown, origin: string, source: unknown = parent) => {
    // A partial MessageEvent: the child reads only data, origin and source.
    const event = { data, origin, source } as unknown as MessageEvent;
    for (const listener of listeners) listener(event);
  };
  // A partial Window: the child uses only parent, postMessage and the two listener methods.
  return { win: win as unknown as Window, sent, deliver, listeners };
}

describe('the embedded story', () => {
  it('does nothing at the top of a window', () => {
    const win = { parent: undefined as unknown, addEventListener: vi.fn(), postMessage: vi.fn() };
    win.parent = win;
    // A partial Window that is its own parent, as a top-level window is.
    const child = startEmbedChild(win as unknown as Window, {
      allowedOrigins: ['*'],
      onMode: vi.fn(),
      onScroll: vi.fn(),
    });
    expect(child.mode).toBe('standalone');
    child.sendHeight(100);
    child.sendStep(0, 'intro');
    expect(win.addEventListener).not.toHaveBeenCalled();
    expect(win.postMessage).not.toHaveBeenCalled();
  });

  it('starts contained, says hello, and goes sticky when an allowed host answers', () => {
    const { win, sent, deliver } = framedWindow();
    const onMode = vi.fn();
    const onScroll = vi.fn();
    const child = startEmbedChild(win, {
      allowedOrigins: ['https://news.example'],
      onMode,
      onScroll,
    });
    expect(child.mode).toBe('contained');
    expect(sent[0]).toEqual({
      data: { ...tag, type: 'hello', modes: ['sticky', 'contained'], height: 0 },
      origin: '*',
    });
    // Scroll before the handshake, or from a host not allowed: ignored.
    deliver({ ...tag, type: 'scroll', y: 10, viewport: 800 }, 'https://news.example');
    deliver({ ...tag, type: 'hello-ack', mode: 'sticky' }, 'https://evil.example');
    expect(child.mode).toBe('contained');
    // The right message from a window that is not the parent: ignored.
    deliver({ ...tag, type: 'hello-ack', mode: 'sticky' }, 'https://news.example', {});
    expect(child.mode).toBe('contained');

    deliver({ ...tag, type: 'hello-ack', mode: 'sticky' }, 'https://news.example');
    expect(child.mode).toBe('sticky');
    expect(onMode).toHaveBeenCalledWith('sticky');
    deliver({ ...tag, type: 'scroll', y: 1234, viewport: 700 }, 'https://news.example');
    expect(onScroll).toHaveBeenCalledWith(1234, 700);
    expect(onScroll).toHaveBeenCalledTimes(1);

    // Once the host has answered, messages go to its origin only.
    child.sendHeight(5000.2);
    child.sendHeight(5000.4);
    child.sendStep(3, 'dandong');
    child.requestScroll(-20);
    expect(sent.slice(1)).toEqual([
      { data: { ...tag, type: 'height', height: 5001 }, origin: 'https://news.example' },
      { data: { ...tag, type: 'step', index: 3, id: 'dandong' }, origin: 'https://news.example' },
      { data: { ...tag, type: 'scroll-request', y: 0 }, origin: 'https://news.example' },
    ]);
  });

  it('unrolled under a Pym.js parent: heights in every dialect, and the host position', () => {
    // The address a Pym.js parent gives its child.
    const { win, sent, deliver, listeners } = framedWindow(
      'https://story.example/embed/?initialWidth=700&childId=storymap-1'
    );
    const onMode = vi.fn();
    const onHostViewport = vi.fn();
    const child = startEmbedChild(win, {
      allowedOrigins: ['*'],
      onMode,
      onScroll: vi.fn(),
      onHostViewport,
    });
    expect(child.mode).toBe('stacked');
    child.sendHeight(8000.4);
    child.sendHeight(8000.9);
    expect(sent.map((m) => m.data)).toEqual([
      { ...tag, type: 'hello', modes: ['stacked'], height: 0 },
      'pymxPYMxstorymap-1xPYMxparentPositionInfoxPYMx',
      { ...tag, type: 'height', height: 8001 },
      'pymxPYMxstorymap-1xPYMxheightxPYMx8001',
      { sentinel: 'amp', type: 'embed-size', height: 8001 },
    ]);
    const position =
      'pymxPYMxstorymap-1xPYMxviewport-iframe-positionxPYMx1280 800 -900 0 7100 1280';
    deliver(position, 'https://news.example', {});
    expect(onHostViewport).not.toHaveBeenCalled();
    deliver(position, 'https://news.example');
    expect(onHostViewport).toHaveBeenCalledWith(-900, 800);
    expect(onMode).not.toHaveBeenCalled();
    child.destroy();
    expect(listeners.size).toBe(0);
  });

  it('unrolls when a @newswire/frames parent starts watching, and tells it heights', () => {
    const { win, sent, deliver } = framedWindow();
    const onMode = vi.fn();
    const child = startEmbedChild(win, { allowedOrigins: ['*'], onMode, onScroll: vi.fn() });
    child.sendHeight(700);
    // From another window: ignored.
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example', {});
    expect(child.mode).toBe('contained');
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example');
    expect(child.mode).toBe('stacked');
    expect(onMode).toHaveBeenCalledWith('stacked');
    child.sendHeight(9000);
    expect(sent.map((m) => m.data).slice(-3)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 700 },
      { ...tag, type: 'height', height: 9000 },
      { sentinel: 'amp', type: 'embed-size', height: 9000 },
    ]);
  });

  it('reads, in order and checked, what the host said before the embedding code had loaded', () => {
    const { win, sent, deliver, listeners } = framedWindow();
    const kept = keepHostMessages(win);
    // A @newswire/frames parent speaks once, at the frame's load; a stranger speaks too.
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example', {});
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://evil.example');
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example');
    const earlier = kept.take();
    // The other window's message is not even kept; the disallowed origin is refused below.
    expect(earlier).toHaveLength(2);
    expect(listeners.size).toBe(0);
    expect(kept.take()).toEqual([]);
    const onMode = vi.fn();
    const child = startEmbedChild(
      win,
      { allowedOrigins: ['https://news.example'], onMode, onScroll: vi.fn() },
      earlier
    );
    expect(child.mode).toBe('stacked');
    expect(onMode).toHaveBeenCalledTimes(1);
    expect(onMode).toHaveBeenCalledWith('stacked');
    // Hello first, as always: the host learns the child is there before anything else.
    expect(sent[0]!.data).toMatchObject({ type: 'hello' });
  });

  it("hands over, first and in order, what the page's inline ear heard before the script ran", () => {
    const { win, deliver, listeners } = framedWindow();
    // The ear runs as the page is parsed, with the frame's window as its globals.
    const globals = win as unknown as Record<string, unknown>;
    globals.self = win;
    globals.top = {};
    globals.window = win;
    // Its text is run as the browser runs the inline script; `with` gives it the fake globals.
    new Function('globals', `with (globals) { ${HOST_EAR_SCRIPT} }`)(win);
    expect(listeners.size).toBe(1);
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example');
    deliver({ sentinel: 'amp', type: 'frames-init' }, 'https://news.example', {});
    const kept = keepHostMessages(win);
    // The ear has stopped and withdrawn its offer; the app's own listener has taken over.
    expect(listeners.size).toBe(1);
    expect(globals[EARLY_EAR]).toBeUndefined();
    deliver({ ...tag, type: 'hello-ack', mode: 'sticky' }, 'https://news.example');
    expect(kept.take().map((event) => (event.data as { type: string }).type)).toEqual([
      'frames-init',
      'hello-ack',
    ]);
    expect(listeners.size).toBe(0);
  });

  it('has no ear at the top of a window', () => {
    const listen = vi.fn();
    const win: Record<string, unknown> = { addEventListener: listen };
    win.self = win;
    win.top = win;
    win.window = win;
    new Function('globals', `with (globals) { ${HOST_EAR_SCRIPT} }`)(win);
    expect(listen).not.toHaveBeenCalled();
    expect(win[EARLY_EAR]).toBeUndefined();
  });

  it('stops listening when destroyed', () => {
    const { win, listeners } = framedWindow();
    const child = startEmbedChild(win, {
      allowedOrigins: ['*'],
      onMode: vi.fn(),
      onScroll: vi.fn(),
    });
    expect(listeners.size).toBe(1);
    child.destroy();
    expect(listeners.size).toBe(0);
  });
});
