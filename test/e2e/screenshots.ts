/**
 * Screenshots of every step of the built story, for looking at it as a reader would:
 *
 *   npm run build && npm run screenshots            # all steps at 1280×800 and 390×844
 *   npm run screenshots -- dandong rail             # only these steps
 *
 * Writes .screens/<width>x<height>-<nn>-<step>.png. Waits for each step to settle, never for
 * a fixed time. Chinese and Korean labels need CJK fonts on the machine (Debian: fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { committedStory } from '../unit/helpers';
import { ROOT, findChromium, launch, scrollToStep, startSite, waitForSettled } from './harness';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function main(): Promise<void> {
  const story = committedStory();
  const only = process.argv.slice(2);
  const steps = story.steps.filter((s) => only.length === 0 || only.includes(s.id));
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium: install Debian chromium or set CHROME_PATH.');
  const out = join(ROOT, '.screens');
  mkdirSync(out, { recursive: true });
  const site = await startSite();
  const browser = await launch(chromium);
  try {
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${site.origin}/`);
      for (const step of steps) {
        const index = story.steps.indexOf(step);
        // Place the card where a reader has it while the step is active.
        await scrollToStep(page, step.id, 0.15);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
