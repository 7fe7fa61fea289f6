/**
 * The map shows what the text says, on every screen: for every step of the story, on the page
 * at five screen sizes and in the sticky and contained embeds at three, the step's subject lies
 * in the clear part of the map (inside the map, 16 px from its edges, clear of anything over
 * it) when the step is reached by its address, and still a quarter screen further on; and
 * every label the map shows is whole, inside the map, clear of what covers it, of every other
 * label and of every other mark, and no nearer to another company's mark than to its own.
 *
 * The steps are the story's own, iterated, never named. (What is checked, and how, is in
 * readable.ts.)
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedStory } from '../unit/helpers';
import { findChromium, type Site } from './harness';
import { useSiteAndBrowser } from './hooks';
import { LAYOUTS, VIEWPORTS, openLayout, startHosts, type LayoutName } from './layouts';
import { mapProblems } from './readable';

const story = committedStory();
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the map shows what the text says', () => {
  const env = useSiteAndBrowser(chromiumPath);
  let hosts: Site & { storyOrigin: string };
  /**
   * One browser context per layout, its pages at each size: the story's files are fetched and
   * compiled once per layout, not once per size (what is checked is the layout, not loading).
   */
  const contexts = new Map<LayoutName, BrowserContext>();
  async function contextFor(layout: LayoutName): Promise<BrowserContext> {
    let context = contexts.get(layout);
    if (!context) {
      context = await env.browser.newContext({ reducedMotion: 'reduce' });
      contexts.set(layout, context);
    }
    return context;
  }
  beforeAll(async () => {
    hosts = await startHosts(env.site);
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await hosts?.close();
  });

  for (const layout of LAYOUTS) {
    // The page at all five sizes; the embeds at the widest, a tablet's and the smallest phone's.
    const sizes =
      layout === 'page' ? VIEWPORTS : VIEWPORTS.filter((_, i) => i === 0 || i === 2 || i === 4);
    for (const viewport of sizes) {
      it(`${layout} at ${viewport.width}×${viewport.height}: every step's subject is in view, its labels whole and apart`, async () => {
        const open = await openLayout(
          await contextFor(layout),
          layout,
          viewport,
          { site: hosts.storyOrigin, hosts: hosts.origin },
          true
        );
        const problems: string[] = [];
        let checkedLater = 0;
        for (const step of story.steps) {
          await open.goTo(step.id);
          problems.push(...(await mapProblems(open.story, story, step, 'when reached')));
          // A quarter screen on, while the same step is still the one read.
          await open.scrollOn(0.25);
          const active = await open.story.$eval('[data-testid="story-map"]', (map) =>
            map.getAttribute('data-active-step')
          );
          if (active === step.id) {
            checkedLater++;
            problems.push(...(await mapProblems(open.story, story, step, 'a quarter screen on')));
          }
        }
        expect(problems, `${layout} ${viewport.width}×${viewport.height}`).toEqual([]);
        // The second look is not vacuous: most steps stay active a quarter screen on.
        expect(checkedLater).toBeGreaterThanOrEqual(story.steps.length / 2);
        await open.close();
      });
    }
  }
});
