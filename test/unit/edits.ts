/**
 * Valid edits an editor makes to the story, applied to a copy of the committed story and its
 * places and route: rename every id, reverse the steps, drop a step, add a step and a place,
 * rewrite text and move a camera. edits.test.ts loads each and holds the editorial rules on
 * it; test/e2e/edited.test.ts builds the story with all of them at once and settles every step
 * in the browser.
 */
import type { StoryFiles } from '../../src/lib/story/load';
import { committedFiles } from './helpers';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** A GeoJSON feature, as plain JSON. */
interface Feature {
  type: string;
  id?: string;
  properties: JsonObject;
  geometry: JsonObject;
}

export interface Copy {
  story: JsonObject;
  places: { features: Feature[] };
  route: { features: Feature[] };
}

export function copy(): Copy {
  const files = committedFiles();
  return {
    story: JSON.parse(files.story.text) as JsonObject,
    places: JSON.parse(files.places.text) as Copy['places'],
    route: JSON.parse(files.route.text) as Copy['route'],
  };
}

export function filesOf(edited: Copy): StoryFiles {
  const files = committedFiles();
  return {
    story: { path: files.story.path, text: JSON.stringify(edited.story, null, 2) },
    places: { path: files.places.path, text: JSON.stringify(edited.places, null, 2) },
    route: { path: files.route.path, text: JSON.stringify(edited.route, null, 2) },
  };
}

export const steps = (c: Copy) => c.story.steps as JsonObject[];

/** Every id the story declares: steps, sources, events, companies, places and legs. */
function declaredIds(c: Copy): Set<string> {
  const ids = new Set<string>();
  for (const list of ['steps', 'sources', 'events', 'companies'] as const) {
    for (const item of c.story[list] as JsonObject[]) ids.add(item.id as string);
  }
  for (const feature of [...c.places.features, ...c.route.features]) {
    ids.add(feature.properties.id as string);
  }
  return ids;
}

/** Replaces every string that is exactly one of the ids, anywhere in the value. */
function renameIn(value: Json, rename: (id: string) => string, ids: Set<string>): Json {
  if (typeof value === 'string') return ids.has(value) ? rename(value) : value;
  if (Array.isArray(value)) return value.map((v) => renameIn(v, rename, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameIn(v, rename, ids)]));
  }
  return value;
}

/** A town an editor adds to the places, with the confidence given. */
export function newTown(confidence: string): Copy['places']['features'][number] {
  return {
    type: 'Feature',
    id: 'new-town',
    properties: { id: 'new-town', name: 'New Town', kind: 'city', confidence },
    geometry: { type: 'Point', coordinates: [126.1, 40.3] },
  };
}

export const EDITS: Record<string, (c: Copy) => void> = {
  'every id renamed, with every reference': (c) => {
    const ids = declaredIds(c);
    const rename = (id: string) => `${id}-renamed`;
    // Each part is plain JSON, and renaming strings keeps its shape: the casts only say so.
    c.story = renameIn(c.story, rename, ids) as JsonObject;
    c.places = renameIn(c.places as unknown as Json, rename, ids) as unknown as Copy['places'];
    c.route = renameIn(c.route as unknown as Json, rename, ids) as unknown as Copy['route'];
  },
  'the steps in reverse order': (c) => {
    steps(c).reverse();
  },
  'a step dropped': (c) => {
    const [dropped] = steps(c).splice(Math.floor(steps(c).length / 2), 1);
    // Events that linked to it lose the link: an editor would have to drop it too.
    for (const event of c.story.events as JsonObject[]) {
      if (event.step === dropped!.id) delete event.step;
    }
  },
  'a step and a place added': (c) => {
    c.places.features.push(newTown('unverified'));
    const first = steps(c)[0]!;
    steps(c).splice(1, 0, {
      id: 'new-step',
      title: 'A new step',
      text: 'A new paragraph, written by an editor.',
      sources: first.sources as Json,
      map: {
        camera: { center: [126.1, 40.3], zoom: 7 },
        places: ['new-town'],
        highlight: ['new-town'],
      },
    });
  },
  'text rewritten and a camera moved': (c) => {
    const [first, second] = steps(c);
    first!.title = 'A heading, rewritten';
    first!.text = 'A first paragraph, rewritten.\n\nA second one, **with emphasis**.';
    (second!.map as JsonObject).camera = { center: [124.5, 40.0], zoom: 8, bearing: 10 };
  },
};

/** A copy with every edit made, one after another. */
export function everyEdit(): Copy {
  const edited = copy();
  for (const edit of Object.values(EDITS)) edit(edited);
  return edited;
}
