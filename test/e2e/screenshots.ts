/**
 * Screenshots of every step of the built story, for looking at it as a reader would:
 *
 *   npm run build && npm run screenshots        # every step, five screens, three layouts
 *   npm run screenshots -- dandong rail         # only these steps
 *   npm run screenshots -- --layout=page        # only one layout (page, sticky, contained)
 *   npm run screenshots -- --size=390x844       # only one screen size
 *   npm run screenshots -- --print              # the print layout (print media), in parts
 *   STORY=story/other npm run screenshots -- --site=.tmp-other/build   # another story's build
 *
 * Writes .screens/<layout>/<width>x<height>/<nn>-<step>.png, and a contact sheet of all the
 * steps of each layout and size, .screens/contact-<layout>-<width>x<height>.png. Each step is
 * reached by its address and photographed once the map shows it (never after a fixed time),
 * with motion reduced so the map jumps there; the view it settles on is the same either way.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory } from '../../src/lib/story/load';
import { ROOT, findChromium, launch, startSite } from './harness';
import { LAYOUTS, VIEWPORTS, openLayout, startHosts, type LayoutName } from './layouts';

async function main(): Promise<void> {
  const story = loadStory(readStoryFiles(ROOT, storyFolder(ROOT)));
  const args = process.argv.slice(2);
  const option = (name: string) =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const built = option('site');
  const only = args.filter((arg) => !arg.startsWith('--'));
  const steps = story.steps.filter((s) => only.length === 0 || only.includes(s.id));
  const layouts = LAYOUTS.filter((l) => !option('layout') || option('layout') === l);
  const sizes = VIEWPORTS.filter(
    (v) => !option('size') || option('size') === `${v.width}x${v.height}`
  );
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const out = join(ROOT, '.screens');
  mkdirSync(out, { recursive: true });
  const site = await startSite(built && join(ROOT, built));
  const hosts = await startHosts(site);
  const browser = await launch(chromium);
  try {
    if (args.includes('--print')) {
      await printLayout(browser, site.origin, out);
      return;
    }
    for (const layout of layouts) {
      for (const viewport of sizes) {
        const folder = join(out, layout, `${viewport.width}x${viewport.height}`);
        mkdirSync(folder, { recursive: true });
        const open = await openLayout(browser, layout, viewport, {
          site: hosts.storyOrigin,
          hosts: hosts.origin,
        });
        const shots: { path: string; step: string }[] = [];
        for (const step of steps) {
          const index = story.steps.indexOf(step);
          await open.goTo(step.id);
          // CSS transitions (the timeline's highlight, card opacity) run to their end.
          await open.story.waitForFunction('document.getAnimations().length === 0');
          const path = join(folder, `${String(index + 1).padStart(2, '0')}-${step.id}.png`);
          await open.page.screenshot({ path });
          shots.push({ path, step: `${index + 1}. ${step.id}` });
          console.log(relative(ROOT, path));
        }
        await open.close();
        if (shots.length > 1) {
          const sheet = join(out, `contact-${layout}-${viewport.width}x${viewport.height}.png`);
          await contactSheet(browser, shots, viewport, layout, sheet);
          console.log(relative(ROOT, sheet));
        }
      }
    }
  } finally {
    await browser.close();
    await hosts.close();
    await site.close();
  }
}

/** All the steps of one layout and size on one image, in order, each captioned. */
async function contactSheet(
  browser: Browser,
  shots: { path: string; step: string }[],
  viewport: { width: number; height: number },
  layout: LayoutName,
  path: string
): Promise<void> {
  const columns = viewport.width > viewport.height ? 3 : 4;
  const scale = Math.min(1, 2400 / columns / viewport.width);
  const width = Math.round(viewport.width * scale);
  const page = await browser.newPage({
    viewport: { width: columns * (width + 12) + 12, height: 600 },
  });
  const cells = shots
    .map(
      (shot) =>
        `<figure><img src="data:image/png;base64,${readFileSync(shot.path).toString('base64')}" width="${width}"><figcaption>${shot.step}</figcaption></figure>`
    )
    .join('');
  await page.setContent(
    `<!doctype html><html><head><style>
      body{margin:0;padding:12px;font:14px system-ui,sans-serif;background:#ddd}
      h1{font-size:16px;margin:0 0 8px}
      main{display:grid;grid-template-columns:repeat(${columns},${width}px);gap:12px}
      figure{margin:0} img{display:block;box-shadow:0 1px 4px #0005} figcaption{padding:2px 0}
    </style></head><body><h1>${layout}, ${viewport.width}×${viewport.height}</h1><main>${cells}</main></body></html>`
  );
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.screenshot({ path, fullPage: true });
  await page.close();
}

/** The page as printed (print media emulated): A4-ish width, cut into screen-sized parts. */
async function printLayout(browser: Browser, origin: string, out: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid="story-map"][data-active-step]');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() =>
    Array.from(document.images).every((image) => image.loading !== 'lazy' && image.complete)
  );
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, part = 1; top < height && part <= 6; top += 1123, part++) {
    const name = `print-${part}.png`;
    await page.screenshot({
      path: join(out, name),
      fullPage: true,
      clip: { x: 0, y: top, width: 794, height: Math.min(1123, height - top) },
    });
    console.log(`.screens/${name}`);
  }
  await page.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
