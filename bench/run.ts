/**
 * `npm run bench`: measures the built story in Debian's Chromium on loopback.
 *
 * - bytes of the build by kind, raw and gzipped;
 * - first contentful paint, and the time until the map first settles (`data-active-step`
 *   set), as medians over several runs at 1280×800 and 390×844;
 * - the overlays' own time per frame during camera flights (performance marks, ?debug);
 * - sticky embedding: from the host's scroll to the host hearing the new step.
 *
 * Writes bench/results.json and prints a table. Timings are noisy on a shared machine: quote
 * medians with their spread and the machine they came from. (Issue 7 extends this benchmark.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BUILD,
  ROOT,
  findChromium,
  launch,
  scrollToStep,
  startSite,
  waitForSettled,
} from '../test/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

type Kind =
  | 'html'
  | 'app-js'
  | 'maplibre-js'
  | 'maplibre-worker'
  | 'css'
  | 'maplibre-css'
  | 'basemap'
  | 'embed-loader'
  | 'static-maps'
  | 'other';

function kindOf(path: string, content: Buffer): Kind {
  if (path.endsWith('.html')) return 'html';
  if (/maplibre-gl-worker/.test(path)) return 'maplibre-worker';
  if (path.endsWith(`${sep}embed.js`)) return 'embed-loader';
  if (path.includes(`${sep}maps${sep}`) && path.endsWith('.svg')) return 'static-maps';
  // The bundler drops MapLibre's licence header; its map container class marks the chunk.
  if (path.endsWith('.js')) return content.includes('maplibregl-map') ? 'maplibre-js' : 'app-js';
  if (path.endsWith('.css')) return content.includes('maplibregl') ? 'maplibre-css' : 'css';
  if (/basemap/.test(path)) return 'basemap';
  return 'other';
}

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timings(chromium: string) {
  const site = await startSite();
  const browser = await launch(chromium);
  const results: Record<string, { fcp: number[]; settled: number[] }> = {};
  try {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const key = `${viewport.width}x${viewport.height}`;
      results[key] = { fcp: [], settled: [] };
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${site.origin}/`);
        // A string, not a function: tsx's keepNames would add a helper the page does not have.
        const settled = await page.evaluate<number>(`new Promise((resolve) => {
          const map = document.querySelector('[data-testid="story-map"]');
          if (map.hasAttribute('data-active-step')) return resolve(performance.now());
          new MutationObserver((_, observer) => {
            if (!map.hasAttribute('data-active-step')) return;
            observer.disconnect();
            resolve(performance.now());
          }).observe(map, { attributes: true });
        })`);
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
        );
        results[key].fcp.push(fcp);
        results[key].settled.push(settled);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return results;
}

/**
 * The overlays' own main-thread time during camera flights: each frame's presence-layer
 * reprojection (performance marks, enabled by ?debug), over the flights between a few
 * step pairs, at 1280×800.
 */
async function overlayFrames(chromium: string) {
  const site = await startSite();
  const browser = await launch(chromium);
  const durations: number[] = [];
  const draws: number[] = [];
  const pairs = [
    ['contract-2008', 'dandong'],
    ['rail', 'pyongyang'],
    ['sanctions', 'us-actions'],
  ];
  try {
    for (let run = 0; run < Math.max(1, Math.ceil(RUNS / 2)); run++) {
      for (const [from, to] of pairs) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${site.origin}/?debug`);
        await scrollToStep(page, from!, 0.5);
        await waitForSettled(page, from!);
        await page.evaluate('performance.clearMeasures()');
        await scrollToStep(page, to!, 0.1);
        await waitForSettled(page, to!);
        const measured = (await page.evaluate(`({
          reproject: performance.getEntriesByName('overlay:presence-reproject').map((e) => e.duration),
          draw: performance.getEntriesByName('overlay:presence-draw').map((e) => e.duration),
        })`)) as { reproject: number[]; draw: number[] };
        durations.push(...measured.reproject);
        draws.push(...measured.draw);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const p95 = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;
  return {
    frames: durations.length,
    reprojectMedianMs: median(durations),
    reprojectP95Ms: p95(durations),
    drawMedianMs: median(draws),
    draws: draws.length,
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
    for (let round = 0; round < Math.max(1, Math.ceil(RUNS / 2)); round++) {
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

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const bytes = weights();
  const times = await timings(chromium);
  const overlays = await overlayFrames(chromium);
  const embed = await embedLatency(chromium);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, software WebGL`;
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    JSON.stringify(
      { date: new Date().toISOString(), machine, runs: RUNS, bytes, times, overlays, embed },
      null,
      2
    )
  );
  console.log(`Machine: ${machine}; ${RUNS} runs per viewport\n`);
  console.log('kind              raw KB   gzip KB');
  for (const [kind, entry] of Object.entries(bytes)) {
    console.log(
      `${kind.padEnd(16)} ${(entry.raw / 1024).toFixed(1).padStart(7)} ${(entry.gzip / 1024).toFixed(1).padStart(9)}`
    );
  }
  console.log('\nviewport     FCP ms (median, min–max)    map settled ms (median, min–max)');
  for (const [key, { fcp, settled }] of Object.entries(times)) {
    const show = (v: number[]) =>
      `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;
    console.log(`${key.padEnd(12)} ${show(fcp).padEnd(27)} ${show(settled)}`);
  }
  console.log(
    `\nsticky embed, host scroll to step heard by the host: median ${embed.medianMs.toFixed(1)} ms, p95 ${embed.p95Ms.toFixed(1)} ms, max ${embed.maxMs.toFixed(1)} ms over ${embed.steps} steps`
  );
  console.log(
    `\noverlay per flight frame (presence layer): median ${overlays.reprojectMedianMs.toFixed(3)} ms, p95 ${overlays.reprojectP95Ms.toFixed(3)} ms over ${overlays.frames} frames; redraw on a step change: median ${overlays.drawMedianMs.toFixed(2)} ms (${overlays.draws})`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
