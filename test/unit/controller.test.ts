// @vitest-environment jsdom
import type { FeatureCollection, LineString } from 'geojson';
import { beforeEach, describe, expect, it } from 'vitest';
import { camerasMatch, resolveCamera, type Camera } from '../../src/lib/map/camera';
import {
  StoryMapController,
  type ControllerOptions,
  type MapLike,
  type MoveTag,
} from '../../src/lib/map/controller';
import { ROUTE_SOURCE } from '../../src/lib/map/style';
import { stepState } from '../../src/lib/state/step-state';
import type { LngLat } from '../../src/lib/story/types';
import { committedStory } from './helpers';

type View = { center: LngLat; zoom: number; bearing: number; pitch: number };
type Listener = (event: MoveTag & { type: string }) => void;

/**
 * A stand-in for MapLibre's Map: jumps land at once; eases and flights run until `finish()`,
 * and `stop()` ends a running one where it is, firing `moveend` with its tag, as MapLibre does.
 */
class FakeMap implements MapLike {
  camera: View = { center: [120, 32], zoom: 3, bearing: 0, pitch: 0 };
  running: { view: View; tag?: MoveTag } | undefined;
  moves: string[] = [];
  routeData: FeatureCollection<LineString> | undefined;
  setDataCalls = 0;
  private listeners = new Set<Listener>();

  getCenter() {
    return { lng: this.camera.center[0], lat: this.camera.center[1] };
  }
  getZoom() {
    return this.camera.zoom;
  }
  getBearing() {
    return this.camera.bearing;
  }
  getPitch() {
    return this.camera.pitch;
  }
  on(_type: 'moveend', listener: Listener) {
    this.listeners.add(listener);
  }
  off(_type: 'moveend', listener: Listener) {
    this.listeners.delete(listener);
  }
  stop() {
    const running = this.running;
    this.running = undefined;
    // Interrupted half-way: the camera is somewhere between, not at the target.
    if (running) this.end(running.tag);
  }
  jumpTo(view: View, tag?: MoveTag) {
    this.moves.push('jump');
    this.camera = { ...view };
    this.end(tag);
  }
  easeTo(view: View, tag?: MoveTag) {
    this.moves.push('ease');
    this.running = { view, tag };
  }
  flyTo(view: View, tag?: MoveTag) {
    this.moves.push('fly');
    this.running = { view, tag };
  }
  finish() {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.camera = {
      center: running.view.center,
      zoom: running.view.zoom,
      bearing: running.view.bearing,
      pitch: running.view.pitch,
    };
    this.end(running.tag);
  }
  getSource(id: string) {
    if (id !== ROUTE_SOURCE) return undefined;
    return {
      setData: (data: FeatureCollection<LineString>) => {
        this.routeData = data;
        this.setDataCalls++;
      },
    };
  }
  private end(tag?: MoveTag) {
    for (const listener of this.listeners) listener({ type: 'moveend', ...tag });
  }
}

const story = committedStory();
const viewport = { width: 800, height: 600 };
const zero = { top: 0, right: 0, bottom: 0, left: 0 };
const noInsets = { cover: zero, chrome: zero };
const indexOf = (id: string) => story.steps.findIndex((s) => s.id === id);

function setup(reducedMotion: boolean | (() => boolean) = false) {
  const map = new FakeMap();
  const settled: (string | undefined)[] = [];
  const cameras: Camera[] = [];
  const pinned: HTMLElement[] = [];
  const options: ControllerOptions = {
    pin: (element) => {
      document.body.append(element);
      pinned.push(element);
      return { remove: () => element.remove() };
    },
    viewport: () => viewport,
    insets: () => noInsets,
    reducedMotion: typeof reducedMotion === 'function' ? reducedMotion : () => reducedMotion,
    onCamera: (c) => cameras.push(c),
    onSettled: (id) => settled.push(id),
  };
  const controller = new StoryMapController(map, story, options);
  return { map, controller, settled, cameras, pinned };
}

const targetOf = (index: number, progress = 0) =>
  resolveCamera(stepState(story, index, progress).camera, viewport, noInsets);

const shownCamera = (map: FakeMap): Camera => ({ ...map.camera });

describe('StoryMapController', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('jumps to the first view: there is nothing to travel from', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    expect(map.moves).toEqual(['jump']);
    expect(settled).toEqual([undefined, 'intro']);
    expect(camerasMatch(shownCamera(map), targetOf(0))).toBe(true);
  });

  it('animates to a later step and reports it settled only when the move ends', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    controller.apply(stepState(story, 1, 0));
    expect(map.moves).toHaveLength(2);
    expect(map.moves[1]).not.toBe('jump');
    expect(settled.at(-1)).toBeUndefined();
    map.finish();
    expect(settled.at(-1)).toBe(story.steps[1]!.id);
    expect(camerasMatch(shownCamera(map), targetOf(1))).toBe(true);
  });

  it('cancels a running flight and ends in the last requested step, ignoring the stale moveend', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    settled.length = 0;
    controller.apply(stepState(story, 3, 0));
    controller.apply(stepState(story, 5, 0));
    const last = story.steps.length - 1;
    controller.apply(stepState(story, last, 1));
    // Each interrupted flight fired a moveend; none of them may count as settling.
    expect(settled.filter((id) => id !== undefined)).toEqual([]);
    map.finish();
    expect(settled.at(-1)).toBe(story.steps[last]!.id);
    expect(camerasMatch(shownCamera(map), targetOf(last, 1))).toBe(true);
  });

  it('flies between distant steps', () => {
    const { map, controller } = setup();
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    controller.apply(stepState(story, indexOf('dandong'), 0));
    expect(map.moves).toEqual(['jump', 'fly']);
  });

  it('jumps instead of animating under reduced motion, asked afresh at each step', () => {
    let reduced = true;
    const { map, controller, settled } = setup(() => reduced);
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    controller.apply(stepState(story, indexOf('dandong'), 0));
    expect(map.moves).toEqual(['jump', 'jump']);
    expect(settled.at(-1)).toBe('dandong');
    // The reader turns animations back on: the next step flies again.
    reduced = false;
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    expect(map.moves.at(-1)).toBe('fly');
  });

  it("moves as a step's transition says, unless motion is reduced", () => {
    const withTransition = (index: number, transition: 'fly' | 'ease' | 'jump') => ({
      ...stepState(story, index, 0),
      transition,
    });
    const { map, controller } = setup();
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    controller.apply(withTransition(indexOf('dandong'), 'jump'));
    controller.apply(withTransition(indexOf('huawei-shenzhen'), 'ease'));
    map.finish();
    controller.apply(withTransition(indexOf('dandong'), 'fly'));
    expect(map.moves).toEqual(['jump', 'jump', 'ease', 'fly']);
    const reduced = setup(true);
    reduced.controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    reduced.controller.apply(withTransition(indexOf('dandong'), 'fly'));
    expect(reduced.map.moves).toEqual(['jump', 'jump']);
  });

  it('leaves the camera alone when only the progress changes', () => {
    const { map, controller } = setup(true);
    const rail = indexOf('rail');
    controller.apply(stepState(story, rail, 0));
    controller.apply(stepState(story, rail, 0.4));
    controller.apply(stepState(story, rail, 0.8));
    expect(map.moves).toEqual(['jump']);
  });

  it('grows and shrinks the rail line with progress, sending data only when it changes', () => {
    const { map, controller } = setup(true);
    const rail = indexOf('rail');
    const railLength = () =>
      map.routeData?.features.find((f) => f.properties?.id === 'dandong-pyongyang')?.geometry
        .coordinates.length ?? 0;
    controller.apply(stepState(story, rail, 0.2));
    const short = railLength();
    const calls = map.setDataCalls;
    controller.apply(stepState(story, rail, 0.2));
    expect(map.setDataCalls).toBe(calls);
    controller.apply(stepState(story, rail, 0.9));
    expect(railLength()).toBeGreaterThan(short);
    controller.apply(stepState(story, rail, 0.2));
    expect(railLength()).toBe(short);
  });

  it("shows exactly the step's places and legs, whatever came before", () => {
    const { map, controller, pinned } = setup(true);
    for (const index of [indexOf('rail'), 0, story.steps.length - 1, indexOf('dandong')]) {
      controller.apply(stepState(story, index, 1));
    }
    const step = story.steps[indexOf('dandong')]!;
    const visible = pinned
      .filter((e) => e.classList.contains('place-label') && !e.hidden)
      .map((e) => e.dataset.placeId)
      .sort();
    expect(visible).toEqual([...step.map.places].sort());
    const highlighted = pinned
      .filter((e) => e.dataset.highlighted === 'true')
      .map((e) => e.dataset.placeId);
    expect(highlighted).toEqual(step.map.highlight);
    expect(map.routeData?.features.map((f) => f.properties?.id)).toEqual(step.map.legs);
  });

  it('labels a schematic leg as not reported while it is shown', () => {
    const { controller, pinned } = setup(true);
    controller.apply(stepState(story, indexOf('contract-2008'), 0));
    const label = pinned.find((e) => e.dataset.legId === 'shenzhen-dandong');
    expect(label?.hidden).toBe(false);
    expect(label?.textContent).toMatch(/not reported/);
    controller.apply(stepState(story, indexOf('dandong'), 0));
    expect(label?.hidden).toBe(true);
  });

  it('marks uncertain places and gives local names their language', () => {
    const { pinned } = setup();
    const hq = pinned.find((e) => e.dataset.placeId === 'huawei-hq');
    expect(hq?.dataset.confidence).toBe('unverified');
    expect(hq?.textContent).toMatch(/approximate/);
    const sinuiju = pinned.find((e) => e.dataset.placeId === 'sinuiju');
    expect(sinuiju?.querySelector('.place-local')?.getAttribute('lang')).toBe('ko');
  });

  it('settles at once when the camera is already where the step wants it', () => {
    const { map, controller, settled } = setup(true);
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    map.moves = [];
    controller.apply(stepState(story, indexOf('panda'), 0));
    controller.apply(stepState(story, indexOf('huawei-shenzhen'), 0));
    expect(settled.at(-1)).toBe('huawei-shenzhen');
  });

  it("hides colliding labels: highlighted first, then route labels, then the step's order", () => {
    const { controller, pinned } = setup(true);
    // jsdom has no layout: every label is stacked on the same 100×20 box.
    for (const element of pinned) {
      element.getBoundingClientRect = () =>
        DOMRect.fromRect({ x: 10, y: 10, width: 100, height: 20 });
    }
    const rail = indexOf('rail');
    controller.apply(stepState(story, rail, 1));
    const step = story.steps[rail]!;
    const shown = pinned.filter(
      (e) => !e.hidden && e.dataset.collides === 'false' && e.classList.contains('place-label')
    );
    expect(shown.map((e) => e.dataset.placeId)).toEqual(step.map.highlight);
    const hiddenPlaces = pinned.filter(
      (e) => !e.hidden && e.dataset.collides === 'true' && e.classList.contains('place-label')
    );
    expect(hiddenPlaces.length).toBe(step.map.places.length - step.map.highlight.length);
    // The rail leg's label is shown (drawn in full, long enough) but gives way to the highlight.
    const railLabel = pinned.find((e) => e.dataset.legId === 'dandong-pyongyang');
    expect(railLabel?.hidden).toBe(false);
    expect(railLabel?.dataset.collides).toBe('true');
  });

  it('takes a changed story on the same map: new labels, new camera, the route redrawn', () => {
    const { map, controller, settled } = setup();
    const rail = indexOf('rail');
    controller.apply(stepState(story, rail, 1));
    const dataCalls = map.setDataCalls;
    const edited = structuredClone(story);
    const step = edited.steps[rail]!;
    step.map.camera = { center: [125, 39.5], zoom: 6, bearing: 0, pitch: 0 };
    const renamed = edited.places.find((p) => p.id === 'pyongyang-station')!;
    renamed.name = 'Pyongyang Station, edited';
    controller.replaceStory(edited);
    // Labels of the old story are gone; the new ones are pinned.
    expect(document.querySelectorAll('[data-place-id="pyongyang-station"]')).toHaveLength(1);
    controller.apply(stepState(edited, rail, 1));
    expect(
      document.querySelector('[data-place-id="pyongyang-station"] .place-name')?.textContent
    ).toBe('Pyongyang Station, edited');
    expect(map.setDataCalls).toBe(dataCalls + 1);
    // Not a first view: the camera travels from where it is to the edited one.
    expect(map.moves.at(-1)).not.toBe('jump');
    map.finish();
    expect(settled.at(-1)).toBe('rail');
    const target = resolveCamera(stepState(edited, rail, 1).camera, viewport, noInsets);
    expect(camerasMatch(shownCamera(map), target)).toBe(true);
  });

  it('removes its labels and listener on destroy', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    controller.apply(stepState(story, 1, 0));
    controller.destroy();
    expect(document.querySelectorAll('.place-label')).toHaveLength(0);
    map.finish();
    expect(settled.at(-1)).toBeUndefined();
  });
});
