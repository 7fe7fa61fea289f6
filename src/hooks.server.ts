import { building, dev } from '$app/environment';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { withHostEar } from '$lib/prerender/host-ear';
import { withDevStart, withStart } from '$lib/start/after-paint';
import { readStartFiles } from '$lib/start/files';
import { ROOT_ATTRIBUTE } from '$lib/start/root';

/**
 * In dev, a broken story's messages reach the error page (src/routes/+error.svelte), so an
 * editor who starts the dev server with a mistake sees what to fix. The built site is
 * prerendered, and a broken story never builds, so production never shows this.
 */
export const handleError: HandleServerError = ({ error }) => ({
  message: dev && error instanceof Error ? error.message : 'Internal Error',
});

/** The built page's script, read from the client build once the prerender needs it. */
let startFiles: ReturnType<typeof readStartFiles> | undefined;

/**
 * Every page gets the embed's inline ear, which keeps a host's messages until the app has
 * started (prerender/host-ear.ts), and the page's script (start/browser.svelte.ts), which
 * SvelteKit does not add (`csr = false`): prerendered pages paint their text before it is
 * fetched and compiled (start/after-paint.ts). Only HTML pages pass here: the
 * static maps are SVG routes. A page whose load failed (the dev server's error page for a
 * broken story) gets no script.
 */
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => {
      const route = event.url.pathname;
      const heard = withHostEar(html, route);
      if (!heard.includes(ROOT_ATTRIBUTE)) return heard;
      if (!building) return withDevStart(heard, route);
      startFiles ??= readStartFiles();
      return withStart(heard, route, startFiles);
    },
  });
