/**
 * What one map frame costs, layer group by layer group: `tsx bench/frame-cost.ts [WxH]`
 * (default 390×844; the site in build/, built first).
 *
 * At each step's settled view, the map is drawn synchronously again and again (MapLibre's
 * `redraw`, then a one-pixel `readPixels`, which waits for the drawing to finish), with every
 * layer shown and then with each group hidden in turn (each measure once the map is idle, its
 * tiles in place): the difference is what the group costs each frame of a flight. With software WebGL (SwiftShader, this machine's) a frame's drawing
 * is main-thread time the reader's scrolling waits for; on a phone's GPU it is battery. This is
 * how issue 23 found where the phone's long tasks while reading come from.
 *
 * It reaches into MapLibre's painter for its WebGL context (not a public API: a probe for
 * developers, never part of the page or of `npm test`).
 */
import { ROUTE_SOURCE, DETAIL_SOURCE, WORLD_SOURCE } from '../src/lib/draw/style';
import { findChromium, launch, scrollToStep, startSite, waitForSettled } from '../test/e2e/harness';

const [width, height] = (process.argv[2] ?? '390x844').split('x').map(Number) as [number, number];
/** Frames drawn per measure. */
const FRAMES = 25;

/** Layer groups, by the source they draw (the base map is every other layer but the sea). */
const GROUPS: Record<string, string> = {
  'base map': `(l) => l.type !== 'background' && ![${JSON.stringify(ROUTE_SOURCE)}, ${JSON.stringify(DETAIL_SOURCE)}, ${JSON.stringify(WORLD_SOURCE)}].includes(l.source)`,
  world: `(l) => l.source === ${JSON.stringify(WORLD_SOURCE)}`,
  detail: `(l) => l.source === ${JSON.stringify(DETAIL_SOURCE)}`,
  route: `(l) => l.source === ${JSON.stringify(ROUTE_SOURCE)}`,
};

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const browser = await launch(chromium);
  const site = await startSite();
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${site.origin}/?debug`);
    const ids = (await page.evaluate(
      `[...document.querySelectorAll('[data-step-id]')].map((e) => e.dataset.stepId)`
    )) as string[];
    const costs = new Map<string, number[]>();
    for (const id of ids) {
      await scrollToStep(page, id, 0.1);
      await waitForSettled(page, id);
      const baseLayers = (await page.evaluate(
        `window.__storyMap.getStyle().layers.filter(${GROUPS['base map']}).map((l) => l.id)`
      )) as string[];
      const groups: [string, string][] = [
        ['everything', '() => false'],
        ...Object.entries(GROUPS),
        // And each layer of the base map alone.
        ...baseLayers.map((layer): [string, string] => [
          `base map: ${layer}`,
          `(l) => l.id === ${JSON.stringify(layer)}`,
        ]),
      ];
      for (const [name, test] of groups) {
        // Hidden, then drawn once the map is idle again: a source whose layers are all hidden
        // lets its tiles go, and a measure taken while they come back would be too cheap.
        const ms = (await page.evaluate(`(async () => {
          const map = window.__storyMap;
          const idle = () => new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
          const hidden = map.getStyle().layers.filter(${test}).map((l) => l.id);
          for (const layer of hidden) map.setLayoutProperty(layer, 'visibility', 'none');
          await idle();
          const gl = map.painter.context.gl;
          const pixel = new Uint8Array(4);
          const frame = () => { map.redraw(); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel); };
          frame();
          const start = performance.now();
          for (let i = 0; i < ${FRAMES}; i++) frame();
          const each = (performance.now() - start) / ${FRAMES};
          for (const layer of hidden) map.setLayoutProperty(layer, 'visibility', 'visible');
          await idle();
          return each;
        })()`)) as number;
        costs.set(name, [...(costs.get(name) ?? []), ms]);
      }
    }
    if (process.env.PER_STEP) {
      for (const [name, values] of costs)
        console.log(name.padEnd(24), values.map((v) => v.toFixed(1)).join(' '));
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const all = mean(costs.get('everything') ?? []);
    console.log(`One map frame at ${width}×${height}, mean over ${ids.length} steps' views:`);
    console.log(`  everything drawn: ${all.toFixed(1)} ms`);
    for (const [name, values] of costs) {
      if (name === 'everything') continue;
      console.log(
        `  without ${name}: ${mean(values).toFixed(1)} ms (${(all - mean(values)).toFixed(1)} ms less)`
      );
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
