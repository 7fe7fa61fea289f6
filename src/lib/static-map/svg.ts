/**
 * Static maps as SVG files: StaticMap.svelte rendered on the server (static-html.ts), for the
 * prerendered map routes (src/routes/maps/, overview.svg). Never part of a page's script.
 */
import { staticHtml } from '../static-html';
import type { StaticMapDrawing } from './render';
import StaticMap from './StaticMap.svelte';

/** The map as an SVG document. */
export function staticMapSvg(drawing: StaticMapDrawing): string {
  return staticHtml(StaticMap, { drawing });
}

/** A prerendered map route's answer: the map as an SVG file. */
export function svgResponse(drawing: StaticMapDrawing): Response {
  return new Response(staticMapSvg(drawing), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
  });
}
