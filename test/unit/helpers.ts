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

export function committedFiles(): StoryFiles {
  const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
  return {
    story: read('story/story.json'),
    places: read('geo/places.geojson'),
    route: read('geo/route.geojson'),
  };
}

export function committedStory(): Story {
  return loadStory(committedFiles());
}

/**
 * The engine's whole-story fixture (test/fixtures/flagship): a frozen copy of the flagship,
 * for tests that need a whole story's variety. Editors never change it.
 */
export function flagshipFiles(): StoryFiles {
  const read = (name: string) => {
    const path = `test/fixtures/flagship/${name}`;
    return { path, text: readFileSync(join(ROOT, path), 'utf8') };
  };
  return {
    story: read('story.json'),
    places: read('places.geojson'),
    route: read('route.geojson'),
  };
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
export function engineStory(): Story {
  const read = (path: string) => ({
    path,
    text: readFileSync(join(ROOT, 'test/fixtures/engine', path), 'utf8'),
  });
  return loadStory({
    story: read('story.json'),
    places: read('places.geojson'),
    route: read('route.geojson'),
  });
}
