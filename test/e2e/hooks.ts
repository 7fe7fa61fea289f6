/**
 * Vitest hooks shared by the browser tests (kept apart from harness.ts, which the bench and
 * screenshot scripts use outside Vitest).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BUILD, launch, startSite, type Site } from './harness';

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
