import { HOST_EAR_SCRIPT } from '../embed/early';

/**
 * The page with the embed's inline ear (embed/early.ts) as the last thing in its head, so a
 * story in a frame keeps what its host says before the app's script has arrived. `route`
 * names the page in the error thrown if the page has no head to put it in.
 */
export function withHostEar(page: string, route: string): string {
  const end = page.indexOf('</head>');
  if (end < 0) {
    throw new Error(
      `prerender (${route}): the page has no </head>, so the embed's inline ear ` +
        `(src/lib/embed/early.ts) has nowhere to go; check src/app.html.`
    );
  }
  return `${page.slice(0, end)}<script>${HOST_EAR_SCRIPT}</script>${page.slice(end)}`;
}
