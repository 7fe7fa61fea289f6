/**
 * Bundler-sensitive facts, checked on the real build: the MapLibre worker is emitted as one
 * self-contained module and loads in the browser; a broken story never builds.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD, ROOT, findChromium, launch, startSite, waitForSettled, type Site } from './harness';

const run = promisify(execFile);
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

describe('a broken story', () => {
  async function buildWith(storyFile: string) {
    // Inside the project: SvelteKit's prerender step resolves packages from its output folder.
    const out = mkdtempSync(join(ROOT, '.tmp-build-'));
    try {
      await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
        cwd: ROOT,
        env: {
          ...process.env,
          STORY_FILE: storyFile,
          BUILD_DIR: join(out, 'build'),
          SVELTEKIT_OUT_DIR: join(out, 'kit'),
        },
      });
      return { failed: false, output: '', built: existsSync(join(out, 'build/index.html')) };
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      return {
        failed: true,
        output: stdout + stderr,
        built: existsSync(join(out, 'build/index.html')),
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  it('that does not parse fails the build, naming the file, line and column', async () => {
    const result = await buildWith('test/fixtures/story-trailing-comma.json');
    expect(result.failed).toBe(true);
    expect(result.built).toBe(false);
    expect(result.output).toMatch(
      /test\/fixtures\/story-trailing-comma\.json:11:\d+ {2}\/ {2}not valid JSON/
    );
  });

  it('that names an unknown place and leg fails the build, naming each with its JSON path', async () => {
    const result = await buildWith('test/fixtures/story-unknown-ids.json');
    expect(result.failed).toBe(true);
    expect(result.built).toBe(false);
    expect(result.output).toContain(
      'test/fixtures/story-unknown-ids.json  /steps/0/map/places/0  unknown place "dandongg"'
    );
    expect(result.output).toContain(
      'test/fixtures/story-unknown-ids.json  /steps/1/map/legs/0  unknown route leg "rail-leg"'
    );
  });
});
