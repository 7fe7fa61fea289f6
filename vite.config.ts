import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { storyPlugin } from './src/lib/story/vite-plugin.ts';
import { USED_MAPLIBRE_CLASSES, keepUsedRules } from './src/lib/map/maplibre-css.ts';

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

export default defineConfig({
  plugins: [storyPlugin({ root: import.meta.dirname }), maplibreCss, serverOnly, sveltekit()],
  build: {
    // MapLibre is one large module by design; it is loaded lazily after the text.
    chunkSizeWarningLimit: 1100,
    // Fonts stay files, fetched only when a label needs them (after the map's first view),
    // never inlined into the stylesheet that comes before it.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
  },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Roomy for a machine busy with other work; the slow tests set their own.
          testTimeout: 30_000,
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
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and software WebGL.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
