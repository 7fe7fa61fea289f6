import { flushSync, mount } from 'svelte';
import { describe, expect, it } from 'vitest';
import PresenceLayer from '../../src/lib/overlays/PresenceLayer.svelte';
import { stepState } from '../../src/lib/state/step-state';
import type { LngLat } from '../../src/lib/story/types';
import { committedStory } from '../unit/helpers';
import { reactive } from './reactive.svelte';
import { useComponentPage } from './setup';

const story = committedStory();
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);
const overlaysAt = (id: string) => stepState(story, indexOf(id), 0).overlays;
const coordinatesOf = (placeId: string) => story.places.find((p) => p.id === placeId)!.coordinates;

/** Waits for the layer's animation frame (state changes are drawn in one). */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('the presence layer', () => {
  const page = useComponentPage(800);

  /** A stand-in map: a linear projection that a test can move, and its camera listeners. */
  function fakeMap() {
    const camera = { dx: 0 };
    const listeners = new Set<() => void>();
    return {
      camera,
      listeners,
      project: ([lng, lat]: LngLat) => ({
        x: 400 + (lng - 122) * 40 + camera.dx,
        y: 900 - lat * 20,
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

  async function render(stepId: string, narrow = false) {
    const map = fakeMap();
    const props = reactive({
      story,
      overlays: overlaysAt(stepId),
      project: map.project,
      onCameraChange: map.onCameraChange,
      narrow,
    });
    page.track(mount(PresenceLayer, { target: document.body, props }));
    flushSync();
    await nextFrame();
    return { map, props };
  }

  const groups = () => [...document.querySelectorAll<SVGGElement>('g.company')];
  const labelOf = (id: string) =>
    document.querySelector<HTMLElement>(`.presence-label[data-company-id="${id}"]`)!;
  const translation = (element: Element) => {
    const match = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(
      (element as HTMLElement).style.transform
    );
    return match ? { x: Number(match[1]), y: Number(match[2]) } : undefined;
  };

  it("puts each company at its place with its standing at the step's date", async () => {
    const { map } = await render('pyongyang');
    expect(groups().map((g) => g.getAttribute('data-company-id'))).toEqual(
      story.companies.map((c) => c.id)
    );
    const huawei = groups()[0]!;
    expect(huawei.getAttribute('data-standing')).toBe('present');
    // Present in North Korea: at the reported place, hatched as only reported.
    const square = map.project(coordinatesOf('kim-il-sung-square'));
    expect(translation(huawei)!.x).toBeCloseTo(square.x, 1);
    expect(translation(huawei)!.y).toBeCloseTo(square.y, 1);
    expect(huawei.querySelector('.body')?.getAttribute('fill')).toMatch(/hatch-huawei/);
    const koryolink = groups()[2]!;
    expect(koryolink.querySelector('.body')?.getAttribute('fill')).toBe('#6b4c9a');
    // Words, not colour alone.
    expect(labelOf('huawei').textContent).toContain('in North Korea (reported)');
    expect(labelOf('dandong-kehua').textContent).toContain('no presence in North Korea sourced');
    // Huawei and Panda share the square: their markers do not sit on one another.
    const marker = (id: string) =>
      document
        .querySelector(`g.company[data-company-id="${id}"] .marker`)!
        .getAttribute('transform');
    expect(marker('huawei')).not.toBe(marker('panda'));
  });

  it('shows a company that has left at home, and a sanction as a ring and in words', async () => {
    await render('us-actions');
    const huawei = groups()[0]!;
    expect(huawei.getAttribute('data-standing')).toBe('left');
    expect(huawei.getAttribute('data-sanctioned')).toBe('true');
    expect(huawei.querySelector('.sanction-ring')?.getAttribute('visibility')).toBe('visible');
    expect(huawei.querySelector('.body')?.getAttribute('fill')).toBe('#fff');
    expect(labelOf('huawei').textContent).toContain('left North Korea (reported); sanctioned');
    // Panda is shown at its parent group's city, and says so.
    expect(labelOf('panda').textContent).toContain("parent group's city");
  });

  it('stays glued to its place when the camera moves, without waiting for a frame', async () => {
    const { map } = await render('pyongyang');
    map.move(-137);
    const at = map.project(coordinatesOf('ryugyong-hotel'));
    // Checked synchronously: the layer moved inside the camera's own frame.
    expect(translation(groups()[2]!)).toEqual({
      x: Number(at.x.toFixed(1)),
      y: Number(at.y.toFixed(1)),
    });
    expect(translation(labelOf('koryolink'))).toEqual(translation(groups()[2]!));
  });

  it('redraws once per frame for a new step, and nothing for a step without a time', async () => {
    const { props } = await render('pyongyang');
    props.overlays = overlaysAt('sanctions');
    props.overlays = overlaysAt('us-actions');
    flushSync();
    // Not yet drawn: the change waits for the frame.
    expect(groups()[0]!.getAttribute('data-standing')).toBe('present');
    await nextFrame();
    expect(groups()[0]!.getAttribute('data-sanctioned')).toBe('true');
    props.overlays = overlaysAt('method');
    flushSync();
    await nextFrame();
    expect(groups()).toHaveLength(0);
  });

  it('tells screen readers in a table what the markers show', async () => {
    const { props } = await render('us-actions');
    const table = document.querySelector('[data-testid="presence-layer"] table')!;
    expect(table.querySelector('caption')?.textContent).toBe(
      'Where each company stands at this step'
    );
    const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim())
    );
    expect(rows[0]).toEqual([
      'Huawei',
      'Huawei headquarters, Shenzhen',
      'left North Korea (reported); sanctioned',
    ]);
    expect(rows[3]).toEqual([
      'Dandong Kehua',
      'Dandong',
      'no presence in North Korea sourced; sanctioned',
    ]);
    // The drawing itself is hidden from them: the table says it all.
    expect(document.querySelector('.markers')?.getAttribute('aria-hidden')).toBe('true');
    props.overlays = overlaysAt('method');
    flushSync();
    expect(document.querySelector('[data-testid="presence-layer"] table')).toBeNull();
  });

  it('gives short names only on phones', async () => {
    await render('pyongyang', true);
    expect(labelOf('panda').querySelector('strong')?.textContent).toBe('Panda');
    expect(labelOf('panda').querySelector('.standing')?.hasAttribute('hidden')).toBe(true);
  });
});
