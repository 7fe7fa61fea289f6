/**
 * Shared set-up for the browser tests: Debian's Chromium through playwright-core, the built
 * site served on loopback, and helpers that wait for settled states, never for fixed times.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { serve } from '../../src/cli/serve';
import { parseCamera, type Camera, type Padding } from '../../src/lib/geo/camera';
import type { Rect } from '../../src/lib/geo/rect';
import { coveredPadding } from '../../src/lib/map/chrome';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILD = join(ROOT, 'build');

/** The browser: `CHROME_PATH`, then Debian's `/usr/bin/chromium`. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((path): path is string =>
    Boolean(path)
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found && process.env.CI) {
    throw new Error(
      `No Chromium found (tried ${candidates.join(', ')}). In CI a missing browser is a failure: install Debian's chromium or set CHROME_PATH.`
    );
  }
  return found;
}

/** Flags for headless Chromium on a machine with no GPU and a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Site {
  origin: string;
  close(): Promise<void>;
}

export async function startSite(folder = BUILD): Promise<Site> {
  if (!existsSync(join(folder, 'index.html'))) {
    throw new Error(`${folder}/index.html is missing: run \`npm run build\` before the e2e tests.`);
  }
  const server: Server = await serve(folder, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    // Open keep-alive connections (a browser's) would hold `close` for seconds.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A story's three files, as paths from the project's root (or absolute). */
export interface StoryPaths {
  story: string;
  places: string;
  route: string;
}

/**
 * What `buildSite` made: the site's folder when it built, or the build's output when not; and
 * the story folder it built from, as the build's messages name it.
 */
export type BuiltSite =
  | { failed: false; folder: string; story: string; output: string; remove(): void }
  | { failed: true; story: string; output: string; built: boolean };

/**
 * Builds the site as `npm run build` does, with another story (a story folder, or three files
 * put together into one), into a folder inside the project (SvelteKit's prerender step resolves
 * packages from its output folder), leaving build/ and .svelte-kit/ alone: `out`, or a new
 * temporary folder. A failed build's folder is removed at once, with what it left (`built` says
 * whether an index.html was written all the same); call `remove` for a successful one.
 */
export async function buildSite(
  story: StoryPaths | string,
  out = mkdtempSync(join(ROOT, '.tmp-build-'))
): Promise<BuiltSite> {
  const folder = join(out, 'build');
  const remove = () => rmSync(out, { recursive: true, force: true });
  let storyFolder = typeof story === 'string' ? story : join(out, 'story');
  if (typeof story !== 'string') {
    mkdirSync(storyFolder, { recursive: true });
    copyFileSync(resolve(ROOT, story.story), join(storyFolder, 'story.json'));
    copyFileSync(resolve(ROOT, story.places), join(storyFolder, 'places.geojson'));
    copyFileSync(resolve(ROOT, story.route), join(storyFolder, 'route.geojson'));
    storyFolder = relative(ROOT, storyFolder);
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          // As `npm run build` builds: Vitest's NODE_ENV=test would make a development build.
          NODE_ENV: 'production',
          STORY: storyFolder,
          BUILD_DIR: folder,
          SVELTEKIT_OUT_DIR: join(out, 'kit'),
        },
      }
    );
    return { failed: false, folder, story: storyFolder, output: stdout + stderr, remove };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const built = existsSync(join(folder, 'index.html'));
    remove();
    return { failed: true, story: storyFolder, output: stdout + stderr, built };
  }
}

/** Everything a page did that a reader or a newsroom would call a fault. */
export interface PageIssues {
  consoleErrors: string[];
  pageErrors: string[];
  outsideRequests: string[];
}

export function watchPage(page: Page, origin: string): PageIssues {
  const issues: PageIssues = { consoleErrors: [], pageErrors: [], outsideRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') issues.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => issues.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (new URL(url).origin !== origin) issues.outsideRequests.push(url);
  });
  return issues;
}

/**
 * Opens pages of a served site, each in a browser context of its own (1280×800 unless the
 * options say otherwise), every one watched: `watched` holds what each did that a reader would
 * call a fault, for a test to check at the end.
 */
export function pageOpener(env: { readonly site: Site; readonly browser: Browser }): {
  watched: PageIssues[];
  open(
    path: string,
    options?: BrowserContextOptions
  ): Promise<{ context: BrowserContext; page: Page }>;
} {
  const watched: PageIssues[] = [];
  return {
    watched,
    async open(path, options = {}) {
      const context = await env.browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      const page = await context.newPage();
      watched.push(watchPage(page, env.site.origin));
      await page.goto(`${env.site.origin}${path}`);
      return { context, page };
    },
  };
}

export const MAP = '[data-testid="story-map"]';

/** Scrolls so the trigger line (60 % down the viewport) lies `fraction` of the way into a step. */
export async function scrollToStep(page: Page, stepId: string, fraction = 0.1): Promise<void> {
  await page.evaluate(
    ({ stepId, fraction }) => {
      const step = document.querySelector<HTMLElement>(`[data-step-id="${stepId}"]`);
      if (!step) throw new Error(`no step ${stepId}`);
      const rect = step.getBoundingClientRect();
      const top = rect.top + window.scrollY;
      window.scrollTo(0, top + rect.height * fraction - window.innerHeight * 0.6);
    },
    { stepId, fraction }
  );
}

export async function waitForSettled(page: Page, stepId: string): Promise<void> {
  await page.waitForSelector(`${MAP}[data-active-step="${stepId}"]`, { timeout: 60_000 });
}

export async function shownCamera(page: Page): Promise<Camera> {
  const camera = parseCamera(await page.getAttribute(MAP, 'data-camera'));
  if (!camera) throw new Error('the map has no data-camera');
  return camera;
}

/** The size of the map's drawing area, CSS pixels. */
export async function mapSize(page: Page): Promise<{ width: number; height: number }> {
  return page.$eval(`${MAP} .canvas-host`, (element) => ({
    width: element.clientWidth,
    height: element.clientHeight,
  }));
}

/** What covers the map now (the boxes marked as map chrome), as the camera's padding. */
export async function coveredNow(page: Page): Promise<Padding> {
  const { size, boxes } = (await page.evaluate(`(() => {
    const map = document.querySelector('${MAP}');
    const frame = map.getBoundingClientRect();
    const elements = [
      ...document.querySelectorAll('[data-map-chrome]'),
      ...map.querySelectorAll('.maplibregl-ctrl'),
    ];
    return {
      size: { width: frame.width, height: frame.height },
      boxes: elements
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0)
        .map((box) => ({
          left: box.left - frame.left,
          top: box.top - frame.top,
          right: box.right - frame.left,
          bottom: box.bottom - frame.top,
        })),
    };
  })()`)) as { size: { width: number; height: number }; boxes: Rect[] };
  return coveredPadding(size, boxes);
}

/**
 * The camera a reader gets who opens step `stepId` by its address on a screen of `viewport`:
 * what any other way of reaching that step at that size must end on.
 */
export async function referenceCamera(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
  stepId: string
): Promise<Camera> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${origin}/#${stepId}`);
  await waitForSettled(page, stepId);
  const camera = await shownCamera(page);
  await context.close();
  return camera;
}
