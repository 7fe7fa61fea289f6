import { flushSync, mount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import Timeline from '../../src/lib/overlays/Timeline.svelte';
import { storyNotes } from '../../src/lib/story/browser';
import { stepState } from '../../src/lib/state/step-state';
import { flagshipStory } from '../unit/helpers';
import { reactive } from './reactive.svelte';
import { useComponentPage } from './setup';
import { until } from './settled';

const story = flagshipStory();
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);
const overlaysAt = (id: string) => stepState(story, indexOf(id), 0).overlays;

describe('the timeline chart', () => {
  const page = useComponentPage(800);

  async function render(stepId: string) {
    const onActivate = vi.fn<(stepId: string) => void>();
    const props = reactive({
      story,
      overlays: overlaysAt(stepId),
      narrow: false,
      onActivate,
      drawNow: true,
      notes: storyNotes(story),
    });
    page.track(mount(Timeline, { target: document.body, props }));
    // The drawing and D3 are loaded lazily: wait until they have drawn.
    await until(() =>
      expect(
        document.querySelectorAll('[data-testid="timeline"] svg g.event').length
      ).toBeGreaterThan(0)
    );
    // The reader opens the full timeline (it starts as a compact strip of the events).
    document
      .querySelector<HTMLButtonElement>('[data-testid="timeline"] button[aria-expanded]')!
      .click();
    flushSync();
    await until(() =>
      expect(
        document.querySelectorAll('[data-testid="timeline"] svg g.period').length
      ).toBeGreaterThan(0)
    );
    const svg = document.querySelector('[data-testid="timeline"] svg')!;
    return { props, onActivate, svg };
  }

  it('keeps its room until told to draw, then loads and draws the chart in that room', async () => {
    const props = reactive({
      story,
      overlays: overlaysAt('intro'),
      narrow: false,
      onActivate: vi.fn<(stepId: string) => void>(),
      drawNow: false,
      notes: storyNotes(story),
    });
    page.track(mount(Timeline, { target: document.body, props }));
    flushSync();
    const figure = document.querySelector<HTMLElement>('[data-testid="timeline"]')!;
    // The room is kept before the chart's code is asked for (the map is framed clear of it):
    // a compact strip of the events, a lane or two and the axis under a bar, no company lanes.
    const room = Number(/^(\d+)px$/.exec(figure.style.minHeight)?.[1]);
    expect(room).toBeGreaterThan(50);
    expect(room).toBeLessThan(130);
    expect(figure.classList.contains('laid-out')).toBe(true);
    expect(figure.querySelector('svg, .chart, button')).toBeNull();
    expect(figure.classList.contains('drawn')).toBe(false);

    props.drawNow = true;
    flushSync();
    await until(() => expect(figure.querySelectorAll('svg g.event').length).toBeGreaterThan(0));
    const svg = figure.querySelector('svg')!;
    // The strip's frame and the chart, in the room kept: padding 6 + 5, bar 24 + 2, and three
    // rows of 14 px, a gap of 5 and a 20 px axis at this width.
    expect(6 + 24 + 2 + Number(svg.getAttribute('height')) + 5).toBe(room);
    expect(6 + 24 + 2 + 3 * 14 + 5 + 20 + 5).toBe(room);
    expect(figure.classList.contains('drawn')).toBe(true);
    expect(figure.querySelector('.chart')!.classList.contains('pending')).toBe(false);
    // Opened, it shows each company's lane too, and takes the room they need.
    const toggle = figure.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    flushSync();
    await until(() => expect(Number(svg.getAttribute('height'))).toBeGreaterThan(100));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('draws a mark per event, shaped by kind, and a bar per presence', async () => {
    const { svg } = await render('sanctions');
    const events = svg.querySelectorAll('g.event');
    expect(events).toHaveLength(story.events.length);
    const un = svg.querySelector('[data-event-id="un-2270"]')!;
    const us = svg.querySelector('[data-event-id="huawei-entity-list"]')!;
    expect(un.getAttribute('data-kind')).toBe('un-sanction');
    // UN and US marks differ in shape, not only in colour.
    expect(un.querySelector('.symbol')?.getAttribute('d')).not.toBe(
      us.querySelector('.symbol')?.getAttribute('d')
    );
    // A day is a point; a year is a band over the year.
    expect(un.querySelector('.band')?.getAttribute('visibility')).toBe('hidden');
    const year = svg.querySelector('[data-event-id="panda-entity-list"] .band')!;
    expect(year.getAttribute('visibility')).toBe('visible');
    expect(Number(year.getAttribute('width'))).toBeGreaterThan(20);

    const bars = svg.querySelectorAll('g.period');
    expect([...bars].map((bar) => bar.getAttribute('data-company-id'))).toEqual([
      'huawei',
      'panda',
      'koryolink',
    ]);
    // Reported presence is hatched; confirmed is solid.
    const fill = (id: string) =>
      svg.querySelector(`g.period[data-company-id="${id}"] .bar`)?.getAttribute('fill') ?? '';
    expect(fill('huawei')).toMatch(/^url\(#.*hatch-huawei\)$/);
    expect(fill('koryolink')).toBe('#6b4c9a');
    expect(svg.querySelector('.lane-empty')?.textContent).toBe('');
    expect([...svg.querySelectorAll('.lane-empty')].map((t) => t.textContent)).toContain(
      'No presence in North Korea sourced'
    );
    // The axis: a tick every second year on 800 px, labelled, from 2006 to 2020 (the story's
    // span), each where its 1 January falls (128 px to 784 px).
    const ticks = [...svg.querySelectorAll('.axis .tick')].map((tick) => ({
      year: tick.textContent,
      x: Number(/translate\(([\d.]+)/.exec(tick.getAttribute('transform') ?? '')?.[1]),
    }));
    expect(ticks.map((tick) => tick.year)).toEqual([
      '2006',
      '2008',
      '2010',
      '2012',
      '2014',
      '2016',
      '2018',
      '2020',
    ]);
    ticks.forEach((tick, i) => expect(tick.x).toBeCloseTo(128 + (656 * 2 * i) / 14, 0));
    // Every mark can be reached by keyboard, and says what it is.
    for (const mark of svg.querySelectorAll('.mark')) {
      expect(mark.getAttribute('tabindex')).toBe('0');
      expect(mark.getAttribute('aria-label')).toMatch(/\d{4}/);
    }
  });

  it("highlights the step's time and its events, and follows the step", async () => {
    const { props, svg } = await render('sanctions');
    const band = svg.querySelector<SVGRectElement>('.when')!;
    expect(band.getAttribute('data-shown')).toBe('true');
    const active = () =>
      [...svg.querySelectorAll('g.event[data-active="true"]')].map((g) =>
        g.getAttribute('data-event-id')
      );
    expect(active().sort()).toEqual(overlaysAt('sanctions').events.toSorted());
    const before = band.style.transform;
    const [, x, width] = /^translate\(([\d.]+)px, 0(?:px)?\) scaleX\(([\d.]+)\)$/.exec(before)!;
    // 800 px wide: the axis runs from 128 px (1 January 2006) to 784 px (1 January 2020), so
    // 2014 to September 2018 starts 8/14 of the way along and runs to 1 October 2018.
    const axis = Date.UTC(2020, 0, 1) - Date.UTC(2006, 0, 1);
    expect(Number(x)).toBeCloseTo(128 + (656 * 8) / 14, 0);
    expect(Number(width)).toBeCloseTo(
      (656 * (Date.UTC(2018, 9, 1) - Date.UTC(2014, 0, 1))) / axis,
      0
    );

    props.overlays = overlaysAt('us-actions');
    flushSync();
    expect(active().sort()).toEqual([
      'huawei-entity-list',
      'indictments',
      'meng-arrest',
      'partial-easing',
    ]);
    expect(band.style.transform).not.toBe(before);

    props.overlays = overlaysAt('method');
    flushSync();
    expect(band.getAttribute('data-shown')).toBe('false');
    expect(active()).toEqual([]);
  });

  it('explains a mark on focus, and takes the reader to its step when activated', async () => {
    const { onActivate, svg } = await render('intro');
    const mark = svg.querySelector<SVGGElement>('[data-event-id="panda-entity-list"]')!;
    // What focusing it fires (and the chart listens for, delegated, as the page does).
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    flushSync();
    const tip = document.querySelector('[role="tooltip"]')!;
    expect(tip.textContent).toContain('Panda International on the US Entity List');
    expect(tip.textContent).toContain('2014');
    expect(tip.textContent).toContain('exact date is not confirmed');
    expect(tip.textContent).toContain('Source: Gizmodo');
    mark.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    flushSync();
    expect(document.querySelector('[role="tooltip"]')).toBeNull();

    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onActivate).toHaveBeenCalledWith('sanctions');
    svg
      .querySelector('[data-event-id="koryolink-launch"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onActivate).toHaveBeenLastCalledWith('pyongyang');
  });

  it('has a title and a description that says where its data is as tables', async () => {
    await render('sanctions');
    const svg = document.querySelector('[data-testid="timeline"] svg')!;
    const title = document.getElementById(svg.getAttribute('aria-labelledby')!);
    const desc = document.getElementById(svg.getAttribute('aria-describedby')!);
    expect(title?.textContent).toMatch(/Sanctions and presence/);
    expect(desc?.textContent).toMatch(/one lane per company/);
    expect(desc?.textContent).toMatch(/tables after the story/);
    // The tables are not in the figure, which sits before the steps (prerender.test.ts).
    expect(document.querySelectorAll('[data-testid="timeline"] table')).toHaveLength(0);
  });
});
