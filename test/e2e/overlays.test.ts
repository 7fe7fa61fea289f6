/**
 * The D3 overlays in Chromium: company markers stay on their places frame by frame during a
 * camera flight, and activating a timeline mark takes the reader to its step.
 */
import { describe, expect, it } from 'vitest';
import { stepState } from '../../src/lib/state/step-state';
import { committedStory } from '../unit/helpers';
import { MAP, findChromium, scrollToStep, waitForSettled, watchPage } from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
const chromiumPath = findChromium();
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);

interface Sample {
  /** Largest distance between a marker and map.project of its place in this frame, px. */
  worst: number;
  markers: number;
  center: string;
}

describe.skipIf(!chromiumPath)('the overlays in Chromium', () => {
  const env = useSiteAndBrowser(chromiumPath);

  it('keeps every company marker within 2 px of its place on every frame of a flight', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const issues = watchPage(page, env.site.origin);
    // ?debug exposes the map, so the test can ask it where each place is in each frame.
    await page.goto(`${env.site.origin}/?debug`);
    await scrollToStep(page, 'rail', 0.9);
    await waitForSettled(page, 'rail');
    // Rail and Pyongyang share a time, so the companies stand at the same places in both.
    const rail = stepState(story, indexOf('rail'), 1).overlays.companies;
    const pyongyang = stepState(story, indexOf('pyongyang'), 0).overlays.companies;
    expect(pyongyang.map((c) => c.place)).toEqual(rail.map((c) => c.place));
    const places = Object.fromEntries(
      rail.map((c) => [c.id, story.places.find((p) => p.id === c.place)!.coordinates])
    );

    await page.evaluate(`(() => {
      const places = ${JSON.stringify(places)};
      window.__samples = [];
      window.__sampling = true;
      const sample = () => {
        if (!window.__sampling) return;
        const map = window.__storyMap;
        let worst = 0;
        let markers = 0;
        for (const group of document.querySelectorAll('g.company')) {
          const at = places[group.getAttribute('data-company-id')];
          const match = /translate\\(([-\\d.]+)px, ([-\\d.]+)px\\)/.exec(group.style.transform);
          if (!at || !match) continue;
          const expected = map.project(at);
          worst = Math.max(worst, Math.hypot(Number(match[1]) - expected.x, Number(match[2]) - expected.y));
          markers++;
        }
        const c = map.getCenter();
        window.__samples.push({ worst, markers, center: c.lng.toFixed(5) + ',' + c.lat.toFixed(5) });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    })()`);
    await scrollToStep(page, 'pyongyang', 0.1);
    await waitForSettled(page, 'pyongyang');
    await page.evaluate('window.__sampling = false');
    const samples = (await page.evaluate('window.__samples')) as Sample[];

    // The camera really travelled: many distinct frames, with pitch and bearing at the end.
    const moving = new Set(samples.map((s) => s.center));
    expect(moving.size).toBeGreaterThan(5);
    expect(samples.every((s) => s.markers === story.companies.length)).toBe(true);
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
    await scrollToStep(page, 'intro', 0.2);
    await waitForSettled(page, 'intro');
    // The chart draws once the map has first settled; the tables' rows carry the same ids.
    await page.waitForSelector('g.event[data-event-id="koryolink-launch"]');

    await page.focus('g.event[data-event-id="koryolink-launch"]');
    expect(await page.textContent('[role="tooltip"]')).toContain('15 December 2008');
    await page.keyboard.press('Enter');
    await waitForSettled(page, 'pyongyang');
    expect(await page.getAttribute(MAP, 'data-active-step')).toBe('pyongyang');

    await page.click('g.event[data-event-id="kehua-sanctioned"]');
    await waitForSettled(page, 'dandong');
    // The timeline follows: the step's time is highlighted.
    const highlighted = await page.$$eval('g.event[data-active="true"]', (marks) =>
      marks.map((mark) => mark.getAttribute('data-event-id'))
    );
    expect(highlighted).toEqual(['kehua-sanctioned']);
    await page.close();
  });

  it('docks the timeline above the card on a phone, clear of the text', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${env.site.origin}/`);
    await scrollToStep(page, 'sanctions', 0.15);
    await waitForSettled(page, 'sanctions');
    const timeline = await page.$eval('[data-testid="timeline"]', (element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, width: rect.width };
    });
    // Above the part of the screen the step cards cover, and not taller than a third of it.
    expect(timeline.bottom).toBeLessThanOrEqual(844 * 0.45 + 1);
    expect(timeline.bottom - timeline.top).toBeLessThan(844 / 3);
    expect(timeline.width).toBeGreaterThan(360);
    await page.close();
  });
});
