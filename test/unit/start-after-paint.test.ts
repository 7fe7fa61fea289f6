/**
 * The prerendered page's start waits for its first paint (src/lib/prerender/start-after-paint.ts):
 * the rewrite of SvelteKit's output, and the start it produces, run against a stand-in page.
 */
import { describe, expect, it, vi } from 'vitest';
import { NO_FRAME_MS, startAfterFirstPaint } from '../../src/lib/prerender/start-after-paint';

/** SvelteKit 2's prerendered page, reduced to what the rewrite reads. */
const PAGE = `<!doctype html>
<html><head>
    <link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
\t\t<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
\t\t<link href="./_app/immutable/entry/app.C.js" rel="modulepreload">
\t\t<title>T</title>
</head><body><div style="display: contents"><p>Text</p>
\t\t\t<script>
\t\t\t\t{
\t\t\t\t\t__sveltekit_x1 = { base: new URL(".", location).pathname.slice(0, -1) };
\t\t\t\t\tconst element = document.currentScript.parentElement;
\t\t\t\t\tPromise.all([
\t\t\t\t\t\timport("./_app/immutable/entry/start.A.js"),
\t\t\t\t\t\timport("./_app/immutable/entry/app.C.js")
\t\t\t\t\t]).then(([kit, app]) => { kit.start(app, element, {}); });
\t\t\t\t}
\t\t\t</script>
</div></body></html>`;

const START_SCRIPT = /<script>([\s\S]*?)<\/script>/;

/**
 * Runs a rewritten start script with fake frames, timers and module imports, and reports
 * what it asked for and when.
 */
function runStart(page: string, options: { hidden?: boolean } = {}) {
  const code = START_SCRIPT.exec(page)![1]!;
  const frames: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const appended: string[] = [];
  const imported: string[] = [];
  const started = vi.fn();
  const document = {
    hidden: options.hidden ?? false,
    currentScript: { parentElement: 'the body' },
    createElement: () => ({ rel: '', href: '' }),
    head: { append: (link: { rel: string; href: string }) => appended.push(link.href) },
  };
  // The start script calls `import()`; inside `new Function` that is a real dynamic import,
  // so the stand-in is swapped in by name.
  const body = code.replace(/\bimport\(/g, '__import(');
  const run = new Function(
    'document',
    'location',
    'requestAnimationFrame',
    'setTimeout',
    '__import',
    '__sveltekit_x1',
    body
  );
  run(
    document,
    'http://x/',
    (fn: () => void) => frames.push(fn),
    (fn: () => void, ms = 0) => timers.push({ fn, ms }),
    (url: string) => {
      imported.push(url);
      return Promise.resolve({ start: started });
    }
  );
  return { frames, timers, appended, imported, started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the page starts after its first paint', () => {
  const rewritten = startAfterFirstPaint(PAGE, '/');

  it('takes the module preloads out of the head and names each in the start script', () => {
    expect(rewritten).not.toContain('rel="modulepreload"');
    expect(rewritten).toContain('<title>T</title>');
    for (const file of ['start.A.js', 'chunks/B.js', 'app.C.js']) {
      expect(START_SCRIPT.exec(rewritten)![1]).toContain(
        `"./_app/immutable/${file.includes('/') ? file : `entry/${file}`}"`
      );
    }
    // Everything else is kept: the text, and the script's own statements.
    expect(rewritten).toContain('<p>Text</p>');
    expect(rewritten).toContain('const element = document.currentScript.parentElement;');
  });

  it('asks for nothing until a frame has been drawn and a task has run after it', async () => {
    const start = runStart(rewritten);
    await settle();
    expect(start.imported).toEqual([]);
    expect(start.appended).toEqual([]);
    expect(start.frames).toHaveLength(1);
    start.frames[0]!();
    await settle();
    expect(start.imported).toEqual([]);
    // The task after the frame (the fallback timer is the other one).
    start.timers.find((timer) => timer.ms === 0)!.fn();
    await settle();
    expect(start.appended).toEqual([
      './_app/immutable/entry/start.A.js',
      './_app/immutable/chunks/B.js',
      './_app/immutable/entry/app.C.js',
    ]);
    expect(start.imported).toEqual([
      './_app/immutable/entry/start.A.js',
      './_app/immutable/entry/app.C.js',
    ]);
    expect(start.started).toHaveBeenCalledOnce();
  });

  it('starts anyway when no frame comes (an iframe kept off screen), and only once', async () => {
    const start = runStart(rewritten);
    const fallback = start.timers.find((timer) => timer.ms === NO_FRAME_MS);
    expect(fallback).toBeDefined();
    fallback!.fn();
    await settle();
    expect(start.imported).toHaveLength(2);
    // A late frame changes nothing.
    start.frames[0]!();
    start.timers.find((timer) => timer.ms === 0)?.fn();
    await settle();
    expect(start.imported).toHaveLength(2);
    expect(start.appended).toHaveLength(3);
    expect(start.started).toHaveBeenCalledOnce();
  });

  it('starts at once in a tab that is hidden (it paints nothing)', async () => {
    const start = runStart(rewritten, { hidden: true });
    await settle();
    expect(start.frames).toEqual([]);
    expect(start.imported).toHaveLength(2);
  });

  it('fails the build, naming the page and the file to update, when SvelteKit’s output changes', () => {
    expect(() =>
      startAfterFirstPaint('<html><body><p>No script</p></body></html>', '/embed/')
    ).toThrow(
      /prerender \(\/embed\/\): the start script .*src\/lib\/prerender\/start-after-paint\.ts/
    );
    const noImport = PAGE.replace(/import\(/g, 'load(');
    expect(() => startAfterFirstPaint(noImport, '/')).toThrow(
      /an `import\("…"\)` in the start script/
    );
  });
});
