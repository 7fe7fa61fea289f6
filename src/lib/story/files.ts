/**
 * Reading the story's three files from disk (Node only: the Vite plugin and the CLI).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { SourceFile, StoryFiles } from './load.ts';
import { StoryError } from './load.ts';
import { problem } from './read.ts';

/** Paths of the story and its GeoJSON, relative to the project root. */
export interface StoryPaths {
  story: string;
  places: string;
  route: string;
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
