/**
 * The dev preview an editor uses: saving a broken story keeps the last good page and shows the
 * problems in Vite's error overlay; fixing it swaps the change in, without a reload. Runs the dev
 * server on a copy of the flagship's folder, so the flagship is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STORY } from '../../src/lib/story/files';
import { MAP, ROOT, findChromium, launch, scrollToStep, waitForSettled } from './harness';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the dev preview', () => {
  let folder: string;
  let storyFile: string;
  let server: ViteDevServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(ROOT, '.tmp-dev-'));
    cpSync(join(ROOT, DEFAULT_STORY), folder, { recursive: true });
    storyFile = join(folder, 'story.json');
    process.env.STORY = relative(ROOT, folder);
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'silent',
    });
    await server.listen();
    origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    browser = await launch(chromiumPath!);
    // A first visit lets Vite find and pre-bundle every dependency the page and its editing
    // aid import. On a fresh clone it has none yet, and one found late reloads the page (on a
    // busy machine, in the middle of a test that holds the page to not reloading).
    const warm = await browser.newPage();
    await warm.goto(`${origin}/`);
    await warm.waitForSelector('[data-testid="edit-panel"]', { timeout: 60_000 });
    await warm.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
    await warm.close();
  });

  afterAll(async () => {
    delete process.env.STORY;
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows problems in the overlay over the last good page, and takes the fix without one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-step-id]');
    // In dev the editing aid is on without ?edit.
    await page.waitForSelector('[data-testid="edit-panel"]');
    const good = readFileSync(storyFile, 'utf8');
    type Edited = { steps: { id: string; title: string; map: { camera: { fit?: string[] } } }[] };
    const story = JSON.parse(good) as Edited;
    const first = story.steps[0]!;

    // A place the first step shows, mistyped where the step frames or lists it.
    const broken = JSON.parse(good) as Edited & { steps: { map: { places?: string[] } }[] };
    const [list, field] = broken.steps[0]!.map.camera.fit
      ? [broken.steps[0]!.map.camera.fit, 'camera/fit']
      : [broken.steps[0]!.map.places!, 'places'];
    const place = list[0]!;
    list[0] = `${place}x`;
    writeFileSync(storyFile, JSON.stringify(broken, null, 2));
    const overlay = await page.waitForFunction(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? false
    );
    const text = String(await overlay.jsonValue());
    expect(text).toContain(
      `/steps/0/map/${field}/0  unknown place "${place}x" — did you mean "${place}"?`
    );
    expect(text).toMatch(/story\.json:\d+:\d+ {2}\/steps\/0\//);
    // The last good page stays underneath.
    expect(await page.textContent(`[data-step-id="${first.id}"] h2`)).toBe(first.title);

    first.title = `${first.title}, edited`;
    writeFileSync(storyFile, JSON.stringify(story, null, 2));
    await page.waitForFunction(
      ([id, title]) => document.querySelector(`[data-step-id="${id}"] h2`)?.textContent === title,
      [first.id, first.title]
    );
    expect(await page.$('vite-error-overlay')).toBeNull();
    await page.close();
  });

  it('swaps a saved story in without a reload, keeping the reader on their step', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The reader is on a step in the middle of the story.
    const start = JSON.parse(readFileSync(storyFile, 'utf8')) as { steps: { id: string }[] };
    const reading = start.steps[Math.floor(start.steps.length / 2)]!.id;
    await page.goto(`${origin}/`);
    await page.waitForSelector(`[data-step-id="${reading}"]`);
    await scrollToStep(page, reading, 0.3);
    await waitForSettled(page, reading);
    // Survives only if the page is not reloaded.
    await page.evaluate('window.__notReloaded = true');
    const good = readFileSync(storyFile, 'utf8');
    const story = JSON.parse(good) as {
      steps: { id: string; title: string; text: string; map: { camera: unknown } }[];
    };
    const readingAt = story.steps.findIndex((step) => step.id === reading);
    const before = story.steps[readingAt - 1]!;
    // A new step just above the reader's, with a long text that pushes theirs down the page.
    const inserted = {
      ...before,
      id: 'inserted-step',
      title: 'An inserted step',
      text: 'Inserted text, first paragraph.\n\nSecond paragraph, to push the next step down.',
    };
    story.steps.splice(readingAt, 0, inserted);
    const edited = `${story.steps[readingAt + 1]!.title}, edited`;
    story.steps[readingAt + 1]!.title = edited;
    writeFileSync(storyFile, JSON.stringify(story, null, 2));

    await page.waitForFunction(
      ([id, title]) => document.querySelector(`[data-step-id="${id}"] h2`)?.textContent === title,
      [reading, edited]
    );
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await waitForSettled(page, reading);
    expect(await page.getAttribute(MAP, 'data-active-step')).toBe(reading);
    // Every card shows its own step's words: the new one, and its neighbours unchanged.
    const cards = await page.$$eval('[data-step-id]', (elements) =>
      elements.map((element) => ({
        id: element.getAttribute('data-step-id'),
        text: element.querySelector('.step-text')?.textContent ?? '',
        map: element.querySelector('.live-alternative img')?.getAttribute('src') ?? '',
      }))
    );
    expect(cards.map((card) => card.id)).toEqual(story.steps.map((step) => step.id));
    const insertedCard = cards.find((card) => card.id === 'inserted-step')!;
    expect(insertedCard.text).toContain('Inserted text, first paragraph.');
    expect(cards.filter((card) => card.text.includes('Inserted text'))).toHaveLength(1);
    // Its static sections are rendered anew too: each card has its own step's static map.
    for (const card of cards)
      expect(card.map, card.id!).toMatch(new RegExp(`/maps/${card.id}\\.svg$`));

    // A changed camera for the step being read moves the map there, still without a reload.
    const cameraBefore = await page.getAttribute(MAP, 'data-camera');
    story.steps[readingAt + 1]!.map.camera = {
      center: [125.0, 39.5],
      zoom: 6,
      bearing: 0,
      pitch: 0,
    };
    writeFileSync(storyFile, JSON.stringify(story, null, 2));
    await page.waitForFunction(
      ([selector, camera, id]) => {
        const map = document.querySelector(selector!);
        return (
          map !== null &&
          map.getAttribute('data-active-step') === id &&
          map.getAttribute('data-camera') !== camera
        );
      },
      [MAP, cameraBefore, reading]
    );
    expect(await page.evaluate('window.__notReloaded')).toBe(true);

    writeFileSync(storyFile, good);
    await page.waitForFunction(() => !document.querySelector('[data-step-id="inserted-step"]'));
    // The dev build checks more than the production one (e.g. the router's rules): no errors.
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('starting with a broken story, shows its problems on the error page', async () => {
    const broken = JSON.parse(readFileSync(join(ROOT, DEFAULT_STORY, 'story.json'), 'utf8')) as {
      steps: { id: string }[];
    };
    broken.steps[0]!.id = 'Intro Step';
    writeFileSync(storyFile, JSON.stringify(broken, null, 2));
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('pre');
    expect(await page.textContent('pre')).toMatch(
      /\/steps\/0\/id {2}"Intro Step" is not a valid id/
    );
    await page.close();
  });
});
