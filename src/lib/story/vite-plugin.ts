/**
 * Serves the validated story to the app as `virtual:story`, so validation runs in `vite build`
 * (a broken story never builds) and in `vite dev` (the error overlay shows the same messages,
 * and the page recovers when the file is fixed, because the files are watched).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { StoryError, loadStory, storyWarnings, type SourceFile } from './load.ts';
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

export function storyPlugin(options: StoryPluginOptions): Plugin {
  const paths = {
    story: options.story ?? process.env.STORY_FILE ?? 'story/story.json',
    places: options.places ?? 'geo/places.geojson',
    route: options.route ?? 'geo/route.geojson',
  };
  const watched = new Set(Object.values(paths).map((path) => resolve(options.root, path)));
  return {
    name: 'storymap:story',
    // A changed story reloads the page rather than hot-swapping it: a hot update left
    // {@html} step text showing a neighbour's text after an inserted step (Svelte 5.57).
    handleHotUpdate({ file, server }) {
      if (!watched.has(resolve(file))) return undefined;
      for (const environment of Object.values(server.environments)) {
        const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) environment.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
    resolveId(id) {
      return id === STORY_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const read = (path: string): SourceFile => {
        const absolute = resolve(options.root, path);
        this.addWatchFile(absolute);
        const shown = relative(options.root, absolute);
        try {
          return { path: shown, text: readFileSync(absolute, 'utf8') };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new StoryError([problem(shown, '', `cannot be read: ${reason}`, 'unreadable')]);
        }
      };
      try {
        const files = {
          story: read(paths.story),
          places: read(paths.places),
          route: read(paths.route),
        };
        const story = loadStory(files);
        for (const warning of storyWarnings(story, files)) this.warn(formatProblems([warning]));
        return `export default ${JSON.stringify(story)};`;
      } catch (error) {
        if (error instanceof StoryError) this.error(error.message);
        throw error;
      }
    },
  };
}
