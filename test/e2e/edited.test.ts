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
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Camera } from '../../src/lib/geo/camera';
import { loadStory } from '../../src/lib/story/load';
import { isFitCamera, type LngLat, type Step, type Story } from '../../src/lib/story/types';
import { everyEdit, filesOf } from '../unit/edits';
import { MAP, ROOT, coveredNow, findChromium, shownCamera, watchPage } from './harness';
import { expectWithinEveryBudget } from './budgets';
import { useBuiltStory } from './hooks';
import { followStepLink } from './layouts';
import { mapProblems, subject } from './readable';

const chromiumPath = findChromium();
const files = filesOf(everyEdit());
const story = loadStory(files);
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
/** `data-camera` rounds angles to 0.1° and zoom to 0.01: a little more than that is equal. */
const DEGREES = 0.6;
const ZOOM = 0.02;

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

/**
 * Where points of the map lie on screen now, CSS pixels from the map's top-left corner: of the
 * world's copies side by side (a view across the antimeridian shows two), the one nearest the
 * middle of the map.
 */
function onScreen(page: Page, points: LngLat[]): Promise<{ x: number; y: number }[]> {
  return page.evaluate(`(() => {
    const map = window.__storyMap;
    const middle = map.getContainer().clientWidth / 2;
    return (${JSON.stringify(points)}).map(([lng, lat]) =>
      [lng - 360, lng, lng + 360]
        .map((copy) => map.project([copy, lat]))
        .map(({ x, y }) => ({ x, y }))
        .sort((a, b) => Math.abs(a.x - middle) - Math.abs(b.x - middle))[0]);
  })()`) as Promise<{ x: number; y: number }[]>;
}

/** How the map's camera, as shown now, falls short of what step `step` asks for. */
async function cameraProblems(page: Page, of: Story, step: Step): Promise<string[]> {
  const shown: Camera = await shownCamera(page);
  const problems: string[] = [];
  const say = (problem: string) => problems.push(`${step.id}: ${problem}`);
  const turned = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180) > DEGREES;
  const { width, height } = await page.$eval(MAP, (map) => map.getBoundingClientRect());
  const spec = step.map.camera;
  if (isFitCamera(spec)) {
    if (turned(shown.bearing, 0) || shown.pitch > DEGREES) say('a framed view is turned or tilted');
    const maxZoom = spec.maxZoom ?? 12;
    if (shown.zoom > maxZoom + ZOOM) say(`zoom ${shown.zoom} is beyond its maxZoom ${maxZoom}`);
    const framed = spec.fit.map((id) => of.places.find((place) => place.id === id)!.coordinates);
    (await onScreen(page, framed)).forEach((at, i) => {
      if (at.x < 0 || at.x > width || at.y < 0 || at.y > height) {
        say(
          `framed place ${spec.fit[i]} is off the map, at ${Math.round(at.x)},${Math.round(at.y)}`
        );
      }
    });
    return problems;
  }
  const bearing = spec.bearing ?? 0;
  const pitch = spec.pitch ?? 0;
  if (turned(shown.bearing, bearing)) say(`bearing ${shown.bearing}, not ${bearing}`);
  if (Math.abs(shown.pitch - pitch) > DEGREES) say(`pitch ${shown.pitch}, not ${pitch}`);
  if (shown.zoom > spec.zoom + ZOOM) say(`zoom ${shown.zoom} is closer than its ${spec.zoom}`);
  // A tilted view's centre is placed by the flat map's arithmetic: only flat ones are exact.
  if (pitch > 0) return problems;
  const cover = await coveredNow(page);
  const clear = {
    left: cover.left,
    top: cover.top,
    right: width - cover.right,
    bottom: height - cover.bottom,
  };
  const [centre] = await onScreen(page, [spec.center]);
  const off = Math.hypot(
    centre!.x - (clear.left + clear.right) / 2,
    centre!.y - (clear.top + clear.bottom) / 2
  );
  if (off > 4) say(`its centre is ${Math.round(off)} px from the middle of the clear map`);
  if (shown.zoom < spec.zoom - ZOOM) {
    // Zoomed out for the subject: only as far as needed, so some part of it is near an edge.
    const points = await onScreen(
      page,
      subject(of, step).map((point) => point.at)
    );
    const nearest = Math.min(
      ...points.map((p) =>
        Math.min(p.x - clear.left, clear.right - p.x, p.y - clear.top, clear.bottom - p.y)
      )
    );
    if (nearest > 28) {
      say(
        `zoomed out to ${shown.zoom} from ${spec.zoom}, yet its subject is ${Math.round(nearest)} px from the clear map's edges`
      );
    }
  }
  return problems;
}
