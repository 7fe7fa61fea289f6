/**
 * Links to a step, and the address: a link to a step opens the story on it at once, without a
 * flight; the address follows the reading without piling up history; links followed one after
 * another, from the moment the story starts, each take the reader to their step; and an
 * address naming no step (unknown, huge, malformed, or another element's id) opens the story
 * at its beginning.
 */
import { describe, expect, it } from 'vitest';
import { committedStory } from '../unit/helpers';
import { findChromium, pageOpener, scrollToStep, waitForSettled } from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
// The real story's steps, picked by position and role, never by name.
const ids = story.steps.map((step) => step.id);
const middle = ids[Math.floor(ids.length / 2)]!;
/** The step whose route grows with the reading (the first step when none does). */
const growing = story.steps.find((step) => step.map.grow)?.id ?? ids[0]!;
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('links to a step, and the address', () => {
  const env = useSiteAndBrowser(chromiumPath);
  const { open, watched } = pageOpener(env);

  it('opens a link to a step on that step at once, without a flight', async () => {
    // A fresh load per link, so a few steps by position and role stand for all: the second
    // (the first is where every other load starts), the middle, the one whose route grows and
    // the last. (readability.test.ts follows a link to every step in an open page.)
    const linked = [...new Set([ids[1] ?? ids[0]!, middle, growing, ids.at(-1)!])];
    const { context, page } = await open('/');
    // Every value data-active-step takes, from the first moment of each load.
    await context.addInitScript(`
      window.__settled = [];
      new MutationObserver((records) => {
        for (const record of records) {
          const value = record.target.getAttribute('data-active-step');
          if (value) window.__settled.push(value);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-active-step'] });
    `);
    for (const id of linked) {
      await page.goto('about:blank');
      await page.goto(`${env.site.origin}/#${id}`);
      await waitForSettled(page, id);
      expect(await page.evaluate('window.__settled'), id).toEqual([id]);
      expect(await page.evaluate(() => window.location.hash)).toBe(`#${id}`);
      expect(await page.evaluate(() => document.querySelector('.step.active')?.id)).toBe(id);
    }
    await context.close();
  });

  it('follows the reading in the address without adding history entries', async () => {
    // Reduced motion: each step is a jump, not a flight; what the address does is the same.
    const { context, page } = await open('/', { reducedMotion: 'reduce' });
    await waitForSettled(page, ids[0]!);
    const entries = await page.evaluate(() => history.length);
    for (const id of ids.slice(1, 5)) {
      await scrollToStep(page, id, 0.2);
      await waitForSettled(page, id);
      await page.waitForFunction((hash) => window.location.hash === hash, `#${id}`);
    }
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await context.close();
  });

  it('takes the reader to each step a link names, one after another, from the moment the story starts', async () => {
    // Links followed as soon as the map first settles, while the scroll engine is starting:
    // the address following the step being read must never take a link back.
    const { context, page } = await open('/', { reducedMotion: 'reduce' });
    await waitForSettled(page, ids[0]!);
    for (const id of ids.slice(0, 3)) {
      await page.evaluate((hash) => (window.location.hash = hash), id);
      await waitForSettled(page, id);
      expect(await page.evaluate(() => window.location.hash)).toBe(`#${id}`);
    }
    await context.close();
  });

  it('starts at the beginning, without error, for an unknown or huge hash', async () => {
    // One context, a fresh load for each (through a blank page: a hash alone would not reload).
    const { context, page } = await open('/');
    for (const hash of ['#no-such-step', `#${'x'.repeat(60_000)}`, '#%E0%A4%A', '#source-wapo']) {
      await page.goto('about:blank');
      await page.goto(`${env.site.origin}/${hash}`);
      await waitForSettled(page, ids[0]!);
      expect(await page.evaluate(() => document.querySelector('.step.active')?.id)).toBe(ids[0]);
    }
    await context.close();
  });

  it('made no request outside its own origin and threw no errors', () => {
    expect(watched.length).toBeGreaterThanOrEqual(4);
    for (const issues of watched) {
      expect(issues.outsideRequests).toEqual([]);
      expect(issues.pageErrors).toEqual([]);
      expect(issues.consoleErrors).toEqual([]);
    }
  });
});
