import { describe, expect, it } from 'vitest';
import type { CameraTarget } from '../../src/lib/geo/camera';
import { stepState } from '../../src/lib/state/step-state';
import { isFitCamera } from '../../src/lib/story/types';
import { engineStory } from './helpers';

const story = engineStory();
const at = (id: string) => story.places.find((place) => place.id === id)!.coordinates;

describe('stepState', () => {
  for (const [index, step] of story.steps.entries()) {
    for (const progress of [0, 0.5, 1]) {
      it(`gives step "${step.id}" its declared target at progress ${progress}`, () => {
        const state = stepState(story, index, progress);
        expect(state.stepId).toBe(step.id);
        expect(state.index).toBe(index);
        expect(state.progress).toBe(progress);
        expect(state.legs.map((l) => l.id).sort()).toEqual([...step.map.legs].sort());
        expect(state.places.map((p) => p.id)).toEqual(step.map.places);
        for (const place of state.places) {
          expect(place.highlighted).toBe(step.map.highlight.includes(place.id));
        }
        for (const leg of state.legs) {
          expect(leg.drawn).toBe(leg.id === step.map.grow ? progress : 1);
        }
        expect(state.camera.kind).toBe(isFitCamera(step.map.camera) ? 'fit' : 'view');
      });
    }
  }

  it('gives each step of the engine fixture the camera worked out by hand from its JSON', () => {
    // Written out from test/fixtures/engine (story.json, places.geojson, route.geojson), not
    // from the code: a fixed view takes its centre and zoom, bearing and pitch 0 unless given;
    // a fit frames the box of its places with the story's default padding (40 px) and closest
    // zoom (12); the subject is the highlighted places, or else every place and leg point.
    const expected: Record<string, CameraTarget> = {
      start: {
        kind: 'view',
        camera: { center: [10, 50], zoom: 6, bearing: 0, pitch: 0 },
        subject: [[10, 50]],
      },
      route: {
        kind: 'fit',
        bounds: [10, 50, 16, 52],
        padding: 40,
        maxZoom: 12,
        subject: [[16, 52]],
      },
      away: {
        kind: 'fit',
        bounds: [10, 30, 40, 50],
        padding: 40,
        maxZoom: 12,
        // far-city and port, then the far-port leg's two points.
        subject: [
          [40, 30],
          [10, 50],
          [40, 30],
          [10, 50],
        ],
      },
      close: {
        kind: 'view',
        camera: { center: [16.01, 52], zoom: 12, bearing: -15, pitch: 30 },
        subject: [[16.02, 52.01]],
      },
      wide: {
        kind: 'fit',
        bounds: [16, 30, 40, 52],
        padding: 40,
        maxZoom: 12,
        subject: [
          // far-city, capital, elbonia, long-river
          [40, 30],
          [16, 52],
          [15, 53],
          [14.05, 51.45],
          // the port-capital leg
          [10, 50],
          [11, 50.6],
          [12, 51],
          [13, 51.2],
          [14, 51.5],
          [15, 51.8],
          [16, 52],
          // the far-port leg
          [40, 30],
          [10, 50],
        ],
      },
    };
    expect(story.steps.map((step) => step.id)).toEqual(Object.keys(expected));
    for (const [index, step] of story.steps.entries()) {
      for (const progress of [0, 1]) {
        expect(stepState(story, index, progress).camera, step.id).toEqual(expected[step.id]);
      }
    }
  });

  it('grows the rail leg with progress through its step only', () => {
    const rail = story.steps.findIndex((s) => s.id === 'route');
    const drawn = (i: number, p: number) =>
      stepState(story, i, p).legs.find((l) => l.id === 'port-capital')?.drawn;
    expect(drawn(rail, 0.25)).toBe(0.25);
    expect(drawn(rail, 0.75)).toBe(0.75);
    // Scrolling back through the step shrinks it again: the state depends on progress alone.
    expect(drawn(rail, 0.25)).toBe(0.25);
    expect(
      drawn(
        story.steps.findIndex((s) => s.id === 'close'),
        0
      )
    ).toBe(1);
  });

  it("gives the camera the step's subject: its highlighted places, or else its places and legs", () => {
    const route = story.steps.findIndex((s) => s.id === 'route');
    expect(stepState(story, route, 0).camera.subject).toEqual([at('capital')]);
    const away = story.steps.findIndex((s) => s.id === 'away');
    const leg = story.legs.find((l) => l.id === 'far-port')!;
    expect(stepState(story, away, 0).camera.subject).toEqual([
      at('far-city'),
      at('port'),
      ...leg.coordinates,
    ]);
    // A growing leg counts whole: the camera does not move as it grows.
    const growing = stepState(story, route, 0.1);
    expect(growing.camera).toEqual(stepState(story, route, 0.9).camera);
  });

  it('fits a box holding every place the step names', () => {
    for (const [index, step] of story.steps.entries()) {
      const camera = step.map.camera;
      if (!isFitCamera(camera)) continue;
      const state = stepState(story, index, 0);
      if (state.camera.kind !== 'fit') throw new Error('expected a fit');
      const [west, south, east, north] = state.camera.bounds;
      for (const id of camera.fit) {
        const [lng, lat] = story.places.find((p) => p.id === id)!.coordinates;
        expect(lng).toBeGreaterThanOrEqual(west);
        expect(lng).toBeLessThanOrEqual(east);
        expect(lat).toBeGreaterThanOrEqual(south);
        expect(lat).toBeLessThanOrEqual(north);
      }
    }
  });

  it('is the same for the last step whether reached step by step or in one jump', () => {
    const last = story.steps.length - 1;
    const jumped = stepState(story, last, 1);
    let walked = stepState(story, 0, 0);
    for (let i = 0; i <= last; i++) walked = stepState(story, i, 1);
    expect(jumped).toEqual(walked);
  });

  it('clamps indices and progress so no scroll position gives an invalid state', () => {
    expect(stepState(story, -5, 0).stepId).toBe(story.steps[0]!.id);
    expect(stepState(story, 999, 0).stepId).toBe(story.steps.at(-1)!.id);
    expect(stepState(story, Number.NaN, 0).index).toBe(0);
    expect(stepState(story, 0, Number.NaN).progress).toBe(0);
    expect(stepState(story, 0, 7).progress).toBe(1);
    expect(stepState(story, 0, -1).progress).toBe(0);
  });
});
