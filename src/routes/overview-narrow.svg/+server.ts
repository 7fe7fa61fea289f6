/** The whole route on one map, drawn for phones (build/overview-narrow.svg). */
import type { FeatureCollection } from 'geojson';
import story from 'virtual:story';
import basemap from '$geo/basemap.json';
import { moreLayers } from '$lib/static-map/more';
import { NARROW_STATIC_MAP_SIZE, overviewMapSvg } from '$lib/static-map/render';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => {
  // The basemap file is a GeoJSON FeatureCollection (geo/build-basemap.ts writes it).
  const svg = overviewMapSvg(
    story,
    basemap as FeatureCollection,
    NARROW_STATIC_MAP_SIZE,
    moreLayers
  );
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
