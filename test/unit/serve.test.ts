/**
 * The static server (src/cli/serve.ts) on a small site made for the test: caching, HEAD,
 * 304, precompressed copies, Range, folders, the 404 page, and paths that try to leave the
 * folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/serve';

const PAGE = '<!doctype html><title>Story</title><p>The story.</p>';
const SCRIPT = `export const story = ${JSON.stringify('x'.repeat(4000))};`;
const NOT_FOUND = '<!doctype html><title>Page not found</title>';
const SECRET = 'outside the site';

let folder: string;
let server: Server;
let port: number;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const site = join(folder, 'site');
  mkdirSync(join(site, '_app/immutable'), { recursive: true });
  mkdirSync(join(site, 'embed'));
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'embed/index.html'), PAGE);
  writeFileSync(join(site, '404.html'), NOT_FOUND);
  writeFileSync(join(site, '_app/immutable/app.abc123.js'), SCRIPT);
  writeFileSync(join(site, '_app/immutable/app.abc123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(site, '_app/immutable/app.abc123.js.br'), brotliCompressSync(SCRIPT));
  // A file beside the site that no request may reach.
  writeFileSync(join(folder, 'secret.txt'), SECRET);
  server = await serve(site, 0);
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path sent exactly as written (no URL normalisation on the way). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        })
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  it('serves pages to revalidate and hashed assets to keep for a year', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toBe(PAGE);
    const asset = await get('/_app/immutable/app.abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(PAGE));
    expect(head.body).toHaveLength(0);
  });

  it('answers a request with the current ETag with 304 and no body', async () => {
    const first = await get('/');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await get('/', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('sends the Brotli or Gzip copy to a browser that accepts it, as the same file', async () => {
    const path = '/_app/immutable/app.abc123.js';
    const br = await get(path, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.equals(brotliCompressSync(SCRIPT))).toBe(true);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves a byte range', async () => {
    const part = await get('/_app/immutable/app.abc123.js', { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${Buffer.byteLength(SCRIPT)}`);
    expect(part.body.toString()).toBe(SCRIPT.slice(0, 10));
  });

  it('sends a folder’s address to its trailing slash, and the site’s 404 page for the unknown', async () => {
    const folderPage = await get('/embed');
    expect(folderPage.status).toBe(301);
    expect(folderPage.headers.location).toBe('/embed/');
    expect((await get('/embed/')).body.toString()).toBe(PAGE);
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body.toString()).toBe(NOT_FOUND);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/_app/../../secret.txt',
    '/secret.txt%00.html',
    '/%00',
    '//secret.txt',
  ])('never leaves the folder: %s', async (path) => {
    const answer = await get(path);
    expect(answer.body.toString()).not.toContain(SECRET);
    expect([400, 404]).toContain(answer.status);
  });
});
