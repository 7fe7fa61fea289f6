/**
 * One fresh load of a page, as the bench measures it: first contentful paint, the first step's
 * text laid out, and the first settled map. Shared by the side-by-side runs (run.ts) and the
 * long stories (growth.ts).
 */
import type { Browser } from 'playwright-core';
import type { Size } from '../src/lib/geo/camera';

/** The mark the probe leaves when the first step's text is laid out (a trace finds it). */
const FIRST_TEXT_MARK = 'storymap:first-text';

/** Records, from the first frame, when the first step's text is laid out. */
const FIRST_TEXT_PROBE = `(() => {
  const look = () => {
    const p = document.querySelector('[data-step-id] p');
    if (p && p.getBoundingClientRect().height > 0) {
      window.__firstText = performance.now();
      performance.mark('${FIRST_TEXT_MARK}');
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

/** True once our page's map has settled on its first step. */
export const STORY_SETTLED = `document.querySelector('[data-testid="story-map"]')?.hasAttribute('data-active-step')`;

export interface LoadTimes {
  fcp: number[];
  firstText: number[];
  settled: number[];
}

/** A fresh context and page at `viewport`, the first text's probe in it before any script. */
async function probedPage(browser: Browser, viewport: Size) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(FIRST_TEXT_PROBE);
  return { context, page: await context.newPage() };
}

/** First paint, first text and first settled map of one fresh load. */
export async function loadOnce(
  browser: Browser,
  url: string,
  /** A page expression true once its map has settled; none for a page without a map. */
  settledExpression: string | undefined,
  viewport: Size,
  into: LoadTimes
): Promise<void> {
  const { context, page } = await probedPage(browser, viewport);
  await page.goto(url);
  if (settledExpression) {
    // A string, not a function: tsx's keepNames would add a helper the page does not have.
    into.settled.push(
      (await page.evaluate(`new Promise((resolve) => {
        const check = () => (${settledExpression}) ? resolve(performance.now()) : requestAnimationFrame(check);
        check();
      })`)) as number
    );
  }
  await page.waitForFunction('window.__firstText !== undefined');
  into.firstText.push((await page.evaluate('window.__firstText')) as number);
  into.fcp.push(
    (await page.evaluate(`new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) { observer.disconnect(); resolve(entry.startTime); }
      }).observe({ type: 'paint', buffered: true });
    })`)) as number
  );
  await context.close();
}

/**
 * The pause after a load, before the next: the closed page's processes and threads (its
 * renderer, MapLibre's workers, the GPU process's share) wind down outside anything a page
 * can await, and a load started at once shares the machine's two cores with them.
 */
export const BETWEEN_LOADS_MS = 1000;

/** Where the main thread's time went before the first step's text was laid out, ms. */
export interface BeforeFirstText {
  /** The HTML parser's tasks. */
  parse: number[];
  /** Style and layout (the browser's own, and the probe's forced one). */
  styleAndLayout: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
}

/**
 * One fresh load, traced: how long the browser parsed, and styled and laid out, before the
 * first step's text was laid out. What grows with a story's length shows here: the parser's
 * time with the page's bytes, and layout with whatever is laid out before the first frame.
 * Traced loads are slower than untraced ones: their first text is not one of `loadOnce`'s.
 */
export async function tracedLoadOnce(
  browser: Browser,
  url: string,
  viewport: Size,
  into: BeforeFirstText
): Promise<void> {
  const { context, page } = await probedPage(browser, viewport);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
  await page.goto(url);
  await page.waitForFunction('window.__firstText !== undefined');
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  await context.close();
  const mark = traceEvents.find((event) => event.name === FIRST_TEXT_MARK);
  if (!mark) throw new Error(`the trace of ${url} has no ${FIRST_TEXT_MARK} mark`);
  const before = (...names: string[]) =>
    traceEvents
      .filter((e) => names.includes(e.name) && e.ph === 'X' && e.ts <= mark.ts)
      .reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
  into.parse.push(before('ParseHTML'));
  into.styleAndLayout.push(before('UpdateLayoutTree', 'Layout'));
}
