/**
 * Embedding in Chromium, with the host page and the story on two origins (127.0.0.1 and
 * localhost, different ports): the sticky mode our loader sets up, a plain fixed-height
 * iframe, and hostile messages on both sides.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedStory } from '../unit/helpers';
import { MAP, ROOT, findChromium, startSite, type Site, watchPage } from './harness';
import { useSiteAndBrowser } from './hooks';
import { containedHostPage, stickyHostPage } from './layouts';

const story = committedStory();
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the story embedded in a host page', () => {
  // The story, served as built; the host pages on another origin.
  const env = useSiteAndBrowser(chromiumPath);
  let hostFolder: string;
  let host: Site;
  /** The story's origin, spelt with localhost so it differs from the host's 127.0.0.1. */
  let storyOrigin: string;

  beforeAll(async () => {
    storyOrigin = env.site.origin.replace('127.0.0.1', 'localhost');
    hostFolder = mkdtempSync(join(ROOT, '.tmp-host-'));
    writeFileSync(join(hostFolder, 'index.html'), stickyHostPage(storyOrigin));
    writeFileSync(join(hostFolder, 'plain.html'), containedHostPage(storyOrigin));
    // A Pym.js parent, with the pym.js package from npm.
    copyFileSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), join(hostFolder, 'pym.js'));
    writeFileSync(
      join(hostFolder, 'pym.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pym host</title></head>
      <body style="margin:0"><p>Before.</p><div id="pym-story"></div><p>After.</p>
      <script src="pym.js"></script>
      <script>window.pymParent = new pym.Parent('pym-story', '${storyOrigin}/embed/', {});</script>
      </body></html>`
    );
    writeFileSync(
      join(hostFolder, 'pym-track.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pym host</title></head>
      <body style="margin:0"><div style="height:300px"></div><div id="pym-story"></div>
      <div style="height:1500px"></div><script src="pym.js"></script>
      <script>
        window.stepsHeard = [];
        addEventListener('message', (event) => {
          if (event.data && event.data.sentinel === 'storymap' && event.data.type === 'step') {
            window.stepsHeard.push(event.data.id);
          }
        });
        new pym.Parent('pym-story', '${storyOrigin}/embed/', { trackscroll: true });
      </script></body></html>`
    );
    // Stacked, with every height the story reports kept in window.reported.
    writeFileSync(
      join(hostFolder, 'stacked.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <meta name="viewport" content="width=device-width, initial-scale=1"></head>
      <body style="margin:0"><div id="story" data-storymap-src="${storyOrigin}/embed/"
      data-storymap-layout="stacked"></div>
      <script>
        window.reported = [];
        addEventListener('message', (event) => {
          const data = event.data;
          if (data && data.sentinel === 'storymap' && typeof data.height === 'number') {
            window.reported.push(data.height);
          }
        });
      </script><script src="${storyOrigin}/embed.js"></script></body></html>`
    );
    writeFileSync(
      join(hostFolder, 'two.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
      <body style="margin:0"><div style="height:400px"></div>
      <div id="first" data-storymap-src="${storyOrigin}/embed/"></div>
      <div style="height:600px"></div>
      <div id="second" data-storymap-src="${storyOrigin}/embed/"></div>
      <div style="height:600px"></div><script src="${storyOrigin}/embed.js"></script></body></html>`
    );
    copyFileSync(
      join(ROOT, 'node_modules/@newswire/frames/dist/frames.umd.js'),
      join(hostFolder, 'frames.js')
    );
    /** A @newswire/frames host page that starts watching its frame on `watchWhen`. */
    const framesHost = (watchWhen: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames host</title></head>
      <body style="margin:0"><iframe id="framed" src="${storyOrigin}/embed/" width="100%" scrolling="no"
      style="border:0" height="600"></iframe><script src="frames.js"></script>
      <script>
        const watch = () => {
          newswireFrames.observeIframe(document.getElementById('framed'));
          window.observed = true;
        };
        ${watchWhen}
      </script></body></html>`;
    // Late: once the story has started (its hello has come), as a host that observes late does.
    writeFileSync(
      join(hostFolder, 'frames.html'),
      framesHost(`addEventListener('message', function heard(event) {
          if (event.data && event.data.sentinel === 'storymap' && event.data.type === 'hello') {
            removeEventListener('message', heard);
            watch();
          }
        });`)
    );
    // Early: as soon as the frame has loaded; frames:init goes out once, at once.
    writeFileSync(
      join(hostFolder, 'frames-at-load.html'),
      framesHost(`document.getElementById('framed').addEventListener('load', watch);`)
    );
    host = await startSite(hostFolder);
  });

  afterAll(async () => {
    await host?.close();
    rmSync(hostFolder, { recursive: true, force: true });
  });

  async function storyFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('iframe');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no story frame');
    await frame.waitForSelector(`${MAP}[data-active-step]`, { timeout: 60_000 });
    return frame;
  }

  /**
   * The host page with the loader, once the story is pinned and the element has grown to the
   * story's height: the page, its issues, the story's frame and where the story starts.
   */
  async function openSticky() {
    // Motion is beside the point in these tests: jumps settle each step sooner.
    const context = await env.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const issues = watchPage(page, host.origin);
    await page.goto(`${host.origin}/`);
    const frame = await storyFrame(page);
    await page.waitForSelector('#story[data-storymap-mode="sticky"]');
    await page.waitForFunction(() => document.getElementById('story')!.offsetHeight > 5000);
    const storyTop = await page.$eval('#story', (e) => e.getBoundingClientRect().top + scrollY);
    return { page, issues, frame, storyTop };
  }

  it('sticky: the host page scrolls the story through every step, the map pinned', async () => {
    // The element grows to the story's height (openSticky waits for it).
    const { page, issues, frame, storyTop } = await openSticky();
    const seen: string[] = [];
    for (const step of story.steps) {
      // Where the step sits in the story, then the host scroll that brings it to the line.
      const inStory = await frame.$eval(
        `[data-step-id="${step.id}"]`,
        (e) => e.getBoundingClientRect().top + scrollY
      );
      await page.evaluate((y) => window.scrollTo(0, y), storyTop + inStory - 800 * 0.6 + 40);
      await frame.waitForSelector(`${MAP}[data-active-step="${step.id}"]`, { timeout: 60_000 });
      seen.push(step.id);
      // The map stays in the host's viewport while the story is in view.
      const map = await page.evaluate(() => {
        const rect = document.querySelector('#story iframe')!.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom };
      });
      expect(map.top).toBeGreaterThanOrEqual(-1);
      expect(map.bottom).toBeLessThanOrEqual(801);
      // The host hears which step is read.
      expect(await page.getAttribute('#story', 'data-storymap-step')).toBe(step.id);
    }
    expect(seen).toEqual(story.steps.map((s) => s.id));
    expect(issues.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('sticky: the wheel over the iframe scrolls the host page', async () => {
    const { page, frame, storyTop } = await openSticky();
    await page.evaluate((y) => window.scrollTo(0, y + 500), storyTop);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.move(900, 400);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction((y) => scrollY > y + 300, before);
    const after = await page.evaluate(() => scrollY);
    expect(after - before).toBeGreaterThan(300);
    // And the story inside followed, to the same offset.
    await frame.waitForFunction(
      (y) => Math.abs(document.documentElement.scrollTop - y) < 2,
      after - storyTop
    );
    expect(
      Math.abs(
        (await frame.evaluate(() => document.documentElement.scrollTop)) - (after - storyTop)
      )
    ).toBeLessThan(2);
    await page.context().close();
  });

  it('sticky: two embeds on one page each follow their own part of the page', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.origin}/two.html`);
    await page.waitForSelector('#first[data-storymap-mode="sticky"]');
    await page.waitForSelector('#second[data-storymap-mode="sticky"]');
    await page.waitForFunction(() =>
      ['first', 'second'].every((id) => document.getElementById(id)!.offsetHeight > 5000)
    );
    const frameOf = async (id: string) => (await (await page.$(`#${id} iframe`))!.contentFrame())!;
    const [first, second] = [await frameOf('first'), await frameOf('second')];
    const top = (id: string) =>
      page.$eval(`#${id}`, (e) => e.getBoundingClientRect().top + scrollY);
    // Into the second story: the first has been scrolled past and rests at its end.
    const middle = story.steps[Math.floor(story.steps.length / 2)]!.id;
    const middleTop = await second.$eval(
      `[data-step-id="${middle}"]`,
      (e) => e.getBoundingClientRect().top + scrollY
    );
    await page.evaluate(
      (y) => window.scrollTo(0, y),
      (await top('second')) + middleTop - 800 * 0.6 + 30
    );
    await second.waitForSelector(`${MAP}[data-active-step="${middle}"]`, { timeout: 60_000 });
    await page.waitForSelector(`#second[data-storymap-step="${middle}"]`);
    const last = story.steps.at(-1)!.id;
    await first.waitForSelector(`[data-step-id="${last}"].active`);
    expect(await page.getAttribute('#first', 'data-storymap-step')).toBe(last);
    await page.context().close();
  });

  it('plain fixed-height iframe: scrolling inside it reaches every step', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${host.origin}/plain.html`);
    const frame = await storyFrame(page);
    expect(await frame.$eval('article', (e) => e.getAttribute('data-embed-mode'))).toBe(
      'contained'
    );
    for (const step of story.steps) {
      await frame.evaluate((id) => {
        const element = document.querySelector<HTMLElement>(`[data-step-id="${id}"]`)!;
        const top = element.getBoundingClientRect().top + scrollY;
        window.scrollTo(0, top - innerHeight * 0.6 + 30);
      }, step.id);
      await frame.waitForSelector(`${MAP}[data-active-step="${step.id}"]`, { timeout: 60_000 });
    }
    await page.context().close();
  });

  it('Pym.js parent: the story unrolls and the frame follows its height, also after a resize', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const issues = watchPage(page, host.origin);
    await page.goto(`${host.origin}/pym.html`);
    const handle = await page.waitForSelector('#pym-story iframe');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('article[data-embed-mode="stacked"]');
    /** The frame's height as Pym set it, and the story's content height inside. */
    const heights = async () => ({
      frame: await page.$eval('#pym-story iframe', (e) =>
        Number(e.getAttribute('height')?.replace('px', ''))
      ),
      content: await frame.evaluate(() => document.body.getBoundingClientRect().height),
    });
    await expect
      .poll(
        async () => {
          const h = await heights();
          return Math.abs(h.frame - h.content);
        },
        { timeout: 30_000 }
      )
      .toBeLessThanOrEqual(2);
    const wide = await heights();
    expect(wide.frame).toBeGreaterThan(2000);
    // Narrower host: the story reflows taller, and the frame follows.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(
        async () => {
          const h = await heights();
          return h.frame !== wide.frame && Math.abs(h.frame - h.content) <= 2;
        },
        { timeout: 30_000 }
      )
      .toBe(true);
    // Unrolled: every step's text and its map, in order; no live map was started.
    const steps = await frame.$$eval('[data-step-id]', (elements) =>
      elements.map((element) => ({
        id: element.getAttribute('data-step-id'),
        map: element.querySelector<HTMLImageElement>('.live-alternative img')?.getAttribute('src'),
        shown: getComputedStyle(element.querySelector('.live-alternative')!).display,
      }))
    );
    expect(steps.map((s) => s.id)).toEqual(story.steps.map((s) => s.id));
    for (const step of steps) {
      expect(step.map).toMatch(new RegExp(`maps/${step.id}\\.svg$`));
      expect(step.shown).toBe('block');
    }
    expect(await frame.$('.maplibregl-map')).toBeNull();
    expect(issues.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('Pym.js parent with positions: the step being read follows the host scroll', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.origin}/pym-track.html`);
    const handle = await page.waitForSelector('#pym-story iframe');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('article[data-embed-mode="stacked"]');
    await page.waitForFunction(
      () =>
        parseInt(document.querySelector('#pym-story iframe')!.getAttribute('height') ?? '0') > 2000
    );
    const frameTop = await page.$eval('#pym-story', (e) => e.getBoundingClientRect().top + scrollY);
    const n = story.steps.length;
    for (const step of [
      story.steps[Math.floor(n / 2)]!.id,
      story.steps[n - 2]!.id,
      story.steps[n - 1]!.id,
    ]) {
      const inFrame = await frame.$eval(
        `[data-step-id="${step}"]`,
        (e) => e.getBoundingClientRect().top
      );
      // Bring the step's top just above the host's trigger line (60 % down).
      await page.evaluate((y) => window.scrollTo(0, y), frameTop + inFrame - 800 * 0.6 + 30);
      await frame.waitForSelector(`[data-step-id="${step}"].active`);
      // The host heard it too (the page's own listener keeps what it heard).
      await page.waitForFunction(`window.stepsHeard.includes(${JSON.stringify(step)})`);
    }
    expect(await frame.$$eval('.step.active', (steps) => steps.length)).toBe(1);
    await page.context().close();
  });

  it.each([390, 768, 1280])(
    'our loader, stacked on request, %i px wide: the frame is as tall as the story, and holds still',
    async (width) => {
      const page = await env.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${host.origin}/stacked.html`);
      await page.waitForSelector('#story[data-storymap-mode="stacked"]');
      const frame = (await (await page.$('#story iframe'))!.contentFrame())!;
      await frame.waitForSelector('article[data-embed-mode="stacked"]');
      const heights = async () => ({
        reported: await page.evaluate(() => (window as { reported?: number[] }).reported?.at(-1)),
        frame: await page.$eval('#story iframe', (e) => e.getBoundingClientRect().height),
        content: await frame.evaluate(() => document.body.getBoundingClientRect().height),
      });
      await expect
        .poll(
          async () => {
            const now = await heights();
            return (
              now.content > 2000 &&
              Math.abs(now.frame - now.content) <= 2 &&
              Math.abs((now.reported ?? 0) - now.content) <= 2
            );
          },
          { timeout: 30_000 }
        )
        .toBe(true);
      // Then it idles: whatever the story reports and the frame becomes over five seconds
      // (the property under test is a duration, so this one test watches the clock).
      const settled = await heights();
      const before = await page.evaluate(
        () => (window as { reported?: number[] }).reported!.length
      );
      const frameHeights = await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const iframe = document.querySelector('#story iframe')!;
            const seen: number[] = [];
            const observer = new ResizeObserver(() =>
              seen.push(iframe.getBoundingClientRect().height)
            );
            observer.observe(iframe);
            setTimeout(() => {
              observer.disconnect();
              resolve(seen);
            }, 5000);
          })
      );
      const reported = await page.evaluate(
        (from) => (window as { reported?: number[] }).reported!.slice(from),
        before
      );
      for (const height of [...frameHeights, ...reported]) {
        expect(Math.abs(height - settled.content)).toBeLessThanOrEqual(2);
      }
      const after = await heights();
      expect(Math.abs(after.content - settled.content)).toBeLessThanOrEqual(2);
      expect(Math.abs(after.frame - after.content)).toBeLessThanOrEqual(2);
      await page.context().close();
    }
  );

  it.each([
    { when: 'once the story has started', hostPage: 'frames.html', holdScript: false },
    // The story's app entry is held until the host has spoken, as on a slow connection: the
    // host's one frames:init reaches a page whose script has not come yet.
    {
      when: "at the frame's load, before the story's script",
      hostPage: 'frames-at-load.html',
      holdScript: true,
    },
  ])(
    '@newswire/frames parent speaking $when: the story unrolls and the frame follows its height',
    async ({ hostPage, holdScript }) => {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const issues = watchPage(page, host.origin);
      if (holdScript) {
        await page.route('**/_app/immutable/entry/app.*.js', async (route) => {
          await page.waitForFunction(() => (window as { observed?: boolean }).observed === true);
          await route.continue();
        });
      }
      await page.goto(`${host.origin}/${hostPage}`);
      const frame = (await (await page.$('#framed'))!.contentFrame())!;
      await frame.waitForSelector('article[data-embed-mode="stacked"]', { timeout: 60_000 });
      await expect
        .poll(
          async () => {
            const outside = Number(await page.getAttribute('#framed', 'height'));
            const inside = await frame.evaluate(() => document.body.getBoundingClientRect().height);
            return inside > 2000 && Math.abs(outside - inside) <= 2;
          },
          { timeout: 30_000 }
        )
        .toBe(true);
      // No live map (it had started, or never does); every step shows its static map.
      expect(await frame.$('.maplibregl-map')).toBeNull();
      expect(
        await frame.$$eval(
          '[data-step-id] .live-alternative img',
          (images) => images.filter((image) => image.checkVisibility()).length
        )
      ).toBe(story.steps.length);
      expect(issues.pageErrors).toEqual([]);
      await page.context().close();
    }
  );

  it('stacked fallback on request: every step with its map state, in order', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${storyOrigin}/embed/?layout=stacked`);
    await page.waitForSelector('article[data-embed-mode="stacked"]');
    const images = await page.$$eval('[data-step-id] .live-alternative img', (list) =>
      list.map((image) => (image as HTMLImageElement).src)
    );
    expect(images).toHaveLength(story.steps.length);
    // Each map loads (scrolled into view, as a reader would).
    for (const [index, step] of story.steps.entries()) {
      await page.$eval(`[data-step-id="${step.id}"] .live-alternative img`, (image) =>
        image.scrollIntoView()
      );
      await page.waitForFunction((i) => {
        const image = document.querySelectorAll<HTMLImageElement>(
          '[data-step-id] .live-alternative img'
        )[i]!;
        return image.complete && image.naturalWidth > 0;
      }, index);
    }
    expect(await page.$('.maplibregl-map')).toBeNull();
    // No live timeline either: its data is in sight as tables, after the story.
    if (story.events.length > 0 || story.companies.length > 0) {
      const box = await page.locator('.timeline-data table').first().boundingBox();
      expect(box?.width).toBeGreaterThan(300);
    }
    await page.context().close();
  });

  it('ignores hostile and malformed messages on both sides', async () => {
    const { page, issues, frame, storyTop } = await openSticky();
    const storyHeight = await page.$eval('#story', (e) => (e as HTMLElement).offsetHeight);
    // Part-way into the story, so that any obeyed message would move it.
    await page.evaluate((y) => window.scrollTo(0, y + 1500), storyTop);
    await frame.waitForFunction(() => Math.abs(document.documentElement.scrollTop - 1500) < 2);
    const scrollBefore = await frame.evaluate(() => document.documentElement.scrollTop);
    const hostScrollBefore = await page.evaluate(() => scrollY);
    const bad = [
      'pymxPYMxstoryxPYMxheight',
      'pymxPYMx',
      null,
      42,
      [],
      { sentinel: 'storymap' },
      { sentinel: 'storymap', v: 2, type: 'scroll', y: 900, viewport: 800 },
      { sentinel: 'storymap', v: 1, type: 'scroll', y: Number.NaN, viewport: 800 },
      { sentinel: 'storymap', v: 1, type: 'scroll', y: -50, viewport: 800 },
      { sentinel: 'storymap', v: 1, type: 'scroll', y: '900', viewport: 800 },
      {
        sentinel: 'storymap',
        v: 1,
        type: 'scroll',
        y: Number('1e309') /* overflows to Infinity, as a hostile page would send it */,
        viewport: 800,
      },
      { sentinel: 'storymap', v: 1, type: 'hello-ack', mode: 'navigate' },
      { sentinel: 'storymap', v: 1, type: 'navigate', url: 'javascript:alert(1)' },
      { sentinel: 'storymap', v: 1, type: 'height', height: 'x'.repeat(1_000_000) },
    ];
    // To the story, from the host window but not as the story's parent would: a window of
    // the host's own (an iframe the host made) is not the parent.
    await page.evaluate(async (messages) => {
      const story = document.querySelector<HTMLIFrameElement>('#story iframe')!.contentWindow!;
      // The right shape from the wrong window: a frame of the host's own, not the parent.
      const valid = { sentinel: 'storymap', v: 1, type: 'scroll', y: 4000, viewport: 800 };
      const stranger = document.createElement('iframe');
      stranger.srcdoc = `<script>parent.document.querySelector('#story iframe').contentWindow.postMessage(${JSON.stringify(valid)}, '*')</script>`;
      await new Promise((resolve) => {
        stranger.onload = resolve;
        document.body.append(stranger);
      });
      // From the parent, but malformed.
      for (const message of messages) story.postMessage(message, '*');
      // A flood: hundreds of malformed messages in one go.
      for (let i = 0; i < 500; i++)
        story.postMessage({ sentinel: 'storymap', v: 1, type: 'scroll', y: -i }, '*');
    }, bad);
    // To the loader, from windows that are not the story's iframe.
    await page.evaluate(() => {
      const forged = [
        { sentinel: 'storymap', v: 1, type: 'height', height: 50 },
        { sentinel: 'storymap', v: 1, type: 'height', height: Number('1e309') },
        { sentinel: 'storymap', v: 1, type: 'step', index: 1, id: '<img src=x onerror=alert(1)>' },
        { sentinel: 'storymap', v: 1, type: 'scroll-request', y: -1 },
      ];
      // The host's own window: not the story's.
      for (const message of forged) window.postMessage(message, '*');
    });
    await frame.evaluate(() => {
      // From inside the story, but malformed.
      const forged = [
        { sentinel: 'storymap', v: 1, type: 'height', height: Number.NaN },
        { sentinel: 'storymap', v: 1, type: 'height', height: -5 },
        { sentinel: 'storymap', v: 1, type: 'step', index: 1, id: '<b>x</b>' },
        { sentinel: 'storymap', v: 1, type: 'scroll-request', y: Number.POSITIVE_INFINITY },
        'pymxPYMxstoryxPYMxnavigateToxPYMxjavascript:alert(1)',
      ];
      for (const message of forged) parent.postMessage(message, '*');
    });
    // Let every message be delivered: a round trip through both windows.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await frame.evaluate(() => document.documentElement.scrollTop)).toBe(scrollBefore);
    expect(await page.$eval('#story', (e) => (e as HTMLElement).offsetHeight)).toBe(storyHeight);
    expect(await page.$('img[src="x"]')).toBeNull();
    expect(await page.getAttribute('#story', 'data-storymap-step')).not.toContain('<');
    expect(await page.evaluate(() => scrollY)).toBe(hostScrollBefore);
    expect(page.url()).toBe(`${host.origin}/`);
    expect(issues.pageErrors).toEqual([]);
    await page.context().close();
  });
});
