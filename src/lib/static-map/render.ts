/**
 * What a step's static map draws, computed at build time from the same data as the live map:
 * the basemap, the step's route legs (drawn whole) and its labelled places, framed by the
 * step's camera as MapLibre would frame it (Web Mercator at the same zoom; bearing turned;
 * pitch left flat). For readers without JavaScript, print, and hosts that cannot run the live
 * map. This module computes (with d3-geo and the live map's label placement);
 * StaticMap.svelte draws the SVG, and svg.ts renders it on the server.
 *
 * Coordinates are projected here, then drawn with d3-geo's planar identity projection (which
 * also clips to the frame): the basemap's rings are planar, already cut at the antimeridian,
 * and wound as GeoJSON winds them, which d3-geo's spherical projections would misread.
 */
import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { TILE_SIZE, boundsOf, project, resolveCamera, type Size } from '../geo/camera';
import { CLOSE_MIN_ZOOM, COLORS, WIDE_MIN_ZOOM, riverPixels } from '../draw/style';
import { STATIC_MAP_SIZE } from './sizes';
import { placeLabels, type LabelRequest } from '../draw/placement';
import { overviewDescription, staticMapDescription } from '../state/narration';
import { stepState, type StepState } from '../state/step-state';
import { isApproximate } from '../story/hedges';
import type { LngLat } from '../story/types';
import type { BrowserStory } from '../story/browser';

/**
 * Room kept around a static map's places for their labels, which may go either side of their
 * mark: a little at the top and left, more at the right (where labels go first) and the foot.
 */
function roomFor(size: Size) {
  return { top: 12, right: Math.min(120, Math.round(size.width * 0.25)), bottom: 24, left: 12 };
}

/** Maps every position of a geometry through `to`. */
function mapGeometry(geometry: Geometry, to: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: to(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(to) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(to)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(to))),
      };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapGeometry(g, to)) };
  }
}

/**
 * What the static maps draw besides the basemap, as the live map does: the world beyond the
 * region (geo/world.json) and the close-zoom detail (the story folder's detail.json).
 */
export interface MoreLayers {
  world?: FeatureCollection;
  detail?: FeatureCollection;
}

/** A shape on the map: a path (in the picture's pixels) and how it is painted. */
export interface MapShape {
  d: string;
  /** @defaultValue none: the shape is a line */
  fill?: string;
  stroke?: string;
  /** Stroke width, pixels. */
  width?: number;
  /** Stroke dashes, as SVG writes them. */
  dash?: string;
  cap?: 'round' | 'butt';
  join?: 'round';
  /** Round caps and joins. */
  round?: boolean;
}

/** A place's mark: a dot, or a ring where its position is approximate. */
export interface MapMark {
  x: number;
  y: number;
  uncertain: boolean;
}

/** A place's name where the placement put it (x, y: its first line's baseline start). */
export interface MapLabel {
  x: number;
  y: number;
  name: string;
  /** A place the step emphasises. */
  strong: boolean;
  river: boolean;
  /** Its position is approximate, and the label says so. */
  approximate: boolean;
}

/** Everything a static map draws, in the order it is drawn. */
export interface StaticMapDrawing {
  size: Size;
  /** What the map shows, in words (its title and accessible name). */
  description: string;
  /** The world, the land, coasts, borders, detail and the route, bottom to top. */
  shapes: MapShape[];
  marks: MapMark[];
  labels: MapLabel[];
  /** The basemap's credit. */
  credit: string;
}

/** What the step's static map draws. */
export function staticMapDrawing(
  story: BrowserStory,
  stepIndex: number,
  basemap: FeatureCollection,
  size: Size = STATIC_MAP_SIZE,
  more: MoreLayers = {}
): StaticMapDrawing {
  const state = stepState(story, stepIndex, 1);
  return drawMap(story, state, staticMapDescription(story, stepIndex), basemap, size, more);
}

/**
 * The whole route on one map: every leg drawn whole, the places where legs start and end
 * labelled, framed to fit the route. Shown above the story where the live map cannot run, and in print.
 */
export function overviewMapDrawing(
  story: BrowserStory,
  basemap: FeatureCollection,
  size: Size = STATIC_MAP_SIZE,
  more: MoreLayers = {}
): StaticMapDrawing {
  // The legs' ends: at this scale the stops between them would only crowd each other.
  const ends = new Set(story.legs.flatMap((leg) => [leg.stops[0], leg.stops.at(-1)]));
  const places = [...ends].flatMap((id) => story.places.filter((place) => place.id === id));
  const points = [
    ...story.legs.flatMap((leg) => leg.coordinates),
    ...places.map((p) => p.coordinates),
  ];
  const first = stepState(story, 0, 1);
  const state: StepState = {
    ...first,
    // A story without legs or places has nothing to frame: its first view stands in.
    camera:
      points.length > 0
        ? { kind: 'fit', bounds: boundsOf(points), padding: 24, maxZoom: 12, subject: [] }
        : first.camera,
    legs: story.legs.map((leg) => ({ id: leg.id, certainty: leg.certainty, drawn: 1 })),
    places: places.map((place) => ({ id: place.id, highlighted: false })),
  };
  return drawMap(story, state, overviewDescription(story), basemap, size, more);
}

function drawMap(
  story: BrowserStory,
  state: StepState,
  description: string,
  basemap: FeatureCollection,
  size: Size,
  more: MoreLayers
): StaticMapDrawing {
  const camera = resolveCamera(state.camera, size, roomFor(size));
  const world = TILE_SIZE * 2 ** camera.zoom;
  const [cx, cy] = project(camera.center);
  const angle = (-camera.bearing * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  /** Where a position lands on the picture, on the copy of the world `copy` worlds east. */
  const onCopy =
    (copy: number) =>
    ([lng, lat]: Position): Position => {
      const [x, y] = project([lng!, lat!] as LngLat);
      const dx = (x + copy - cx) * world;
      const dy = (y - cy) * world;
      return [size.width / 2 + dx * cos - dy * sin, size.height / 2 + dx * sin + dy * cos];
    };
  /** A point on the nearest copy of the world (a view may straddle the antimeridian). */
  const toPixel = (point: Position): Position => {
    const [x] = project([point[0]!, point[1]!] as LngLat);
    const copy = Math.round(cx - x);
    return onCopy(copy)(point);
  };
  const margin = 4;
  const path = geoPath(
    geoIdentity().clipExtent([
      [-margin, -margin],
      [size.width + margin, size.height + margin],
    ])
  ).digits(1);
  // Each feature on the world copies either side too: what falls outside the picture is cut.
  const draw = (feature: Feature) =>
    [-1, 0, 1]
      .map((copy) => path({ ...feature, geometry: mapGeometry(feature.geometry, onCopy(copy)) }))
      .filter((d) => d)
      .join(' ');

  const fillOf = (feature: Feature) => {
    const id = feature.properties?.id as unknown;
    const inRegion = typeof id === 'string' && story.map.regionCountries.includes(id);
    return inRegion ? COLORS.landRegion : COLORS.land;
  };
  // The world beyond the region first (the region's land covers it), as on the live map.
  const shapes: MapShape[] = [];
  for (const feature of more.world?.features ?? []) {
    const d = draw(feature);
    if (!d) continue;
    if (feature.properties?.kind === 'land') shapes.push({ d, fill: fillOf(feature) });
    else shapes.push({ d, stroke: COLORS.border, width: 0.5 });
  }
  // Land, then its outline in the coast's colour (the basemap has no separate coastline: it is
  // the land's edge; zoomed out to the world there is none, the region's box cutting its land),
  // then borders over a band of land colour that hides that outline where two countries meet.
  const grounds: MapShape[] = [];
  const land: MapShape[] = [];
  const coasts: MapShape[] = [];
  const borders: MapShape[] = [];
  for (const feature of basemap.features) {
    const kind = feature.properties?.kind;
    const d = draw(feature);
    if (!d) continue;
    // The basemap's ground: sea over the world layer where the finer land is.
    if (kind === 'ground') grounds.push({ d, fill: COLORS.sea });
    else if (kind === 'land') {
      land.push({ d, fill: fillOf(feature) });
      if (camera.zoom >= 3) coasts.push({ d, stroke: COLORS.coast, width: 0.8 });
    } else if (kind === 'border') {
      borders.push(
        { d, stroke: COLORS.land, width: 1.6 },
        { d, stroke: COLORS.border, width: 0.9, dash: '3 2' }
      );
    }
  }
  shapes.push(...grounds, ...land, ...coasts, ...borders);
  // Close up, the detail drawn anew over it; from the wide zoom on, the major rivers.
  const close = camera.zoom >= CLOSE_MIN_ZOOM;
  const wide = camera.zoom >= WIDE_MIN_ZOOM;
  const order = ['ground', 'land', 'coast', 'river', 'border'];
  const detail = (more.detail?.features ?? [])
    .filter((feature) => {
      const area = feature.properties?.area as unknown;
      const kind = feature.properties?.kind as unknown;
      return area === 'close' ? close : kind === 'river' && wide && !close;
    })
    .toSorted(
      (a, b) =>
        order.indexOf(String(a.properties?.kind)) - order.indexOf(String(b.properties?.kind))
    );
  for (const feature of detail) {
    const d = draw(feature);
    if (!d) continue;
    const kind = feature.properties?.kind as unknown;
    if (kind === 'ground') shapes.push({ d, fill: COLORS.sea });
    else if (kind === 'land') shapes.push({ d, fill: fillOf(feature) });
    else if (kind === 'coast') shapes.push({ d, stroke: COLORS.coast, width: 1 });
    else if (kind === 'river') {
      const width = riverPixels(Number(feature.properties?.level ?? 4), camera.zoom);
      shapes.push({ d, stroke: COLORS.river, width: Number(width.toFixed(1)), round: true });
    } else if (kind === 'border') {
      shapes.push({ d, stroke: COLORS.border, width: 1.2, dash: '3 2' });
    }
  }
  for (const leg of state.legs) {
    const route = story.legs.find((l) => l.id === leg.id);
    if (!route) continue;
    const d = draw({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: route.coordinates },
    });
    // As the live map (draw/style.ts): reported solid, inferred dotted, schematic dashed.
    const line: Pick<MapShape, 'cap' | 'dash'> = {
      reported: { cap: 'round' as const },
      inferred: { cap: 'round' as const, dash: '0 7' },
      schematic: { cap: 'butt' as const, dash: '7 6' },
    }[leg.certainty];
    shapes.push(
      { d, stroke: COLORS.casing, width: 6, round: true },
      { d, stroke: COLORS.route, width: 3, join: 'round', ...line }
    );
  }
  // Marks first, then labels placed by the live map's placement (draw/placement.ts), on sizes
  // estimated from the text: highlighted places first, then in the step's order.
  const marks: MapMark[] = [];
  const shown = state.places.flatMap((placeState) => {
    const place = story.places.find((p) => p.id === placeState.id);
    if (!place) return [];
    const [x, y] = toPixel(place.coordinates).map((v) => Math.round(v * 10) / 10) as [
      number,
      number,
    ];
    if (x < 0 || y < 0 || x > size.width || y > size.height) return [];
    return [{ place, highlighted: placeState.highlighted, x, y }];
  });
  const requests: LabelRequest[] = shown.map(({ place, highlighted, x, y }, index) => {
    const uncertain = isApproximate(place);
    const markless = place.kind === 'country' || place.kind === 'river';
    if (!markless) marks.push({ x, y, uncertain });
    const half = uncertain ? 10 : 5;
    return {
      id: String(index),
      priority: highlighted ? 0 : markless ? 2 : 1,
      anchor: { x, y },
      sizes: [
        {
          width: Math.ceil(place.name.length * (highlighted ? 7.8 : 7.2)) + 4,
          height: 17 + (uncertain ? 13 : 0),
        },
      ],
      shape: markless
        ? { kind: 'center' }
        : { kind: 'point', mark: { halfWidth: half, halfHeight: half } },
    };
  });
  const credit = {
    left: size.width - 90,
    top: size.height - 18,
    right: size.width,
    bottom: size.height,
  };
  const { labels: placed } = placeLabels(requests, {
    area: { left: 2, top: 2, right: size.width - 2, bottom: size.height - 2 },
    obstacles: [credit],
  });
  const labels = shown.flatMap(({ place, highlighted }, index): MapLabel[] => {
    const label = placed.get(String(index));
    if (!label) return [];
    return [
      {
        x: Math.round(label.box.left + 2),
        y: Math.round(label.box.top + 13),
        name: place.name,
        strong: highlighted,
        river: place.kind === 'river',
        approximate: isApproximate(place),
      },
    ];
  });
  return {
    size,
    description,
    shapes,
    marks,
    labels,
    credit: close && detail.length > 0 ? 'Natural Earth · GSHHG, WDBII' : 'Natural Earth',
  };
}
