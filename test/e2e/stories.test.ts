/**
 * Stories other than the flagship, built from their folders as `STORY=<folder> npm run build`
 * builds them: a story whose steps span continents (test/fixtures/world) gets a basemap cut
 * from its own cameras, and every step settles with land drawn under it; so does the story
 * `npm run new-story` writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStory } from '../../src/cli/new-story';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory } from '../../src/lib/story/load';
import type { Story } from '../../src/lib/story/types';
import { worldStory } from '../unit/helpers';
import { MAP, ROOT, buildSite, findChromium, watchPage, type BuiltSite } from './harness';
import { useSiteAndBrowser } from './hooks';
import { followStepLink } from './layouts';

const chromiumPath = findChromium();
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

describe.skipIf(!chromiumPath)('a story that spans continents', () => {
  const story = worldStory();
  let built: Extract<BuiltSite, { failed: false }> | undefined;
  beforeAll(async () => {
    const result = await buildSite('test/fixtures/world');
    if (result.failed) throw new Error(`the world fixture did not build:\n${result.output}`);
    built = result;
  });
  afterAll(() => built?.remove());
  const env = useSiteAndBrowser(chromiumPath, () => {
    if (!built) throw new Error('the world fixture was not built');
    return built.folder;
  });

  it('builds without detail of its own, saying where the general basemap stands in', () => {
    expect(built!.output).toContain(
      'steps san-francisco, washington, geneva zoom in close where test/fixtures/world/detail.json has no detail: the general basemap stands in there.'
    );
  });

  for (const screen of SCREENS) {
    it(`at ${screen.width}×${screen.height}: every step settles with the basemap's land in view`, async () => {
      expect(await landDrawn(env.browser, env.site.origin, story, screen)).toEqual(
        story.steps.map((step) => [step.id, true])
      );
    });
  }
});
describe.skipIf(!chromiumPath)('the story npm run new-story writes', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp-new-story-'));
  const folder = relative(ROOT, newStory(ROOT, join(scratch, 'story')));
  const story = loadStory(readStoryFiles(ROOT, storyFolder(ROOT, folder)));
  let built: Extract<BuiltSite, { failed: false }> | undefined;
  beforeAll(async () => {
    const result = await buildSite(folder, scratch);
    if (result.failed) throw new Error(`the new story did not build:\n${result.output}`);
    built = result;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const env = useSiteAndBrowser(chromiumPath, () => {
    if (!built) throw new Error('the new story was not built');
    return built.folder;
  });

  it('builds and plays: every step settles with land in view', async () => {
    expect(await landDrawn(env.browser, env.site.origin, story, SCREENS[0]!)).toEqual(
      story.steps.map((step) => [step.id, true])
    );
  });
});

/**
 * Each step of `story`, reached by its address, and whether the basemap's land (its own layer,
 * not the world's) is drawn once it settled; fails on any console error or outside request.
 */
async function landDrawn(
  browser: Browser,
  origin: string,
  story: Story,
  screen: { width: number; height: number }
): Promise<[string, boolean][]> {
  const context = await browser.newContext({ viewport: screen, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const issues = watchPage(page, origin);
  await page.goto(`${origin}/?debug`);
  await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
  const drawn: [string, boolean][] = [];
  for (const step of story.steps) {
    await followStepLink(page.mainFrame(), step.id);
    const land = (await page.evaluate(
      `window.__storyMap.queryRenderedFeatures({ layers: ['land'] }).length`
    )) as number;
    drawn.push([step.id, land > 0]);
  }
  expect(issues).toEqual({ consoleErrors: [], pageErrors: [], outsideRequests: [] });
  await context.close();
  return drawn;
}
