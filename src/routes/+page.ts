// SvelteKit renders this page but does not start it: the page's own script does
// (lib/start/browser.svelte.ts), without SvelteKit's client router, which a story that never
// navigates between pages does not need. (Set per page, not in the layout: with every page
// and layout off, SvelteKit makes no client build, and the page's script is built in it.)
export const csr = false;
