/**
 * Where the page's script is, in the sources and in a build. The Vite plugin (vite-plugin.ts)
 * adds the script to the client build and writes down its built files; the prerender
 * (hooks.server.ts) reads them and names them in each page (after-paint.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartFiles } from './after-paint';

/** The script's source, from the project's root (as Vite's dev server serves it). */
export const START_SOURCE = 'src/lib/start/browser.svelte.ts';

/**
 * The name the client build is given for the script; its file is named by the bundler (a hash
 * under `_app/immutable/chunks/`), so only the written-down files say where it is.
 */
export const START_NAME = 'entry/story';

/**
 * The built script's files, as the client build wrote them down: in SvelteKit's output
 * folder (svelte.config.js: `outDir`, set by the build tests through SVELTEKIT_OUT_DIR), beside
 * the client build's own folder and outside the site.
 */
export function startFilesPath(kitOutDir = process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit'): string {
  return join(kitOutDir, 'output', 'storymap-start.json');
}

/** A chunk of a build, as far as its imports go. */
interface BuiltChunk {
  fileName: string;
  imports: readonly string[];
}

/**
 * The script's files in a build: `entry` and every module it imports, all the way down, from
 * the build's chunks by file name (`chunks`).
 */
export function startFilesOf(
  entry: BuiltChunk,
  chunks: ReadonlyMap<string, BuiltChunk>
): StartFiles {
  const imports: string[] = [];
  const visit = (files: readonly string[]) => {
    for (const file of files) {
      if (imports.includes(file) || file === entry.fileName) continue;
      const chunk = chunks.get(file);
      if (!chunk) throw new Error(`${START_SOURCE}'s build imports ${file}, which it did not make`);
      imports.push(file);
      visit(chunk.imports);
    }
  };
  visit(entry.imports);
  return { entry: entry.fileName, imports };
}

/** The built script's files, as the client build wrote them down (`startFilesPath`). */
export function readStartFiles(path = startFilesPath()): StartFiles {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${path} could not be read: the client build did not write down the page's script ` +
        `(src/lib/start/vite-plugin.ts does), so no page can start`,
      { cause: error }
    );
  }
  return JSON.parse(text) as StartFiles;
}
