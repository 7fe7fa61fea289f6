/**
 * The one wrapper around scrollama: set up on a list of step elements, report the active step
 * and the reader's progress through it, and tear everything down.
 *
 * scrollama reports steps as they cross the trigger line. A jump (End key, a link, a fast
 * fling) can carry a step across the line between two observer callbacks, so no event fires
 * for it (scrollama issue #136). When scrolling stops, `settleFromLayout` therefore reads the
 * active step from the layout itself: the last step whose top has passed the line.
 */
import { stepAtLine } from './line';
import scrollama from 'scrollama';

export interface ScrollerOptions {
  steps: HTMLElement[];
  /** Where the trigger line sits, as a share of the viewport's height from the top (0–1). */
  offset: scrollama.DecimalType;
  /** The active step changed. */
  onStep(index: number): void;
  /** The reader's progress through the active step changed (0–1). */
  onProgress(index: number, progress: number): void;
  /**
   * The page runs in an iframe. The browser then measures scrollama's observers against the
   * top page's viewport and ignores their margins (cross-origin frames), and scrollama's
   * progress observer cannot be given a root; so the document is the observers' root, and the
   * active step and progress are also read from the layout once per animation frame while
   * the page scrolls. @defaultValue false
   */
  embedded?: boolean;
}

export interface Scroller {
  /** Re-measures after layout changes (fonts, resize, rotated device). */
  resize(): void;
  /**
   * Reads the active step from the layout now: after the page was scrolled by script (a
   * host page driving an embed), without waiting for the scroll event's frame.
   */
  settle(): void;
  destroy(): void;
}

export function createScroller(options: ScrollerOptions): Scroller {
  const { steps, offset } = options;
  let active = -1;
  let progress = -1;

  const report = (index: number, value: number) => {
    if (index !== active) {
      active = index;
      options.onStep(index);
    }
    if (value !== progress) {
      progress = value;
      options.onProgress(index, value);
    }
  };

  const settleFromLayout = () => {
    const line = window.innerHeight * offset;
    // A few steps' boxes, not every step's: the cost stays flat as the story grows.
    const at = stepAtLine(steps.length, (index) => steps[index]!.getBoundingClientRect(), line);
    report(at.index, at.progress);
  };

  // scrollama 3.2 takes `root` (its PR #139) but its types do not list it yet.
  const setup: scrollama.ScrollamaOptions & { root?: Document | null } = {
    step: steps,
    offset,
    progress: true,
    root: options.embedded ? document : null,
  };
  const instance = scrollama()
    .setup(setup)
    // Enter events can arrive out of order in a fast scroll (mapbox/storytelling #58), so an
    // enter only prompts a read of the layout; it is never trusted for the index itself.
    .onStepEnter(settleFromLayout)
    .onStepProgress(({ index, progress: value }) => {
      if (index === active) report(index, value);
    });

  // `scrollend` where the browser has it; otherwise a short quiet period after the last scroll.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hasScrollEnd = 'onscrollend' in window;
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(settleFromLayout, 150);
  };
  // Every listener below goes when the scroller does.
  const listening = new AbortController();
  const { signal } = listening;
  if (hasScrollEnd) window.addEventListener('scrollend', settleFromLayout, { signal });
  else window.addEventListener('scroll', onScroll, { passive: true, signal });
  window.addEventListener('resize', settleFromLayout, { signal });
  // Embedded: one read of the layout per frame while scrolling (see `embedded`).
  let frame = 0;
  const onFrameScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      settleFromLayout();
    });
  };
  if (options.embedded) {
    window.addEventListener('scroll', onFrameScroll, { passive: true, signal });
  }

  settleFromLayout();

  return {
    resize() {
      instance.resize();
      settleFromLayout();
    },
    settle: settleFromLayout,
    destroy() {
      clearTimeout(timer);
      listening.abort();
      cancelAnimationFrame(frame);
      instance.destroy();
    },
  };
}

export { stepAtLine };
