/**
 * Editor text can never become markup: XSS payloads go through the real step-text renderer,
 * and its output is inserted into a card of the built page exactly as the page does it
 * ({@html} is innerHTML). Only the subset's elements may appear, links only to http(s), no
 * event-handler attribute anywhere, and no payload may run.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ELEMENTS, renderStepText } from '../../src/lib/story/markdown';
import { findChromium } from './harness';
import { useSiteAndBrowser } from './hooks';

/** Each payload, if it ran, would set window.__xss. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<details open ontoggle="window.__xss=1">x</details>',
  '<style>*{background:url("javascript:window.__xss=1")}</style>',
  '"><img src=x onerror="window.__xss=1">',
  '**<b onmouseover="window.__xss=1">bold</b>**',
  '[click](javascript:window.__xss=1)',
  '[click](JaVaScRiPt:window.__xss=1)',
  '[click](&#106;avascript:window.__xss=1)',
  '[click](java\tscript:window.__xss=1)',
  '[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '[click](https://example.org" onmouseover="window.__xss=1)',
  '[click](https://example.org "title\\" onmouseover=\\"window.__xss=1")',
  '<javascript:window.__xss=1>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '![x](javascript:window.__xss=1)',
  '[![x](https://e.org/i.png)](javascript:window.__xss=1)',
  '<!--<img src=x onerror="window.__xss=1">-->',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
];

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('step text in the page', () => {
  const env = useSiteAndBrowser(chromiumPath);
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${env.site.origin}/`);
  });

  for (const payload of PAYLOADS) {
    it(`makes no markup of ${JSON.stringify(payload)}`, async () => {
      const html = renderStepText(payload);
      const found = await page.evaluate((markup) => {
        const card = document.querySelector('[data-step-id] .step-text')!;
        card.innerHTML = markup;
        return Array.from(card.querySelectorAll('*')).map((element) => ({
          tag: element.tagName.toLowerCase(),
          attributes: Array.from(element.attributes).map((a) => [a.name, a.value]),
        }));
      }, html);
      for (const element of found) {
        expect(ALLOWED_ELEMENTS as readonly string[]).toContain(element.tag);
        for (const [name, value] of element.attributes) {
          expect(
            element.tag === 'a' && (name === 'href' || name === 'rel'),
            `${name}="${value}"`
          ).toBe(true);
          if (name === 'href') expect(value).toMatch(/^https?:\/\//);
        }
      }
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
    });
  }
});
