/**
 * The size budgets in bench/budgets.json, held on the built site: sizes are deterministic, so
 * they are asserted here (timings are only reported, by npm run bench). A broken budget names
 * the files, their sizes and the budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILD, ROOT, findChromium, waitForSettled, watchPage } from './harness';
import { useSiteAndBrowser } from './hooks';
import { committedStory } from '../unit/helpers';

interface Budget {
  budget: number;
  /** Where the test holds it while the budget is not met yet (see its note). */
  heldAt?: number;
  note?: string;
}
const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<
  string,
  Budget
>;
const chromiumPath = findChromium();
const KB = 1024;

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** Fails with every file, its size and the budget when the sizes add up to more. */
function expectWithin(name: string, sizes: { file: string; bytes: number }[]) {
  const budget = budgets[name]!;
  const limit = (budget.heldAt ?? budget.budget) * KB;
  const total = sizes.reduce((sum, entry) => sum + entry.bytes, 0);
  const list = sizes
    .toSorted((a, b) => b.bytes - a.bytes)
    .map((entry) => `  ${entry.file}: ${(entry.bytes / KB).toFixed(1)} KB`)
    .join('\n');
  expect(
    total,
    `${name}: ${(total / KB).toFixed(1)} KB gzipped, over its budget of ${limit / KB} KB:\n${list}`
  ).toBeLessThanOrEqual(limit);
}

describe('the size budgets', () => {
  it('app JavaScript the page starts with (every module its start script names)', () => {
    const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
    const files = [...new Set([...html.matchAll(/"\.\/(_app\/[^"]+\.js)"/g)].map((m) => m[1]!))];
    expect(files.length).toBeGreaterThan(1);
    expectWithin(
      'appJavaScriptAtStartKb',
      files.map((file) => ({ file, bytes: gzipped(join(BUILD, file)) }))
    );
  });

  it('the basemap and geo data', () => {
    const files = allFiles(BUILD).filter((path) => /\.(geo)?json$/.test(path));
    expect(files.some((path) => path.includes('basemap'))).toBe(true);
    expectWithin(
      'geoDataKb',
      files.map((path) => ({ file: relative(BUILD, path), bytes: gzipped(path) }))
    );
  });

  it("the host page's loader (embed.js), one script", () => {
    expectWithin('embedLoaderKb', [{ file: 'embed.js', bytes: gzipped(join(BUILD, 'embed.js')) }]);
  });

  describe.skipIf(!chromiumPath)('in Chromium', () => {
    const env = useSiteAndBrowser(chromiumPath);

    it('everything loaded before the first settled map, MapLibre and its worker included, and nothing from elsewhere', async () => {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const issues = watchPage(page, env.site.origin);
      const requests: Request[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin === env.site.origin) requests.push(request);
      });
      // ?debug: the page marks the moment the map first settles (perf.ts), before anything
      // reacts to it; what is asked for after it (the company markers, the timeline's D3
      // drawing, the scroll engine) is not on the path to the first map.
      await page.goto(`${env.site.origin}/?debug`);
      await waitForSettled(page, committedStory().steps[0]!.id);
      const settledAt = await page.evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('app:first-view')[0]!.startTime
      );
      await Promise.all(requests.map((request) => request.response()));
      const loaded = new Set(
        requests
          // Playwright's start time is the browser's own (epoch milliseconds).
          .filter((request) => request.timing().startTime <= settledAt)
          .map((request) => new URL(request.url()).pathname)
      );
      expect(loaded.size).toBeGreaterThan(3);
      const sizes = [...loaded].map((path) => {
        const file = join(BUILD, path.endsWith('/') ? `${path}index.html` : path);
        return { file: relative(BUILD, file), bytes: gzipped(file) };
      });
      expect(sizes.some((entry) => entry.file.includes('maplibre-gl-worker'))).toBe(true);
      expectWithin('loadedBeforeFirstSettledMapKb', sizes);
      expect(issues.outsideRequests.length).toBeLessThanOrEqual(
        budgets.requestsOutsideOrigin!.budget
      );
      await page.close();
    });
  });
});
