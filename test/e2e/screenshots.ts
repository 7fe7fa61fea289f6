/**
 * Screenshots of every step of the built story, for looking at it as a reader would:
 *
 *   npm run build && npm run screenshots            # all steps at 1280×800 and 390×844
 *   npm run screenshots -- dandong rail             # only these steps
 *   npm run screenshots -- --print                  # the print layout (print media), in parts
 *
 * Writes .screens/<width>x<height>-<nn>-<step>.png. Waits for each step to settle, never for
 * a fixed time. Chinese and Korean labels need CJK fonts on the machine (Debian: fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { committedStory } from '../unit/helpers';
import type { Browser } from 'playwright-core';
import { ROOT, findChromium, launch, startSite, waitForSettled } from './harness';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function main(): Promise<void> {
  const story = committedStory();
  const print = process.argv.includes('--print');
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const steps = story.steps.filter((s) => only.length === 0 || only.includes(s.id));
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const out = join(ROOT, '.screens');
  mkdirSync(out, { recursive: true });
  const site = await startSite();
  const browser = await launch(chromium);
  try {
    if (print) {
      await printLayout(browser, site.origin, out);
      return;
    }
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${site.origin}/`);
      for (const step of steps) {
        const index = story.steps.indexOf(step);
        // The step navigation puts the card where a reader has it while the step is active.
        await page.click(`[data-step-link="${step.id}"]`);
        await waitForSettled(page, step.id);
        // CSS transitions (the timeline's highlight, card opacity) run to their end.
        await page.waitForFunction('document.getAnimations().length === 0');
        await page.evaluate(
          () =>
            new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        );
        const name = `${viewport.width}x${viewport.height}-${String(index + 1).padStart(2, '0')}-${step.id}.png`;
        await page.screenshot({ path: join(out, name) });
        console.log(`.screens/${name}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
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
