/**
 * The story as readers meet it, in each layout the readability checks and the screenshots go
 * through: the page itself, the sticky embed (a host page with our loader) and the contained
 * embed (a plain fixed-height iframe), at the five screen sizes readers use. Opening a layout
 * gives the frame the story runs in and the window the reader scrolls; steps are reached by
 * their address, as a link or the step navigation reaches them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { MAP, ROOT, startSite, type Site } from './harness';

/** The screen sizes every step is checked and photographed at. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 360, height: 640 },
] as const;

export type LayoutName = 'page' | 'sticky' | 'contained';
export const LAYOUTS: readonly LayoutName[] = ['page', 'sticky', 'contained'];

/** A host page with our loader, the story between two runs of article text. */
export function stickyHostPage(storyOrigin: string, query = '', paragraphs = [12, 20]): string {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Article paragraph ${i + 1}.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body{margin:0;font:16px/1.6 Georgia,serif} p{margin:0 1rem 1rem}</style></head>
    <body>${filler(paragraphs[0]!)}
    <div id="story" data-storymap-src="${storyOrigin}/embed/${query}"></div>
    ${filler(paragraphs[1]!)}
    <script src="${storyOrigin}/embed.js"></script></body></html>`;
}

/** A host page with a plain iframe of fixed height: the story scrolls inside it. */
export function containedHostPage(storyOrigin: string, height = '600px', query = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    <body style="margin:0"><p style="margin:0;height:20px;font:14px sans-serif">Before.</p>
    <iframe id="plain" src="${storyOrigin}/embed/${query}" title="Story" style="display:block;width:100%;height:${height};border:0"></iframe>
    <p>After.</p></body></html>`;
}

/** Host pages on their own origin (127.0.0.1), the story on another (localhost). */
export async function startHosts(site: Site): Promise<Site & { storyOrigin: string }> {
  const storyOrigin = site.origin.replace('127.0.0.1', 'localhost');
  const folder = mkdtempSync(join(ROOT, '.tmp-layouts-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Hosts</title>');
  // Each also with the story's ?debug (tests reach its map through it).
  for (const query of ['', '?debug']) {
    const suffix = query ? '-debug' : '';
    writeFileSync(join(folder, `sticky${suffix}.html`), stickyHostPage(storyOrigin, query));
    // As tall as the screen less the line above it: the reader sees the whole frame.
    writeFileSync(
      join(folder, `contained${suffix}.html`),
      containedHostPage(storyOrigin, 'calc(100vh - 20px)', query)
    );
  }
  const hosts = await startSite(folder);
  return {
    origin: hosts.origin,
    storyOrigin,
    close: async () => {
      await hosts.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Takes the reader in `frame` to a step by its address, as a link to it would, and waits until
 * the map shows it.
 */
export async function followStepLink(frame: Frame, stepId: string): Promise<void> {
  await frame.evaluate((id) => {
    // The address may already follow this step: clear it first, so the link is followed.
    if (window.location.hash === `#${id}`) window.location.hash = '';
    window.location.hash = id;
  }, stepId);
  await frame.waitForSelector(`${MAP}[data-active-step="${stepId}"]`, { timeout: 60_000 });
}

/** The story open in one layout. */
export interface OpenStory {
  page: Page;
  /** The frame the story runs in (the page's main frame when not embedded). */
  story: Frame;
  layout: LayoutName;
  /** Takes the reader to a step by its address and waits until the map shows it. */
  goTo(stepId: string): Promise<void>;
  /** Scrolls on by `share` of the reader's screen, as the reader would. */
  scrollOn(share: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the story in `layout` at `viewport`, with motion reduced so steps are jumped to;
 * `debug` adds `?debug` to the story's address (its map is then `window.__storyMap`). In a
 * browser, the story opens in a context of its own, closed with it; in a context (made with
 * motion reduced), it opens in a new page of that context, which keeps what the browser cached,
 * as a reader's browser would on a second visit.
 */
export async function openLayout(
  opener: Browser | BrowserContext,
  layout: LayoutName,
  viewport: { width: number; height: number },
  origins: { site: string; hosts: string },
  debug = false
): Promise<OpenStory> {
  const own = 'newContext' in opener;
  const context = own ? await opener.newContext({ viewport, reducedMotion: 'reduce' }) : opener;
  const page = await context.newPage();
  if (!own) await page.setViewportSize(viewport);
  let story: Frame;
  if (layout === 'page') {
    await page.goto(`${origins.site}/${debug ? '?debug' : ''}`);
    story = page.mainFrame();
  } else {
    await page.goto(`${origins.hosts}/${layout}${debug ? '-debug' : ''}.html`);
    const handle = await page.waitForSelector('iframe');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no story frame');
    story = frame;
    if (layout === 'sticky') {
      await page.waitForSelector('#story[data-storymap-mode="sticky"]', { timeout: 60_000 });
    }
  }
  await story.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
  return {
    page,
    story,
    layout,
    goTo: (stepId) => followStepLink(story, stepId),
    async scrollOn(share) {
      // Sticky: the reader scrolls the host page; otherwise the story's own window.
      const scroller = layout === 'sticky' ? page.mainFrame() : story;
      await scroller.evaluate(
        (by) => window.scrollBy(0, Math.round(window.innerHeight * by)),
        share
      );
      // Scrolling is handled in the frames after it: wait for two, in the story's window.
      await story.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      );
    },
    close: () => (own ? context.close() : page.close()),
  };
}
