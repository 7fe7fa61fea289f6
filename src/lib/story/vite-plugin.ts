/**
 * Serves the validated story to the app as `virtual:story`, so validation runs in `vite build`
 * (a broken story never builds) and in `vite dev` (the error overlay shows the same messages,
 * and the page recovers when the file is fixed, because the files are watched).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Plugin } from 'vite';
import { stepsWithoutDetail } from '../../../geo/detail-areas.ts';
import { FONT_FOLDER, namesWithoutGlyphs } from '../../cli/cjk-font.ts';
import { readStoryFiles, type StoryPaths } from './files.ts';
import { StoryError, loadStory, storyWarnings } from './load.ts';
import { formatProblems } from './read.ts';
import { STORY_UPDATE_EVENT, type StoryUpdate } from './hot.ts';
import { browserStory, storyNotes } from './browser.ts';

export const STORY_MODULE_ID = 'virtual:story';
const RESOLVED_ID = `\0${STORY_MODULE_ID}`;
/** The notes the timeline's tooltips show, apart: only the drawing (loaded late) needs them. */
export const NOTES_MODULE_ID = 'virtual:story-notes';
const RESOLVED_NOTES_ID = `\0${NOTES_MODULE_ID}`;

export interface StoryPluginOptions {
  /** Project root; paths in messages are relative to it. */
  root: string;
  /** @defaultValue `story/story.json`, or the `STORY_FILE` environment variable when set */
  story?: string;
  /** @defaultValue `geo/places.geojson`, or the `PLACES_FILE` environment variable when set */
  places?: string;
  /** @defaultValue `geo/route.geojson`, or the `ROUTE_FILE` environment variable when set */
  route?: string;
  /**
   * The module that renders the page's static sections from the whole story (it exports
   * `pageSections`), relative to the root. `virtual:story` hands it to the page where the whole
   * story is (the server, the dev page), so the built page's script never loads it.
   */
  sections: string;
}

/** A committed JSON file of the project, or `fallback` when it is missing or unreadable. */
function readJson<T>(root: string, path: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T;
  } catch {
    return fallback;
  }
}

export function storyPlugin(options: StoryPluginOptions): Plugin {
  const paths: StoryPaths = {
    story: options.story ?? process.env.STORY_FILE ?? 'story/story.json',
    places: options.places ?? process.env.PLACES_FILE ?? 'geo/places.geojson',
    route: options.route ?? process.env.ROUTE_FILE ?? 'geo/route.geojson',
  };
  const watched = new Set(Object.values(paths).map((path) => resolve(options.root, path)));
  let building = false;
  return {
    name: 'storymap:story',
    configResolved(config) {
      building = config.command === 'build';
    },
    // A changed story is checked at once. With problems, the page keeps its last good version
    // and Vite's error overlay lists them, as `npm run validate` would. A valid story goes to
    // the open pages as data (no module swap, no reload): the page replaces its story and keeps
    // the reader on their step. The virtual module is invalidated, so a reload serves it too.
    handleHotUpdate({ file, server }) {
      if (!watched.has(resolve(file))) return undefined;
      for (const environment of Object.values(server.environments)) {
        for (const id of [RESOLVED_ID, RESOLVED_NOTES_ID]) {
          const module = environment.moduleGraph.getModuleById(id);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      }
      try {
        const files = readStoryFiles(options.root, paths);
        const story = loadStory(files);
        const warnings = storyWarnings(story, files).map((w) => formatProblems([w]));
        const update: StoryUpdate = { story, notes: storyNotes(story), warnings };
        server.ws.send(STORY_UPDATE_EVENT, update);
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
      if (id === STORY_MODULE_ID) return RESOLVED_ID;
      return id === NOTES_MODULE_ID ? RESOLVED_NOTES_ID : undefined;
    },
    load(id, loadOptions) {
      if (id === RESOLVED_NOTES_ID) {
        for (const path of Object.values(paths)) this.addWatchFile(resolve(options.root, path));
        try {
          const story = loadStory(readStoryFiles(options.root, paths));
          return `export default ${JSON.stringify(storyNotes(story))};`;
        } catch (error) {
          if (error instanceof StoryError) this.error(error.message);
          throw error;
        }
      }
      if (id !== RESOLVED_ID) return undefined;
      for (const path of Object.values(paths)) this.addWatchFile(resolve(options.root, path));
      try {
        const files = readStoryFiles(options.root, paths);
        const story = loadStory(files);
        const warnings = storyWarnings(story, files).map((w) => formatProblems([w]));
        for (const warning of warnings) this.warn(warning);
        const withoutDetail = stepsWithoutDetail(
          story,
          readJson<FeatureCollection>(options.root, 'geo/detail.json', {
            type: 'FeatureCollection',
            features: [],
          })
        );
        if (withoutDetail.length > 0) {
          // Not a fault in the story: those close views show the general basemap meanwhile.
          this.warn(
            `steps ${withoutDetail.join(', ')} zoom in close where geo/detail.json has no detail: the general basemap stands in there. Run \`npm run detail\` (needs Debian's gmt and gmt-gshhg-full) to extract it.`
          );
        }
        const unheld = namesWithoutGlyphs(
          story.places.flatMap((place) => (place.local ? [place.local] : [])),
          readJson(options.root, `${FONT_FOLDER}/characters.json`, {})
        );
        if (unheld.length > 0) {
          this.warn(
            `the map's fonts lack characters of ${unheld.join(', ')}: the reader's own fonts stand in for them. Run \`npm run fonts\` (needs Debian's fonts-noto-cjk and python3-fonttools) to add them.`
          );
        }
        // The warnings ride along for the editing aid (?edit); the story itself is valid.
        const lines = [`export const warnings = ${JSON.stringify(warnings)};`];
        if (building && !loadOptions?.ssr) {
          // The built page's script: what only the prerendered HTML shows stays out of it,
          // and so does the code that renders it.
          lines.push(`export default ${JSON.stringify(browserStory(story))};`);
          lines.push('export const whole = null;');
        } else {
          const sections = JSON.stringify(resolve(options.root, options.sections));
          lines.push(`import { pageSections } from ${sections};`);
          lines.push(`const story = ${JSON.stringify(story)};`);
          lines.push('export default story;');
          lines.push('export const whole = { story, sections: pageSections };');
        }
        return lines.join('\n');
      } catch (error) {
        if (error instanceof StoryError) this.error(error.message);
        throw error;
      }
    },
  };
}
