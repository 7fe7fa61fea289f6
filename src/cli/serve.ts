/**
 * Serves the built site: `npm start` and `npm run serve` on http://localhost:4173 (`PORT` and
 * `HOST` override), and the end-to-end tests on a free loopback port.
 *
 * The files are served by sirv, a maintained static server: HEAD, ETag and 304, Range, and the
 * Gzip and Brotli copies the build writes beside each text file. sirv reads the folder once at
 * start and serves only the files it found, so no request path (`..`, encoded or not,
 * backslashes, NUL) reaches outside it. What is ours: the cache policy (hashed assets are
 * immutable for a year, everything else revalidates), folders answered at their
 * trailing-slash address (the built pages use relative asset paths), and unknown paths
 * answered with the site's 404 page and status 404.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Assets whose names carry a hash of their content: they never change at their address. */
const IMMUTABLE = /^\/_app\/immutable\//;
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The folders of the site that have a page, by their address without a trailing slash. */
function folderPaths(root: string): Set<string> {
  const folders = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const match = /^(.+)[/\\]index\.html$/.exec(file);
    if (match?.[1]) folders.add(`/${match[1].replaceAll('\\', '/')}`);
  }
  return folders;
}

export function serve(folder: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(folder);
  const notFoundFile = join(root, '404.html');
  const notFoundPage = existsSync(notFoundFile) ? readFileSync(notFoundFile) : undefined;
  const folders = folderPaths(root);
  const files = sirv(root, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    // A folder's page at its slash ("/embed/" is /embed/index.html); "/embed" itself is
    // redirected below before sirv sees it. No dotfiles.
    dotfiles: false,
    extensions: ['html'],
    setHeaders(response, pathname) {
      response.setHeader(
        'cache-control',
        IMMUTABLE.test(pathname) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache'
      );
    },
  });
  const notFound = (response: ServerResponse) => {
    response.statusCode = 404;
    response.setHeader('cache-control', 'no-cache');
    if (notFoundPage) {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(notFoundPage);
    } else {
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end('Not found');
    }
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    // A folder's address without its slash: the page's relative paths need the slash.
    if (folders.has(path)) {
      response.writeHead(301, { location: `${path}/` });
      response.end();
      return;
    }
    files(request, response, () => notFound(response));
  };
  const server = createServer(handle);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = process.argv[2] ?? 'build';
  const port = Number(process.env.PORT ?? 4173);
  serve(folder, port, process.env.HOST ?? 'localhost')
    .then(() => console.log(`Serving ${folder}/ at http://localhost:${port}/`))
    .catch((error: unknown) => {
      console.error(`Could not serve ${folder}/ on port ${port}:`, error);
      process.exit(1);
    });
}
