/**
 * Vitest hooks shared by the browser tests (kept apart from harness.ts, which the bench and
 * screenshot scripts use outside Vitest).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  BUILD,
  buildSite,
  launch,
  startSite,
  type BuiltSite,
  type Site,
  type StoryPaths,
} from './harness';

/**
 * Serves the built site and starts Chromium before the enclosing describe block's tests, and
 * closes both after them. Read `site` and `browser` inside tests or hooks. `folder` is the site
 * to serve, or a function giving it once the hooks registered before this one have run (a site
 * built for the tests).
 */
export function useSiteAndBrowser(
  chromiumPath: string | undefined,
  folder: string | (() => string) = BUILD
): { readonly site: Site; readonly browser: Browser } {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await startSite(typeof folder === 'string' ? folder : folder());
    if (!chromiumPath) throw new Error('useSiteAndBrowser needs a Chromium path');
    browser = await launch(chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test`);
    return value;
  };
  return {
    get site() {
      return ready(site, 'the site');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
  };
}

/**
 * Builds the site with another story (a story folder, or three files put together: see
 * `buildSite`) before the enclosing describe block's tests, serves it and starts Chromium;
 * removes the build after them. `built` is what the build made (its output, its story folder).
 */
export function useBuiltStory(
  chromiumPath: string | undefined,
  story: StoryPaths | string,
  out?: string
): {
  readonly built: Extract<BuiltSite, { failed: false }>;
  readonly site: Site;
  readonly browser: Browser;
} {
  let built: Extract<BuiltSite, { failed: false }> | undefined;
  beforeAll(async () => {
    const result = await buildSite(story, out);
    if (result.failed) throw new Error(`${result.story} did not build:\n${result.output}`);
    built = result;
  });
  afterAll(() => built?.remove());
  // Registered after the build, so it serves what the build made.
  const env = useSiteAndBrowser(chromiumPath, () => {
    if (!built) throw new Error('the story was not built');
    return built.folder;
  });
  return {
    get built() {
      if (!built) throw new Error('the story is not built yet: use it inside a test');
      return built;
    },
    get site() {
      return env.site;
    },
    get browser() {
      return env.browser;
    },
  };
}
