import { describe, expect, it } from 'vitest';
import { stepState, subjectOf } from '../../src/lib/state/step-state';
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
        if (isFitCamera(step.map.camera)) {
          expect(state.camera.kind).toBe('fit');
        } else {
          expect(state.camera).toEqual({
            kind: 'view',
            camera: {
              center: step.map.camera.center,
              zoom: step.map.camera.zoom,
              bearing: step.map.camera.bearing ?? 0,
              pitch: step.map.camera.pitch ?? 0,
            },
            subject: subjectOf(story, step),
          });
        }
      });
    }
  }

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
