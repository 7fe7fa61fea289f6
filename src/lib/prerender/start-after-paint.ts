/**
 * The built page paints its text before its script is fetched and compiled.
 *
 * SvelteKit's prerendered page asks for every module at once (`<link rel="modulepreload">`
 * in the head, `import()` in the start script at the end of the body). Chromium compiles
 * those modules on other threads while it lays out the page for the first time, and on a
 * phone's or a small machine's few cores that work competes with the first layout: measured
 * on the 2-core bench machine, the first step's text appeared about 50 ms later with the
 * script than without it (docs/performance.md).
 *
 * {@link startAfterFirstPaint} rewrites the page at prerender time (hooks.server.ts): the
 * preload links leave the head, and the start script waits for the first frame (one
 * animation frame, then a task, so the frame has been painted) before it adds them again and
 * imports the app. A page that gets no frames (a background tab, an iframe the browser keeps
 * off screen) starts after {@link NO_FRAME_MS} instead, so no reader waits on a frame that
 * never comes.
 *
 * The rewrite depends on the shape of SvelteKit's output; when that shape changes, the build
 * fails here with a message saying what was not found, instead of shipping a page that never
 * starts.
 */

/** How long the start waits for a first frame that does not come (hidden tab, iframe). */
export const NO_FRAME_MS = 500;

const PRELOAD_LINK = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
const START_SCRIPT = /<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/;
const IMPORT = /\bimport\(("[^"\\]+")\)/g;

/** Where the failure is and what to check, for a build that cannot apply the rewrite. */
function notFound(what: string, route: string): Error {
  return new Error(
    `prerender (${route}): ${what} was not found in the page SvelteKit rendered, so its start ` +
      `cannot wait for the first paint. SvelteKit's output has changed: update ` +
      `src/lib/prerender/start-after-paint.ts to match it.`
  );
}

/** A JavaScript string literal safe inside an inline `<script>`. */
function scriptString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The page with its module preloads moved after the first paint. `route` names the page in
 * errors. Throws if the page has no SvelteKit start script or the script imports nothing.
 */
export function startAfterFirstPaint(page: string, route: string): string {
  const preloads = [...page.matchAll(PRELOAD_LINK)].map((match) => match[1]!);
  const start = START_SCRIPT.exec(page);
  if (!start) throw notFound('the start script (`<script>{ __sveltekit_…`)', route);
  const body = start[1]!;
  let imports = 0;
  const waiting = body.replace(IMPORT, (_, url: string) => {
    imports++;
    return `__afterPaint.then(() => import(${url}))`;
  });
  if (imports === 0) throw notFound('an `import("…")` in the start script', route);

  const hrefs = `[${preloads.map(scriptString).join(', ')}]`;
  const helper =
    `const __afterPaint = new Promise((go) => {` +
    ` if (document.hidden) return go();` +
    ` requestAnimationFrame(() => setTimeout(go));` +
    ` setTimeout(go, ${NO_FRAME_MS});` +
    ` }).then(() => {` +
    ` for (const href of ${hrefs}) {` +
    ` const link = document.createElement("link");` +
    ` link.rel = "modulepreload"; link.href = href; document.head.append(link);` +
    ` } });`;
  // The helper goes inside SvelteKit's block, so its name stays out of the page's globals.
  const opened = waiting.replace('{', `{\n${helper}`);
  const withoutPreloads = page.replace(PRELOAD_LINK, '');
  return withoutPreloads.replace(START_SCRIPT, () => `<script>${opened}</script>`);
}
