/**
 * The embed's inline ear goes into every page's head (src/lib/prerender/host-ear.ts).
 */
import { describe, expect, it } from 'vitest';
import { HOST_EAR_SCRIPT } from '../../src/lib/embed/early';
import { withHostEar } from '../../src/lib/prerender/host-ear';

describe("the page's inline ear", () => {
  it('goes last in the head, once, before anything of the body', () => {
    const page = '<html><head><title>T</title></head><body><p>Text</p></body></html>';
    const heard = withHostEar(page, '/embed/');
    expect(heard).toBe(
      `<html><head><title>T</title><script>${HOST_EAR_SCRIPT}</script></head>` +
        '<body><p>Text</p></body></html>'
    );
    expect(heard.split('<script>')).toHaveLength(2);
  });

  it('is plain script text that ends nowhere early', () => {
    expect(HOST_EAR_SCRIPT).not.toMatch(/<\/script|<!--/i);
    // It parses as a script.
    expect(() => new Function(HOST_EAR_SCRIPT)).not.toThrow();
  });

  it('fails the build for a page with no head, naming the page and where to look', () => {
    expect(() => withHostEar('<html><body></body></html>', '/embed/')).toThrow(
      /prerender \(\/embed\/\): the page has no <\/head>.*src\/app\.html/
    );
  });
});
