/**
 * The label layer (map/MapLabels.svelte) mounted in jsdom with a stand-in map, on the engine's
 * fixture story: what it draws for a step, where, and how it follows the camera.
 */
import { flushSync, mount, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MapLabels from '../../src/lib/map/MapLabels.svelte';
import type { Rect } from '../../src/lib/geo/rect';
import { stepState } from '../../src/lib/state/step-state';
import type { LngLat } from '../../src/lib/story/types';
import { engineStory } from '../unit/helpers';
import { reactive } from './reactive.svelte';
import { useComponentPage } from './setup';
import { until } from './settled';

const story = engineStory();
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);
const at = (id: string) => story.places.find((place) => place.id === id)!.coordinates;

/** jsdom lays nothing out: every label measures this, every mark its CSS size. */
const LABEL = { width: 90, height: 30 };

describe('the label layer', () => {
  const page = useComponentPage(800);
  const restore: (() => void)[] = [];
  beforeEach(() => {
    for (const [property, value] of [
      ['offsetWidth', LABEL.width],
      ['offsetHeight', LABEL.height],
    ] as const) {
      const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property);
      Object.defineProperty(HTMLElement.prototype, property, {
        configurable: true,
        get: () => value,
      });
      restore.push(() => {
        if (original) Object.defineProperty(HTMLElement.prototype, property, original);
      });
    }
  });
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });

  /** A stand-in map: a linear projection a test can move, and its camera listeners. */
  function fakeMap(scale: number, center: LngLat) {
    const camera = { dx: 0 };
    const listeners = new Set<() => void>();
    return {
      project: ([lng, lat]: LngLat) => ({
        x: 400 + (lng - center[0]) * scale + camera.dx,
        y: 300 - (lat - center[1]) * scale,
      }),
      onCameraChange: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      move(dx: number) {
        camera.dx = dx;
        for (const listener of listeners) listener();
      },
    };
  }

  async function render(stepId: string, scale: number, center: LngLat, obstacles: Rect[] = []) {
    const map = fakeMap(scale, center);
    const onPlaced = vi.fn<(stepId: string) => void>();
    const props = reactive({
      story,
      target: stepState(story, indexOf(stepId), 1),
      narrow: false,
      project: map.project,
      onCameraChange: map.onCameraChange,
      obstacles: () => obstacles,
      size: () => ({ width: 800, height: 600 }),
      onPlaced,
    });
    page.track(mount(MapLabels, { target: document.body, props }));
    flushSync();
    await tick();
    await until(() => expect(onPlaced).toHaveBeenCalled());
    return { map, props, onPlaced };
  }

  const label = (id: string) => document.querySelector<HTMLElement>(`[data-label-id="${id}"]`)!;
  const mark = (id: string) => document.querySelector<HTMLElement>(`[data-mark-for="${id}"]`)!;
  const translation = (element: HTMLElement) => {
    const match = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(element.style.transform);
    return match ? { x: Number(match[1]), y: Number(match[2]) } : undefined;
  };

  it("draws the step's places, each with its mark at its position, and says when it is done", async () => {
    const { map, onPlaced } = await render('route', 60, [13, 51]);
    expect(onPlaced).toHaveBeenLastCalledWith('route');
    const placed = [...document.querySelectorAll<HTMLElement>('[data-label-id]')]
      .filter((element) => element.dataset.placed === 'true')
      .map((element) => element.dataset.labelId);
    expect(placed).toContain('place:capital');
    const capital = map.project(at('capital'));
    expect(translation(mark('place:capital'))).toEqual(capital);
    expect(mark('place:capital').dataset.visible).toBe('true');
    // The highlighted place is marked as such, its label beside its mark (right of it).
    expect(label('place:capital').dataset.highlighted).toBe('true');
    expect(translation(label('place:capital'))!.x).toBe(capital.x + 6 + 4);
    // A local name carries its language.
    expect(label('place:capital').querySelector('[lang="de"]')?.textContent).toBe('Hauptstadt');
    // A bridge is drawn across its route.
    expect(mark('place:bridge').style.transform).toMatch(/rotate\(-?[\d.]+deg\)/);
  });

  it('lists the companies at a place, each with its standing in words and its swatch', async () => {
    await render('close', 20000, [16.01, 52.0]);
    const lines = [...label('place:office').querySelectorAll<HTMLElement>('[data-company-id]')];
    expect(lines.map((line) => line.dataset.companyId)).toEqual(['acme', 'globex']);
    expect(lines[0]!.dataset.standing).toBe('present');
    expect(lines[0]!.textContent).toContain('in Elbonia, 2008 to first half of 2016 (reported)');
    expect(lines[0]!.dataset.fill).toBe('hatched');
    expect(lines[1]!.dataset.fill).toBe('solid');
    // The same, for screen readers, in a table outside the drawing.
    const rows = [...document.querySelectorAll('table tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([
      expect.stringContaining('Acme Trading'),
      expect.stringContaining('Globex'),
    ]);
  });

  it('follows the camera on every change, in the same frame', async () => {
    const { map } = await render('route', 60, [13, 51]);
    map.move(-40);
    const capital = map.project(at('capital'));
    expect(translation(mark('place:capital'))).toEqual(capital);
    expect(translation(label('place:capital'))!.x).toBe(capital.x + 10);
  });

  it('keeps labels off what covers the map, and hides a mark that leaves it', async () => {
    const legend = { left: 0, top: 0, right: 800, bottom: 350 };
    const { map } = await render('route', 60, [13, 51], [legend]);
    for (const element of document.querySelectorAll<HTMLElement>('[data-placed="true"]')) {
      expect(translation(element)!.y).toBeGreaterThanOrEqual(350);
    }
    map.move(2000);
    expect(mark('place:capital').dataset.visible).toBe('false');
    expect(label('place:capital').dataset.placed).toBe('false');
  });

  it('makes new labels when the step changes, and not when only its progress does', async () => {
    const { props, onPlaced } = await render('route', 60, [13, 51]);
    const calls = onPlaced.mock.calls.length;
    props.target = stepState(story, indexOf('route'), 1);
    flushSync();
    await tick();
    expect(onPlaced.mock.calls.length).toBe(calls);
    props.target = stepState(story, indexOf('away'), 1);
    flushSync();
    await until(() => expect(onPlaced).toHaveBeenLastCalledWith('away'));
    expect(document.querySelector('[data-label-id="place:far-city"]')).not.toBeNull();
    expect(document.querySelector('[data-label-id="place:capital"]')).toBeNull();
  });
});
