/**
 * Builds the host page's loader (loader.ts, with the protocol it shares with the story) into
 * one small classic script, `embed.js` at the site's root: emitted with the client build, and
 * served by the dev server at `/embed.js`.
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const ENTRY = resolve(import.meta.dirname, 'loader.ts');
export const LOADER_FILE = 'embed.js';
const BANNER = `/* Story map embed loader, protocol v1: see docs/embedding.md. Built from src/lib/embed/loader.ts. */\n`;

/** The loader as one minified script that defines no global. */
export async function bundleLoader(): Promise<string> {
  const result = await build({
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    root: import.meta.dirname,
    build: {
      write: false,
      minify: true,
      // The browsers the site supports (docs/embedding.md); newer syntax is left as it is.
      target: 'es2020',
      rolldownOptions: { input: ENTRY, output: { format: 'iife' } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ('output' in output ? output.output : []));
  const chunk = chunks.find((file) => file.type === 'chunk');
  if (!chunk || chunks.length !== 1) {
    throw new Error(`the embed loader must build to one script, not ${chunks.length} files`);
  }
  return BANNER + chunk.code;
}

export function embedLoaderPlugin(): Plugin {
  return {
    name: 'storymap:embed-loader',
    async generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      this.emitFile({ type: 'asset', fileName: LOADER_FILE, source: await bundleLoader() });
    },
    configureServer(server) {
      server.middlewares.use(`/${LOADER_FILE}`, (_request, response, next) => {
        bundleLoader()
          .then((code) => {
            response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            response.end(code);
          })
          .catch(next);
      });
    },
  };
}
