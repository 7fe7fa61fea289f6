/**
 * A small static file server for the built site: `npm start` uses it on http://localhost:4173
 * (`PORT` overrides), and the end-to-end tests start it on a free loopback port.
 * No dependencies; serves only files inside the given folder.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The file a URL path maps to inside `root`, or `undefined` if it would leave `root`. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    if (statSync(path).isDirectory()) return join(path, 'index.html');
  } catch {
    // Not found: let the caller answer 404.
  }
  return path;
}

export function serve(folder: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    // Folders are served at their trailing-slash URL so relative asset paths resolve.
    const bare = url.split('?')[0] ?? '/';
    const file = fileFor(root, url);
    let isFile = false;
    try {
      isFile = file !== undefined && statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (
      isFile &&
      !bare.endsWith('/') &&
      file?.endsWith(`${sep}index.html`) &&
      !bare.endsWith('.html')
    ) {
      response.writeHead(301, { location: `${bare}/` });
      response.end();
      return;
    }
    if (!file || !isFile) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
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
