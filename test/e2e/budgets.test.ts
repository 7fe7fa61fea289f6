/**
 * The size budgets in bench/budgets.json, held on the built site: sizes are deterministic, so
 * they are asserted here (timings are only reported, by npm run bench). A broken budget names
 * the files, their sizes and the budget. (What each budget counts: sizes.ts. The story with
 * an editor's edits is held to them too, in edited.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { budgets, expectWithin } from './budgets';
import {
  appJavaScriptAtStart,
  appJavaScriptOf,
  embedLoader,
  geoData,
  loadedBeforeFirstSettle,
} from './sizes';
import { BUILD, findChromium } from './harness';
import { useSiteAndBrowser } from './hooks';
import { committedStory } from '../unit/helpers';

const chromiumPath = findChromium();

describe('the size budgets', () => {
  it('app JavaScript the page starts with (every module its start script names)', () => {
    expectWithin('appJavaScriptAtStartKb', appJavaScriptAtStart(BUILD));
  });

  it('the basemap and geo data', () => {
    expectWithin('geoDataKb', geoData(BUILD));
  });

  it("the host page's loader (embed.js), one script", () => {
    expectWithin('embedLoaderKb', embedLoader(BUILD));
  });

  describe.skipIf(!chromiumPath)('in Chromium', () => {
    const env = useSiteAndBrowser(chromiumPath);

    it("everything loaded before the first settled map, MapLibre and its worker included, the app's own JavaScript among it, and nothing from elsewhere", async () => {
      const { sizes, outside } = await loadedBeforeFirstSettle(
        env.browser,
        env.site.origin,
        BUILD,
        committedStory().steps[0]!.id
      );
      expectWithin('loadedBeforeFirstSettledMapKb', sizes);
      expectWithin('appJavaScriptBeforeFirstSettledMapKb', appJavaScriptOf(BUILD, sizes));
      expect(outside.length).toBeLessThanOrEqual(budgets.requestsOutsideOrigin!.budget);
      // The first view is drawn from its own basemap; the whole story's is not on its path.
      const files = sizes.map((entry) => entry.file);
      expect(files.filter((file) => /basemap-first\.[^/]+\.json$/.test(file))).toHaveLength(1);
      expect(files.filter((file) => /\/basemap\.[^/]+\.json$/.test(file))).toEqual([]);
    });

    it("takes the whole story's basemap once the first view is shown", async () => {
      const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
      const wholeBasemap = page.waitForRequest(/\/basemap\.[^/]+\.json$/, { timeout: 60_000 });
      await page.goto(`${env.site.origin}/?debug`);
      const requested = await wholeBasemap;
      const settledAt = await page.evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('app:first-view')[0]!.startTime
      );
      await requested.response();
      expect(requested.timing().startTime).toBeGreaterThanOrEqual(settledAt);
      await page.close();
    });
  });
});
