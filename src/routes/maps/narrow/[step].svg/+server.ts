/**
 * Each step's static map drawn for phones, prerendered to build/maps/narrow/<step>.svg: the
 * page offers it with `<picture>` below 768 px, where the wide map would shrink its labels.
 */
import { error } from '@sveltejs/kit';
import type { FeatureCollection } from 'geojson';
import story from 'virtual:story';
import basemap from '$geo/basemap.json';
import { moreLayers } from '$lib/static-map/more';
import { staticMapDrawing } from '$lib/static-map/render';
import { NARROW_STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { svgResponse } from '$lib/static-map/svg';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => story.steps.map((step) => ({ step: step.id }));

export const GET: RequestHandler = ({ params }) => {
  const index = story.steps.findIndex((step) => step.id === params.step);
  if (index < 0) error(404, `No step "${params.step}"`);
  // The basemap file is a GeoJSON FeatureCollection (geo/build-basemap.ts writes it).
  const map = basemap as FeatureCollection;
  return svgResponse(staticMapDrawing(story, index, map, NARROW_STATIC_MAP_SIZE, moreLayers));
};
