/**
 * The editing aid on the built site: absent (and not downloaded) on the normal page; with
 * ?edit, a camera snippet that reproduces the view, jump buttons and the validation state.
 */
import { describe, expect, it } from 'vitest';
import { camerasMatch, parseCamera, resolveCamera } from '../../src/lib/geo/camera';
import { committedStory } from '../unit/helpers';
import { MAP, coveredNow, findChromium, mapSize, shownCamera, waitForSettled } from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the editing aid', () => {
  const env = useSiteAndBrowser(chromiumPath);

  it('is absent from the normal page, which does not download it', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    page.on('response', (response) => scripts.push(response.url()));
    await page.goto(`${env.site.origin}/`);
    await waitForSettled(page, story.steps[0]!.id);
    expect(await page.$('[data-testid="edit-panel"]')).toBeNull();
    const panelChunks = await Promise.all(
      scripts
        .filter((url) => url.endsWith('.js'))
        .map((url) => page.evaluate((u) => fetch(u).then((r) => r.text()), url))
    );
    expect(panelChunks.some((code) => code.includes('Editing aid'))).toBe(false);
    await page.close();
  });

  it('with ?edit lists the steps, jumps to one, and gives a camera that reproduces the view', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.site.origin}/?edit`);
    await page.waitForSelector('[data-testid="edit-panel"]');
    expect(
      await page.$$eval('[data-testid="edit-panel"] ol button', (b) => b.map((x) => x.textContent))
    ).toEqual(story.steps.map((s) => s.id));
    const validation = (await page.textContent('[data-testid="edit-validation"]'))!;
    expect(validation.replace(/\s+/g, ' ')).toMatch(
      new RegExp(`Valid: ${story.steps.length} steps, .*no warnings`)
    );

    const jumpTo = story.steps[Math.min(4, story.steps.length - 1)]!.id;
    await page.click(`[data-testid="edit-panel"] ol button:text-is("${jumpTo}")`);
    await waitForSettled(page, jumpTo);
    const before = await page.getAttribute(MAP, 'data-camera');

    // Drag the map, as an editor looking for a view would.
    const box = (await page.$(MAP))!.boundingBox();
    const { x, y, width, height } = (await box)!;
    await page.mouse.move(x + width / 2, y + height / 2);
    await page.mouse.down();
    await page.mouse.move(x + width / 2 - 120, y + height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    // The drag has ended (the map reports its camera on moveend).
    await page.waitForFunction(
      ([selector, was]) => document.querySelector(selector)?.getAttribute('data-camera') !== was,
      [MAP, before] as const
    );
    // Pasted into a step, the snippet shows what the editor sees now (the snippet follows the
    // map's frames, so it may take one more to catch up).
    const size = await mapSize(page);
    const covered = await coveredNow(page);
    const reproduces = async () => {
      const text = (await page.textContent('[data-testid="edit-camera"]')) ?? '';
      if (!text.startsWith('"camera"')) return false;
      const snippet = JSON.parse(`{${text}}`) as {
        camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
      };
      const again = resolveCamera(
        { kind: 'view', camera: snippet.camera, subject: [] },
        size,
        covered
      );
      return camerasMatch(again, await shownCamera(page), { pixels: 2, zoom: 0.01, degrees: 0.2 });
    };
    await expect.poll(reproduces, { timeout: 30_000 }).toBe(true);
    expect(parseCamera(await page.getAttribute(MAP, 'data-camera'))).toBeDefined();
    await page.close();
  });
});
