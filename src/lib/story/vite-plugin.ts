/**
 * Serves the validated story to the app as `virtual:story`, so validation runs in `vite build`
 * (a broken story never builds) and in `vite dev` (the error overlay shows the same messages,
 * and the page recovers when the file is fixed, because the files are watched).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { StoryError, loadStory, storyWarnings, type SourceFile, type StoryFiles } from './load.ts';
import { formatProblems, problem } from './read.ts';

export const STORY_MODULE_ID = 'virtual:story';
const RESOLVED_ID = `\0${STORY_MODULE_ID}`;

export interface StoryPluginOptions {
  /** Project root; paths in messages are relative to it. */
  root: string;
  /** @defaultValue `story/story.json`, or the `STORY_FILE` environment variable when set */
  story?: string;
  /** @defaultValue `geo/places.geojson` */
  places?: string;
  /** @defaultValue `geo/route.geojson` */
  route?: string;
}

/** Reads the three files; one that cannot be read is a StoryError like any other problem. */
function readAll(
  root: string,
  paths: { story: string; places: string; route: string }
): StoryFiles {
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

export function storyPlugin(options: StoryPluginOptions): Plugin {
  const paths = {
    story: options.story ?? process.env.STORY_FILE ?? 'story/story.json',
    places: options.places ?? 'geo/places.geojson',
    route: options.route ?? 'geo/route.geojson',
  };
  const watched = new Set(Object.values(paths).map((path) => resolve(options.root, path)));
  return {
    name: 'storymap:story',
    // A changed story is checked at once. With problems, the page keeps its last good version
    // and Vite's error overlay lists them, as `npm run validate` would; once fixed, the page
    // reloads. (A reload, not a hot swap: a hot update left {@html} step text showing a
    // neighbour's words after an inserted step, Svelte 5.57.)
    handleHotUpdate({ file, server }) {
      if (!watched.has(resolve(file))) return undefined;
      for (const environment of Object.values(server.environments)) {
        const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) environment.moduleGraph.invalidateModule(module);
      }
      try {
        loadStory(readAll(options.root, paths));
        server.ws.send({ type: 'full-reload' });
      } catch (error) {
        if (!(error instanceof StoryError)) throw error;
        server.ws.send({
          type: 'error',
          err: { message: error.message, stack: '', plugin: 'storymap:story', id: file },
        });
      }
      return [];
    },
    resolveId(id) {
      return id === STORY_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const path of Object.values(paths)) this.addWatchFile(resolve(options.root, path));
      try {
        const files = readAll(options.root, paths);
        const story = loadStory(files);
        const warnings = storyWarnings(story, files).map((w) => formatProblems([w]));
        for (const warning of warnings) this.warn(warning);
        // The warnings ride along for the editing aid (?edit); the story itself is valid.
        return `export default ${JSON.stringify(story)};\nexport const warnings = ${JSON.stringify(warnings)};`;
      } catch (error) {
        if (error instanceof StoryError) this.error(error.message);
        throw error;
      }
    },
  };
}
