import { dev } from '$app/environment';
import type { HandleServerError } from '@sveltejs/kit';

/**
 * In dev, a broken story's messages reach the error page (src/routes/+error.svelte), so an
 * editor who starts the dev server with a mistake sees what to fix. The built site is
 * prerendered, and a broken story never builds, so production never shows this.
 */
export const handleError: HandleServerError = ({ error }) => ({
  message: dev && error instanceof Error ? error.message : 'Internal Error',
});
