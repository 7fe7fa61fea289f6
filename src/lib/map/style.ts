/**
 * The embedded basemap style and the story's own route layers, as MapLibre style objects.
 * No glyphs and no sprites: labels are DOM text, so the map needs nothing from another server.
 */
import type { LayerSpecification, LineLayerSpecification, StyleSpecification } from 'maplibre-gl';

export const ROUTE_SOURCE = 'story-route';

/** Colours shared by the map layers and the legend (see StoryMap.svelte). */
export const COLORS = {
  sea: '#dce6ee',
  land: '#f6f4ef',
  /** The story's region (`map.regionCountries`). */
  landRegion: '#efe6d8',
  border: '#7d7a73',
  coast: '#8fa6b8',
  route: '#b3261e',
  casing: '#ffffff',
} as const;

/**
 * The style for the embedded basemap, with its GeoJSON served from our own origin; the
 * countries of the story's region (ISO 3166-1 numeric codes, as the basemap names them) shaded.
 */
export function embeddedStyle(
  basemapUrl: string,
  regionCountries: readonly string[]
): StyleSpecification {
  return {
    version: 8,
    name: 'Embedded basemap (Natural Earth via world-atlas)',
    sources: {
      basemap: {
        type: 'geojson',
        data: basemapUrl,
        attribution: 'Natural Earth',
      },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'land'],
        paint: {
          'fill-color': [
            'case',
            ['in', ['get', 'id'], ['literal', [...regionCountries]]],
            COLORS.landRegion,
            COLORS.land,
          ],
        },
      },
      {
        // The coastline is the land's edge (the basemap keeps no second copy of it); where two
        // countries meet, the wider border line drawn next covers it.
        id: 'coast',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'land'],
        paint: {
          'line-color': COLORS.coast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.4],
        },
      },
      {
        id: 'border',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'border'],
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 10, 2.2],
        },
      },
    ],
  };
}

const lineLayout: LineLayerSpecification['layout'] = { 'line-join': 'round', 'line-cap': 'round' };

/**
 * The route layers drawn over any basemap, the embedded one or a newsroom's. Reported legs are
 * solid; schematic legs are dashed, so the map never shows more certainty than the sources.
 */
export function routeLayers(): LayerSpecification[] {
  return [
    {
      id: 'story-route-casing',
      type: 'line',
      source: ROUTE_SOURCE,
      layout: lineLayout,
      paint: { 'line-color': COLORS.casing, 'line-width': 7, 'line-opacity': 0.9 },
    },
    {
      id: 'story-route-reported',
      type: 'line',
      source: ROUTE_SOURCE,
      filter: ['==', ['get', 'certainty'], 'reported'],
      layout: lineLayout,
      paint: { 'line-color': COLORS.route, 'line-width': 3.5 },
    },
    {
      id: 'story-route-schematic',
      type: 'line',
      source: ROUTE_SOURCE,
      filter: ['==', ['get', 'certainty'], 'schematic'],
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: { 'line-color': COLORS.route, 'line-width': 2.5, 'line-dasharray': [2, 2] },
    },
  ];
}
