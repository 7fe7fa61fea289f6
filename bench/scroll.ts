/**
 * Scroll scenarios for the benchmark, run the same way on our page and on the baselines:
 * reading at a steady speed, fast jumps to the end, and the heap over round trips. Page code is
 * passed as strings (tsx's keepNames would add a helper the page does not have).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface ReadingScroll {
  /** Frame intervals during the scroll, ms. */
  frames: number[];
  longTasks: number;
  longTaskMs: number;
  /** Our own measures (`app:*`, ?debug), ms each; empty for pages without them. */
  scrollUpdates: number[];
  stepChanges: number[];
}

/** Scrolls from the top to the bottom at `pxPerSecond`, recording every frame. */
export async function readingScroll(page: Page, pxPerSecond = 700): Promise<ReadingScroll> {
  await page.evaluate('window.scrollTo(0, 0); performance.clearMeasures()');
  return (await page.evaluate(`new Promise((resolve) => {
    const frames = [];
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    try { observer.observe({ type: 'longtask', buffered: false }); } catch {}
    const end = document.documentElement.scrollHeight - innerHeight;
    let last;
    let y = 0;
    const frame = (now) => {
      if (last !== undefined) {
        frames.push(now - last);
        y = Math.min(end, y + (${pxPerSecond} * (now - last)) / 1000);
        window.scrollTo(0, y);
      }
      last = now;
      if (y < end) return requestAnimationFrame(frame);
      observer.disconnect();
      const measures = (name) => performance.getEntriesByName(name).map((e) => e.duration);
      resolve({
        frames,
        longTasks: tasks.length,
        longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
        scrollUpdates: measures('app:scroll-update'),
        stepChanges: measures('app:step-change'),
      });
    };
    requestAnimationFrame(frame);
  })`)) as ReadingScroll;
}

/** Jumps from the top to the bottom in six frames (the caller waits for the page to rest). */
export async function fastScroll(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    const end = document.documentElement.scrollHeight;
    let i = 0;
    const frame = () => {
      window.scrollTo(0, (end * ++i) / 6);
      if (i < 6) requestAnimationFrame(frame); else resolve();
    };
    requestAnimationFrame(frame);
  })`);
}

/** The JS heap in MB after a forced garbage collection. */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], share: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}
