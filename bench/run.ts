/**
 * `npm run bench`: measures the built story in Debian's Chromium on loopback.
 *
 * - bytes of the build by kind, raw and gzipped (the close-zoom detail, the world and the
 *   fonts apart: they load after the map's first view);
 * - at 1280×800 and 390×844: first contentful paint, first step text laid out, and the
 *   first settled map (`data-active-step` set), over fresh loads; a reading-speed scroll
 *   (frame intervals, long tasks, our code's own time per scroll update and step change);
 *   fast scrolls to the end (the share ending in exactly the last step's state); the JS
 *   heap after three round trips;
 * - the label placement's time per pass, one a camera frame, over flights between every
 *   step and the next (performance marks, ?debug);
 * - sticky embedding: from the host's scroll to the host hearing the new step.
 *
 * Side by side in the same run: the classic template (bench/baseline/classic/) and the plain
 * page (the story's text, no script), each measured the same way (docs/performance.md).
 *
 * And, in Chromium, what the page fetches before its map first settles, by kind; the flagship
 * beside generated long stories (growth.ts). Then the goals of issue 23 (the README's), each
 * met or short, with the machine and the date.
 *
 * Writes bench/results.json and prints the tables. Timings are noisy on a shared machine: quote
 * medians with their spread and the machine they came from. `BENCH_QUICK=1` runs each measure
 * fewer times, for day-to-day checks.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Size } from '../src/lib/geo/camera';
import { embeddedStyle } from '../src/lib/draw/style';
import { stepState } from '../src/lib/state/step-state';
import type { Story } from '../src/lib/story/types';
import { committedStory } from '../test/unit/helpers';
import { buildBasemap } from '../geo/build-basemap';
import { basemapAreas } from '../geo/detail-areas';
import {
  fastScroll,
  heapAfterGc,
  median,
  percentile,
  readingScroll,
  type ReadingScroll,
} from './scroll';
import {
  BUILD,
  ROOT,
  findChromium,
  launch,
  scrollToStep,
  startSite,
  waitForSettled,
} from '../test/e2e/harness';
import { isMapLibreScript, loadedBeforeFirstSettle } from '../test/e2e/sizes';
import { growth, printGrowth, type Growth } from './growth';
import { BETWEEN_LOADS_MS, STORY_SETTLED, loadOnce, type LoadTimes } from './loads';
import { plainPage } from './plain';

/**
 * `BENCH_QUICK=1`: fewer runs of each measure (about a third of the time), for day-to-day
 * checks; its medians are rougher, and the report says it is quick.
 */
const QUICK = process.env.BENCH_QUICK === '1';
/** Fresh loads per page and viewport (first paint, first text, first settled map). */
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 5 : 12));
/** Rounds of the overlay flights and of the embed's step-by-step scroll. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 4));

type Kind =
  | 'html'
  | 'app-js'
  | 'maplibre-js'
  | 'maplibre-worker'
  | 'css'
  | 'maplibre-css'
  | 'basemap'
  | 'world'
  | 'detail'
  | 'fonts'
  | 'embed-loader'
  | 'static-maps'
  | 'other';

function kindOf(path: string, content: Buffer): Kind {
  if (path.endsWith('.html')) return 'html';
  if (/maplibre-gl-worker/.test(path)) return 'maplibre-worker';
  if (path.endsWith(`${sep}embed.js`)) return 'embed-loader';
  if (path.includes(`${sep}maps${sep}`) && path.endsWith('.svg')) return 'static-maps';
  if (path.endsWith('.js')) return isMapLibreScript(path, content) ? 'maplibre-js' : 'app-js';
  if (path.endsWith('.css')) return content.includes('maplibregl') ? 'maplibre-css' : 'css';
  if (/basemap/.test(path)) return 'basemap';
  if (/world\.[\w-]+\.json$/.test(path)) return 'world';
  if (/detail\.[\w-]+\.json$/.test(path)) return 'detail';
  if (path.endsWith('.woff2')) return 'fonts';
  return 'other';
}

/** Every file of the build, without the precompressed copies the server sends instead. */
function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (/\.(gz|br)$/.test(name)) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function weights() {
  const totals = new Map<Kind, { raw: number; gzip: number; files: string[] }>();
  for (const path of files(BUILD)) {
    const content = readFileSync(path);
    const kind = kindOf(path, content);
    const entry = totals.get(kind) ?? { raw: 0, gzip: 0, files: [] };
    entry.raw += content.length;
    entry.gzip += gzipSync(content, { level: 9 }).length;
    entry.files.push(relative(BUILD, path));
    totals.set(kind, entry);
  }
  return Object.fromEntries(totals);
}

type Target = 'ours' | 'classic' | 'plain';
const TARGETS: readonly Target[] = ['ours', 'classic', 'plain'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const FAST_RUNS = Number(process.env.BENCH_FAST_RUNS ?? (QUICK ? 6 : 20));
const READING_RUNS = Number(process.env.BENCH_READING_RUNS ?? (QUICK ? 1 : 2));

/** When each page has settled its first map view (none for the plain page). */
const SETTLED: Record<Target, string | undefined> = {
  ours: STORY_SETTLED,
  classic: `document.body.dataset.settled === 'true'`,
  plain: undefined,
};

/** Folders served for the baselines: the plain page, and the classic template with its data. */
function baselineSites(story: Story): { plain: string; classic: string; cleanup(): void } {
  const plainHtml = plainPage(story, "bench/run.ts from the flagship's story.json");
  writeFileSync(join(ROOT, 'bench/baseline/plain.html'), plainHtml);
  const plain = mkdtempSync(join(ROOT, '.tmp-bench-plain-'));
  writeFileSync(join(plain, 'index.html'), plainHtml);
  const classic = mkdtempSync(join(ROOT, '.tmp-bench-classic-'));
  const from = join(ROOT, 'bench/baseline/classic');
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(classic, name));
  mkdirSync(join(classic, 'vendor'));
  mkdirSync(join(classic, 'data'));
  const dist = join(ROOT, 'node_modules/maplibre-gl/dist');
  for (const name of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) {
    copyFileSync(join(dist, name), join(classic, 'vendor', name));
  }
  copyFileSync(
    join(ROOT, 'node_modules/scrollama/build/scrollama.min.js'),
    join(classic, 'vendor/scrollama.min.js')
  );
  // The same basemap the story's build makes (src/lib/story/derived.ts).
  writeFileSync(
    join(classic, 'data/basemap.json'),
    JSON.stringify(buildBasemap(basemapAreas(story)))
  );
  writeFileSync(join(classic, 'data/story.json'), JSON.stringify(story));
  writeFileSync(
    join(classic, 'data/style.json'),
    JSON.stringify(embeddedStyle('/data/basemap.json', story.map.regionCountries))
  );
  return {
    plain,
    classic,
    cleanup: () => {
      rmSync(plain, { recursive: true, force: true });
      rmSync(classic, { recursive: true, force: true });
    },
  };
}

/** Every order of the three pages, so each follows each of the others equally often. */
const ORDERS: readonly (readonly Target[])[] = [
  ['ours', 'classic', 'plain'],
  ['classic', 'plain', 'ours'],
  ['plain', 'ours', 'classic'],
  ['ours', 'plain', 'classic'],
  ['plain', 'classic', 'ours'],
  ['classic', 'ours', 'plain'],
];

/**
 * RUNS fresh loads of each page, interleaved: each round loads every page once, in a
 * different order each time, so a slow spell of the shared machine falls on all pages alike
 * instead of on whichever was being measured then.
 */
async function loadTimes(
  browser: Browser,
  urls: Record<Target, string>,
  viewport: Size
): Promise<Record<Target, LoadTimes>> {
  const empty = (): LoadTimes => ({ fcp: [], firstText: [], settled: [] });
  const times: Record<Target, LoadTimes> = { ours: empty(), classic: empty(), plain: empty() };
  for (let run = 0; run < RUNS; run++) {
    for (const target of ORDERS[run % ORDERS.length]!) {
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_LOADS_MS));
      await loadOnce(browser, urls[target], SETTLED[target], viewport, times[target]);
    }
  }
  return times;
}

/** Waits until the page has been still (map settled, not moving) for 20 frames. */
async function stillFor(page: Page, target: Target): Promise<void> {
  const still =
    target === 'ours'
      ? `document.querySelector('[data-testid="story-map"]').hasAttribute('data-active-step')`
      : // The classic page makes its map only once its story has been fetched, after load.
        `window.__classicMap !== undefined && !window.__classicMap.isMoving() && document.body.dataset.step !== undefined`;
  await page.evaluate(`new Promise((resolve, reject) => {
    let frames = 0;
    const started = performance.now();
    const check = () => {
      // A check that throws inside a frame callback would leave this promise pending forever.
      try { frames = (${still}) ? frames + 1 : 0; } catch (error) { return reject(error); }
      if (frames >= 20) return resolve();
      // A page that never comes to rest is a finding, not a reason to hang the benchmark.
      if (performance.now() - started > 60000) return reject(new Error('${target}: still moving after 60 s'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

/** What the page shows after a fast scroll to the end: exactly the last step's state? */
function lastStateCheck(story: Story, target: Target): string {
  const last = story.steps.at(-1)!;
  if (target === 'ours') {
    const legs = stepState(story, story.steps.length - 1, 1)
      .legs.map((leg) => `${leg.id}:${leg.drawn.toFixed(3)}`)
      .join(' ');
    return `(() => {
      const map = document.querySelector('[data-testid="story-map"]');
      return map.getAttribute('data-active-step') === '${last.id}' &&
        (map.getAttribute('data-route-drawn') ?? '') === '${legs}';
    })()`;
  }
  return `(() => {
    const map = window.__classicMap;
    const want = window.__classicCamera(${JSON.stringify(last)});
    const center = map.getCenter();
    const [lng, lat] = Array.isArray(want.center) ? want.center : [want.center.lng, want.center.lat];
    const pixels = 512 * 2 ** map.getZoom() / 360;
    return document.body.dataset.step === '${last.id}' &&
      Math.abs(map.getZoom() - want.zoom) < 0.05 &&
      Math.abs(center.lng - lng) * pixels < 3 && Math.abs(center.lat - lat) * pixels < 3;
  })()`;
}

interface ScrollResults {
  reading: ReadingScroll[];
  fastCorrect: number;
  fastRuns: number;
  heapMb: number[];
}

/** Reading-speed scrolls, fast scrolls to the end, and the heap over three round trips. */
async function scrollScenarios(
  browser: Browser,
  url: string,
  target: Target,
  story: Story,
  viewport: Size
): Promise<ScrollResults> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await stillFor(page, target);
  const reading: ReadingScroll[] = [];
  for (let run = 0; run < READING_RUNS; run++) reading.push(await readingScroll(page));
  const check = lastStateCheck(story, target);
  const backToStart = async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await stillFor(page, target);
  };
  let fastCorrect = 0;
  for (let run = 0; run < FAST_RUNS; run++) {
    await backToStart();
    await fastScroll(page);
    await stillFor(page, target);
    if ((await page.evaluate(check)) === true) fastCorrect++;
  }
  const session = await page.context().newCDPSession(page);
  const heapMb: number[] = [];
  for (let trip = 0; trip < 3; trip++) {
    await backToStart();
    await fastScroll(page);
    await stillFor(page, target);
    await backToStart();
    // ?debug's measures are ours to clear; anything else that grows is the page's.
    await page.evaluate('performance.clearMeasures()');
    heapMb.push(await heapAfterGc(session));
  }
  await page.close();
  return { reading, fastCorrect, fastRuns: FAST_RUNS, heapMb };
}

/** Every scenario on our page and both baselines, at both viewports. */
async function sideBySide(chromium: string, story: Story) {
  const ours = await startSite();
  const sites = baselineSites(story);
  const classic = await startSite(sites.classic);
  const plain = await startSite(sites.plain);
  const browser = await launch(chromium);
  const urls: Record<Target, string> = {
    ours: `${ours.origin}/?debug`,
    classic: `${classic.origin}/`,
    plain: `${plain.origin}/`,
  };
  const results: Record<string, Record<string, unknown>> = {};
  try {
    for (const viewport of VIEWPORTS) {
      const key = `${viewport.width}x${viewport.height}`;
      results[key] = {};
      // Load times without ?debug: readers never have it.
      const loads = await loadTimes(
        browser,
        { ours: urls.ours.replace('?debug', ''), classic: urls.classic, plain: urls.plain },
        viewport
      );
      console.log(`  ${key} loads done`);
      for (const target of TARGETS) {
        const scroll =
          target === 'plain'
            ? undefined
            : await scrollScenarios(browser, urls[target], target, story, viewport);
        results[key][target] = { loads: loads[target], scroll };
        console.log(`  ${key} ${target} done`);
      }
    }
  } finally {
    await browser.close();
    await ours.close();
    await classic.close();
    await plain.close();
    sites.cleanup();
  }
  return results as Record<
    string,
    Record<Target, { loads: LoadTimes; scroll: ScrollResults | undefined }>
  >;
}

/**
 * The label placement's main-thread time (performance measures `map:label-placement`, on with
 * ?debug): every pass, one per camera frame during flights and one per step, over flights
 * between every step and the next, at 1280×800 and 390×844.
 */
async function labelPlacement(chromium: string, story: Story) {
  const site = await startSite();
  const browser = await launch(chromium);
  const durations: number[] = [];
  const rounds = Math.max(1, Math.round(ROUNDS / 2));
  try {
    for (let run = 0; run < rounds; run++) {
      for (const viewport of VIEWPORTS) {
        const page = await browser.newPage({ viewport });
        await page.goto(`${site.origin}/?debug`);
        await waitForSettled(page, story.steps[0]!.id);
        for (const step of story.steps.slice(1)) {
          await page.evaluate('performance.clearMeasures()');
          await scrollToStep(page, step.id, 0.1);
          await waitForSettled(page, step.id);
          const measured = (await page.evaluate(
            `performance.getEntriesByName('map:label-placement').map((e) => e.duration)`
          )) as number[];
          durations.push(...measured);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return {
    passes: durations.length,
    medianMs: median(durations),
    p95Ms: percentile(durations, 0.95),
    maxMs: Math.max(...durations),
  };
}

/**
 * Sticky embed: the time from the host page's scroll that brings a step to the trigger line
 * until the host hears, from the story, that the step is active (host → story scroll message,
 * the story's scroll and step engine, story → host step message). Host on 127.0.0.1, story on
 * localhost, 1280×800; every step, several rounds.
 */
async function embedLatency(chromium: string) {
  const site = await startSite();
  const storyOrigin = site.origin.replace('127.0.0.1', 'localhost');
  const folder = mkdtempSync(join(ROOT, '.tmp-bench-host-'));
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
    <body style="margin:0"><div style="height:600px"></div>
    <div id="story" data-storymap-src="${storyOrigin}/embed/"></div>
    <div style="height:2000px"></div><script src="${storyOrigin}/embed.js"></script></body></html>`
  );
  const host = await startSite(folder);
  const browser = await launch(chromium);
  const latencies: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.origin}/`);
    await page.waitForSelector('#story[data-storymap-mode="sticky"]');
    await page.waitForFunction(() => document.getElementById('story')!.offsetHeight > 5000);
    const frame = (await (await page.$('#story iframe'))!.contentFrame())!;
    await frame.waitForSelector('[data-testid="story-map"][data-active-step]', { timeout: 60_000 });
    const stepTops = (await frame.evaluate(`Array.from(document.querySelectorAll('[data-step-id]'))
      .map((e) => ({ id: e.dataset.stepId, top: e.getBoundingClientRect().top + scrollY }))`)) as {
      id: string;
      top: number;
    }[];
    for (let round = 0; round < ROUNDS; round++) {
      // Back to the start, then each step in turn.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForFunction(
        `document.getElementById('story').dataset.storymapStep === '${stepTops[0]!.id}'`
      );
      for (const step of stepTops.slice(1)) {
        const latency = (await page.evaluate(`new Promise((resolve) => {
          const element = document.getElementById('story');
          const target = element.getBoundingClientRect().top + scrollY + ${step.top} - innerHeight * 0.6 + 40;
          const listener = (event) => {
            if (event.detail.id !== '${step.id}') return;
            element.removeEventListener('storymap:step', listener);
            resolve(performance.now() - started);
          };
          element.addEventListener('storymap:step', listener);
          const started = performance.now();
          window.scrollTo(0, target);
        })`)) as number;
        latencies.push(latency);
      }
    }
    await page.close();
  } finally {
    await browser.close();
    await host.close();
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    steps: latencies.length,
    medianMs: median(latencies),
    p95Ms: [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.95)] ?? NaN,
    maxMs: Math.max(...latencies),
  };
}

/** The app JavaScript the page asks for before anything else (entry and modulepreloads). */
function criticalPathJs(): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
  const files = [
    // Every module the start script names: those it preloads and those it imports.
    ...new Set([...html.matchAll(/"\.\/(_app\/[^"]+\.js)"/g)].map((m) => m[1]!)),
  ];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(BUILD, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/**
 * What the page fetches before its map first settles (1280×800, measured in Chromium: see
 * test/e2e/sizes.ts), gzipped, by kind: app JavaScript apart from MapLibre's, and everything.
 */
async function beforeFirstSettle(chromium: string, story: Story) {
  const site = await startSite();
  const browser = await launch(chromium);
  try {
    const { sizes } = await loadedBeforeFirstSettle(
      browser,
      site.origin,
      BUILD,
      story.steps[0]!.id
    );
    const byKind: Partial<Record<Kind, number>> = {};
    for (const { file, bytes } of sizes) {
      const kind = kindOf(join(BUILD, file), readFileSync(join(BUILD, file)));
      byKind[kind] = (byKind[kind] ?? 0) + bytes;
    }
    return { total: sizes.reduce((sum, s) => sum + s.bytes, 0), byKind, files: sizes };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** A goal of issue 23: what it asks, what was measured (per viewport, or once), and whether met. */
interface Goal {
  goal: string;
  measured: Record<string, string>;
  met: boolean;
}

/** The goals the README and issue 23 state, from this run's measures. */
function goalsOf(
  compared: Awaited<ReturnType<typeof sideBySide>>,
  before: Awaited<ReturnType<typeof beforeFirstSettle>>,
  grown: Growth
): Goal[] {
  const each = (
    goal: string,
    measure: (pages: (typeof compared)[string]) => { shown: string; met: boolean }
  ): Goal => {
    const measured: Record<string, string> = {};
    let met = true;
    for (const [viewport, pages] of Object.entries(compared)) {
      const result = measure(pages);
      measured[viewport] = result.shown;
      met &&= result.met;
    }
    return { goal, measured, met };
  };
  const frames = (r: ScrollResults | undefined) => r?.reading.flatMap((x) => x.frames) ?? [];
  const longMs = (r: ScrollResults | undefined) => r?.reading.map((x) => x.longTaskMs) ?? [];
  const appJs = before.byKind['app-js'] ?? 0;
  return [
    each('first step text laid out ≤ 1.15 × the plain page', ({ ours, plain }) => {
      const r = median(ours.loads.firstText) / median(plain.loads.firstText);
      return { shown: `${r.toFixed(2)} ×`, met: r <= 1.15 };
    }),
    each('map first settled ≤ 0.8 × the classic template', ({ ours, classic }) => {
      const r = median(ours.loads.settled) / median(classic.loads.settled);
      return { shown: `${r.toFixed(2)} ×`, met: r <= 0.8 };
    }),
    each('long-task time while reading ≤ the classic template', ({ ours, classic }) => {
      const [o, c] = [median(longMs(ours.scroll)), median(longMs(classic.scroll))];
      return { shown: `${(o / 1000).toFixed(2)} s vs ${(c / 1000).toFixed(2)} s`, met: o <= c };
    }),
    each('frame interval p95 while reading ≤ the classic template', ({ ours, classic }) => {
      const o = percentile(frames(ours.scroll), 0.95);
      const c = percentile(frames(classic.scroll), 0.95);
      // Frame times come at the clock's 0.1 ms resolution: compared at it, as they are shown
      // (83.39999 and 83.40001 are the same three frames of 16.7 ms).
      return {
        shown: `${o.toFixed(1)} vs ${c.toFixed(1)} ms`,
        met: Number(o.toFixed(1)) <= Number(c.toFixed(1)),
      };
    }),
    each('fast scrolls all end in the last step', ({ ours }) => ({
      shown: `${ours.scroll?.fastCorrect}/${ours.scroll?.fastRuns}`,
      met: ours.scroll !== undefined && ours.scroll.fastCorrect === ours.scroll.fastRuns,
    })),
    {
      goal: 'app JavaScript before the first settle ≤ 45 KB gzipped',
      measured: { '1280x800': `${(appJs / 1024).toFixed(1)} KB` },
      met: appJs <= 45 * 1024,
    },
    {
      goal: 'everything before the first settle ≤ 500 KB gzipped',
      measured: { '1280x800': `${(before.total / 1024).toFixed(1)} KB` },
      met: before.total <= 500 * 1024,
    },
    ...growthGoals(grown),
  ];
}

/** Part 4's goals: the longest generated story against the flagship. */
function growthGoals({ stories }: Growth): Goal[] {
  const flagship = stories.find((s) => s.name === 'flagship');
  const longest = stories.filter((s) => s !== flagship).sort((a, b) => b.steps - a.steps)[0];
  if (!flagship || !longest) return [];
  const perChange = longest.ourCodePerChange / flagship.ourCodePerChange;
  const firstText: Record<string, string> = {};
  let flat = true;
  for (const key of Object.keys(flagship.loads)) {
    const r = median(longest.loads[key]!.firstText) / median(flagship.loads[key]!.firstText);
    firstText[key] = `${r.toFixed(2)} ×`;
    flat &&= r <= 1.15;
  }
  return [
    {
      goal: `our code per step change at ${longest.steps} steps ≤ 1.5 × the flagship`,
      measured: { '1280x800': `${perChange.toFixed(2)} ×` },
      met: perChange <= 1.5,
    },
    {
      goal: `first text at ${longest.steps} steps ≤ 1.15 × the flagship (flat)`,
      measured: firstText,
      met: flat,
    },
  ];
}

const show = (values: number[], digits = 0) =>
  values.length === 0
    ? '–'
    : `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const ratio = (ours: number[], other: number[]) =>
  other.length && ours.length ? (median(ours) / median(other)).toFixed(2) : '–';

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const story = committedStory();
  const bytes = weights();
  const critical = criticalPathJs();
  const started = new Date();
  const before = await beforeFirstSettle(chromium, story);
  console.log(`Side by side (ours, classic, plain)${QUICK ? ', quick' : ''}…`);
  const compared = await sideBySide(chromium, story);
  const placement = await labelPlacement(chromium, story);
  const embed = await embedLatency(chromium);
  console.log('As stories grow (the flagship and generated long stories)…');
  const grown = await growth(chromium);
  const goals = goalsOf(compared, before, grown);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, software WebGL`;
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    JSON.stringify(
      {
        date: started.toISOString(),
        machine,
        quick: QUICK,
        runs: RUNS,
        goals,
        bytes,
        criticalPathJs: critical,
        beforeFirstSettle: before,
        compared,
        labelPlacement: placement,
        embed,
        growth: grown,
      },
      null,
      2
    )
  );
  console.log(`\nMachine: ${machine}; ${RUNS} loads per page and viewport\n`);
  console.log('kind              raw KB   gzip KB');
  for (const [kind, entry] of Object.entries(bytes)) {
    console.log(
      `${kind.padEnd(16)} ${(entry.raw / 1024).toFixed(1).padStart(7)} ${(entry.gzip / 1024).toFixed(1).padStart(9)}`
    );
  }
  console.log(
    `app JS the page starts with (after its first paint): ${(critical.raw / 1024).toFixed(1)} KB raw, ${(critical.gzip / 1024).toFixed(1)} KB gzipped (${critical.files.length} files)`
  );
  for (const [viewport, pages] of Object.entries(compared)) {
    const { ours, classic, plain } = pages;
    console.log(`\n${viewport}: median (min–max); ratio = ours ÷ other`);
    const rows: [string, number[], number[], number[] | undefined][] = [
      ['first contentful paint, ms', ours.loads.fcp, classic.loads.fcp, plain.loads.fcp],
      [
        'first step text laid out, ms',
        ours.loads.firstText,
        classic.loads.firstText,
        plain.loads.firstText,
      ],
      ['map first settled, ms', ours.loads.settled, classic.loads.settled, undefined],
    ];
    const frames = (r: ScrollResults | undefined) => r?.reading.flatMap((x) => x.frames) ?? [];
    const perRun = (r: ScrollResults | undefined, pick: (x: ReadingScroll) => number) =>
      r?.reading.map(pick) ?? [];
    console.log(
      `${'metric'.padEnd(34)} ${'ours'.padEnd(22)} ${'classic'.padEnd(22)} ${'plain'.padEnd(18)} ÷classic ÷plain`
    );
    for (const [name, a, b, c] of rows) {
      console.log(
        `${name.padEnd(34)} ${show(a).padEnd(22)} ${show(b).padEnd(22)} ${(c ? show(c) : '–').padEnd(18)} ${ratio(a, b).padEnd(8)} ${c ? ratio(a, c) : '–'}`
      );
    }
    const fo = frames(ours.scroll);
    const fc = frames(classic.scroll);
    console.log(
      `${'frame interval while reading, ms'.padEnd(34)} ${`${median(fo).toFixed(1)} p95 ${percentile(fo, 0.95).toFixed(1)}`.padEnd(22)} ${`${median(fc).toFixed(1)} p95 ${percentile(fc, 0.95).toFixed(1)}`.padEnd(22)} ${'–'.padEnd(18)} ${ratio(fo, fc)}`
    );
    const longO = perRun(ours.scroll, (x) => x.longTasks);
    const longC = perRun(classic.scroll, (x) => x.longTasks);
    const longMsO = perRun(ours.scroll, (x) => x.longTaskMs);
    const longMsC = perRun(classic.scroll, (x) => x.longTaskMs);
    console.log(
      `${'long tasks per read-through'.padEnd(34)} ${`${show(longO)}, ${show(longMsO)} ms`.padEnd(22)} ${`${show(longC)}, ${show(longMsC)} ms`.padEnd(22)}`
    );
    const updates = ours.scroll?.reading.flatMap((x) => x.scrollUpdates) ?? [];
    const changes = ours.scroll?.reading.flatMap((x) => x.stepChanges) ?? [];
    console.log(
      `${'our code per scroll update, ms'.padEnd(34)} ${`${median(updates).toFixed(2)} p95 ${percentile(updates, 0.95).toFixed(2)} (${updates.length})`}`
    );
    console.log(
      `${'our code per step change, ms'.padEnd(34)} ${`${median(changes).toFixed(2)} p95 ${percentile(changes, 0.95).toFixed(2)} (${changes.length})`}`
    );
    console.log(
      `${'fast scroll ends in the last state'.padEnd(34)} ${`${ours.scroll?.fastCorrect}/${ours.scroll?.fastRuns}`.padEnd(22)} ${`${classic.scroll?.fastCorrect}/${classic.scroll?.fastRuns}`}`
    );
    console.log(
      `${'JS heap after each round trip, MB'.padEnd(34)} ${(ours.scroll?.heapMb.map((h) => h.toFixed(1)).join(', ') ?? '').padEnd(22)} ${classic.scroll?.heapMb.map((h) => h.toFixed(1)).join(', ')}`
    );
  }
  console.log(
    `\nsticky embed, host scroll to step heard by the host: median ${embed.medianMs.toFixed(1)} ms, p95 ${embed.p95Ms.toFixed(1)} ms, max ${embed.maxMs.toFixed(1)} ms over ${embed.steps} steps`
  );
  console.log(
    `label placement per pass (every label, one pass a camera frame): median ${placement.medianMs.toFixed(3)} ms, p95 ${placement.p95Ms.toFixed(3)} ms, max ${placement.maxMs.toFixed(2)} ms over ${placement.passes} passes`
  );
  printGrowth(grown);
  const viewports = Object.keys(compared);
  console.log(
    `\nGoals (issue 23), ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}${QUICK ? ', quick run' : ''}`
  );
  console.log(`${'goal'.padEnd(58)} ${viewports.map((v) => v.padEnd(20)).join(' ')} result`);
  for (const goal of goals) {
    const cells = viewports.map((v) => (goal.measured[v] ?? '').padEnd(20)).join(' ');
    console.log(`${goal.goal.padEnd(58)} ${cells} ${goal.met ? 'met' : 'short'}`);
  }
  console.log(`(written to bench/results.json)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
