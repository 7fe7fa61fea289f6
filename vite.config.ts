import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import postcssCustomMedia from 'postcss-custom-media';
import type { Plugin as PostcssPlugin } from 'postcss';
import { defineConfig } from 'vitest/config';
import { embedLoaderPlugin } from './src/lib/embed/vite-plugin.ts';
import { storyPlugin } from './src/lib/story/vite-plugin.ts';
import { startPlugin } from './src/lib/start/vite-plugin.ts';
import { USED_MAPLIBRE_CLASSES, keepUsedRules } from './src/lib/map/maplibre-css.ts';
import { NARROW_MEDIA } from './src/lib/layout.ts';

/**
 * The phone layout's breakpoint, defined once (layout.ts) for every stylesheet: a component
 * writes `@media (--narrow)` (a custom media query, CSS Media Queries 5) and
 * postcss-custom-media replaces it with NARROW_MEDIA.
 */
const narrowMedia: PostcssPlugin = {
  postcssPlugin: 'storymap-narrow-media',
  Once(root, { AtRule }) {
    root.prepend(new AtRule({ name: 'custom-media', params: `--narrow ${NARROW_MEDIA}` }));
  },
};

/** Readers get only the part of MapLibre's stylesheet the story map uses (map/maplibre-css.ts). */
const maplibreCss: Plugin = {
  name: 'storymap:maplibre-css',
  enforce: 'pre',
  transform(code, id) {
    if (!id.split('?')[0]!.endsWith('/maplibre-gl/dist/maplibre-gl.css')) return undefined;
    return { code: keepUsedRules(code, USED_MAPLIBRE_CLASSES), map: null };
  },
};

/**
 * Modules that run only on the server in a build: the page's script keeps what the server
 * rendered from them (prerender/html.ts), so it gets stubs that throw if ever called, and
 * neither they nor what they import (the narration, date formatting) are downloaded.
 */
const SERVER_ONLY = [resolve(import.meta.dirname, 'src/lib/prerender/sections.ts')];
let production = false;
const serverOnly: Plugin = {
  name: 'storymap:server-only',
  apply: 'build',
  enforce: 'pre',
  // The same condition as `keepServerHtml`: a production build's page script (a build under
  // NODE_ENV=test, as the tests make, renders these sections in the browser too).
  configResolved(config) {
    production = config.isProduction;
  },
  load(id, options) {
    if (!production || options?.ssr || !SERVER_ONLY.includes(id)) return undefined;
    const names = [...readFileSync(id, 'utf8').matchAll(/^export function (\w+)/gm)].map(
      (match) => match[1]!
    );
    return names
      .map(
        (name) =>
          `export function ${name}() { throw new Error('${name} runs on the server only'); }`
      )
      .join('\n');
  },
};

/**
 * The order Vitest starts test files in (test/sequencer.ts), loaded only when Vitest runs: it
 * imports vitest/node, half a second a build need not spend.
 */
const sequencer = process.env.VITEST
  ? (await import('./test/sequencer.ts')).LongestFirst
  : undefined;

export default defineConfig({
  plugins: [
    storyPlugin({ root: import.meta.dirname, sections: 'src/lib/prerender/sections.ts' }),
    embedLoaderPlugin(),
    startPlugin(import.meta.dirname),
    maplibreCss,
    serverOnly,
    sveltekit(),
  ],
  css: { postcss: { plugins: [narrowMedia, postcssCustomMedia()] } },
  server: {
    watch: {
      // Built sites, and the SvelteKit output of the tests' builds (test/e2e/harness.ts,
      // buildSite), with its tsconfig.json: they are no source, and a build beside
      // `npm run dev` must not reload the editor's page. (The tests' scratch stories, in
      // .tmp-* folders too, stay watched: the dev preview's test edits one.)
      ignored: ['**/build/**', '**/.tmp-*/kit/**', '**/.screens/**'],
    },
  },
  build: {
    // MapLibre is one large module by design; it is loaded lazily after the text.
    chunkSizeWarningLimit: 1100,
    // Fonts stay files, fetched only when a label needs them (after the map's first view),
    // never inlined into the stylesheet that comes before it.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
  },
  test: {
    expect: { requireAssertions: true },
    // The longest test files first, also on a fresh clone.
    sequence: { sequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Roomy for a machine busy with other work; the slow tests set their own.
          testTimeout: 30_000,
          // The modules under test keep no state between files and no test mocks a module or
          // a global, so files share their workers' imports: half the project's time was spent
          // importing the same modules afresh for each file.
          isolate: false,
        },
      },
      {
        // Svelte components mounted in jsdom: Svelte's browser build, not its server one.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          include: ['test/component/**/*.test.ts'],
          environment: 'jsdom',
          // Above the state waits' limit (test/component/settled.ts).
          testTimeout: 60_000,
          // As for the unit tests; setup.ts unmounts each component and empties the document.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Two browsers at a time: each page's software WebGL keeps a core busy only part of
          // the time (flights run on the clock, the server and the tests wait), so two files
          // at once take about three quarters of the time one after another did, and the tests
          // already hold on a machine busy with other work (they wait on states, never on
          // time). More would only make each wait longer on this machine class.
          maxWorkers: 2,
          // Safety nets against a hang, not speed limits: a file sharing the machine with
          // another, on a machine busy with other work, may take four times its idle time.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
