import { unmount, type mount } from 'svelte';
import { afterEach, beforeEach } from 'vitest';

/**
 * What jsdom lacks for our components: a layout (elements report a fixed width) and
 * ResizeObserver (Svelte's bind:clientWidth uses it). Call before mounting.
 */
export function fakeLayout(width: number): () => void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => width,
  });
  class FakeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      // Report a size at once, as a browser does on observe.
      // A partial entry and observer: Svelte reads only the target and then clientWidth.
      this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  const previous = globalThis.ResizeObserver;
  // The stand-in implements only the methods Svelte calls, not the full interface.
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientWidth', original);
    globalThis.ResizeObserver = previous;
  };
}

/**
 * Per test: a fake layout `width` wide and an empty page before; the mounted component
 * unmounted and the layout restored after. Pass what `mount` returns to `track`.
 */
export function useComponentPage(width: number): {
  track(component: ReturnType<typeof mount>): void;
} {
  let restore: (() => void) | undefined;
  let mounted: ReturnType<typeof mount> | undefined;
  beforeEach(() => {
    restore = fakeLayout(width);
    document.body.innerHTML = '';
  });
  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = undefined;
    restore?.();
  });
  return {
    track(component) {
      mounted = component;
    },
  };
}
