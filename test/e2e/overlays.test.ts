/**
 * The overlays in Chromium: marks stay on their places frame by frame during a camera flight,
 * activating a timeline mark takes the reader to its step, and on a phone the timeline and
 * legend stay on the map while the cards are read below it.
 */
import { describe, expect, it } from 'vitest';
import { isFitCamera } from '../../src/lib/story/types';
import { committedStory } from '../unit/helpers';
import { MAP, findChromium, scrollToStep, waitForSettled, watchPage } from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
const chromiumPath = findChromium();

interface Sample {
  /** Largest distance between a mark and map.project of its place in this frame, px. */
  worst: number;
  marks: number;
  center: string;
}

describe.skipIf(!chromiumPath)('the overlays in Chromium', () => {
  const env = useSiteAndBrowser(chromiumPath);

  it('keeps every mark on its place, within 2 px, on every frame of a flight', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const issues = watchPage(page, env.site.origin);
    // The flight into the story's tilted view (or its second step): the hardest to follow.
    const tilted = story.steps.findIndex(
      (step) => !isFitCamera(step.map.camera) && (step.map.camera.pitch ?? 0) > 0
    );
    const to = tilted > 0 ? tilted : 1;
    const from = story.steps[to - 1]!;
    // ?debug exposes the map, so the test can ask it where each place is in each frame.
    await page.goto(`${env.site.origin}/?debug`);
    await scrollToStep(page, from.id, 0.9);
    await waitForSettled(page, from.id);
    const places = Object.fromEntries(story.places.map((p) => [`place:${p.id}`, p.coordinates]));

    await page.evaluate(`(() => {
      const places = ${JSON.stringify(places)};
      window.__samples = [];
      window.__sampling = true;
      const sample = () => {
        if (!window.__sampling) return;
        const map = window.__storyMap;
        let worst = 0;
        let marks = 0;
        for (const mark of document.querySelectorAll('[data-mark-for][data-visible="true"]')) {
          const at = places[mark.getAttribute('data-mark-for')];
          const match = /translate\\(([-\\d.]+)px, ([-\\d.]+)px\\)/.exec(mark.style.transform);
          if (!at || !match) continue;
          const expected = map.project(at);
          worst = Math.max(worst, Math.hypot(Number(match[1]) - expected.x, Number(match[2]) - expected.y));
          marks++;
        }
        const c = map.getCenter();
        window.__samples.push({ worst, marks, center: c.lng.toFixed(5) + ',' + c.lat.toFixed(5) });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    })()`);
    const target = story.steps[to]!;
    await scrollToStep(page, target.id, 0.1);
    await waitForSettled(page, target.id);
    await page.evaluate('window.__sampling = false');
    const samples = (await page.evaluate('window.__samples')) as Sample[];

    // The camera really travelled, and marks were drawn all the way.
    const moving = new Set(samples.map((s) => s.center));
    expect(moving.size).toBeGreaterThan(5);
    expect(samples.filter((s) => s.marks > 0).length).toBeGreaterThan(samples.length / 2);
    const worst = Math.max(...samples.map((s) => s.worst));
    expect(worst, `worst ${worst.toFixed(2)} px over ${samples.length} frames`).toBeLessThanOrEqual(
      2
    );
    expect(issues.pageErrors).toEqual([]);
    expect(issues.consoleErrors).toEqual([]);
    await page.close();
  });

  it('takes the reader to the step of a timeline mark, by keyboard and by pointer', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.site.origin}/`);
    const first = story.steps[0]!.id;
    await waitForSettled(page, first);
    // Two events told by other steps than the first, and by different ones.
    const [byKey, byPointer] = story.events.filter(
      (event, i, all) =>
        event.step !== undefined &&
        event.step !== first &&
        all.findIndex((other) => other.step === event.step) === i
    );
    // The chart draws once the map has first settled.
    const mark = (id: string) => `g.event[data-event-id="${id}"]`;
    await page.waitForSelector(mark(byKey!.id));
    await page.focus(mark(byKey!.id));
    const tooltip = await page.textContent('[role="tooltip"]');
    expect(tooltip).toContain(byKey!.label);
    // Its sources by name (the page's script gets them apart from the story, with the notes).
    const outlet = story.sources.find((source) => source.id === byKey!.sources[0])!.outlet;
    expect(tooltip).toContain(outlet);
    // And its note, if it has one (likewise apart).
    if (byKey!.note) expect(tooltip).toContain(byKey!.note);
    await page.keyboard.press('Enter');
    await waitForSettled(page, byKey!.step!);
    expect(await page.getAttribute(MAP, 'data-active-step')).toBe(byKey!.step);

    await page.click(mark(byPointer!.id));
    await waitForSettled(page, byPointer!.step!);
    // The timeline follows: the step's time is highlighted, if it has one.
    const told = story.steps.find((step) => step.id === byPointer!.step)!;
    expect(await page.getAttribute('[data-testid="timeline"] rect.when', 'data-shown')).toBe(
      String(told.when !== undefined)
    );
    await page.close();
  });

  it('frames the first view clear of the timeline, which comes after it in the room kept', async () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      // Reduced motion: a map framed again would jump at once, not fly.
      const page = await env.browser.newPage({
        viewport: { width, height },
        reducedMotion: 'reduce',
      });
      const issues = watchPage(page, env.site.origin);
      // Measured as the first view settles, before anything loaded after it can arrive.
      const measure = () => ({
        strip: document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect().height,
        chart: document.querySelector('[data-testid="timeline"] svg') !== null,
        camera: document.querySelector('[data-testid="story-map"]')!.getAttribute('data-camera'),
      });
      await page.addInitScript(`(() => {
        const measure = ${measure.toString()};
        new MutationObserver((records, observer) => {
          if (!records.some((r) => r.target.getAttribute('data-active-step'))) return;
          window.__firstView = measure();
          observer.disconnect();
        }).observe(document, { attributes: true, attributeFilter: ['data-active-step'], subtree: true });
      })()`);
      await page.goto(`${env.site.origin}/`);
      await waitForSettled(page, story.steps[0]!.id);
      await page.waitForSelector('[data-testid="timeline"].drawn svg g.event');
      // Two frames for a map framed again to show it.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      );
      const first = (await page.evaluate('window.__firstView')) as ReturnType<typeof measure>;
      const drawn = await page.evaluate(measure);
      expect(first.chart, 'the chart came before the first view').toBe(false);
      expect(drawn.chart).toBe(true);
      // The strip had its room at the first view; the chart filled it, and the map, framed
      // clear of it, did not move.
      expect(first.strip, `${width}×${height}`).toBeGreaterThan(40);
      expect({ ...drawn, chart: false }, `${width}×${height}`).toEqual(first);
      expect(issues.pageErrors).toEqual([]);
      await page.close();
    }
  });

  it('keeps the timeline and the legend on the map on a phone, the cards read below it', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${env.site.origin}/`);
    const step = story.steps.find((s) => s.when)!;
    await waitForSettled(page, story.steps[0]!.id);
    // Where the step navigation puts the card: where it is read.
    await page.click(`[data-step-link="${step.id}"]`);
    await waitForSettled(page, step.id);
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const rect = document.querySelector(selector)!.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, width: rect.width };
      };
      return {
        map: box('[data-testid="story-map"]'),
        timeline: box('[data-testid="timeline"]'),
        legend: box('.legend'),
        card: box('.step.active .card'),
      };
    });
    // Timeline and legend over the map, the timeline a strip of it; the card below the map.
    expect(boxes.timeline.bottom).toBeLessThanOrEqual(boxes.map.bottom);
    expect(boxes.timeline.bottom - boxes.timeline.top).toBeLessThan(
      (boxes.map.bottom - boxes.map.top) / 4
    );
    expect(boxes.timeline.width).toBeGreaterThan(360);
    expect(boxes.legend.top).toBeGreaterThanOrEqual(boxes.map.top);
    expect(boxes.card.top).toBeGreaterThanOrEqual(boxes.map.bottom);
    // The legend is folded behind its button until the reader opens it.
    expect(await page.getAttribute('.legend button', 'aria-expanded')).toBe('false');
    await page.click('.legend button');
    expect(await page.getAttribute('.legend button', 'aria-expanded')).toBe('true');
    expect(await page.isVisible('.legend ul')).toBe(true);
    await page.close();
  });
});
