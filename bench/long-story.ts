/**
 * A long story for the bench, written from the flagship's shape into a scratch folder and never
 * committed (a generated story file in `story/` could be mistaken for one an editor wrote).
 *
 * Step `i` takes the flagship's step `i mod n` (its text, sources, dates and camera), so the
 * story visits the same views and its basemap is the flagship's: what grows is only the number
 * of steps, places, legs and events. Each step adds places of its own around its view (drawn as
 * approximate, `unverified`), and the generated legs join them; the events spread over the
 * flagship's years, each told by a step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCamera } from '../src/lib/geo/camera';
import { stepState } from '../src/lib/state/step-state';
import type {
  LegFeature,
  PlaceFeature,
  PlacesDocument,
  RouteDocument,
  StoryDocument,
  StoryEventDocument,
} from '../src/lib/story/types';
import { loadStory, type StoryFiles } from '../src/lib/story/load';

export interface LongStoryShape {
  steps: number;
  places: number;
  legs: number;
  events: number;
}

/** The long story: 200 steps, 1,000 places, 50 legs, 300 events. */
export const LONG_STORY: LongStoryShape = { steps: 200, places: 1000, legs: 50, events: 300 };

/** A deterministic stream of numbers in [0, 1): the same story on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * Writes the long story into `folder` (story.json, places.geojson, route.geojson) from the
 * flagship's files, and returns it checked as the build checks it.
 */
export function writeLongStory(
  folder: string,
  flagship: StoryFiles,
  shape: LongStoryShape = LONG_STORY
): void {
  const base = JSON.parse(flagship.story.text) as StoryDocument;
  const basePlaces = JSON.parse(flagship.places.text) as PlacesDocument;
  const baseRoute = JSON.parse(flagship.route.text) as RouteDocument;
  const baseStory = loadStory(flagship);
  const next = random(23);
  const n = base.steps.length;
  const extraPlaces = Math.max(0, shape.places - basePlaces.features.length);
  const extraLegs = Math.max(0, shape.legs - baseRoute.features.length);

  // Where each flagship view is: new places go inside it (at 1280×800, the widest screen).
  const views = base.steps.map((_, index) =>
    resolveCamera(stepState(baseStory, index, 1).camera, { width: 1280, height: 800 })
  );

  const places: PlaceFeature[] = [...basePlaces.features];
  /** The generated places shown by each step. */
  const shownBy: string[][] = Array.from({ length: shape.steps }, () => []);
  for (let k = 0; k < extraPlaces; k++) {
    const step = k % shape.steps;
    const view = views[step % n]!;
    // Within a tenth of the view's width of its centre (1280 px are five tiles of 256).
    const spread = 360 / 2 ** view.zoom;
    const lng = view.center[0] + (next() - 0.5) * spread;
    const id = `generated-place-${pad(k)}`;
    places.push({
      type: 'Feature',
      id,
      properties: {
        id,
        name: `Place ${k + 1}`,
        kind: (['city', 'station', 'landmark'] as const)[k % 3]!,
        confidence: 'unverified',
        note: 'Generated for the bench: not a real place.',
      },
      geometry: {
        type: 'Point',
        coordinates: [
          // A view across the antimeridian (the flagship's US step) has centres beyond 180.
          ((((lng + 180) % 360) + 360) % 360) - 180,
          view.center[1] + (next() - 0.5) * spread * 0.6,
        ],
      },
    });
    shownBy[step]!.push(id);
  }

  const placeAt = new Map(places.map((p) => [p.properties.id, p.geometry.coordinates]));
  const legs: LegFeature[] = [...baseRoute.features];
  const legsOf: string[][] = Array.from({ length: shape.steps }, () => []);
  for (let k = 0; k < extraLegs; k++) {
    // A leg through the places a step shows, drawn by that step and the next few.
    const step = Math.floor((k * shape.steps) / Math.max(1, extraLegs));
    const stops = shownBy[step]!.slice(0, 3);
    if (stops.length < 2) break;
    const id = `generated-leg-${pad(k)}`;
    legs.push({
      type: 'Feature',
      id,
      properties: {
        id,
        name: `Leg ${k + 1}`,
        mode: 'rail',
        certainty: 'schematic',
        note: 'Generated for the bench.',
        stops,
      },
      geometry: { type: 'LineString', coordinates: stops.map((s) => placeAt.get(s)!) },
    });
    for (let s = step; s < Math.min(shape.steps, step + 4); s++) legsOf[s]!.push(id);
  }

  const stepId = (index: number) => `${base.steps[index % n]!.id}-${pad(index)}`;
  const steps = Array.from({ length: shape.steps }, (_, index) => {
    const from = base.steps[index % n]!;
    return {
      ...from,
      id: stepId(index),
      title: `${from.title} (${index + 1} of ${shape.steps})`,
      map: {
        ...from.map,
        legs: [...from.map.legs, ...legsOf[index]!],
        places: [...from.map.places, ...shownBy[index]!],
      },
    };
  });

  const years = [2004, 2020];
  const events: StoryEventDocument[] = [
    ...base.events.map((event) => ({
      ...event,
      ...(event.step !== undefined && {
        step: stepId(base.steps.findIndex((s) => s.id === event.step)),
      }),
    })),
  ];
  for (let k = events.length; k < shape.events; k++) {
    const year = years[0]! + Math.floor(next() * (years[1]! - years[0]!));
    const month = 1 + Math.floor(next() * 12);
    events.push({
      id: `generated-event-${pad(k)}`,
      date: { date: `${year}-${String(month).padStart(2, '0')}`, precision: 'month' },
      label: `Event ${k + 1}`,
      kind: (['report', 'company', 'legal'] as const)[k % 3]!,
      sources: [base.sources[k % base.sources.length]!.id],
      step: stepId(Math.floor(next() * shape.steps)),
    });
  }

  const story: StoryDocument = {
    ...base,
    meta: { ...base.meta, title: `${base.meta.title} (generated long story)` },
    events,
    steps,
  };
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.json'), JSON.stringify(story, null, 1));
  writeFileSync(
    join(folder, 'places.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features: places })
  );
  writeFileSync(
    join(folder, 'route.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features: legs })
  );
}
