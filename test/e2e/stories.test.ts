/**
 * Stories other than the flagship, built from their folders as `STORY=<folder> npm run build`
 * builds them: a story whose steps span continents (test/fixtures/world) gets a basemap cut
 * from its own cameras, and every step settles with land drawn under it; so does the story
 * `npm run new-story` writes; a story with images on its cards, a step for the map alone and
 * its cards on the right (test/fixtures/media) shows each as its readers need; a story of many
 * steps (the engine's fixture, its steps repeated) keeps every step's link in reach without
 * the script and draws a phone's bar of its steps as one bar. (Imported
 * stories: imported.test.ts.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { newStory } from '../../src/cli/new-story';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory } from '../../src/lib/story/load';
import type { Story, StoryDocument } from '../../src/lib/story/types';
import { worldStory } from '../unit/helpers';
import { MAP, ROOT, findChromium, scrollToStep, waitForSettled, watchPage } from './harness';
import { useBuiltStory } from './hooks';
import { followStepLink } from './layouts';

const chromiumPath = findChromium();
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

describe.skipIf(!chromiumPath)('a story that spans continents', () => {
  const story = worldStory();
  const env = useBuiltStory(chromiumPath, 'test/fixtures/world');

  it('builds without detail of its own, saying where the general basemap stands in', () => {
    expect(env.built.output).toContain(
      'steps san-francisco, washington, geneva zoom in close where test/fixtures/world/detail.json has no detail: the general basemap stands in there.'
    );
  });

  for (const screen of SCREENS) {
    it(`at ${screen.width}×${screen.height}: every step settles with the basemap's land in view`, async () => {
      expect(await landDrawn(env.browser, env.site.origin, story, screen)).toEqual(
        story.steps.map((step) => [step.id, true])
      );
    });
  }
});
describe.skipIf(!chromiumPath)('the story npm run new-story writes', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp-new-story-'));
  const folder = relative(ROOT, newStory(ROOT, join(scratch, 'story')));
  const story = loadStory(readStoryFiles(ROOT, storyFolder(ROOT, folder)));
  // The build is removed with the scratch folder it is in.
  const env = useBuiltStory(chromiumPath, folder, scratch);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('builds and plays: every step settles with land in view', async () => {
    expect(await landDrawn(env.browser, env.site.origin, story, SCREENS[0]!)).toEqual(
      story.steps.map((step) => [step.id, true])
    );
  });
});

describe.skipIf(!chromiumPath)(
  'a story with images, a step for the map alone, cards on the right',
  () => {
    const env = useBuiltStory(chromiumPath, 'test/fixtures/media');

    it('shows each image in its card, in a modern format, its room held before it loads', async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const issues = watchPage(page, env.site.origin);
      await page.goto(`${env.site.origin}/`);
      const image = page.locator('[data-step-id="harbour"] .card figure.step-media img');
      // Before it loads (it is lazy), the box already has the image's shape: 1600 × 1000.
      const before = await image.evaluate((img: HTMLImageElement) => ({
        loading: img.loading,
        alt: img.alt,
        ratio: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
      }));
      expect(before).toEqual({
        loading: 'lazy',
        alt: 'A blue and gold gradient with a white disc in its middle.',
        ratio: expect.closeTo(1.6, 2),
      });
      await scrollToStep(page, 'harbour');
      await waitForSettled(page, 'harbour');
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLImageElement>('[data-step-id="harbour"] img')?.complete &&
          document.querySelector<HTMLImageElement>('[data-step-id="harbour"] img')!.naturalWidth > 0
      );
      const shown = await image.evaluate((img: HTMLImageElement) => ({
        source: new URL(img.currentSrc).pathname,
        ratio: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
      }));
      // Chromium takes AVIF, at a width the card needs (400 CSS pixels or so, at 1×).
      expect(shown.source).toMatch(/^\/media\/harbour-jpg-(400|800)\.avif$/);
      expect(shown.ratio).toBeCloseTo(1.6, 2);
      expect(await page.locator('[data-step-id="harbour"] figcaption').innerText()).toBe(
        'The harbour at dawn. Test Atlas'
      );
      // Read out with the step: the map, then the image.
      await page.waitForFunction(
        (text) =>
          document.querySelector('[data-testid="map-narration"]')?.textContent?.includes(text),
        "The card's image: A blue and gold gradient with a white disc in its middle."
      );
      // The cards on the right of the map.
      const [cards, map] = await Promise.all(
        ['#storymap-text', MAP].map((selector) =>
          page.locator(selector).evaluate((e) => e.getBoundingClientRect().left)
        )
      );
      expect(cards).toBeGreaterThan(map!);
      expect(issues).toEqual({ consoleErrors: [], pageErrors: [], outsideRequests: [] });
      await context.close();
    });

    it('leaves the screen to the map on a step for the map alone, but not to screen readers or the keyboard', async () => {
      const context = await env.browser.newContext({
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(`${env.site.origin}/`);
      await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
      await scrollToStep(page, 'the-sea', 0.3);
      await waitForSettled(page, 'the-sea');
      const card = page.locator('[data-step-id="the-sea"] .card');
      const seen = () =>
        card.evaluate((e) => {
          const style = getComputedStyle(e);
          return { clip: style.clipPath, opacity: style.opacity, display: style.display };
        });
      expect(await seen()).toEqual({ clip: 'inset(50%)', opacity: '0', display: 'block' });
      // In the accessibility tree all the same, with its title.
      const tree = await page.locator('[data-step-id="the-sea"]').ariaSnapshot();
      expect(tree).toContain('Out to sea');
      // Focused (the keyboard's path through the story), it shows.
      await card.focus();
      expect(await seen()).toMatchObject({ clip: 'none', opacity: '1' });
      // In print it is a card as any other.
      await card.blur();
      await page.emulateMedia({ media: 'print' });
      expect(await seen()).toMatchObject({ clip: 'none', opacity: '1' });
      await context.close();
    });

    it('shows the images without JavaScript, in the embed and unrolled', async () => {
      const context = await env.browser.newContext({
        viewport: { width: 390, height: 844 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${env.site.origin}/`);
      const images = page.locator('figure.step-media img');
      expect(await images.count()).toBe(2);
      await images.first().scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector<HTMLImageElement>('figure.step-media img')!.naturalWidth > 0
      );
      expect(await page.locator('[data-step-id="the-sea"] .card').isVisible()).toBe(true);
      await context.close();
      const embed = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
      await embed.goto(`${env.site.origin}/embed/?layout=stacked`);
      await embed.waitForSelector('.steps.stacked');
      expect(await embed.locator('figure.step-media img').count()).toBe(2);
      const hidden = embed.locator('[data-step-id="the-sea"] .card');
      expect(await hidden.evaluate((e) => getComputedStyle(e).clipPath)).toBe('none');
      await embed.close();
    });
  }
);

describe.skipIf(!chromiumPath)('a story of many steps', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp-many-steps-'));
  const count = 80;
  const folder = relative(ROOT, manySteps(join(scratch, 'story'), count));
  const env = useBuiltStory(chromiumPath, folder, scratch);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  it('keeps every step’s link in reach without the script: the column scrolls in its room', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 1280, height: 800 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    const links = page.locator('[data-step-link]');
    expect(await links.count()).toBe(count);
    // The column's steps (28 px each) are far taller than the screen; the column is not.
    const column = await page.$eval('.step-nav', (nav) => ({
      scrolls: nav.scrollHeight > nav.clientHeight,
      height: nav.getBoundingClientRect().height,
    }));
    expect(column.scrolls).toBe(true);
    expect(column.height).toBeLessThan(800);
    // The last step is a named link a pointer reaches, and it leads to its step.
    expect(
      await page.getByRole('link', { name: `Step ${count} of ${count}:`, exact: false }).count()
    ).toBe(1);
    await links.last().click();
    expect(new URL(page.url()).hash).toBe(`#${await links.last().getAttribute('data-step-link')}`);
    await context.close();
  });

  it('draws a phone’s bar of many steps as one bar, filled as far as the reader has read', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await env.browser.newContext({
        viewport: { width: 390, height: 844 },
        reducedMotion: 'reduce',
        javaScriptEnabled,
      });
      const page = await context.newPage();
      await page.goto(`${env.site.origin}/`);
      const links = page.locator('[data-step-link]');
      const reading = count / 2;
      if (javaScriptEnabled) {
        const id = (await links.nth(reading).getAttribute('data-step-link'))!;
        await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
        await followStepLink(page.mainFrame(), id);
        await waitForSettled(page, id);
      }
      // No step draws a segment of its own.
      expect(
        await links.evaluateAll((all) => all.map((a) => getComputedStyle(a, '::before').content))
      ).toEqual(Array.from({ length: count }, () => 'none'));
      // Halfway down the bar, over the step a quarter of the way through (read) and the one
      // three quarters through (not yet, the reader being halfway): blue, and white.
      const bar = (await page.locator('.step-nav ol').boundingBox())!;
      const at = async (index: number) => {
        const link = (await links.nth(index).boundingBox())!;
        return pixel(page, link.x + link.width / 2, bar.y + 12);
      };
      const [read, unread] = [await at(count / 4), await at((3 * count) / 4)];
      expect(isWhite(unread), `unread ${unread}`).toBe(true);
      // Without the script no step is marked: the bar is empty.
      expect(isWhite(read), `read ${read}`).toBe(!javaScriptEnabled);
      if (javaScriptEnabled) expect(read[2] - read[0], `read ${read}`).toBeGreaterThan(40);
      await context.close();
    }
  });
});

/**
 * The engine's fixture story (test/fixtures/engine) with its steps repeated to `count`, each
 * copy after the first under an id and a title of its own, written into `folder`.
 */
function manySteps(folder: string, count: number): string {
  const fixture = join(ROOT, 'test/fixtures/engine');
  const story = JSON.parse(readFileSync(join(fixture, 'story.json'), 'utf8')) as StoryDocument;
  const steps = story.steps;
  story.steps = Array.from({ length: count }, (_, index) => {
    const step = steps[index % steps.length]!;
    return index < steps.length
      ? step
      : { ...step, id: `${step.id}-${index}`, title: `${step.title} (${index + 1})` };
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.json'), JSON.stringify(story));
  for (const file of ['places.geojson', 'route.geojson']) {
    copyFileSync(join(fixture, file), join(folder, file));
  }
  return folder;
}

/** The colour of one CSS pixel of the page's screen, as [red, green, blue]. */
async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({
    clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 },
  });
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}

const isWhite = ([red, green, blue]: [number, number, number]) => Math.min(red, green, blue) > 225;

/**
 * Each step of `story`, reached by its address, and whether the basemap's land (its own layer,
 * not the world's) is drawn once it settled; fails on any console error or outside request.
 */
async function landDrawn(
  browser: Browser,
  origin: string,
  story: Story,
  screen: { width: number; height: number }
): Promise<[string, boolean][]> {
  const context = await browser.newContext({ viewport: screen, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const issues = watchPage(page, origin);
  await page.goto(`${origin}/?debug`);
  await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
  const drawn: [string, boolean][] = [];
  for (const step of story.steps) {
    await followStepLink(page.mainFrame(), step.id);
    // Settled is the camera; the view's tiles may still be on their way from the worker (on a
    // busy machine they came after the settle, and the land looked missing).
    await page.evaluate(`new Promise((resolve) => {
      const map = window.__storyMap;
      if (map.loaded()) resolve(); else map.once('idle', resolve);
    })`);
    const land = (await page.evaluate(
      `window.__storyMap.queryRenderedFeatures({ layers: ['land'] }).length`
    )) as number;
    drawn.push([step.id, land > 0]);
  }
  expect(issues).toEqual({ consoleErrors: [], pageErrors: [], outsideRequests: [] });
  await context.close();
  return drawn;
}
