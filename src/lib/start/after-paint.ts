/**
 * The built page's start: its script (start/browser.svelte.ts) is fetched and compiled after
 * the page has painted its text.
 *
 * SvelteKit renders the pages without a script of theirs (`csr = false`); {@link withStart}
 * adds one at prerender time (hooks.server.ts), as the body's last element. It waits for the
 * first frame (one animation frame, then a task, so the frame has been painted), then asks
 * for the script's modules all at once (`<link rel="modulepreload">`, so the imports are not
 * found one by one) and imports it. Chromium compiles modules on other threads while it lays
 * out the page for the first time, and on a phone's or a small machine's few cores that work
 * competes with the first layout: measured on the 2-core bench machine, the first step's text
 * appeared about 50 ms later with the script than without it (docs/performance.md). A page
 * that gets no frames (a background tab, an iframe the browser keeps off screen) starts after
 * {@link NO_FRAME_MS} instead, so no reader waits on a frame that never comes.
 *
 * The dev server's pages import the script's source at once ({@link withDevStart}).
 */
import { START_SOURCE } from './files';

/** How long the start waits for a first frame that does not come (hidden tab, iframe). */
export const NO_FRAME_MS = 500;

/** The page's script in a build: its module and every module it imports, in load order. */
export interface StartFiles {
  /** The script's module, from the site's root (`_app/immutable/chunks/<hash>.js`). */
  entry: string;
  /** The modules it imports (the entry's static imports, all the way down). */
  imports: string[];
}

/** A JavaScript string literal safe inside an inline `<script>`. */
function scriptString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page with `script` as the body's last element; `route` names the page in errors. */
function beforeBodyEnd(page: string, script: string, route: string): string {
  const end = page.lastIndexOf('</body>');
  if (end < 0) {
    throw new Error(
      `prerender (${route}): the page has no </body>, so its script has nowhere to go; ` +
        `check src/app.html.`
    );
  }
  return `${page.slice(0, end)}${script}${page.slice(end)}`;
}

/**
 * From the page at `route` (`/`, `/embed/`) to the site's root, as a relative path: the built
 * folder may be served from any sub-path of a newsroom's site (svelte.config.js, paths).
 */
export function toRoot(route: string): string {
  const depth = route.split('/').filter(Boolean).length;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The built page at `route` with its start script, which imports `files` after the first paint. */
export function withStart(page: string, route: string, files: StartFiles): string {
  const root = toRoot(route);
  const hrefs = [files.entry, ...files.imports].map((file) => scriptString(root + file));
  const script =
    `<script>{` +
    ` const afterPaint = new Promise((go) => {` +
    ` if (document.hidden) return go();` +
    ` requestAnimationFrame(() => setTimeout(go));` +
    ` setTimeout(go, ${NO_FRAME_MS});` +
    ` });` +
    ` afterPaint.then(() => {` +
    ` for (const href of [${hrefs.join(', ')}]) {` +
    ` const link = document.createElement("link");` +
    ` link.rel = "modulepreload"; link.href = href; document.head.append(link);` +
    ` }` +
    ` return import(${hrefs[0]});` +
    ` });` +
    ` }</script>`;
  return beforeBodyEnd(page, script, route);
}

/** A dev server's page with its script: the source module, which Vite serves and updates. */
export function withDevStart(page: string, route: string): string {
  return beforeBodyEnd(
    page,
    `<script type="module" src=${scriptString(`/${START_SOURCE}`)}></script>`,
    route
  );
}
