/**
 * The stories `npm run import` makes of two storytelling template configs
 * (test/fixtures/import: one plain, one full of what the story has no place for), built as
 * `STORY=<folder> npm run build` builds them: every chapter settles at the camera its config
 * gave. (What the import maps and warns: test/unit/import.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../src/cli/import';
import { readStoryFiles, storyFolder } from '../../src/lib/story/files';
import { loadStory } from '../../src/lib/story/load';
import type { Story } from '../../src/lib/story/types';
import { cameraProblems } from './cameras';
import { MAP, ROOT, findChromium, shownCamera, watchPage } from './harness';
import { useBuiltStory } from './hooks';
import { followStepLink } from './layouts';

const chromiumPath = findChromium();
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

for (const name of ['plain', 'rich']) {
  describe.skipIf(!chromiumPath)(`the story imported from the ${name} template config`, () => {
    const scratch = mkdtempSync(join(ROOT, '.tmp-import-'));
    const folder = relative(ROOT, join(scratch, 'story'));
    const config = `test/fixtures/import/${name}/config.js`;
    let story: Story | undefined;
    // Imported first: the build (registered next) builds what the import wrote.
    beforeAll(async () => {
      await importConfig(ROOT, config, { out: folder, today: '2026-12-06' });
      story = loadStory(readStoryFiles(ROOT, storyFolder(ROOT, folder)));
    });
    const env = useBuiltStory(chromiumPath, folder, scratch);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    for (const screen of SCREENS) {
      it(`at ${screen.width}×${screen.height}: every chapter settles at the camera its config gave`, async () => {
        const context = await env.browser.newContext({ viewport: screen, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const issues = watchPage(page, env.site.origin);
        await page.goto(`${env.site.origin}/?debug`);
        await page.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
        // The steps' cameras are the config's (test/unit/import.test.ts): each is shown with its
        // bearing and pitch, its centre in the middle of the map's clear part, its zoom within
        // 0.25 of the config's.
        const off: string[] = [];
        for (const step of story!.steps) {
          await followStepLink(page.mainFrame(), step.id);
          off.push(...(await cameraProblems(page, story!, step)));
          const { zoom } = await shownCamera(page);
          const asked = 'zoom' in step.map.camera ? step.map.camera.zoom : zoom;
          if (Math.abs(zoom - asked) > 0.25) off.push(`${step.id}: zoom ${zoom}, not ${asked}`);
        }
        expect(off).toEqual([]);
        expect(issues).toEqual({ consoleErrors: [], pageErrors: [], outsideRequests: [] });
        await context.close();
      });
    }
  });
}
