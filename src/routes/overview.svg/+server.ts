/**
 * The whole route on one map, prerendered to build/overview.svg: above the story where the
 * live map cannot run (no JavaScript, unrolled embeds) and in print.
 */
import type { FeatureCollection } from 'geojson';
import story from 'virtual:story';
import basemap from '$geo/basemap.json';
import { moreLayers } from '$lib/static-map/more';
import { overviewMapSvg } from '$lib/static-map/render';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => {
  // The basemap file is a GeoJSON FeatureCollection (geo/build-basemap.ts writes it).
  const svg = overviewMapSvg(story, basemap as FeatureCollection, undefined, moreLayers);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
