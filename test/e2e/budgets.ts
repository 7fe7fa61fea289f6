/**
 * The size budgets of bench/budgets.json, measured on a built site (any: the story's, or one
 * the tests build): what each budget counts, file by file, and the check that names the files,
 * their sizes and the budget when they add up to more. Sizes are gzipped (level 9).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, waitForSettled, watchPage } from './harness';

interface Budget {
  budget: number;
  /** Where the test holds it while the budget is not met yet (see its note). */
  heldAt?: number;
  note?: string;
}
export const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<
  string,
  Budget
>;
const KB = 1024;

/** A file of the build, named from the build's folder, and its gzipped size. */
export interface Sized {
  file: string;
  bytes: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const sized = (folder: string, file: string): Sized => ({
  file,
  bytes: gzipped(join(folder, file)),
});

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** Fails with every file, its size and the budget when the sizes add up to more. */
export function expectWithin(name: string, sizes: Sized[]): void {
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

/** `appJavaScriptAtStartKb`: every module the page's start script names. */
export function appJavaScriptAtStart(folder: string): Sized[] {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/"\.\/(_app\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  expect(files.length).toBeGreaterThan(1);
  return files.map((file) => sized(folder, file));
}

/** `geoDataKb`: the basemap and every other JSON or GeoJSON file of the build. */
export function geoData(folder: string): Sized[] {
  const files = allFiles(folder).filter((path) => /\.(geo)?json$/.test(path));
  expect(files.some((path) => path.includes('basemap'))).toBe(true);
  return files.map((path) => sized(folder, relative(folder, path)));
}

/** `embedLoaderKb`: the host page's loader, one script. */
export function embedLoader(folder: string): Sized[] {
  return [sized(folder, 'embed.js')];
}

/**
 * `loadedBeforeFirstSettledMapKb`: everything the page at `origin` (serving `folder`) fetches
 * from its own origin before its map first settles on `firstStepId` at 1280×800, MapLibre and
 * its worker included; and what it asked of other origins.
 */
export async function loadedBeforeFirstSettle(
  browser: Browser,
  origin: string,
  folder: string,
  firstStepId: string
): Promise<{ sizes: Sized[]; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const { outsideRequests: outside } = watchPage(page, origin);
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === origin) requests.push(request);
  });
  // ?debug: the page marks the moment the map first settles (perf.ts), before anything reacts
  // to it; what is asked for after it (the company markers, the timeline's D3 drawing, the
  // scroll engine) is not on the path to the first map.
  await page.goto(`${origin}/?debug`);
  await waitForSettled(page, firstStepId);
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
  await page.close();
  const sizes = [...loaded].map((path) =>
    sized(folder, path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1))
  );
  expect(sizes.some((entry) => entry.file.includes('maplibre-gl-worker'))).toBe(true);
  return { sizes, outside };
}

/** Every budget at once, on the site at `origin` serving `folder` (its first step given). */
export async function expectWithinEveryBudget(
  browser: Browser,
  origin: string,
  folder: string,
  firstStepId: string
): Promise<void> {
  expectWithin('appJavaScriptAtStartKb', appJavaScriptAtStart(folder));
  expectWithin('geoDataKb', geoData(folder));
  expectWithin('embedLoaderKb', embedLoader(folder));
  const { sizes, outside } = await loadedBeforeFirstSettle(browser, origin, folder, firstStepId);
  expectWithin('loadedBeforeFirstSettledMapKb', sizes);
  expect(outside.length).toBeLessThanOrEqual(budgets.requestsOutsideOrigin!.budget);
}
