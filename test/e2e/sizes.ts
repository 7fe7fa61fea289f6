/**
 * What each size budget counts (bench/budgets.json), file by file, on a built site: measured
 * here, held by budgets.ts in the tests and reported by the bench. Sizes are gzipped (level 9).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { waitForSettled, watchPage } from './harness';

/** A file of the build, named from the build's folder, and its gzipped size. */
export interface Sized {
  file: string;
  bytes: number;
}

export const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
export const sized = (folder: string, file: string): Sized => ({
  file,
  bytes: gzipped(join(folder, file)),
});

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** `appJavaScriptAtStartKb`: every module the page's start script names. */
export function appJavaScriptAtStart(folder: string): Sized[] {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/"\.\/(_app\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  if (files.length < 2) throw new Error(`${folder}/index.html names no start modules`);
  return files.map((file) => sized(folder, file));
}

/** `geoDataKb`: the basemap and every other JSON or GeoJSON file of the build. */
export function geoData(folder: string): Sized[] {
  const files = allFiles(folder).filter((path) => /\.(geo)?json$/.test(path));
  if (!files.some((path) => path.includes('basemap'))) throw new Error(`${folder} has no basemap`);
  return files.map((path) => sized(folder, relative(folder, path)));
}

/** `embedLoaderKb`: the host page's loader, one script. */
export function embedLoader(folder: string): Sized[] {
  return [sized(folder, 'embed.js')];
}

/**
 * Whether a built script is MapLibre's own: its worker, or the chunk that holds its map (the
 * bundler drops MapLibre's licence header; its map container's class marks the chunk).
 */
export function isMapLibreScript(file: string, content: string | Buffer): boolean {
  return /maplibre-gl-worker/.test(file) || content.includes('maplibregl-map');
}

/**
 * `appJavaScriptBeforeFirstSettledMapKb`: of what came before the first settle (the sizes
 * `loadedBeforeFirstSettle` gives), the app's own JavaScript: every script but MapLibre's.
 */
export function appJavaScriptOf(folder: string, loaded: Sized[]): Sized[] {
  return loaded.filter(
    ({ file }) => /\.m?js$/.test(file) && !isMapLibreScript(file, readFileSync(join(folder, file)))
  );
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
  if (loaded.size <= 3) throw new Error(`only ${loaded.size} files before the first settle`);
  await page.close();
  const sizes = [...loaded].map((path) =>
    sized(folder, path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1))
  );
  if (!sizes.some((entry) => entry.file.includes('maplibre-gl-worker'))) {
    throw new Error('the map settled before its worker was fetched: the measure is wrong');
  }
  return { sizes, outside };
}
