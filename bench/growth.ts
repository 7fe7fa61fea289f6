/**
 * Does the page stay fast as a story grows? The flagship beside long stories generated from its
 * shape (bench/long-story.ts: by default 50 and 200 steps, with five places, a quarter of a leg
 * and one and a half events per step), each built as `npm run build` builds and measured the
 * same way:
 *
 * - build time, and the page's HTML (raw and gzipped);
 * - first step text laid out and first settled map, fresh loads at 1280×800 and 390×844,
 *   interleaved so a slow spell of the machine falls on every story alike; and with them the
 *   first text of each story's plain page (plain.ts: its text, no script), the floor the
 *   flagship's first text is held to, at each length (it lays out all its text before its
 *   first frame, so it grows faster than a page that lays out its first screen only);
 * - before the first text, from traced loads (loads.ts, `tracedLoadOnce`): the HTML parser's
 *   time, and the browser's style and layout: which of the two grows with the story;
 * - our code per step change: a step-by-step walk (reduced motion, so each change is a jump
 *   and the walk is quick) over the first and last steps, with a CPU profile; the main-thread
 *   time whose nearest script is the app's own (not MapLibre's), divided by the changes; the
 *   median of several walks (WALKS), interleaved across the stories. The map applier's own
 *   measure (`app:step-change`) beside it;
 * - the JS heap after each walk, after a garbage collection (the median).
 *
 * The slope of each figure against the number of steps is a least-squares line through the
 * generated stories (the flagship's text and views, repeated: only the count changes).
 *
 * `tsx bench/growth.ts` runs it alone; `npm run bench` runs it after the side-by-side pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';
import type { Size } from '../src/lib/geo/camera';
import { DEFAULT_STORY, readStoryFiles, storyFolder } from '../src/lib/story/files';
import { loadStory } from '../src/lib/story/load';
import {
  ROOT,
  buildSite,
  findChromium,
  launch,
  scrollToStep,
  startSite,
  waitForSettled,
  type Site,
} from '../test/e2e/harness';
import {
  BETWEEN_LOADS_MS,
  STORY_SETTLED,
  loadOnce,
  tracedLoadOnce,
  type BeforeFirstText,
  type LoadTimes,
} from './loads';
import { LONG_STORY, writeLongStory } from './long-story';
import { plainPage } from './plain';
import { heapAfterGc, median } from './scroll';

const QUICK = process.env.BENCH_QUICK === '1';
/** Fresh loads per story and viewport. */
const RUNS = Number(process.env.BENCH_GROWTH_RUNS ?? (QUICK ? 3 : 6));
/** Traced fresh loads per story and viewport (where the time before the first text goes). */
const TRACED_RUNS = Number(process.env.BENCH_GROWTH_TRACED_RUNS ?? (QUICK ? 2 : 4));
/** Steps of the generated stories. */
const SIZES = (process.env.BENCH_GROWTH_STEPS ?? '50,200').split(',').map(Number);
/** Steps walked at each end of a story (a walk over all 200 would add minutes, not insight). */
const WALKED = 20;
/**
 * Walks per story, interleaved across the stories: one walk's figure moved by half between
 * two runs of the same builds (1.31–1.83 × at 200 steps), so each story's is a median.
 */
const WALKS = Number(process.env.BENCH_GROWTH_WALKS ?? (QUICK ? 3 : 5));
const VIEWPORTS: Size[] = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** A viewport's key in the figures: `1280x800`. */
const sizeKey = ({ width, height }: Size) => `${width}x${height}`;

/** For each of `count` stories, a fresh `T` per viewport, by its key. */
function perViewport<T>(count: number, make: () => T): Record<string, T>[] {
  return Array.from({ length: count }, () =>
    Object.fromEntries(VIEWPORTS.map((viewport) => [sizeKey(viewport), make()]))
  );
}

export interface GrowthStory {
  name: string;
  steps: number;
  places: number;
  legs: number;
  events: number;
  buildSeconds: number;
  html: { raw: number; gzip: number };
  /** Per viewport (`1280x800`), every fresh load's times. */
  loads: Record<string, LoadTimes>;
  /** Per viewport, the first text of every fresh load of the story's plain page, ms. */
  plainFirstText: Record<string, number[]>;
  /** Per viewport, every traced load's parse and layout before the first text. */
  beforeFirstText: Record<string, BeforeFirstText>;
  /**
   * Our code's main-thread time per step change, ms (from the CPU profile of each walk): the
   * median of the walks, and each walk's.
   */
  ourCodePerChange: number;
  ourCodePerChangeWalks: number[];
  /** The map applier's own measure per change, ms, over every walk. */
  applierMs: number[];
  /** Step changes per walk. */
  changes: number;
  /** After each walk: the median. */
  heapMb: number;
}

export interface Growth {
  stories: GrowthStory[];
  /** Least-squares slope per 100 steps, over the generated stories. */
  slopePer100Steps: Record<string, number>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Main-thread time in the profile whose nearest script (the sample's own frame, or the
 * closest caller with a script) is one of the app's, not MapLibre's, ms.
 */
function appTime(profile: Profile, isApp: (url: string) => boolean): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const owner = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const up = parent.get(id);
    const result = url !== '' ? isApp(url) : up !== undefined && owner(up);
    ours.set(id, result);
    return result;
  };
  let total = 0;
  profile.samples.forEach((id, index) => {
    if (owner(id)) total += profile.timeDeltas[index] ?? 0;
  });
  return total / 1000;
}

/** Walks the story step by step (jumps) with a CPU profile running; see the file's comment. */
async function walk(browser: Browser, site: Site, folder: string, stepIds: string[]) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${site.origin}/?debug`);
  await waitForSettled(page, stepIds[0]!);
  const session: CDPSession = await context.newCDPSession(page);
  const walked =
    stepIds.length <= 2 * WALKED
      ? stepIds.slice(1)
      : [...stepIds.slice(1, WALKED), ...stepIds.slice(-WALKED)];
  await page.evaluate('performance.clearMeasures()');
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  for (const id of walked) {
    await scrollToStep(page, id, 0.1);
    await waitForSettled(page, id);
  }
  const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
  const applierMs = (await page.evaluate(
    `performance.getEntriesByName('app:step-change').map((e) => e.duration)`
  )) as number[];
  // The app's scripts are its files under /_app/, apart from MapLibre's chunk.
  // Each file read once, however many of the profile's frames name it.
  const apps = new Map<string, boolean>();
  const isApp = (url: string) => {
    const path = new URL(url, site.origin).pathname;
    if (!path.startsWith('/_app/') || !path.endsWith('.js')) return false;
    let app = apps.get(path);
    if (app === undefined) {
      app = !readFileSync(join(folder, path)).includes('maplibregl-map');
      apps.set(path, app);
    }
    return app;
  };
  const ourCodePerChange = appTime(profile, isApp) / walked.length;
  await page.evaluate('window.scrollTo(0, 0)');
  await waitForSettled(page, stepIds[0]!);
  await page.evaluate('performance.clearMeasures()');
  const heapMb = await heapAfterGc(session);
  await context.close();
  return { ourCodePerChange, applierMs, changes: walked.length, heapMb };
}

/**
 * `rounds` fresh loads of each of `count` stories at each viewport, a pause before each: each
 * round in a turned order, so no story always follows the same one.
 */
async function interleaved(
  rounds: number,
  count: number,
  load: (index: number, viewport: Size) => Promise<void>
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const viewport of VIEWPORTS) {
      for (let k = 0; k < count; k++) {
        await new Promise((resolve) => setTimeout(resolve, BETWEEN_LOADS_MS));
        await load((k + round) % count, viewport);
      }
    }
  }
}

/** Least-squares slope of `y` against `x`. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

export async function growth(chromium: string): Promise<Growth> {
  const scratch = mkdtempSync(join(ROOT, '.tmp-bench-growth-'));
  const flagshipFiles = readStoryFiles(ROOT, storyFolder(ROOT, DEFAULT_STORY));
  const entries: { name: string; folder: string }[] = [{ name: 'flagship', folder: DEFAULT_STORY }];
  for (const steps of SIZES) {
    const folder = join(scratch, `long-${steps}`);
    const scale = steps / LONG_STORY.steps;
    writeLongStory(folder, flagshipFiles, {
      steps,
      places: Math.round(LONG_STORY.places * scale),
      legs: Math.round(LONG_STORY.legs * scale),
      events: Math.round(LONG_STORY.events * scale),
    });
    entries.push({
      name: `generated, ${steps} steps`,
      folder: relative(ROOT, folder),
    });
  }
  const sources = entries.map(({ folder }) =>
    loadStory(readStoryFiles(ROOT, storyFolder(ROOT, folder)))
  );
  const browser = await launch(chromium);
  const built: { name: string; folder: string; site: Site; remove(): void; build: number }[] = [];
  const plains: Site[] = [];
  try {
    for (const [index, story] of sources.entries()) {
      const folder = join(scratch, `plain-${index}`);
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'index.html'),
        plainPage(story, `bench/growth.ts (${entries[index]!.name})`)
      );
      plains.push(await startSite(folder));
    }
    for (const entry of entries) {
      const started = performance.now();
      const result = await buildSite(entry.folder, mkdtempSync(join(scratch, 'build-')));
      if (result.failed) throw new Error(`${entry.name} did not build:\n${result.output}`);
      const build = (performance.now() - started) / 1000;
      built.push({
        ...entry,
        folder: result.folder,
        site: await startSite(result.folder),
        remove: result.remove,
        build,
      });
      console.log(`  growth: ${entry.name} built in ${build.toFixed(1)} s`);
    }
    const loadTimes = (): LoadTimes => ({ fcp: [], firstText: [], settled: [] });
    const loads = perViewport(built.length, loadTimes);
    const plainLoads = perViewport(built.length, loadTimes);
    // Each story's page and its plain page, interleaved together.
    await interleaved(RUNS, 2 * built.length, (index, viewport) => {
      const key = sizeKey(viewport);
      return index < built.length
        ? loadOnce(
            browser,
            `${built[index]!.site.origin}/`,
            STORY_SETTLED,
            viewport,
            loads[index]![key]!
          )
        : loadOnce(
            browser,
            `${plains[index - built.length]!.origin}/`,
            undefined,
            viewport,
            plainLoads[index - built.length]![key]!
          );
    });
    const traced = perViewport(built.length, (): BeforeFirstText => ({
      parse: [],
      styleAndLayout: [],
    }));
    await interleaved(TRACED_RUNS, built.length, (index, viewport) =>
      tracedLoadOnce(
        browser,
        `${built[index]!.site.origin}/`,
        viewport,
        traced[index]![sizeKey(viewport)]!
      )
    );
    const walks = built.map(() => [] as Awaited<ReturnType<typeof walk>>[]);
    for (let round = 0; round < WALKS; round++) {
      // Each round in a turned order, as the loads.
      for (let k = 0; k < built.length; k++) {
        const index = (k + round) % built.length;
        const entry = built[index]!;
        walks[index]!.push(
          await walk(
            browser,
            entry.site,
            entry.folder,
            sources[index]!.steps.map((step) => step.id)
          )
        );
      }
    }
    const stories: GrowthStory[] = [];
    for (const [index, entry] of built.entries()) {
      const story = sources[index]!;
      const html = readFileSync(join(entry.folder, 'index.html'));
      const walked = walks[index]!;
      const perChange = walked.map((one) => one.ourCodePerChange);
      stories.push({
        name: entry.name,
        steps: story.steps.length,
        places: story.places.length,
        legs: story.legs.length,
        events: story.events.length,
        buildSeconds: entry.build,
        html: { raw: html.length, gzip: gzipSync(html, { level: 9 }).length },
        loads: loads[index]!,
        plainFirstText: Object.fromEntries(
          Object.entries(plainLoads[index]!).map(([key, times]) => [key, times.firstText])
        ),
        beforeFirstText: traced[index]!,
        ourCodePerChange: median(perChange),
        ourCodePerChangeWalks: perChange,
        applierMs: walked.flatMap((one) => one.applierMs),
        changes: walked[0]!.changes,
        heapMb: median(walked.map((one) => one.heapMb)),
      });
      console.log(`  growth: ${entry.name} measured`);
    }
    const generated = stories.filter((s) => s.name !== 'flagship');
    const per100 = (pick: (s: GrowthStory) => number) =>
      slope(generated.map((s) => [s.steps, pick(s)])) * 100;
    const slopePer100Steps: Record<string, number> = {
      buildSeconds: per100((s) => s.buildSeconds),
      htmlGzipKb: per100((s) => s.html.gzip / 1024),
      ourCodePerChangeMs: per100((s) => s.ourCodePerChange),
      heapMb: per100((s) => s.heapMb),
    };
    for (const key of VIEWPORTS.map(sizeKey)) {
      slopePer100Steps[`firstTextMs ${key}`] = per100((s) => median(s.loads[key]!.firstText));
      slopePer100Steps[`plainPageFirstTextMs ${key}`] = per100((s) =>
        median(s.plainFirstText[key]!)
      );
      slopePer100Steps[`settledMs ${key}`] = per100((s) => median(s.loads[key]!.settled));
      slopePer100Steps[`parseBeforeFirstTextMs ${key}`] = per100((s) =>
        median(s.beforeFirstText[key]!.parse)
      );
      slopePer100Steps[`styleAndLayoutBeforeFirstTextMs ${key}`] = per100((s) =>
        median(s.beforeFirstText[key]!.styleAndLayout)
      );
    }
    return { stories, slopePer100Steps };
  } finally {
    await browser.close();
    for (const plain of plains) await plain.close();
    for (const entry of built) {
      await entry.site.close();
      entry.remove();
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints. */
export function printGrowth({ stories, slopePer100Steps }: Growth): void {
  const columns = stories.map((s) => s.name);
  const row = (name: string, cells: string[]) =>
    console.log(`${name.padEnd(36)} ${cells.map((c) => c.padEnd(20)).join(' ')}`);
  console.log(
    "\nAs stories grow (medians; generated stories repeat the flagship's text and views)"
  );
  row('', columns);
  row(
    'steps, places, legs, events',
    stories.map((s) => `${s.steps}, ${s.places}, ${s.legs}, ${s.events}`)
  );
  row(
    'build, s',
    stories.map((s) => s.buildSeconds.toFixed(1))
  );
  row(
    'HTML, KB raw / gzipped',
    stories.map((s) => `${(s.html.raw / 1024).toFixed(0)} / ${(s.html.gzip / 1024).toFixed(1)}`)
  );
  for (const key of Object.keys(stories[0]!.loads)) {
    row(
      `first text ${key}, ms`,
      stories.map((s) => median(s.loads[key]!.firstText).toFixed(0))
    );
    row(
      `  before it: parse / style+layout`,
      stories.map(
        (s) =>
          `${median(s.beforeFirstText[key]!.parse).toFixed(1)} / ${median(s.beforeFirstText[key]!.styleAndLayout).toFixed(1)}`
      )
    );
    row(
      `  its plain page's first text, ms`,
      stories.map((s) => median(s.plainFirstText[key]!).toFixed(0))
    );
    row(
      `first settle ${key}, ms`,
      stories.map((s) => median(s.loads[key]!.settled).toFixed(0))
    );
  }
  row(
    'our code per step change, ms',
    // Changes per walk × walks.
    stories.map(
      (s) => `${s.ourCodePerChange.toFixed(1)} (${s.changes}×${s.ourCodePerChangeWalks.length})`
    )
  );
  row(
    'map applier per change, median ms',
    stories.map((s) => median(s.applierMs).toFixed(2))
  );
  row(
    'JS heap after a walk, MB',
    stories.map((s) => s.heapMb.toFixed(1))
  );
  console.log('slope per 100 more steps (generated stories):');
  for (const [name, value] of Object.entries(slopePer100Steps))
    console.log(`  ${name}: ${value.toFixed(2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  growth(chromium)
    .then(printGrowth)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
