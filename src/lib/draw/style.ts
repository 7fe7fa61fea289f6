/**
 * The embedded basemap style and the story's own route layers, as MapLibre style objects.
 * No glyphs and no sprites: labels are DOM text, so the map needs nothing from another server.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

export const ROUTE_SOURCE = 'story-route';
/** The close-zoom detail (the story folder's detail.json), added after the map's first view. */
export const DETAIL_SOURCE = 'detail';
/** The embedded basemap's source: the first view's, then the whole story's (map/runtime.ts). */
export const BASEMAP_SOURCE = 'basemap';
/** The world beyond the story's region (geo/world.json), added after the map's first view. */
export const WORLD_SOURCE = 'world';
/** The basemap's first layer over the sea: the world goes under it. */
export const FIRST_LAND_LAYER = 'land';
/**
 * The zoom from which the close areas' detail is drawn, and the general borders there give
 * way to it; the zoom from which the wide areas' rivers are. (geo/detail-areas.ts decides
 * the areas from the story's cameras with the same numbers.)
 */
export const CLOSE_MIN_ZOOM = 9;
export const WIDE_MIN_ZOOM = 6.5;
/**
 * The zoom each GeoJSON source is cut into tiles up to, as far as its data holds detail: closer,
 * MapLibre scales those tiles up rather than cutting new ones in its worker at every zoom a
 * flight passes (and uploading and drawing each). The basemap keeps every vertex of its 1:10m
 * data from zoom 10 (geo/build-basemap.ts); the close detail is simplified to 10 m, about a
 * pixel at zoom 13 (geo/extract-detail.ts); the route is a few lines, cut at zoom 10 with a
 * finer simplification, within a pixel at zoom 12. (The world's 1:110m holds to zoom 4.)
 */
export const SOURCE_MAX_ZOOM = { basemap: 10, detail: 13, route: 10, world: 4 } as const;
/**
 * The route's simplification, in pixels of each zoom it is cut at (MapLibre's default 0.375):
 * finer, as its zoom 10 tiles are drawn up to zoom 12 and more, four times as large.
 */
export const ROUTE_TOLERANCE = 0.1;

/**
 * A value, of the type the style expects, for every feature property the built-in style's
 * paint and layout read (its filters aside). The warm-up's geometry carries them
 * (draw/warm-up.ts), so no expression meets a missing property; a test keeps the list whole.
 */
export const PAINT_PROPERTY_SAMPLE: Readonly<Record<string, string | number>> = {
  id: '',
  kind: '',
  level: 1,
};

/** Colours shared by the map layers and the legend (see StoryMap.svelte). */
export const COLORS = {
  sea: '#dce6ee',
  land: '#f6f4ef',
  /** The story's region (`map.regionCountries`). */
  landRegion: '#efe6d8',
  border: '#7d7a73',
  coast: '#8fa6b8',
  /** Rivers: a little deeper than the sea, so they read on land at any width. */
  river: '#a9c4da',
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
      [BASEMAP_SOURCE]: {
        type: 'geojson',
        data: basemapUrl,
        maxzoom: SOURCE_MAX_ZOOM.basemap,
        // Simplified to a pixel at each zoom (MapLibre's default, 0.375, keeps more vertices
        // than a coast drawn 0.6 to 1.4 px wide shows): the land and coast are the most costly
        // layers of a map frame in software WebGL, a third of it in the first view at 390×844.
        tolerance: 1,
        attribution: 'Natural Earth',
      },
    },
    layers: [
      // No ground drawn over the world where the basemap was cut for the story (the static
      // maps draw one): the world layer is cut to outside it at build time (worldOutside), and
      // a fill of sea over the whole view cost every map frame about a millisecond at 390×844.
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: BASEMAP_SOURCE,
        filter: ['==', ['get', 'kind'], 'land'],
        // No antialiasing pass (an outline of every polygon drawn again): the coast drawn next
        // is that outline.
        paint: { 'fill-color': landColour(regionCountries), 'fill-antialias': false },
      },
      {
        // The coastline is the land's edge (the basemap keeps no second copy of it); where two
        // countries meet, the wider border line drawn next covers it.
        id: 'coast',
        type: 'line',
        source: BASEMAP_SOURCE,
        filter: ['==', ['get', 'kind'], 'land'],
        paint: {
          'line-color': COLORS.coast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.4],
          // Zoomed out to the world, no coast is stroked: the region's land is cut at its box,
          // and its outline there is no coast.
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 2.5, 0, 3, 1],
        },
      },
      {
        id: 'border',
        type: 'line',
        source: BASEMAP_SOURCE,
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

/** Land coloured as the basemap colours it: the story's region shaded. */
const landColour = (regionCountries: readonly string[]): ExpressionSpecification => [
  'case',
  ['in', ['get', 'id'], ['literal', [...regionCountries]]],
  COLORS.landRegion,
  COLORS.land,
];

const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const inArea = (area: 'close' | 'wide'): ExpressionSpecification => ['==', ['get', 'area'], area];
/**
 * The world beyond the region (geo/world.json, Natural Earth 1:110m): land, coloured as the
 * basemap colours it, and borders; drawn under the region's own layers.
 */
export function worldLayers(regionCountries: readonly string[]): LayerSpecification[] {
  return [
    {
      id: 'world-land',
      type: 'fill',
      source: WORLD_SOURCE,
      filter: isKind('land'),
      paint: { 'fill-color': landColour(regionCountries) },
    },
    {
      id: 'world-border',
      type: 'line',
      source: WORLD_SOURCE,
      filter: isKind('border'),
      paint: { 'line-color': COLORS.border, 'line-width': 0.6 },
    },
  ];
}

/**
 * How wide a river is drawn close up, metres: about as wide as such a river is (WDBII gives a
 * centreline only): the major rivers (levels 1–2, the Yalu) 700 m, the additional major ones
 * (level 3, the Taedong) 350 m, others 80 m.
 */
export const RIVER_WIDTH_M = { major: 700, additional: 350, other: 80 } as const;
/** Metres a CSS pixel spans at zoom 9 at about 40° N (halving with each zoom in). */
const METRES_PER_PIXEL_Z9 = 117;

/**
 * A river's width in CSS pixels at `zoom`: from the wide areas' zoom a thin line, close up its
 * width in metres on screen (never thinner than the line it grew from). The live map's style
 * and the static maps both use it.
 */
export function riverPixels(level: number, zoom: number): number {
  const metres =
    level <= 2 ? RIVER_WIDTH_M.major : level === 3 ? RIVER_WIDTH_M.additional : RIVER_WIDTH_M.other;
  const atClose = metres / METRES_PER_PIXEL_Z9;
  const floor = level <= 2 ? 2 : level === 3 ? 1.5 : 1;
  if (zoom >= CLOSE_MIN_ZOOM) return Math.max(floor, atClose * 2 ** (zoom - CLOSE_MIN_ZOOM));
  const wide = level <= 2 ? 1.4 : level === 3 ? 1 : 0.8;
  const t = Math.min(1, Math.max(0, (zoom - WIDE_MIN_ZOOM) / (CLOSE_MIN_ZOOM - WIDE_MIN_ZOOM)));
  return wide + (Math.max(floor, atClose) - wide) * t;
}

const byLevel = (width: (level: number) => number): ExpressionSpecification => [
  'case',
  ['<=', ['get', 'level'], 2],
  width(2),
  ['==', ['get', 'level'], 3],
  width(3),
  width(4),
];
// Width in metres doubles in pixels with each zoom: exponential base 2 between two zooms.
const riverWidthClose: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  CLOSE_MIN_ZOOM,
  byLevel((level) => riverPixels(level, CLOSE_MIN_ZOOM)),
  16,
  byLevel((level) => riverPixels(level, 16)),
];
const riverWidthWide: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  WIDE_MIN_ZOOM,
  byLevel((level) => riverPixels(level, WIDE_MIN_ZOOM)),
  CLOSE_MIN_ZOOM,
  byLevel((level) => riverPixels(level, CLOSE_MIN_ZOOM - 1e-9)),
];

/** The detail's rivers of one kind of area, between two zooms. */
function riverLayer(
  area: 'wide' | 'close',
  minzoom: number,
  maxzoom: number | undefined,
  width: ExpressionSpecification
): LayerSpecification {
  return {
    id: `detail-river-${area}`,
    type: 'line',
    source: DETAIL_SOURCE,
    minzoom,
    ...(maxzoom === undefined ? {} : { maxzoom }),
    filter: ['all', isKind('river'), inArea(area)],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': COLORS.river, 'line-width': width },
  };
}

/**
 * The close-zoom detail's layers (from the story folder's detail.json: GSHHG land and coast, WDBII rivers and
 * borders). Close up, each close area is drawn anew over the general basemap: its ground in
 * the sea's colour, its land by country (the region shaded as on the basemap), the coast, the
 * rivers and the border, dashed along its river. The wide areas' major rivers show from their
 * own zoom.
 */
export function detailLayers(regionCountries: readonly string[]): LayerSpecification[] {
  return [
    {
      // The close area's ground in the sea's colour, and its land by country over it: one
      // layer, so one shader program with the basemap's land (each program a map uses for the
      // first time costs a frame about 80 ms in software WebGL; the ground alone, in a constant
      // colour, took two: docs/performance.md). No antialiasing pass: the coast is drawn next.
      id: 'detail-surface',
      type: 'fill',
      source: DETAIL_SOURCE,
      minzoom: CLOSE_MIN_ZOOM,
      filter: ['any', isKind('ground'), isKind('land')],
      layout: { 'fill-sort-key': ['case', isKind('ground'), 0, 1] },
      paint: {
        'fill-color': ['case', isKind('ground'), COLORS.sea, landColour(regionCountries)],
        'fill-antialias': false,
      },
    },
    {
      id: 'detail-coast',
      type: 'line',
      source: DETAIL_SOURCE,
      minzoom: CLOSE_MIN_ZOOM,
      filter: isKind('coast'),
      paint: { 'line-color': COLORS.coast, 'line-width': 1.2 },
    },
    // The major rivers from the wide zoom; close up, every river of the close area.
    riverLayer('wide', WIDE_MIN_ZOOM, CLOSE_MIN_ZOOM, riverWidthWide),
    riverLayer('close', CLOSE_MIN_ZOOM, undefined, riverWidthClose),
    {
      id: 'detail-border',
      type: 'line',
      source: DETAIL_SOURCE,
      minzoom: CLOSE_MIN_ZOOM,
      filter: isKind('border'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.border, 'line-width': 1.6, 'line-dasharray': [3, 2] },
    },
  ];
}

const lineLayout: LineLayerSpecification['layout'] = { 'line-join': 'round', 'line-cap': 'round' };

/**
 * The route layers drawn over any basemap, the embedded one or a newsroom's. Only reported
 * legs are solid; inferred legs (the path is the likeliest, not the reported one) are dotted,
 * schematic legs (only the ends are reported) dashed: the map never shows more certainty than
 * the sources. The legend (Legend.svelte) and the static maps (static-map/render.ts) draw the
 * same three.
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
      id: 'story-route-inferred',
      type: 'line',
      source: ROUTE_SOURCE,
      filter: ['==', ['get', 'certainty'], 'inferred'],
      layout: lineLayout,
      // Round dots: a zero-length dash with round caps, one line width apart.
      paint: { 'line-color': COLORS.route, 'line-width': 4, 'line-dasharray': [0, 2] },
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
