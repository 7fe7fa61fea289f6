/** Loads the committed story, places and route the way the build does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory, type StoryFiles } from '../../src/lib/story/load';
import type { Story } from '../../src/lib/story/types';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The places and route the validator's fixture stories are checked against (no sources). */
export const FIXTURE_GEO = {
  places: 'test/fixtures/geo/places.geojson',
  route: 'test/fixtures/geo/route.geojson',
} as const;

/** A story's three files, read from the project as the build reads them. */
function readStory(story: string, places: string, route: string): StoryFiles {
  const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
  return { story: read(story), places: read(places), route: read(route) };
}

/** A fixture folder's story.json, places.geojson and route.geojson. */
function readFixture(folder: string): StoryFiles {
  const at = `test/fixtures/${folder}`;
  return readStory(`${at}/story.json`, `${at}/places.geojson`, `${at}/route.geojson`);
}

export function committedFiles(): StoryFiles {
  return readStory(
    'story/huawei-north-korea/story.json',
    'story/huawei-north-korea/places.geojson',
    'story/huawei-north-korea/route.geojson'
  );
}

export function committedStory(): Story {
  return loadStory(committedFiles());
}

/**
 * The engine's whole-story fixture (test/fixtures/flagship): a frozen copy of the flagship,
 * for tests that need a whole story's variety. Editors never change it.
 */
export function flagshipFiles(): StoryFiles {
  return readFixture('flagship');
}

export function flagshipStory(): Story {
  return loadStory(flagshipFiles());
}

/** A copy of the flagship fixture's story JSON, changed by `edit`, as files for `loadStory`. */
export function withStoryEdit(edit: (story: Record<string, unknown>) => void): StoryFiles {
  const files = flagshipFiles();
  const json = JSON.parse(files.story.text) as Record<string, unknown>;
  edit(json);
  return { ...files, story: { path: files.story.path, text: JSON.stringify(json, null, 2) } };
}

/** The engine's own fixture story (test/fixtures/engine): small, and written for the tests. */
export function engineFiles(): StoryFiles {
  return readFixture('engine');
}

export function engineStory(): Story {
  return loadStory(engineFiles());
}

/**
 * The world-spanning fixture (test/fixtures/world): four cities on three continents, seen from
 * the world and close up, with no detail of its own.
 */
export function worldStory(): Story {
  return loadStory(readFixture('world'));
}
