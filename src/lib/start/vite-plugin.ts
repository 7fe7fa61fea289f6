/**
 * Adds the page's script (browser.svelte.ts) to the client build as an entry of its own, and
 * writes down its built files for the prerender (files.ts), which names them in each page.
 * SvelteKit still builds its client router's entries, which the pages do not load
 * (`csr = false`, routes/+layout.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { START_NAME, START_SOURCE, startFilesOf, startFilesPath } from './files.ts';

export function startPlugin(root: string): Plugin {
  const source = resolve(root, START_SOURCE);
  let kitOutDir: string | undefined;
  return {
    name: 'storymap:start',
    apply: 'build',
    configResolved(config) {
      // SvelteKit's client build writes to <outDir>/output/client.
      kitOutDir = dirname(dirname(config.build.outDir));
    },
    buildStart() {
      if (this.environment.config.consumer !== 'client') return;
      this.emitFile({ type: 'chunk', id: source, name: START_NAME });
    },
    generateBundle(_options, bundle) {
      if (this.environment.config.consumer !== 'client') return;
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [[file.fileName, file]] : []
        )
      );
      const entry = [...chunks.values()].find(
        (chunk) => chunk.isEntry && chunk.facadeModuleId === source
      );
      if (!entry) throw new Error(`the client build has no entry for ${START_SOURCE}`);
      const path = startFilesPath(kitOutDir);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(startFilesOf(entry, chunks)));
    },
  };
}
