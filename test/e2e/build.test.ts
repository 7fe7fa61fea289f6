/**
 * Bundler-sensitive facts, checked on the real build: the MapLibre worker is emitted as one
 * self-contained module and loads in the browser; a broken story never builds.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FIXTURE_GEO } from '../unit/helpers';
import {
  BUILD,
  MAP,
  buildSite,
  findChromium,
  launch,
  scrollToStep,
  startSite,
  waitForSettled,
  watchPage,
  type BuiltSite,
  type Site,
} from './harness';

const ASSETS = join(BUILD, '_app/immutable/assets');

describe('the MapLibre worker', () => {
  const workerFile = () => readdirSync(ASSETS).find((f) => /^maplibre-gl-worker\..+\.mjs$/.test(f));

  it('is emitted as one module that imports no other file of the build', () => {
    const file = workerFile();
    expect(file, `no maplibre-gl-worker.*.mjs in ${ASSETS}`).toBeDefined();
    const code = readFileSync(join(ASSETS, file!), 'utf8');
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
    // MapLibre's own `import(url)` for importScriptInWorkers is fine; a chunk import is not.
    expect(code).not.toMatch(/\bimport\s*\(\s*["'`]\.{0,2}\//);
  });

  const chromiumPath = findChromium();
  describe.skipIf(!chromiumPath)('in Chromium', () => {
    let site: Site;
    beforeAll(async () => {
      site = await startSite();
    });
    afterAll(async () => {
      await site?.close();
    });

    it('is loaded from our origin and runs (the map settles on data parsed by it)', async () => {
      const browser = await launch(chromiumPath!);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(`${site.origin}/`);
      await waitForSettled(page, 'intro');
      // The basemap is GeoJSON: only a running worker can turn it into drawn features.
      await page.waitForFunction(() => document.querySelector('canvas.maplibregl-canvas') !== null);
      expect(
        workers.some((url) => url === `${site.origin}/_app/immutable/assets/${workerFile()}`)
      ).toBe(true);
      await browser.close();
    });
  });
});

describe('the published pages', () => {
  /** What a reader of the page without JavaScript reads: its text, tags and scripts taken out. */
  const readable = (file: string) =>
    readFileSync(join(BUILD, file), 'utf8')
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/g, ' ')
      .replace(/\s+/g, ' ');

  it.each(['index.html', 'embed/index.html'])('%s shows no placeholder', (file) => {
    const text = readable(file);
    expect(text.length).toBeGreaterThan(2000);
    expect(text).not.toMatch(/\bTODO\b|\bTBD\b|\bXXX\b|lorem ipsum|\bundefined\b|\bnull\b/i);
    // A bracketed description where a title should be, or an empty field's brackets.
    expect(text).not.toMatch(/\[[^\]]{0,80}\]/);
    // A byline left out leaves no separator behind it.
    const byline = /<p class="byline[^"]*">([\s\S]*?)<\/p>/.exec(
      readFileSync(join(BUILD, file), 'utf8')
    )?.[1];
    expect(byline?.replace(/<[^>]+>/g, '').trim()).toMatch(/^(\S.*\S · )?\d{1,2} \w+ \d{4}$/);
  });
});

/** Builds the site with a fixture story, checked against the fixtures' places and route. */
const buildWith = (storyFile: string) => buildSite({ story: storyFile, ...FIXTURE_GEO });

/** What the build of a story that must not build said; one that builds fails the test. */
async function failedBuild(storyFile: string) {
  const result = await buildWith(storyFile);
  if (!result.failed) {
    result.remove();
    throw new Error(`${storyFile} built, and must not`);
  }
  return result;
}

describe('a broken story', () => {
  it('that is no folder fails the build, naming it', async () => {
    const result = await buildSite('story/no-such-story');
    expect(result.failed).toBe(true);
    expect(result.output).toContain('STORY=story/no-such-story: there is no folder');
  });

  it('that does not parse fails the build, naming the file, line and column', async () => {
    const result = await failedBuild('test/fixtures/story-trailing-comma.json');
    expect(result.built).toBe(false);
    // The fixture is built as the story.json of a folder of its own.
    expect(result.output).toMatch(
      new RegExp(`${result.story}/story\\.json:11:\\d+ {2}/ {2}not valid JSON`)
    );
  });

  it('that names an unknown place and leg fails the build, naming each with its JSON path', async () => {
    const result = await failedBuild('test/fixtures/story-unknown-ids.json');
    expect(result.built).toBe(false);
    expect(result.output).toContain(
      `${result.story}/story.json:18:20  /steps/0/map/places/0  unknown place "dandongg" — did you mean "dandong"?`
    );
    expect(result.output).toContain(
      `${result.story}/story.json:29:18  /steps/1/map/legs/0  unknown route leg "rail-leg"`
    );
  });
});

const chromiumForStyle = findChromium();
describe.skipIf(!chromiumForStyle)('a newsroom map style', () => {
  let build: Extract<BuiltSite, { failed: false }>;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    const result = await buildWith('test/fixtures/story-custom-style.json');
    if (result.failed) throw new Error(`the fixture did not build:\n${result.output}`);
    build = result;
    site = await startSite(build.folder);
    browser = await launch(chromiumForStyle!);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    build?.remove();
  });

  /** Serves the folder as it is now: the server reads its files once, when it starts. */
  async function open() {
    await site.close();
    site = await startSite(build.folder);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const issues = watchPage(page, site.origin);
    await page.goto(`${site.origin}/`);
    await waitForSettled(page, 'intro');
    return { page, issues };
  }

  it('that fails to load gives way to the embedded basemap, with a notice', async () => {
    rmSync(join(build.folder, 'custom-style.json'), { force: true });
    const { page, issues } = await open();
    expect(await page.textContent(`${MAP} .notice.style`)).toMatch(/could not be loaded/);
    // The fallback draws the route like the embedded map does.
    await scrollToStep(page, 'contract-2008');
    await waitForSettled(page, 'contract-2008');
    expect(await page.getAttribute(MAP, 'data-route-drawn')).toBe('shenzhen-dandong:1.000');
    expect(issues.pageErrors).toEqual([]);
    expect(issues.outsideRequests).toEqual([]);
    await page.close();
  });

  it('that loads is used, with the route drawn over it and no notice', async () => {
    const style = {
      version: 8,
      name: 'A newsroom style',
      sources: {},
      layers: [
        { id: 'newsroom-paper', type: 'background', paint: { 'background-color': '#ffe9c9' } },
      ],
    };
    writeFileSync(join(build.folder, 'custom-style.json'), JSON.stringify(style));
    const { page, issues } = await open();
    expect(await page.$(`${MAP} .notice`)).toBeNull();
    await scrollToStep(page, 'contract-2008');
    await waitForSettled(page, 'contract-2008');
    expect(await page.getAttribute(MAP, 'data-route-drawn')).toBe('shenzhen-dandong:1.000');
    // The newsroom's background colour is what the map paints (a spot with no label or line).
    const pixel = pngPixel(
      await page.screenshot({ clip: { x: 1250, y: 420, width: 1, height: 1 } })
    );
    expect(pixel.slice(0, 3)).toEqual([0xff, 0xe9, 0xc9]);
    expect(issues.pageErrors).toEqual([]);
    expect(issues.consoleErrors).toEqual([]);
    await page.close();
  });
});

/** The colour of a 1×1 PNG screenshot (8-bit RGB or RGBA, as Chromium writes them). */
function pngPixel(png: Buffer): number[] {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  // One scanline: a filter byte (None or Sub: the same for a first pixel), then the channels.
  return Array.from(inflateSync(Buffer.concat(chunks)).subarray(1, 5));
}
