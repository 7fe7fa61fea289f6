import { building, dev } from '$app/environment';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { withHostEar } from '$lib/prerender/host-ear';
import { startAfterFirstPaint } from '$lib/prerender/start-after-paint';

/**
 * In dev, a broken story's messages reach the error page (src/routes/+error.svelte), so an
 * editor who starts the dev server with a mistake sees what to fix. The built site is
 * prerendered, and a broken story never builds, so production never shows this.
 */
export const handleError: HandleServerError = ({ error }) => ({
  message: dev && error instanceof Error ? error.message : 'Internal Error',
});

/**
 * Every page gets the embed's inline ear, which keeps a host's messages until the app has
 * started (prerender/host-ear.ts); prerendered pages also paint their text before the app's
 * script is fetched and compiled (prerender/start-after-paint.ts). Only HTML pages pass
 * here: the static maps are SVG routes.
 */
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => {
      const route = event.url.pathname;
      const heard = withHostEar(html, route);
      return building ? startAfterFirstPaint(heard, route) : heard;
    },
  });
