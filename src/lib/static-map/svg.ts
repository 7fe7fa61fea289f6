/**
 * Static maps as SVG files: StaticMap.svelte rendered on the server (static-html.ts), for the
 * prerendered map routes (src/routes/maps/, overview.svg), with the basemap and the layers the
 * live map draws besides (more.ts). Never part of a page's script.
 */
import { error } from '@sveltejs/kit';
import land from 'virtual:story-map/basemap.json';
import type { Size } from '../geo/camera';
import { staticHtml } from '../static-html';
import type { BrowserStory } from '../story/browser';
import { moreLayers } from './more';
import { overviewMapDrawing, staticMapDrawing, type StaticMapDrawing } from './render';
import StaticMap from './StaticMap.svelte';

/** The map as an SVG document. */
export function staticMapSvg(drawing: StaticMapDrawing): string {
  return staticHtml(StaticMap, { drawing });
}

/** A prerendered map route's answer: the map as an SVG file. */
function svgResponse(drawing: StaticMapDrawing): Response {
  return new Response(staticMapSvg(drawing), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
  });
}

/** The static map of the step `stepId` at `size`, or a 404 naming it. */
export function stepMapResponse(story: BrowserStory, stepId: string, size: Size): Response {
  const index = story.steps.findIndex((step) => step.id === stepId);
  if (index < 0) error(404, `No step "${stepId}"`);
  return svgResponse(staticMapDrawing(story, index, land, size, moreLayers));
}

/** The whole route on one map, at `size`. */
export function overviewMapResponse(story: BrowserStory, size: Size): Response {
  return svgResponse(overviewMapDrawing(story, land, size, moreLayers));
}
