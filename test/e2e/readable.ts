/**
 * Whether the map, as shown now, shows what a step says: the step's subject lies in the clear
 * part of the map (inside the map, 16 px from its edges, clear of anything over it), and every
 * label the map shows is whole, inside the map, clear of what covers it, of every other label
 * and of every other mark, and no nearer to another company's mark than to its own. Used by
 * readability.test.ts (the real story, every layout and screen size) and edited.test.ts (the
 * story after an editor's edits).
 *
 * Positions come from the live map (`?debug` exposes it); what covers the map is asked of the
 * browser (`elementsFromPoint`), not worked out the way the camera works it out.
 *
 * `describeReadability` is the readability tests themselves, for the layouts a test file names
 * (readability.test.ts the page, readability-embeds.test.ts the embeds: two files the two
 * browser workers run side by side).
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LngLat, Step, Story } from '../../src/lib/story/types';
import { committedStory } from '../unit/helpers';
import { findChromium, type Site } from './harness';
import { useSiteAndBrowser } from './hooks';
import { VIEWPORTS, openLayout, startHosts, type LayoutName } from './layouts';

/** What a step is about, as the issue defines it: its highlight, or its places and legs. */
export function subject(of: Story, step: Step): { name: string; at: LngLat }[] {
  const place = (id: string) => of.places.find((p) => p.id === id)!;
  if (step.map.highlight.length > 0) {
    return step.map.highlight.map((id) => ({ name: id, at: place(id).coordinates }));
  }
  return [
    ...step.map.places.map((id) => ({ name: id, at: place(id).coordinates })),
    ...step.map.legs.flatMap((id) =>
      of.legs
        .find((leg) => leg.id === id)!
        .coordinates.map((at, i) => ({ name: `${id} point ${i + 1}`, at }))
    ),
  ];
}

/**
 * Everything wrong with the map as shown now, in words naming the feature. Runs in the story's
 * frame; written as a string so the bundler adds nothing to it.
 */
const CHECK = `(({ subject, margin }) => {
  const problems = [];
  const root = document.querySelector('[data-testid="story-map"]');
  const frame = root.getBoundingClientRect();
  const view = {
    left: Math.max(frame.left, 0),
    top: Math.max(frame.top, 0),
    right: Math.min(frame.right, innerWidth),
    bottom: Math.min(frame.bottom, innerHeight),
  };
  const chromeElements = [
    ...document.querySelectorAll('[data-map-chrome]'),
    ...root.querySelectorAll('.maplibregl-ctrl'),
  ].filter((e) => e.getClientRects().length > 0);
  const name = (e) =>
    e ? (e.dataset.testid || e.dataset.labelId || e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0]) : 'nothing';
  const chromeOf = (e) => chromeElements.find((c) => c.contains(e));
  /** What a reader sees at a point of the frame: the map, or what covers it. */
  const coverAt = (x, y) => {
    const top = document.elementsFromPoint(x, y)[0];
    if (!top) return 'nothing';
    if (!root.contains(top)) return top.closest('.card') ? 'a step card' : name(top);
    const chrome = chromeOf(top);
    return chrome ? name(chrome) : undefined;
  };
  const round = (v) => Math.round(v);
  for (const point of subject) {
    const p = window.__storyMap.project(point.at);
    const x = frame.left + p.x;
    const y = frame.top + p.y;
    const where = point.name + ' at ' + round(x) + ',' + round(y);
    if (x < view.left + margin || x > view.right - margin || y < view.top + margin || y > view.bottom - margin) {
      problems.push(where + ' is not ' + margin + ' px inside the map');
      continue;
    }
    for (const c of chromeElements) {
      const r = c.getBoundingClientRect();
      if (x > r.left - margin && x < r.right + margin && y > r.top - margin && y < r.bottom + margin) {
        problems.push(where + ' is within ' + margin + ' px of ' + name(c));
      }
    }
    for (const [dx, dy] of [[0, 0], [margin, 0], [-margin, 0], [0, margin], [0, -margin]]) {
      const cover = coverAt(x + dx, y + dy);
      if (cover) problems.push(where + ' is covered by ' + cover);
    }
  }

  const labels = [...root.querySelectorAll('[data-label-id][data-placed="true"]')].map((e) => ({
    id: e.dataset.labelId,
    box: e.getBoundingClientRect(),
    companies: e.querySelectorAll('[data-company-id]').length,
  }));
  const marks = [...root.querySelectorAll('[data-mark-for][data-visible="true"]')].map((e) => ({
    id: e.dataset.markFor,
    box: e.getBoundingClientRect(),
  }));
  const overlap = (a, b) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const distance = (a, b) =>
    Math.hypot(Math.max(0, a.left - b.right, b.left - a.right), Math.max(0, a.top - b.bottom, b.top - a.bottom));
  labels.forEach((label, i) => {
    const b = label.box;
    if (b.width === 0 || b.height === 0) problems.push(label.id + ' is placed but empty');
    if (b.left < view.left || b.right > view.right || b.top < view.top || b.bottom > view.bottom) {
      problems.push(label.id + ' is cut by the edge of the map');
    }
    for (const c of chromeElements) {
      if (overlap(b, c.getBoundingClientRect())) problems.push(label.id + ' is under ' + name(c));
    }
    for (const [x, y] of [[b.left + 1, b.top + 1], [b.right - 1, b.top + 1], [b.left + 1, b.bottom - 1], [b.right - 1, b.bottom - 1]]) {
      const cover = coverAt(x, y);
      if (cover) problems.push(label.id + ' is covered by ' + cover);
    }
    for (const other of labels.slice(i + 1)) {
      if (overlap(b, other.box)) problems.push(label.id + ' overlaps ' + other.id);
    }
    const own = marks.find((m) => m.id === label.id);
    for (const mark of marks) {
      if (mark.id === label.id) continue;
      if (overlap(b, mark.box)) problems.push(label.id + ' covers the mark of ' + mark.id);
      if (label.companies > 0 && own && distance(b, mark.box) < distance(b, own.box) - 0.5) {
        problems.push(label.id + ' (companies) is nearer the mark of ' + mark.id + ' than its own');
      }
    }
  });
  return { problems, active: root.dataset.activeStep, labels: labels.length };
})`;

/** What is wrong with step `step` of `story` as its frame shows it now, each naming the step. */
export async function mapProblems(
  frame: Frame,
  story: Story,
  step: Step,
  when: string
): Promise<string[]> {
  const seen = (await frame.evaluate(
    `${CHECK}(${JSON.stringify({ subject: subject(story, step), margin: 16 })})`
  )) as { problems: string[]; active: string | undefined };
  if (seen.active !== step.id) return [`${step.id} ${when}: the map shows ${seen.active}`];
  return seen.problems.map((problem) => `${step.id} ${when}: ${problem}`);
}

/**
 * For every step of the story, in each of `layouts` (the page at all five screen sizes, the
 * embeds at the widest, a tablet's and the smallest phone's): the step's subject is in view
 * and its labels whole and apart when it is reached by its address, and still a quarter screen
 * further on (`mapProblems`).
 */
export function describeReadability(layouts: readonly LayoutName[]): void {
  const story = committedStory();
  const chromiumPath = findChromium();
  describe.skipIf(!chromiumPath)(`the map shows what the text says (${layouts.join(', ')})`, () => {
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

    for (const layout of layouts) {
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
}
