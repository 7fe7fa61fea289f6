import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { camerasMatch, resolveCamera, type Camera } from '../../src/lib/geo/camera';
import {
  StoryMapController,
  type ControllerOptions,
  type MapLike,
  type MoveTag,
} from '../../src/lib/map/controller';
import { ROUTE_SOURCE } from '../../src/lib/draw/style';
import { stepState } from '../../src/lib/state/step-state';
import type { LngLat } from '../../src/lib/story/types';
import { engineStory } from './helpers';

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

const story = engineStory();
const viewport = { width: 800, height: 600 };
const noInsets = { top: 0, right: 0, bottom: 0, left: 0 };
const indexOf = (id: string) => story.steps.findIndex((s) => s.id === id);

function setup(reducedMotion: boolean | (() => boolean) = false) {
  const map = new FakeMap();
  const settled: (string | undefined)[] = [];
  const cameras: Camera[] = [];
  const options: ControllerOptions = {
    viewport: () => viewport,
    covered: () => noInsets,
    reducedMotion: typeof reducedMotion === 'function' ? reducedMotion : () => reducedMotion,
    onCamera: (c) => cameras.push(c),
    onSettled: (id) => settled.push(id),
  };
  const controller = new StoryMapController(map, story, options);
  return { map, controller, settled, cameras };
}

const targetOf = (index: number, progress = 0) =>
  resolveCamera(stepState(story, index, progress).camera, viewport, noInsets);

const shownCamera = (map: FakeMap): Camera => ({ ...map.camera });

describe('StoryMapController', () => {
  it('jumps to the first view: there is nothing to travel from', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    expect(map.moves).toEqual(['jump']);
    expect(settled).toEqual([undefined, 'start']);
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
    controller.apply(stepState(story, 2, 0));
    controller.apply(stepState(story, 3, 0));
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
    controller.apply(stepState(story, indexOf('start'), 0));
    controller.apply(stepState(story, indexOf('away'), 0));
    expect(map.moves).toEqual(['jump', 'fly']);
  });

  it('jumps instead of animating under reduced motion, asked afresh at each step', () => {
    let reduced = true;
    const { map, controller, settled } = setup(() => reduced);
    controller.apply(stepState(story, indexOf('start'), 0));
    controller.apply(stepState(story, indexOf('away'), 0));
    expect(map.moves).toEqual(['jump', 'jump']);
    expect(settled.at(-1)).toBe('away');
    // The reader turns animations back on: the next step flies again.
    reduced = false;
    controller.apply(stepState(story, indexOf('start'), 0));
    expect(map.moves.at(-1)).toBe('fly');
  });

  it("moves as a step's transition says, unless motion is reduced", () => {
    const withTransition = (index: number, transition: 'fly' | 'ease' | 'jump') => ({
      ...stepState(story, index, 0),
      transition,
    });
    const { map, controller } = setup();
    controller.apply(stepState(story, indexOf('start'), 0));
    controller.apply(withTransition(indexOf('away'), 'jump'));
    controller.apply(withTransition(indexOf('start'), 'ease'));
    map.finish();
    controller.apply(withTransition(indexOf('away'), 'fly'));
    expect(map.moves).toEqual(['jump', 'jump', 'ease', 'fly']);
    const reduced = setup(true);
    reduced.controller.apply(stepState(story, indexOf('start'), 0));
    reduced.controller.apply(withTransition(indexOf('away'), 'fly'));
    expect(reduced.map.moves).toEqual(['jump', 'jump']);
  });

  it('leaves the camera alone when only the progress changes', () => {
    const { map, controller } = setup(true);
    const rail = indexOf('route');
    controller.apply(stepState(story, rail, 0));
    controller.apply(stepState(story, rail, 0.4));
    controller.apply(stepState(story, rail, 0.8));
    expect(map.moves).toEqual(['jump']);
  });

  it('grows and shrinks the rail line with progress, sending data only when it changes', () => {
    const { map, controller } = setup(true);
    const rail = indexOf('route');
    const railLength = () =>
      map.routeData?.features.find((f) => f.properties?.id === 'port-capital')?.geometry.coordinates
        .length ?? 0;
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

  it("draws exactly the step's legs, whatever came before", () => {
    const { map, controller } = setup(true);
    for (const index of [indexOf('route'), 0, story.steps.length - 1, indexOf('away')]) {
      controller.apply(stepState(story, index, 1));
    }
    const step = story.steps[indexOf('away')]!;
    expect(map.routeData?.features.map((f) => f.properties?.id)).toEqual(step.map.legs);
    expect(map.routeData?.features[0]?.properties?.certainty).toBe('schematic');
  });

  it('settles at once when the camera is already where the step wants it', () => {
    const { map, controller, settled } = setup(true);
    controller.apply(stepState(story, indexOf('start'), 0));
    map.moves = [];
    controller.apply(stepState(story, indexOf('route'), 0));
    controller.apply(stepState(story, indexOf('start'), 0));
    expect(settled.at(-1)).toBe('start');
    // Back where it was: a jump to where the map already is needs no move at all.
    const again = setup(true);
    again.controller.apply(stepState(story, indexOf('start'), 0));
    again.map.moves = [];
    again.controller.resize();
    expect(again.map.moves).toEqual([]);
    expect(again.settled.at(-1)).toBe('start');
  });

  it('takes a changed story on the same map: new camera, the route redrawn', () => {
    const { map, controller, settled } = setup();
    const rail = indexOf('route');
    controller.apply(stepState(story, rail, 1));
    const dataCalls = map.setDataCalls;
    const edited = structuredClone(story);
    const step = edited.steps[rail]!;
    step.map.camera = { center: [14, 51.5], zoom: 6, bearing: 0, pitch: 0 };
    controller.replaceStory(edited);
    controller.apply(stepState(edited, rail, 1));
    expect(map.setDataCalls).toBe(dataCalls + 1);
    // Not a first view: the camera travels from where it is to the edited one.
    expect(map.moves.at(-1)).not.toBe('jump');
    map.finish();
    expect(settled.at(-1)).toBe('route');
    const target = resolveCamera(stepState(edited, rail, 1).camera, viewport, noInsets);
    expect(camerasMatch(shownCamera(map), target)).toBe(true);
  });

  it('removes its listener on destroy', () => {
    const { map, controller, settled } = setup();
    controller.apply(stepState(story, 0, 0));
    controller.apply(stepState(story, 1, 0));
    controller.destroy();
    map.finish();
    expect(settled.at(-1)).toBeUndefined();
  });
});
