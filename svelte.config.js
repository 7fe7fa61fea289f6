import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every page is prerendered: the story text is in the HTML before any script runs.
    // BUILD_DIR and SVELTEKIT_OUT_DIR exist for the build tests, which must not touch build/.
    adapter: adapter({
      pages: process.env.BUILD_DIR ?? 'build',
      assets: process.env.BUILD_DIR ?? 'build',
      fallback: undefined,
      strict: true,
      // Gzip and Brotli copies of every text file, which the server (src/cli/serve.ts) sends
      // to browsers that accept them. The build tests' throwaway builds skip them.
      precompress: process.env.BUILD_DIR === undefined,
    }),
    outDir: process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit',
    // The same sources build the same files: SvelteKit's default version is the build's time,
    // which it writes into the start script, so every build differed by a few bytes (and the
    // size budgets, held to the byte, passed or failed by the clock). The page never polls for
    // a new version; its assets are named by their content.
    version: { name: version },
    // Relative asset paths let the built folder be served from any sub-path of a newsroom's site.
    paths: { relative: true },
    // The page's own CSS (about 20 KB before compression) goes inline into the HTML: no
    // stylesheet request stands between the text and its first paint.
    inlineStyleThreshold: 40_000,
    prerender: {
      // A story without images has no files for the media route (src/routes/media/) to make;
      // any other route left unrendered is a fault, as by default.
      handleUnseenRoutes: ({ routes, message }) => {
        if (routes.some((route) => route !== '/media/[file]')) throw new Error(message);
      },
    },
    alias: {
      $geo: 'geo',
      $story: 'story',
    },
  },
};

export default config;
