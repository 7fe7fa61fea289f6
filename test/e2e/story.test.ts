/**
 * The built story in a real browser: text without JavaScript, fast jumps and scrolls ending
 * on the step a reader opening it would see, the growing route, no outside requests, no
 * console errors, and a readable page when WebGL is missing. (Every step at every screen size
 * is held to showing its subject in readability.test.ts.)
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAINT_PROPERTY_SAMPLE } from '../../src/lib/draw/style';
import { WARM_UP_SOURCE, warmUpFeatures, warmUpPlan } from '../../src/lib/draw/warm-up';
import { camerasMatch, type Camera } from '../../src/lib/geo/camera';
import type { LngLat } from '../../src/lib/story/types';
import { committedStory } from '../unit/helpers';
import {
  MAP,
  findChromium,
  referenceCamera,
  scrollToStep,
  shownCamera,
  waitForSettled,
  watchPage,
  type PageIssues,
} from './harness';
import { useSiteAndBrowser } from './hooks';

const story = committedStory();
const chromiumPath = findChromium();
const lastStep = story.steps.at(-1)!;
/** A camera within this of its target counts as on target (data-camera is rounded). */
const TOLERANCE = { pixels: 3, zoom: 0.02, degrees: 0.6 };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumPath)('the built story in Chromium', () => {
  const env = useSiteAndBrowser(chromiumPath);
  const watched: PageIssues[] = [];

  async function openStory(viewport: { width: number; height: number }): Promise<Page> {
    const page = await env.browser.newPage({ viewport });
    watched.push(watchPage(page, env.site.origin));
    await page.goto(`${env.site.origin}/`);
    return page;
  }

  /**
   * The story on a phone with reduced motion (each step a jump, drawn the moment it settles),
   * its map reachable (?debug), settled on the first step and warmed up. `watch` sees the page
   * before it loads.
   */
  async function openStillPhoneMap(
    watch?: (page: Page) => void
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await env.browser.newContext({ viewport: PHONE, reducedMotion: 'reduce' });
    const page = await context.newPage();
    watched.push(watchPage(page, env.site.origin));
    watch?.(page);
    await page.goto(`${env.site.origin}/?debug`);
    await waitForSettled(page, story.steps[0]!.id);
    await page.evaluate('window.__storyMapWarmUp');
    return { context, page };
  }

  /** The keys of the shader programs the map has compiled so far. */
  const compiledPrograms = async (page: Page) =>
    (await page.evaluate(
      'Object.keys(window.__storyMap.painter.programCache.programs)'
    )) as string[];

  /** What a reader who opens each step by its address at 1280×800 sees, found once a step. */
  const opened = new Map<string, Promise<Camera>>();
  /** The map shows what a reader who opened `stepId` by its address at 1280×800 sees. */
  async function expectAsOpened(page: Page, stepId: string) {
    if (!opened.has(stepId)) {
      opened.set(stepId, referenceCamera(env.browser, env.site.origin, DESKTOP, stepId));
    }
    const reference = await opened.get(stepId)!;
    const shown = await shownCamera(page);
    expect(
      camerasMatch(shown, reference, TOLERANCE),
      `${JSON.stringify(shown)} vs ${JSON.stringify(reference)}`
    ).toBe(true);
  }

  it("serves every step's text in the HTML, in order, readable without JavaScript", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    watched.push(watchPage(page, env.site.origin));
    await page.goto(`${env.site.origin}/`);
    const steps = await page.$$eval('[data-step-id]', (elements) =>
      elements.map((e) => ({ id: e.getAttribute('data-step-id'), text: e.textContent ?? '' }))
    );
    expect(steps.map((s) => s.id)).toEqual(story.steps.map((s) => s.id));
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    story.steps.forEach((step, index) => {
      const shown = squash(steps[index]!.text);
      expect(shown).toContain(step.title);
      // The rendered text, tags removed and the escapes the renderer writes decoded.
      const text = step.html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      for (const paragraph of text.split(/\s{2,}/)) expect(shown).toContain(squash(paragraph));
    });
    // No card is dimmed when no script runs to say which one is active.
    const opacities = await page.$$eval('[data-step-id] .card', (cards) =>
      cards.map((card) => getComputedStyle(card).opacity)
    );
    expect(new Set(opacities)).toEqual(new Set(['1']));
    const body = await page.textContent('body');
    for (const source of story.sources) expect(body).toContain(source.outlet);
    expect(await page.title()).toBe(story.meta.title);
    // The timeline's data is in the page as tables, in sight (the map's column, with the
    // timeline, is not); nothing drawn pretends to be a chart, and no legend explains a map
    // that is not there.
    const eventRows = await page.$$eval('.timeline-data tbody tr[data-event-id]', (rows) =>
      rows.map((row) => row.textContent ?? '')
    );
    expect(eventRows).toHaveLength(story.events.length);
    for (const event of story.events) {
      expect(eventRows.some((row) => row.includes(event.label))).toBe(true);
    }
    if (story.events.length > 0 || story.companies.length > 0) {
      await page.locator('.timeline-data').scrollIntoViewIfNeeded();
      const box = await page.locator('.timeline-data table').first().boundingBox();
      expect(box?.height).toBeGreaterThan(40);
    }
    expect(await page.$('[data-testid="timeline"] svg')).toBeNull();
    expect(await page.$('.legend')).toBeNull();
    // No empty map panel: the map's column is gone, a line says why, the text takes the page.
    expect(await page.$eval('.map-column', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.isVisible('.no-script-note')).toBe(true);
    // The step navigation is plain links, none claiming to be the step being read.
    expect(await page.$$('[data-step-link]')).toHaveLength(story.steps.length);
    expect(await page.$$('[data-step-link][aria-current]')).toHaveLength(0);
    // The whole route first, then each step whose view differs from the one before, with
    // its static map, described; every one of them loads as an SVG. (The others, for the
    // unrolled layout and print, stay hidden and unloaded.)
    const hiddenLoaded = await page.$$eval('.story img.static-map', (images) =>
      images
        .filter((image) => !image.checkVisibility())
        .map((image) => (image as HTMLImageElement).naturalWidth > 0)
    );
    const maps = await page.$$eval('.story img.static-map', (images) =>
      images
        .filter((image) => image.checkVisibility())
        .map((image) => ({
          src: (image as HTMLImageElement).currentSrc,
          alt: image.getAttribute('alt'),
          step: image.closest('[data-step-id]')?.getAttribute('data-step-id'),
          loaded:
            (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
        }))
    );
    const changing = story.steps.filter(
      (step, i) => i === 0 || JSON.stringify(step.map) !== JSON.stringify(story.steps[i - 1]!.map)
    );
    expect(maps.map((map) => map.step)).toEqual([undefined, ...changing.map((step) => step.id)]);
    expect(hiddenLoaded).toEqual(story.steps.slice(changing.length).map(() => false));
    expect(maps[0]!.src).toMatch(/\/overview\.svg$/);
    for (const map of maps) {
      expect(map.alt).toMatch(/^(The whole route|The map shows)/);
      expect(map.loaded, map.src).toBe(true);
      const response = await page.request.get(map.src);
      expect(response.status(), map.src).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await response.text()).toMatch(/^<svg [^>]*role="img"/);
    }
    expect(await page.$eval('[data-testid="timeline"]', (e) => getComputedStyle(e).boxShadow)).toBe(
      'none'
    );
    // On a phone, the maps drawn for a narrow column, every one of them loaded.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const narrowMaps = await page.$$eval('.story picture img', (images) =>
      images
        .filter((image) => image.checkVisibility())
        .map((image) => ({
          src: (image as HTMLImageElement).currentSrc,
          loaded:
            (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
        }))
    );
    expect(narrowMaps).toHaveLength(maps.length);
    for (const map of narrowMaps) {
      expect(map.src).toMatch(/(\/maps\/narrow\/[a-z0-9-]+|\/overview-narrow)\.svg$/);
      expect(map.loaded, map.src).toBe(true);
    }
    await context.close();
  });

  it('ends in exactly the last step after jumping straight from the first to the end, and back', async () => {
    const page = await openStory(DESKTOP);
    await waitForSettled(page, story.steps[0]!.id);
    for (let round = 0; round < 2; round++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await waitForSettled(page, lastStep.id);
      await expectAsOpened(page, lastStep.id);
      await page.evaluate(() => window.scrollTo(0, 0));
      await waitForSettled(page, story.steps[0]!.id);
      await expectAsOpened(page, story.steps[0]!.id);
    }
    await page.close();
  });

  it('ends in the last step after a fast scroll through every step', async () => {
    const page = await openStory({ width: 1280, height: 800 });
    await waitForSettled(page, story.steps[0]!.id);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 400) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitForSettled(page, lastStep.id);
    await expectAsOpened(page, lastStep.id);
    await page.close();
  });

  it('compiles, once the first view is drawn, every shader program a later step uses, and shows none of it', async () => {
    const warnings: string[] = [];
    const { context, page } = await openStillPhoneMap((page) =>
      page.on('console', (message) => {
        // The software renderer's own notes on reading pixels back are not the page's.
        if (message.type() === 'warning' && !message.text().includes('GL Driver Message')) {
          warnings.push(message.text());
        }
      })
    );
    const compiled = new Set(await compiledPrograms(page));

    // Hidden: the same copies, drawn again on the settled first view, change no pixel of it.
    const before = await page.locator(MAP).screenshot();
    const layers = (await page.evaluate(
      'window.__storyMap.getStyle().layers'
    )) as LayerSpecification[];
    const plan = warmUpPlan(layers);
    expect(
      plan,
      'the built-in style has an opaque background to hide the warm-up under'
    ).toBeDefined();
    const [from, to] = (await page.evaluate(`(() => {
      const map = window.__storyMap;
      const centre = map.project(map.getCenter());
      return [map.getCenter().toArray(), map.unproject([centre.x + 6, centre.y + 6]).toArray()];
    })()`)) as [LngLat, LngLat];
    await page.evaluate(
      `new Promise((resolve) => {
        const map = window.__storyMap;
        const { source, plan, data } = ${JSON.stringify({
          source: WARM_UP_SOURCE,
          plan,
          data: warmUpFeatures(from, to, PAINT_PROPERTY_SAMPLE),
        })};
        map.addSource(source, { type: 'geojson', data });
        for (const layer of plan.layers) map.addLayer(layer, plan.before);
        map.once('idle', resolve);
      })`
    );
    const drawn = (await page.evaluate(
      `window.__storyMap.getStyle().layers.filter((l) => l.source === ${JSON.stringify(WARM_UP_SOURCE)}).length`
    )) as number;
    expect(drawn).toBe(plan!.layers.length);
    expect((await page.locator(MAP).screenshot()).equals(before)).toBe(true);

    // Compiled: no later step's view needs a program the map has not compiled yet.
    for (const step of story.steps.slice(1)) {
      await page.evaluate((id) => (window.location.hash = id), step.id);
      await waitForSettled(page, step.id);
      const fresh = (await compiledPrograms(page)).filter((key) => !compiled.has(key));
      expect(fresh, `new programs at ${step.id}`).toEqual([]);
    }
    expect(warnings).toEqual([]);
    await context.close();
  });

  it('leaves out the sky pass of a style without a sky, which would change no pixel', async () => {
    const { context, page } = await openStillPhoneMap();
    const skyPrograms = async () =>
      (await compiledPrograms(page)).filter((key) => key.startsWith('sky'));
    expect(await page.evaluate('window.__storyMap.getSky()')).toBeUndefined();
    expect(await skyPrograms(), 'the sky drawn without a sky in the style').toEqual([]);
    // Tilted as far as a step may be, the horizon in view: where a sky would show.
    await page.evaluate(`new Promise((resolve) => {
      window.__storyMap.once('idle', resolve);
      window.__storyMap.jumpTo({ pitch: 85 });
    })`);
    expect(await skyPrograms()).toEqual([]);
    const without = await page.locator(MAP).screenshot();

    // The same sky, transparent as MapLibre's default, set in the style: now it is drawn.
    await page.evaluate(`new Promise((resolve) => {
      const map = window.__storyMap;
      const none = 'rgba(0, 0, 0, 0)';
      map.setSky({ 'sky-color': none, 'horizon-color': none, 'fog-color': none, 'atmosphere-blend': 0 });
      map.once('idle', resolve);
      map.triggerRepaint();
    })`);
    expect(await skyPrograms()).not.toEqual([]);
    expect((await page.locator(MAP).screenshot()).equals(without)).toBe(true);
    await context.close();
  });

  it("keeps every step's prerendered text when the page comes to life", async () => {
    // The script carries no step prose (vite-plugin.ts browserStory): hydration must keep it.
    const page = await openStory({ width: 1280, height: 800 });
    await waitForSettled(page, story.steps[0]!.id);
    const html = await page.$$eval('[data-step-id] .step-text', (elements) =>
      elements.map((element) => element.innerHTML.replace(/<!--[^>]*-->/g, '').trim())
    );
    expect(html).toEqual(story.steps.map((step) => step.html.trim().replace(/&quot;/g, '"')));
    await page.close();
  });

  it('keeps the sections rendered on the server only as they were served, once it comes to life', async () => {
    // The script has neither their code nor their data (prerender/sections.ts, browserStory).
    const page = await openStory({ width: 1280, height: 800 });
    await waitForSettled(page, story.steps[0]!.id);
    const { served, live } = await page.evaluate(async () => {
      const response = await fetch(window.location.href);
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const sections = (root: Document) =>
        ['.story-footer', '.timeline-data', '.card .step-sources', '.live-alternative'].map(
          (selector) =>
            [...root.querySelectorAll(selector)].map((element) =>
              element.outerHTML.replace(/<!--[^>]*-->/g, '')
            )
        );
      return { served: sections(doc), live: sections(document) };
    });
    const [footer, tables, stepSources, maps] = live;
    expect(footer![0]).toContain(story.sources[0]!.title.slice(0, 20));
    expect(footer![0]!.match(/<li id="source-/g)).toHaveLength(story.sources.length);
    expect(tables).toHaveLength(1);
    expect(tables![0]!.match(/<table>/g)).toHaveLength(2);
    expect(stepSources).toHaveLength(story.steps.filter((step) => step.sources.length > 0).length);
    expect(maps).toHaveLength(story.steps.length + 1);
    expect(live).toEqual(served);
    // The tables are for screen readers while the live timeline shows the same: off screen,
    // but read (an accessible table, not hidden).
    expect(await page.locator('.timeline-data').boundingBox()).toMatchObject({
      width: 1,
      height: 1,
    });
    expect(await page.locator('.timeline-data').ariaSnapshot()).toMatch(/- table "/);
    await page.close();
  });

  // The step whose route grows with the reading, if the story has one.
  const rail = story.steps.find((s) => s.map.grow);
  it.skipIf(!rail)(
    "grows a step's route with scroll progress and shrinks it when scrolling back",
    async () => {
      const page = await openStory({ width: 1280, height: 800 });
      const { id, map } = rail!;
      await scrollToStep(page, id, 0.2);
      await waitForSettled(page, id);
      const early = await drawnFraction(page, map.grow!);
      await scrollToStep(page, id, 0.8);
      await waitForDrawn(page, map.grow!, { above: early + 0.3 });
      const late = await drawnFraction(page, map.grow!);
      await scrollToStep(page, id, 0.3);
      await waitForDrawn(page, map.grow!, { below: late - 0.3 });
      expect(early).toBeGreaterThan(0.1);
      expect(early).toBeLessThan(0.35);
      expect(late).toBeGreaterThan(0.7);
      await page.close();
    }
  );

  // A step that labels a place with a Chinese or Korean name, if the story has one.
  const localOf = (id: string) => story.places.find((p) => p.id === id)?.local;
  const cjkStep = story.steps.find((s) =>
    s.map.places.some((id) => /^(zh|ko)/.test(localOf(id)?.lang ?? ''))
  );
  it.skipIf(!cjkStep)(
    'draws Chinese and Korean names in the fonts shipped with the site, after the first view',
    async () => {
      const step = cjkStep!;
      const local = localOf;
      const page = await openStory(DESKTOP);
      await page.goto(`${env.site.origin}/#${step.id}`);
      await waitForSettled(page, step.id);
      const lang = step.map.places
        .map((id) => local(id)?.lang)
        .find((l) => /^(zh|ko)/.test(l ?? ''))!;
      const family = lang.startsWith('zh') ? 'Story CJK SC' : 'Story CJK KR';
      // The font is there once a name needs it, whatever fonts the reader's system has.
      await page.waitForFunction(
        (name) => [...document.fonts].some((f) => f.family.includes(name) && f.status === 'loaded'),
        family
      );
      const used = await page.$eval(
        `[data-testid="map-labels"] [lang="${lang}"]`,
        (element) => getComputedStyle(element).fontFamily
      );
      expect(used).toContain(family);
      await page.close();
    }
  );

  it('keeps the story readable, in order, with a notice when WebGL is unavailable', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      // Simulate a browser without WebGL: every WebGL context request fails.
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        kind: string,
        ...rest: unknown[]
      ) {
        if (kind.includes('webgl')) return null;
        return (original as (this: HTMLCanvasElement, ...a: unknown[]) => unknown).call(
          this,
          kind,
          ...rest
        );
      } as typeof original;
    });
    const page = await context.newPage();
    const issues = watchPage(page, env.site.origin);
    await page.goto(`${env.site.origin}/`);
    await page.waitForSelector(`${MAP}[data-map-state="failed"]`);
    expect(await page.textContent(`${MAP} .notice`)).toMatch(/could not be shown/);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const ids = await page.$$eval('[data-step-id]', (e) =>
      e.map((x) => x.getAttribute('data-step-id'))
    );
    expect(ids).toEqual(story.steps.map((s) => s.id));
    expect(issues.pageErrors).toEqual([]);
    await context.close();
  });

  it('made no request outside its own origin and logged no errors', () => {
    expect(watched.length).toBeGreaterThan(3);
    for (const issues of watched) {
      expect(issues.outsideRequests).toEqual([]);
      expect(issues.pageErrors).toEqual([]);
      expect(issues.consoleErrors).toEqual([]);
    }
  });
});

async function drawnFraction(page: Page, legId: string): Promise<number> {
  const attribute = (await page.getAttribute(MAP, 'data-route-drawn')) ?? '';
  const match = new RegExp(`${legId}:([0-9.]+)`).exec(attribute);
  if (!match) throw new Error(`leg ${legId} is not drawn (data-route-drawn="${attribute}")`);
  return Number(match[1]);
}

/** Waits until a leg's drawn fraction is above or below a value. */
async function waitForDrawn(
  page: Page,
  legId: string,
  bound: { above?: number; below?: number }
): Promise<void> {
  await page.waitForFunction(
    ({ selector, legId, above, below }) => {
      const attribute = document.querySelector(selector)?.getAttribute('data-route-drawn') ?? '';
      const match = new RegExp(`${legId}:([0-9.]+)`).exec(attribute);
      const drawn = match ? Number(match[1]) : Number.NaN;
      return (above === undefined || drawn > above) && (below === undefined || drawn < below);
    },
    { selector: MAP, legId, above: bound.above, below: bound.below }
  );
}
