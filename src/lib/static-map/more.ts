/**
 * The layers the static maps draw besides the basemap, as the live map does: the world beyond
 * the story's region and the close-zoom detail. For the prerendered map routes only (the
 * files are read at build time; no page downloads them this way).
 */
import type { FeatureCollection } from 'geojson';
import detail from 'virtual:story-map/detail.json';
import world from '$geo/world.json';
import type { MoreLayers } from './render';

// geo/world.json is a GeoJSON FeatureCollection (geo/build-basemap.ts writes it).
export const moreLayers: MoreLayers = { world: world as FeatureCollection, detail };
