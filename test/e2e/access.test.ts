/**
 * Every reader gets the story: axe-core finds no serious or critical problem; the keyboard
 * alone reaches every step; reduced motion jumps, and the reader's toggle overrides it and is
 * remembered; and a map that cannot load, a resize mid-flight or a rotated phone leave the
 * story in order. (Links to a step and the address: addresses.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { camerasMatch, type Camera } from '../../src/lib/geo/camera';
import { committedStory } from '../unit/helpers';
import {
  BUILD,
  MAP,
  findChromium,
  pageOpener,
  referenceCamera,
  scrollToStep,
  shownCamera,
  waitForSettled,
  watchPage,
} from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
// The real story's steps, picked by position and role, never by name: an editor's valid edit
// keeps these tests meaningful.
const ids = story.steps.map((step) => step.id);
const middle = ids[Math.floor(ids.length / 2)]!;
/** The step whose route grows with the reading (the first step when none does). */
const growing = story.steps.find((step) => step.map.grow)?.id ?? ids[0]!;
const chromiumPath = findChromium();
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
);
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Serious and critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const found = (await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' — ' +
          v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))
  `)) as string[];
  return found;
}

/** Counts the map's `move` events from now on (?debug exposes the map). */
async function countMoves(page: Page): Promise<void> {
  await page.waitForFunction('window.__storyMap !== undefined');
  await page.evaluate(`window.__moves = 0; window.__storyMap.on('move', () => window.__moves++)`);
}
const movesSoFar = (page: Page) => page.evaluate('window.__moves') as Promise<number>;

const activeCardStep = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-step-id]')?.getAttribute('id'));

describe.skipIf(!chromiumPath)('every reader gets the story', () => {
  const env = useSiteAndBrowser(chromiumPath);
  const { open, watched } = pageOpener(env);

  it('has no serious or critical axe-core violation at three steps, reduced, and embedded', async () => {
    const { context, page } = await open('/');
    for (const id of [ids[0]!, middle, ids.at(-1)!]) {
      await page.click(`[data-step-link="${id}"]`);
      await waitForSettled(page, id);
      expect(await axeProblems(page), id).toEqual([]);
    }
    await context.close();

    const reduced = await open(`/#${growing}`, { reducedMotion: 'reduce' });
    await waitForSettled(reduced.page, growing);
    expect(await axeProblems(reduced.page), 'reduced motion').toEqual([]);
    await reduced.context.close();

    for (const viewport of [DESKTOP, PHONE]) {
      const embed = await open(`/embed/#${ids.at(-2)!}`, { viewport });
      await waitForSettled(embed.page, ids.at(-2)!);
      expect(await axeProblems(embed.page), `embed ${viewport.width}`).toEqual([]);
      await embed.context.close();
    }
  });

  it('reaches every step with Tab and the arrow keys alone, the map settling on each', async () => {
    // Motion is beside the point here: jumps settle each step sooner.
    const { context, page } = await open('/', { reducedMotion: 'reduce' });
    await waitForSettled(page, ids[0]!);
    // The first Tab stop is the skip link, unseen until focused; it takes focus to the text.
    const skipSeen = () =>
      page.evaluate(() => {
        const link = document.querySelector('.skip-link')!;
        const box = link.getBoundingClientRect();
        const seen = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return seen !== null && link.contains(seen);
      });
    expect(await skipSeen()).toBe(false);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    const skip = await page.locator('.skip-link').boundingBox();
    expect(skip!.y).toBeGreaterThanOrEqual(0);
    expect(await skipSeen()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeCardStep(page)).toBe(ids[0]);
    for (const id of ids.slice(1)) {
      await page.keyboard.press('ArrowDown');
      await waitForSettled(page, id);
      expect(await activeCardStep(page)).toBe(id);
    }
    // Back up with Page Up, and to the start with Home.
    await page.keyboard.press('PageUp');
    await waitForSettled(page, ids.at(-2)!);
    await page.keyboard.press('Home');
    await waitForSettled(page, ids[0]!);
    await context.close();
  });

  it('moves through the steps from the step navigation, and Tab leaves the map', async () => {
    const { context, page } = await open('/', { reducedMotion: 'reduce' });
    await waitForSettled(page, ids[0]!);
    // Skip link, animations toggle, then the one Tab stop of the step navigation.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-step-link') ?? null);
    expect(await focused()).toBe(ids[0]);
    for (const id of ids.slice(1)) {
      await page.keyboard.press('ArrowRight');
      await waitForSettled(page, id);
      expect(await focused()).toBe(id);
      expect(await page.getAttribute(`[data-step-link="${id}"]`, 'aria-current')).toBe('step');
    }
    // No trap: Tab goes on through the timeline's marks to the text.
    let presses = 0;
    while (!(await activeCardStep(page)) && presses < 60) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(60);
    await context.close();
  });

  it('jumps under reduced motion, and the toggle turns animations on and off, remembered', async () => {
    const { context, page } = await open('/?debug', { reducedMotion: 'reduce' });
    const toggle = '[data-testid="motion-toggle"]';
    await waitForSettled(page, ids[0]!);
    expect(await page.getAttribute(toggle, 'aria-checked')).toBe('false');
    expect(await page.getAttribute('html', 'data-motion')).toBe('reduced');
    await countMoves(page);
    await page.click(`[data-step-link="${middle}"]`);
    await waitForSettled(page, middle);
    // A jump: the camera changes in one move, not a flight of frames.
    expect(await movesSoFar(page)).toBeLessThanOrEqual(1);
    // The route is shown whole at once, not grown with the scroll (when a step grows one).
    const rail = story.steps.find((step) => step.map.grow);
    if (rail) {
      await scrollToStep(page, rail.id, 0.05);
      await waitForSettled(page, rail.id);
      expect(await page.getAttribute(MAP, 'data-route-drawn')).toContain(`${rail.map.grow}:1.000`);
    }

    // The reader asks for animations: the next step is a flight, and the choice is kept.
    await page.click(toggle);
    expect(await page.getAttribute(toggle, 'aria-checked')).toBe('true');
    expect(await page.getAttribute('html', 'data-motion')).toBe('full');
    await countMoves(page);
    // Back to the first step, whose view differs from the growing one's.
    await page.click(`[data-step-link="${ids[0]!}"]`);
    await waitForSettled(page, ids[0]!);
    expect(await movesSoFar(page)).toBeGreaterThan(3);
    await page.reload();
    await waitForSettled(page, ids[0]!);
    expect(await page.getAttribute(toggle, 'aria-checked')).toBe('true');

    // And off again, also kept.
    await page.click(toggle);
    await page.reload();
    await waitForSettled(page, ids[0]!);
    expect(await page.getAttribute(toggle, 'aria-checked')).toBe('false');
    await countMoves(page);
    await page.click(`[data-step-link="${middle}"]`);
    await waitForSettled(page, middle);
    expect(await movesSoFar(page)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('keeps the story in order and usable when the map cannot load', async () => {
    // MapLibre's chunk, the one large script of the build, fails to arrive.
    const chunks = join(BUILD, '_app/immutable/chunks');
    const maplibre = readdirSync(chunks)
      .map((name) => ({ name, size: statSync(join(chunks, name)).size }))
      .sort((a, b) => b.size - a.size)[0]!.name;
    const context = await env.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const issues = watchPage(page, env.site.origin);
    await page.route(`**/${maplibre}`, (route) => route.abort());
    await page.goto(`${env.site.origin}/`);
    await page.waitForSelector(`${MAP}[data-map-state="failed"]`);
    expect(await page.textContent(`${MAP} .notice`)).toMatch(/could not be shown/);
    // The step navigation still takes the reader through the text.
    await page.click(`[data-step-link="${middle}"]`);
    await page.waitForSelector(`.step.active#${middle}`);
    expect(await page.$$eval('[data-step-id]', (e) => e.map((x) => x.id))).toEqual(ids);
    expect(issues.pageErrors).toEqual([]);
    await context.close();
  });

  it('ends on target after a resize mid-flight, and after a phone turns mid-scroll', async () => {
    const { context, page } = await open('/');
    await waitForSettled(page, ids[0]!);
    const turned = ids.at(-2)!;
    await page.click(`[data-step-link="${turned}"]`);
    await page.setViewportSize({ width: 1000, height: 700 });
    // The reader stays on the step, and the map frames it as for a reader who opened it at
    // this size.
    const framed = await referenceCamera(
      env.browser,
      env.site.origin,
      { width: 1000, height: 700 },
      turned
    );
    await expect.poll(() => settledOn(page, turned, framed), { timeout: 60_000 }).toBe(true);
    await context.close();

    const phone = await open('/', { viewport: PHONE });
    await waitForSettled(phone.page, ids[0]!);
    await scrollToStep(phone.page, ids[2]!, 0.2);
    await waitForSettled(phone.page, ids[2]!);
    await phone.page.click(`[data-step-link="${ids[3]}"]`);
    const landscape = { width: PHONE.height, height: PHONE.width };
    await phone.page.setViewportSize(landscape);
    const onLandscape = await referenceCamera(env.browser, env.site.origin, landscape, ids[3]!);
    await expect
      .poll(() => settledOn(phone.page, ids[3]!, onLandscape), { timeout: 60_000 })
      .toBe(true);
    expect(await phone.page.$$eval('[data-step-id]', (e) => e.map((x) => x.id))).toEqual(ids);
    await phone.context.close();
  });

  it('made no request outside its own origin and threw no errors', () => {
    expect(watched.length).toBeGreaterThan(5);
    for (const issues of watched) {
      expect(issues.outsideRequests).toEqual([]);
      expect(issues.pageErrors).toEqual([]);
      expect(issues.consoleErrors).toEqual([]);
    }
  });
});

/** Whether the page reads step `id` and the map has settled on it, showing `camera`. */
async function settledOn(page: Page, id: string, camera: Camera): Promise<boolean> {
  const state = await page.evaluate(() => ({
    reading: document.querySelector('.step.active')?.id,
    shown: document.querySelector('[data-testid="story-map"]')?.getAttribute('data-active-step'),
  }));
  if (state.reading !== id || state.shown !== id) return false;
  return camerasMatch(await shownCamera(page), camera, { pixels: 3, zoom: 0.02, degrees: 0.6 });
}
