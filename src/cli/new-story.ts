/**
 * `npm run new-story -- <name>`: writes a small story folder that builds and plays, for a
 * newsroom to make its own: story/<name>/ (or the folder `name` is, when it holds a `/`), with
 * story.json, places.geojson and route.geojson. Two places, a route between them that no
 * source gives (so drawn as schematic), three steps and one source, each a stand-in to replace:
 * docs/new-story.md explains every field. Refuses to write over a folder that exists.
 *
 *   npm run new-story -- my-story          # story/my-story
 *   STORY=story/my-story npm run dev       # then edit it with the preview open
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoryError, loadStory } from '../lib/story/load.ts';
import { formatProblems } from '../lib/story/read.ts';
import type { PlacesDocument, RouteDocument, StoryDocument } from '../lib/story/types.ts';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** A folder name editors can type and a URL can carry. */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The folder `name` stands for: under story/, unless it is a path. */
export function newStoryFolder(root: string, name: string): string {
  if (name.includes('/')) return resolve(root, name);
  if (!NAME.test(name)) {
    throw new Error(
      `"${name}" is not a story name: use lower-case letters, digits and hyphens (e.g. "port-strike"), or give a folder path`
    );
  }
  return resolve(root, 'story', name);
}

/** The three files of a new story whose story.json lives in `folder`. */
export function newStoryFiles(
  root: string,
  folder: string
): { story: StoryDocument; places: PlacesDocument; route: RouteDocument } {
  const schema = relative(folder, resolve(root, 'story/story.schema.json'));
  const today = new Date().toISOString().slice(0, 10);
  const story: StoryDocument = {
    $schema: schema,
    meta: {
      title: 'The title of your story',
      dek: 'One or two sentences under the title: what the reader will learn, and from whom.',
      byline: 'Your name',
      published: today,
    },
    sources: [
      {
        id: 'example-source',
        outlet: 'The outlet that reported it',
        title: 'The headline of the report',
        date: { date: today, precision: 'day' },
        url: 'https://example.com/report',
      },
    ],
    steps: [
      {
        id: 'overview',
        title: 'Where it happens',
        text: 'The first card. Say **who reported what**, and link to [the report](https://example.com/report).',
        sources: ['example-source'],
        map: {
          camera: { fit: ['first-place', 'second-place'] },
          legs: ['first-to-second'],
          places: ['first-place', 'second-place'],
        },
      },
      {
        id: 'first-place',
        title: 'The first place',
        text: 'A close view: the camera has a centre and a zoom.',
        sources: ['example-source'],
        map: {
          camera: { center: [4.9, 52.37], zoom: 9 },
          places: ['first-place'],
          highlight: ['first-place'],
        },
      },
      {
        id: 'the-way',
        title: 'From one to the other',
        text: 'The route grows as the reader scrolls. Where no source gives the way, it is drawn dashed.',
        sources: ['example-source'],
        map: {
          camera: { fit: ['first-place', 'second-place'] },
          legs: ['first-to-second'],
          grow: 'first-to-second',
          places: ['first-place', 'second-place'],
          highlight: ['second-place'],
        },
      },
    ],
  };
  const places: PlacesDocument = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'first-place',
          name: 'Amsterdam',
          kind: 'city',
          confidence: 'high',
          sources: ['example-source'],
        },
        geometry: { type: 'Point', coordinates: [4.9, 52.37] },
      },
      {
        type: 'Feature',
        properties: {
          id: 'second-place',
          name: 'Rotterdam',
          kind: 'city',
          confidence: 'high',
          sources: ['example-source'],
        },
        geometry: { type: 'Point', coordinates: [4.48, 51.92] },
      },
    ],
  };
  const route: RouteDocument = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'first-to-second',
          name: 'Amsterdam to Rotterdam',
          mode: 'road',
          certainty: 'schematic',
          label: 'Route not reported',
          stops: ['first-place', 'second-place'],
        },
        geometry: {
          type: 'LineString',
          coordinates: [
            [4.9, 52.37],
            [4.48, 51.92],
          ],
        },
      },
    ],
  };
  return { story, places, route };
}

/** Writes a new story folder for `name`; returns the folder. Checks what it writes first. */
export function newStory(root: string, name: string): string {
  const folder = newStoryFolder(root, name);
  if (existsSync(folder)) throw new Error(`${relative(root, folder)} exists: choose another name`);
  const files = newStoryFiles(root, folder);
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const shown = relative(root, folder);
  // A story that would not build is never written.
  loadStory({
    story: { path: join(shown, 'story.json'), text: text(files.story) },
    places: { path: join(shown, 'places.geojson'), text: text(files.places) },
    route: { path: join(shown, 'route.geojson'), text: text(files.route) },
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.json'), text(files.story));
  writeFileSync(join(folder, 'places.geojson'), text(files.places));
  writeFileSync(join(folder, 'route.geojson'), text(files.route));
  return folder;
}

function main(): void {
  const name = process.argv[2];
  if (!name) {
    console.error('Usage: npm run new-story -- <name>   (writes story/<name>/)');
    process.exitCode = 2;
    return;
  }
  try {
    const folder = relative(ROOT, newStory(ROOT, name));
    console.log(`Wrote ${folder}/ (story.json, places.geojson, route.geojson).
Next:
  STORY=${folder} npm run dev        # the preview, which follows your edits
  STORY=${folder} npm run validate   # the checks the build makes
  STORY=${folder} npm run build      # the site, in build/
docs/new-story.md explains each field.`);
  } catch (error) {
    const message =
      error instanceof StoryError ? formatProblems(error.problems) : (error as Error).message;
    console.error(message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
