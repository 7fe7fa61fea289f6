/**
 * A story's folder and reading its files from disk (Node only: the Vite plugin, the CLI and the
 * scripts that extract data for a story).
 *
 * A story is a folder: `story.json`, `places.geojson` and `route.geojson`, and what was made for
 * it once (`detail.json`, the close-zoom detail; `fonts/`, the subsets of its names' scripts)
 * and its media. `STORY=<folder>` picks one; the flagship's is the default.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { SourceFile, StoryFiles } from './load.ts';
import { StoryError } from './load.ts';
import { problem } from './read.ts';

/** The flagship story's folder, relative to the project root: the default story. */
export const DEFAULT_STORY = 'story/huawei-north-korea';

/** Paths of the story and its GeoJSON, relative to the project root (or absolute). */
export interface StoryPaths {
  story: string;
  places: string;
  route: string;
}

/** A story folder's files, as absolute paths; those made once for it may be missing. */
export interface StoryFolder extends StoryPaths {
  /** The folder, absolute. */
  folder: string;
  /** The folder as given (relative to the project root, or absolute), for messages. */
  name: string;
  /** The close-zoom detail extracted for the story (`npm run detail`). */
  detail: string;
  /** The map's fonts for the story's Chinese and Korean names (`npm run fonts`). */
  fonts: string;
}

/** A folder that is not a story: names it and says what a story folder holds. */
export class StoryFolderError extends Error {
  override name = 'StoryFolderError';
}

/**
 * The story folder `name` (relative to `root`, or absolute): the `STORY` environment variable
 * when no name is given, else the flagship. Throws a StoryFolderError naming the folder when it
 * is missing or holds no story.json.
 */
export function storyFolder(root: string, name = process.env.STORY || DEFAULT_STORY): StoryFolder {
  const folder = resolve(root, name);
  const hint =
    'a story folder holds story.json, places.geojson and route.geojson (`npm run new-story -- <name>` writes one)';
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new StoryFolderError(`STORY=${name}: there is no folder ${folder}; ${hint}`);
  }
  if (!existsSync(resolve(folder, 'story.json'))) {
    throw new StoryFolderError(`STORY=${name}: ${folder} has no story.json; ${hint}`);
  }
  const at = (file: string) => resolve(folder, file);
  return {
    folder,
    name,
    story: at('story.json'),
    places: at('places.geojson'),
    route: at('route.geojson'),
    detail: at('detail.json'),
    fonts: at('fonts'),
  };
}

/** Reads the three files; one that cannot be read is a StoryError like any other problem. */
export function readStoryFiles(root: string, paths: StoryPaths): StoryFiles {
  const read = (path: string): SourceFile => {
    const absolute = resolve(root, path);
    const shown = relative(root, absolute);
    try {
      return { path: shown, text: readFileSync(absolute, 'utf8') };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoryError([problem(shown, '', `cannot be read: ${reason}`, 'unreadable')]);
    }
  };
  return { story: read(paths.story), places: read(paths.places), route: read(paths.route) };
}
