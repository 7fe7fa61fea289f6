/**
 * The story after an editor's valid edits, all made at once (test/unit/edits.ts: every id
 * renamed, the steps reversed, one dropped, a step and a place added, text rewritten and a
 * camera moved), built the way `npm run build` builds the story and read in Chromium. On a
 * desktop and on a phone, every step reached by its address settles at the camera it asks for:
 * a fixed view at its bearing and pitch, never closer than its zoom, centred in the clear part
 * of the map (unpitched), and zoomed out only as far as its subject needs; a framed view north
 * up, with every framed place on the map. Its subject is in the clear part of the map and its
 * labels whole and apart (readable.ts, as for the real story). And it holds the size budgets
 * (budgets.ts), as the real story does.
 *
 * No step is named here: the edits decide them, and the checks iterate over what was built.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../src/lib/story/load';
import { everyEdit, filesOf } from '../unit/edits';
import { MAP, ROOT, findChromium, watchPage } from './harness';
import { expectWithinEveryBudget } from './budgets';
import { cameraProblems } from './cameras';
import { useBuiltStory } from './hooks';
import { followStepLink } from './layouts';
import { mapProblems } from './readable';

const chromiumPath = findChromium();
const files = filesOf(everyEdit());
const story = loadStory(files);
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
describe.skipIf(!chromiumPath)('the story after every valid edit at once', () => {
  // The edited story's folder, in the folder the build goes to (removed with it).
  const out = mkdtempSync(join(ROOT, '.tmp-edited-'));
  const folder = join(out, 'story');
  mkdirSync(folder);
  writeFileSync(join(folder, 'story.json'), files.story.text);
  writeFileSync(join(folder, 'places.geojson'), files.places.text);
  writeFileSync(join(folder, 'route.geojson'), files.route.text);
  const env = useBuiltStory(chromiumPath, relative(ROOT, folder), out);

  it('has the edited steps, in their new order, with their new text', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    const shown = await page.$$eval('[data-step-id]', (steps) =>
      steps.map((step) => ({ id: step.id, text: step.textContent?.replace(/\s+/g, ' ') ?? '' }))
    );
    expect(shown.map((step) => step.id)).toEqual(story.steps.map((step) => step.id));
    story.steps.forEach((step, i) => expect(shown[i]!.text).toContain(step.title));
    // Each paragraph of each step's text, as its words read (markup aside).
    const paragraphs = await page.evaluate(
      (steps) =>
        steps.flatMap(({ id, html }) => {
          const card = document.querySelector(`[data-step-id="${id}"]`)?.textContent ?? '';
          const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
          const parsed = new DOMParser().parseFromString(html, 'text/html');
          return [...parsed.querySelectorAll('p')].map((paragraph) => ({
            text: `${id}: ${squash(paragraph.textContent ?? '')}`,
            shown: squash(card).includes(squash(paragraph.textContent ?? '')),
          }));
        }),
      story.steps.map(({ id, html }) => ({ id, html }))
    );
    expect(paragraphs.length).toBeGreaterThan(story.steps.length);
    expect(paragraphs.filter((p) => !p.shown).map((p) => p.text)).toEqual([]);
    await context.close();
  });

  it('holds the size budgets', async () => {
    await expectWithinEveryBudget(
      env.browser,
      env.site.origin,
      env.built.folder,
      story.steps[0]!.id
    );
  });

  for (const screen of SCREENS) {
    it(`at ${screen.width}×${screen.height}: every step settles at its camera, its subject in view and its labels apart`, async () => {
      const context = await env.browser.newContext({ viewport: screen, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const issues = watchPage(page, env.site.origin);
      await page.goto(`${env.site.origin}/?debug`);
      await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
      const problems: string[] = [];
      for (const step of story.steps) {
        await followStepLink(page.mainFrame(), step.id);
        problems.push(...(await mapProblems(page.mainFrame(), story, step, 'when reached')));
        problems.push(...(await cameraProblems(page, story, step)));
      }
      expect(problems).toEqual([]);
      expect(issues).toEqual({ consoleErrors: [], pageErrors: [], outsideRequests: [] });
      await context.close();
    });
  }
});
