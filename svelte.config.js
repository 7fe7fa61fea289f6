import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every page is prerendered: the story text is in the HTML before any script runs.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    // Relative asset paths let the built folder be served from any sub-path of a newsroom's site.
    paths: { relative: true },
    alias: {
      $geo: 'geo',
      $story: 'story',
    },
  },
};

export default config;
