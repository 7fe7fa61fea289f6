import { building, dev } from '$app/environment';
import type { Handle, HandleServerError } from '@sveltejs/kit';
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
 * Prerendered pages paint their text before the app's script is fetched and compiled
 * (prerender/start-after-paint.ts). Only HTML pages: the static maps are SVG routes.
 */
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: building
      ? ({ html }) => startAfterFirstPaint(html, event.url.pathname)
      : undefined,
  });
