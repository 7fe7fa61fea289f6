/**
 * Serves the validated story to the app as `virtual:story`, so validation runs in `vite build`
 * (a broken story never builds) and in `vite dev` (the error overlay shows the same messages,
 * and the page recovers when the file is fixed, because the files are watched). The story is
 * the folder `STORY` names (the flagship's by default: files.ts). What the build makes from the
 * folder (its basemap) and the files the page takes from it are `virtual:story-map/<file>`
 * (derived.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { basemapAreas } from '../../../geo/detail-areas.ts';
import { DERIVED_FILES, deriveStoryFiles, type Derived, type DerivedName } from './derived.ts';
import { readStoryFiles, storyFolder } from './files.ts';
import { measureMedia } from './media-files.ts';
import type { Story } from './types.ts';
import { StoryError, loadStory, storyWarnings } from './load.ts';
import { formatProblems } from './read.ts';
import { STORY_UPDATE_EVENT, type StoryUpdate } from './hot.ts';
import { STORY_DATA_ID, storyNotes } from './browser.ts';

export const STORY_MODULE_ID = 'virtual:story';
const RESOLVED_ID = `\0${STORY_MODULE_ID}`;
/** The notes the timeline's tooltips show, apart: only the drawing (loaded late) needs them. */
export const NOTES_MODULE_ID = 'virtual:story-notes';
const RESOLVED_NOTES_ID = `\0${NOTES_MODULE_ID}`;
/** The story's files the page imports: `virtual:story-map/basemap.json?url` and the like. */
export const FILES_PREFIX = 'virtual:story-map/';
/** Whether the story folder has close-zoom detail (`export default` true or false). */
const HAS_DETAIL_ID = `${FILES_PREFIX}has-detail`;
const RESOLVED_HAS_DETAIL_ID = `\0${HAS_DETAIL_ID}`;

export interface StoryPluginOptions {
  /** Project root; paths in messages are relative to it. */
  root: string;
  /**
   * The story folder, relative to the root.
   * @defaultValue the `STORY` environment variable when set, else the flagship's folder
   */
  folder?: string;
  /**
   * The module that renders the page's static sections from the whole story (it exports
   * `pageSections`), relative to the root. `virtual:story` hands it to the page where the whole
   * story is (the server, the dev page), so the built page's script never loads it.
   */
  sections: string;
}

export function storyPlugin(options: StoryPluginOptions): Plugin {
  // A missing folder stops the build or the dev server here, naming it.
  const folder = storyFolder(options.root, options.folder);
  const paths = { story: folder.story, places: folder.places, route: folder.route };
  const watched = new Set(Object.values(paths));
  let building = false;
  // Made once per run from the story as it first loads (in dev too: see handleHotUpdate).
  let derived: Derived | undefined;
  const derive = (story: Story) => (derived ??= deriveStoryFiles(options.root, folder, story));
  const load = () => loadStory(readStoryFiles(options.root, paths));
  return {
    name: 'storymap:story',
    configResolved(config) {
      building = config.command === 'build';
    },
    // A changed story is checked at once. With problems, the page keeps its last good version
    // and Vite's error overlay lists them, as `npm run validate` would. A valid story goes to
    // the open pages as data (no module swap, no reload): the page replaces its story and keeps
    // the reader on their step. The virtual module is invalidated, so a reload serves it too.
    async handleHotUpdate({ file, server }) {
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
        const media = await measureMedia(folder.folder, story, files);
        if (media.problems.length > 0) throw new StoryError(media.problems);
        const warnings = storyWarnings(story, files).map((w) => formatProblems([w]));
        const update: StoryUpdate = {
          story,
          notes: storyNotes(story),
          warnings,
          media: media.sizes,
        };
        server.ws.send(STORY_UPDATE_EVENT, update);
        if (derived && JSON.stringify(basemapAreas(story)) !== derived.areas) {
          // Swapping the basemap would reload the page; the editor decides when.
          server.config.logger.warn(
            'The story now looks where its basemap was not cut for: restart `npm run dev` to redraw the basemap.'
          );
        }
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
      if (id === NOTES_MODULE_ID) return RESOLVED_NOTES_ID;
      if (id === HAS_DETAIL_ID) return RESOLVED_HAS_DETAIL_ID;
      if (!id.startsWith(FILES_PREFIX)) return undefined;
      const [name, query] = id.slice(FILES_PREFIX.length).split('?');
      if (!DERIVED_FILES.includes(name as DerivedName)) {
        this.error(`${id}: the story's files are ${DERIVED_FILES.join(', ')}`);
      }
      try {
        const path = (derived ?? derive(load())).files[name as DerivedName];
        return query === undefined ? path : `${path}?${query}`;
      } catch (error) {
        if (error instanceof StoryError) this.error(error.message);
        throw error;
      }
    },
    async load(id, loadOptions) {
      if (id === RESOLVED_HAS_DETAIL_ID) {
        return `export default ${JSON.stringify(existsSync(folder.detail))};`;
      }
      if (id === RESOLVED_NOTES_ID) {
        for (const path of watched) this.addWatchFile(path);
        try {
          const story = load();
          return `export default ${JSON.stringify(storyNotes(story))};`;
        } catch (error) {
          if (error instanceof StoryError) this.error(error.message);
          throw error;
        }
      }
      if (id !== RESOLVED_ID) return undefined;
      for (const path of watched) this.addWatchFile(path);
      try {
        const files = readStoryFiles(options.root, paths);
        const story = loadStory(files);
        const media = await measureMedia(folder.folder, story, files);
        if (media.problems.length > 0) throw new StoryError(media.problems);
        const warnings = storyWarnings(story, files).map((w) => formatProblems([w]));
        for (const warning of warnings) this.warn(warning);
        // Said where the page is rendered (the server; a build makes the page's script too).
        const messages = derive(story).messages;
        if (this.environment.name === 'ssr') for (const message of messages) this.warn(message);
        // The warnings ride along for the editing aid (?edit); the story itself is valid.
        const lines = [`export const warnings = ${JSON.stringify(warnings)};`];
        if (building && !loadOptions?.ssr) {
          // The built page's script: what only the prerendered HTML shows stays out of it,
          // and so does the code that renders it. The story's data is in the HTML
          // (story/browser.ts), read once the page's script runs, after the HTML is parsed.
          lines.push(
            `const data = document.getElementById(${JSON.stringify(STORY_DATA_ID)});`,
            `if (!data) throw new Error('The page has no story data (#${STORY_DATA_ID}).');`,
            'export default JSON.parse(data.textContent);'
          );
          lines.push('export const whole = null;');
        } else {
          const sections = JSON.stringify(resolve(options.root, options.sections));
          lines.push(`import { pageSections } from ${sections};`);
          lines.push(`const story = ${JSON.stringify(story)};`);
          lines.push('export default story;');
          lines.push(
            `const media = ${JSON.stringify({ folder: folder.folder, sizes: media.sizes })};`
          );
          lines.push('export const whole = { story, sections: pageSections, media };');
        }
        return lines.join('\n');
      } catch (error) {
        if (error instanceof StoryError) this.error(error.message);
        throw error;
      }
    },
  };
}
