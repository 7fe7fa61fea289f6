/** The whole route on one map, drawn for phones (build/overview-narrow.svg). */
import type { FeatureCollection } from 'geojson';
import story from 'virtual:story';
import basemap from '$geo/basemap.json';
import { moreLayers } from '$lib/static-map/more';
import { overviewMapDrawing } from '$lib/static-map/render';
import { NARROW_STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { svgResponse } from '$lib/static-map/svg';
import type { RequestHandler } from './$types';

export const prerender = true;

// The basemap file is a GeoJSON FeatureCollection (geo/build-basemap.ts writes it).
export const GET: RequestHandler = () =>
  svgResponse(
    overviewMapDrawing(story, basemap as FeatureCollection, NARROW_STATIC_MAP_SIZE, moreLayers)
  );
