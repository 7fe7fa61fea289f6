import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { storyPlugin } from './src/lib/story/vite-plugin.ts';

export default defineConfig({
  plugins: [storyPlugin({ root: import.meta.dirname }), sveltekit()],
  build: {
    // MapLibre is one large module by design; it is loaded lazily after the text.
    chunkSizeWarningLimit: 1100,
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
