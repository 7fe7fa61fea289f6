/**
 * The dev preview an editor uses: saving a broken story keeps the last good page and shows the
 * problems in Vite's error overlay; fixing it reloads the page with the change. Runs the dev
 * server on a copy of the story, so story/story.json is never touched.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    storyFile = join(folder, 'story.json');
    copyFileSync(join(ROOT, 'story/story.json'), storyFile);
    process.env.STORY_FILE = relative(ROOT, storyFile);
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'silent',
    });
    await server.listen();
    origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    browser = await launch(chromiumPath!);
  });

  afterAll(async () => {
    delete process.env.STORY_FILE;
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows problems in the overlay over the last good page, and reloads once they are fixed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-step-id="intro"]');
    // In dev the editing aid is on without ?edit.
    await page.waitForSelector('[data-testid="edit-panel"]');
    const good = readFileSync(storyFile, 'utf8');

    writeFileSync(storyFile, good.replace('"huawei-hq"', '"huawei-hqq"'));
    const overlay = await page.waitForFunction(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? false
    );
    const text = String(await overlay.jsonValue());
    expect(text).toMatch(
      /story\.json:\d+:\d+ {2}\/steps\/0\/map\/camera\/fit\/0 {2}unknown place "huawei-hqq" — did you mean "huawei-hq"\?/
    );
    // The last good page stays underneath.
    expect(await page.textContent('[data-step-id="intro"] h2')).toBe(
      'A network built through a partner'
    );

    writeFileSync(
      storyFile,
      good.replace('A network built through a partner', 'A network, edited')
    );
    await page.waitForFunction(
      () => document.querySelector('[data-step-id="intro"] h2')?.textContent === 'A network, edited'
    );
    expect(await page.$('vite-error-overlay')).toBeNull();
    await page.close();
  });

  it('keeps the reader on the step they were reading when a saved change reloads the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-step-id="rail"]');
    await scrollToStep(page, 'rail', 0.3);
    await waitForSettled(page, 'rail');
    const good = readFileSync(storyFile, 'utf8');
    writeFileSync(
      storyFile,
      good.replace('By rail to the capital', 'By rail to the capital, edited')
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-step-id="rail"] h2')?.textContent ===
        'By rail to the capital, edited'
    );
    await waitForSettled(page, 'rail');
    expect(await page.getAttribute(MAP, 'data-active-step')).toBe('rail');
    writeFileSync(storyFile, good);
    await page.close();
  });

  it('starting with a broken story, shows its problems on the error page', async () => {
    writeFileSync(
      storyFile,
      readFileSync(join(ROOT, 'story/story.json'), 'utf8').replace('"intro"', '"Intro Step"')
    );
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('pre');
    expect(await page.textContent('pre')).toMatch(
      /\/steps\/0\/id {2}"Intro Step" is not a valid id/
    );
    await page.close();
  });
});
