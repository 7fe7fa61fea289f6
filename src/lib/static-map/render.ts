/**
 * A step's map as static SVG, made at build time from the same data as the live map: the
 * basemap, the step's route legs (drawn whole) and its labelled places, framed by the step's
 * camera as MapLibre would frame it (Web Mercator at the same zoom; bearing turned; pitch
 * left flat). For readers without JavaScript, print, and hosts that cannot run the live map.
 *
 * Coordinates are projected here, then drawn with d3-geo's planar identity projection (which
 * also clips to the frame): the basemap's rings are planar, already cut at the antimeridian,
 * and wound as GeoJSON winds them, which d3-geo's spherical projections would misread.
 */
import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { TILE_SIZE, boundsOf, project, resolveCamera, type Size } from '../map/camera';
import { COLORS } from '../map/style';
import { NARROW_STATIC_MAP_SIZE, STATIC_MAP_SIZE } from './sizes';

export { NARROW_STATIC_MAP_SIZE, STATIC_MAP_SIZE };
import { overviewDescription, staticMapDescription } from '../state/narration';
import { stepState, type StepState } from '../state/step-state';
import { ui } from '../strings';
import type { LngLat, Story } from '../story/types';

/** A fit keeps its places clear of the edges: labels run right of their dot and two lines down. */
function frameFor(size: Size) {
  return {
    cover: { top: 0, right: 0, bottom: 0, left: 0 },
    chrome: { top: 12, right: Math.min(150, Math.round(size.width * 0.3)), bottom: 36, left: 12 },
  };
}

/** Where a static map tries a label, in turn. */
const LABEL_SPOTS = [
  { side: 'right', dy: 0 },
  { side: 'left', dy: 0 },
  { side: 'right', dy: 20 },
  { side: 'left', dy: 20 },
] as const;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

/** The step's map as an SVG document. */
export function staticMapSvg(
  story: Story,
  stepIndex: number,
  basemap: FeatureCollection,
  size: Size = STATIC_MAP_SIZE
): string {
  const state = stepState(story, stepIndex, 1);
  return drawMap(story, state, staticMapDescription(story, stepIndex), basemap, size);
}

/**
 * The whole route on one map: every leg drawn whole, the places where legs start and end
 * labelled, framed to fit the route. Shown above the story where the live map cannot run, and in print.
 */
export function overviewMapSvg(
  story: Story,
  basemap: FeatureCollection,
  size: Size = STATIC_MAP_SIZE
): string {
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
        ? { kind: 'fit', bounds: boundsOf(points), padding: 24, maxZoom: 12 }
        : first.camera,
    legs: story.legs.map((leg) => ({ id: leg.id, certainty: leg.certainty, drawn: 1 })),
    places: places.map((place) => ({ id: place.id, highlighted: false })),
  };
  return drawMap(story, state, overviewDescription(story), basemap, size);
}

function drawMap(
  story: Story,
  state: StepState,
  description: string,
  basemap: FeatureCollection,
  size: Size
): string {
  const camera = resolveCamera(state.camera, size, frameFor(size));
  const world = TILE_SIZE * 2 ** camera.zoom;
  const [cx, cy] = project(camera.center);
  const angle = (-camera.bearing * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const toPixel = ([lng, lat]: Position): Position => {
    const [x, y] = project([lng!, lat!] as LngLat);
    const dx = (x - cx) * world;
    const dy = (y - cy) * world;
    return [size.width / 2 + dx * cos - dy * sin, size.height / 2 + dx * sin + dy * cos];
  };
  const margin = 4;
  const path = geoPath(
    geoIdentity().clipExtent([
      [-margin, -margin],
      [size.width + margin, size.height + margin],
    ])
  ).digits(1);
  const draw = (feature: Feature) =>
    path({ ...feature, geometry: mapGeometry(feature.geometry, toPixel) }) ?? '';

  // Land, then its outline in the coast's colour (the basemap has no separate coastline: it is
  // the land's edge), then borders over a band of land colour that hides that outline where
  // two countries meet.
  const land: string[] = [];
  const coasts: string[] = [];
  const borders: string[] = [];
  for (const feature of basemap.features) {
    const kind = feature.properties?.kind;
    const d = draw(feature);
    if (!d) continue;
    if (kind === 'land') {
      const id = feature.properties?.id as unknown;
      const inRegion = typeof id === 'string' && story.map.regionCountries.includes(id);
      const fill = inRegion ? COLORS.landRegion : COLORS.land;
      land.push(`<path d="${d}" fill="${fill}"/>`);
      coasts.push(`<path d="${d}" fill="none" stroke="${COLORS.coast}" stroke-width="0.8"/>`);
    } else if (kind === 'border') {
      borders.push(
        `<path d="${d}" fill="none" stroke="${COLORS.land}" stroke-width="1.6"/>`,
        `<path d="${d}" fill="none" stroke="${COLORS.border}" stroke-width="0.9" stroke-dasharray="3 2"/>`
      );
    }
  }
  const layers = [...land, ...coasts, ...borders];
  for (const leg of state.legs) {
    const route = story.legs.find((l) => l.id === leg.id);
    if (!route) continue;
    const d = draw({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: route.coordinates },
    });
    const dash = leg.certainty === 'schematic' ? ' stroke-dasharray="7 6"' : '';
    layers.push(
      `<path d="${d}" fill="none" stroke="${COLORS.casing}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`,
      `<path d="${d}" fill="none" stroke="${COLORS.route}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"${dash}/>`
    );
  }
  const labels: string[] = [];
  // Labels that would overlap one already placed give way (dots stay): highlighted places
  // first, then in the step's order, as on the live map. Boxes are estimated from the text.
  const placed: { left: number; top: number; right: number; bottom: number }[] = [];
  const ranked = [
    ...state.places.filter((p) => p.highlighted),
    ...state.places.filter((p) => !p.highlighted),
  ];
  for (const placeState of ranked) {
    const place = story.places.find((p) => p.id === placeState.id);
    if (!place) continue;
    const [x, y] = toPixel(place.coordinates).map((v) => Math.round(v * 10) / 10) as [
      number,
      number,
    ];
    if (x < 0 || y < 0 || x > size.width || y > size.height) continue;
    const uncertain = place.confidence === 'unverified' || place.confidence === 'low';
    const weight = placeState.highlighted ? ' font-weight="700"' : '';
    if (place.kind !== 'country') {
      layers.push(
        uncertain
          ? `<circle cx="${x}" cy="${y}" r="9" fill="rgb(255 255 255 / 0.4)" stroke="#1d1d1d" stroke-width="1.5" stroke-dasharray="3 2"/><circle cx="${x}" cy="${y}" r="2.5" fill="#1d1d1d"/>`
          : `<circle cx="${x}" cy="${y}" r="4.5" fill="#1d1d1d" stroke="#fff" stroke-width="1.5"/>`
      );
    }
    // Right of the dot, as on the live map; left of it when the right is taken; then the
    // same a line lower.
    const width = Math.max(place.name.length * 7.2, (place.local?.text.length ?? 0) * 11) + 4;
    const height = 18 + (place.local ? 15 : 0) + (uncertain ? 13 : 0);
    const boxOf = ({ side, dy }: { side: 'right' | 'left'; dy: number }) => {
      const left = side === 'right' ? x + 10 : x - 10 - width;
      return { left, top: y - 10 + dy, right: left + width, bottom: y - 10 + dy + height };
    };
    const spot = LABEL_SPOTS.find((candidate) => {
      const b = boxOf(candidate);
      return !placed.some(
        (o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom
      );
    });
    if (!spot) continue;
    placed.push(boxOf(spot));
    const tx = spot.side === 'right' ? x + 12 : x - 12;
    const anchor = spot.side === 'right' ? '' : ' text-anchor="end"';
    labels.push(
      `<text x="${tx}" y="${y + 4 + spot.dy}" font-size="13"${weight}${anchor}>${escapeXml(place.name)}${
        place.local
          ? `<tspan x="${tx}" dy="15" font-size="11" fill="#444" lang="${escapeXml(place.local.lang)}">${escapeXml(place.local.text)}</tspan>`
          : ''
      }${uncertain ? `<tspan x="${tx}" dy="13" font-size="10" font-style="italic" fill="#555">${ui.map.approximate}</tspan>` : ''}</text>`
    );
  }
  const title = escapeXml(description);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="100%" height="100%" fill="${COLORS.sea}"/>`,
    layers.join(''),
    // Labels over everything, with a white halo, in fonts that have Chinese and Korean.
    `<g font-family="system-ui, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK KR', sans-serif" fill="#1d1d1d" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round">${labels.join('')}</g>`,
    `<text x="${size.width - 6}" y="${size.height - 6}" font-size="10" text-anchor="end" fill="#555">Natural Earth</text>`,
    `</svg>`,
  ].join('');
}
