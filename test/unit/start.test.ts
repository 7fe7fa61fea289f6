/**
 * The page's start (src/lib/start/): the script the prerender adds to each page, run against
 * a stand-in browser, and the build's record of the page's script it names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FRAME_MS, toRoot, withDevStart, withStart } from '../../src/lib/start/after-paint';
import { readStartFiles, startFilesOf } from '../../src/lib/start/files';
import { pageVariant } from '../../src/lib/start/root';

/** A page as SvelteKit renders it without a script (`csr = false`), reduced. */
const PAGE = `<!doctype html>
<html><head><title>T</title></head><body><div style="display: contents"><p>Text</p></div>
</body></html>`;

const FILES = {
  entry: '_app/immutable/chunks/Entry.js',
  imports: ['_app/immutable/chunks/Svelte.js', '_app/immutable/chunks/Page.js'],
};

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/;

/** Runs a page's start script with fake frames, timers and imports; reports what it asked for. */
function runStart(page: string, options: { hidden?: boolean } = {}) {
  const code = INLINE_SCRIPT.exec(page)![1]!;
  const frames: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const appended: { rel: string; href: string }[] = [];
  const imported: string[] = [];
  const document = {
    hidden: options.hidden ?? false,
    createElement: () => ({ rel: '', href: '' }),
    head: { append: (link: { rel: string; href: string }) => appended.push(link) },
  };
  // The start script calls `import()`; inside `new Function` that is a real dynamic import,
  // so the stand-in is swapped in by name.
  const body = code.replace(/\bimport\(/g, '__import(');
  new Function('document', 'requestAnimationFrame', 'setTimeout', '__import', body)(
    document,
    (fn: () => void) => frames.push(fn),
    (fn: () => void, ms = 0) => timers.push({ fn, ms }),
    (url: string) => {
      imported.push(url);
      return Promise.resolve({});
    }
  );
  return { frames, timers, appended, imported };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the built page starts its script after its first paint', () => {
  const started = withStart(PAGE, '/', FILES);

  it('adds one inline script as the body’s last element and keeps the page', () => {
    expect(started).toContain('<p>Text</p>');
    expect(started.match(/<script/g)).toHaveLength(1);
    expect(started).toMatch(/<\/script><\/body>/);
    expect(started).not.toContain('rel="modulepreload"');
  });

  it('asks for nothing until a frame has been drawn and a task has run after it', async () => {
    const start = runStart(started);
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
      { rel: 'modulepreload', href: './_app/immutable/chunks/Entry.js' },
      { rel: 'modulepreload', href: './_app/immutable/chunks/Svelte.js' },
      { rel: 'modulepreload', href: './_app/immutable/chunks/Page.js' },
    ]);
    expect(start.imported).toEqual(['./_app/immutable/chunks/Entry.js']);
  });

  it('starts anyway when no frame comes (an iframe kept off screen), and only once', async () => {
    const start = runStart(started);
    const fallback = start.timers.find((timer) => timer.ms === NO_FRAME_MS);
    expect(fallback).toBeDefined();
    fallback!.fn();
    await settle();
    expect(start.imported).toHaveLength(1);
    // A late frame changes nothing.
    start.frames[0]!();
    start.timers.find((timer) => timer.ms === 0)?.fn();
    await settle();
    expect(start.imported).toHaveLength(1);
    expect(start.appended).toHaveLength(3);
  });

  it('starts at once in a tab that is hidden (it paints nothing)', async () => {
    const start = runStart(started, { hidden: true });
    await settle();
    expect(start.frames).toEqual([]);
    expect(start.imported).toEqual(['./_app/immutable/chunks/Entry.js']);
  });

  it('names the files from the page’s own folder, so the site can live under any path', async () => {
    const start = runStart(withStart(PAGE, '/embed/', FILES), { hidden: true });
    await settle();
    expect(start.imported).toEqual(['../_app/immutable/chunks/Entry.js']);
    expect(toRoot('/')).toBe('./');
    expect(toRoot('/a/b/')).toBe('../../');
  });

  it('keeps a file name that would close the script from closing it', () => {
    const page = withStart(PAGE, '/', { entry: '_app/</script>x.js', imports: [] });
    expect(page.match(/<\/script>/g)).toHaveLength(1);
  });

  it('fails the build, naming the page, when the page has no body to end', () => {
    expect(() => withStart('<html><head></head></html>', '/embed/', FILES)).toThrow(
      /prerender \(\/embed\/\): the page has no <\/body>.*src\/app\.html/
    );
  });
});

describe('the dev server’s page', () => {
  it('imports the script’s source, which Vite serves', () => {
    const page = withDevStart(PAGE, '/');
    expect(page).toContain(
      '<script type="module" src="/src/lib/start/browser.svelte.ts"></script></body>'
    );
  });
});

describe('the build’s record of the page’s script', () => {
  const chunk = (fileName: string, imports: string[] = []) => ({ fileName, imports });
  const chunks = new Map(
    [
      chunk('entry.js', ['page.js', 'svelte.js']),
      chunk('page.js', ['svelte.js', 'dates.js']),
      chunk('svelte.js'),
      chunk('dates.js', ['svelte.js']),
      chunk('map.js', ['svelte.js']),
    ].map((c) => [c.fileName, c])
  );

  it('lists every module the script imports, all the way down, once each, and only those', () => {
    expect(startFilesOf(chunks.get('entry.js')!, chunks)).toEqual({
      entry: 'entry.js',
      imports: ['page.js', 'svelte.js', 'dates.js'],
    });
  });

  it('names a module the build did not make', () => {
    expect(() => startFilesOf(chunk('entry.js', ['gone.js']), chunks)).toThrow(
      /imports gone\.js, which it did not make/
    );
  });

  it('says which file is missing and what writes it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      expect(() => readStartFiles(join(folder, 'none.json'))).toThrow(
        /none\.json could not be read.*src\/lib\/start\/vite-plugin\.ts/
      );
      writeFileSync(join(folder, 'start.json'), JSON.stringify(FILES));
      expect(readStartFiles(join(folder, 'start.json'))).toEqual(FILES);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});

describe('the story’s root element', () => {
  it('names the page or the embed, and nothing else', () => {
    expect(pageVariant('page')).toBe('page');
    expect(pageVariant('embed')).toBe('embed');
    expect(() => pageVariant('pages')).toThrow(/data-storymap-root="pages" names no page/);
    expect(() => pageVariant(null)).toThrow(/data-storymap-root="null"/);
  });
});
