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
import { TILE_SIZE, project, resolveCamera, type Size } from '../map/camera';
import { COLORS } from '../map/style';
import { stepState } from '../state/step-state';
import type { LngLat, Story } from '../story/types';
import { describeStaticMap } from './describe';

/** The size static maps are drawn at, CSS pixels (they scale with the page). */
export const STATIC_MAP_SIZE: Size = { width: 640, height: 420 };

const NORTH_KOREA = '408';
/** A fit keeps its places clear of the edges: labels run right of their dot and two lines down. */
const FRAME = {
  cover: { top: 0, right: 0, bottom: 0, left: 0 },
  chrome: { top: 12, right: 150, bottom: 36, left: 12 },
};

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
  const camera = resolveCamera(state.camera, size, FRAME);
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

  const layers: string[] = [];
  for (const feature of basemap.features) {
    const kind = feature.properties?.kind;
    const d = draw(feature);
    if (!d) continue;
    if (kind === 'land') {
      const fill = feature.properties?.id === NORTH_KOREA ? COLORS.landNorthKorea : COLORS.land;
      layers.push(`<path d="${d}" fill="${fill}"/>`);
    } else if (kind === 'coast') {
      layers.push(`<path d="${d}" fill="none" stroke="${COLORS.coast}" stroke-width="0.8"/>`);
    } else if (kind === 'border') {
      layers.push(
        `<path d="${d}" fill="none" stroke="${COLORS.border}" stroke-width="0.9" stroke-dasharray="3 2"/>`
      );
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
    const dash = leg.certainty === 'schematic' ? ' stroke-dasharray="7 6"' : '';
    layers.push(
      `<path d="${d}" fill="none" stroke="${COLORS.casing}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`,
      `<path d="${d}" fill="none" stroke="${COLORS.route}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"${dash}/>`
    );
  }
  const labels: string[] = [];
  for (const placeState of state.places) {
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
    labels.push(
      `<text x="${x + 12}" y="${y + 4}" font-size="13"${weight}>${escapeXml(place.name)}${
        place.local
          ? `<tspan x="${x + 12}" dy="15" font-size="11" fill="#444" lang="${escapeXml(place.local.lang)}">${escapeXml(place.local.text)}</tspan>`
          : ''
      }${uncertain ? `<tspan x="${x + 12}" dy="13" font-size="10" font-style="italic" fill="#555">approximate</tspan>` : ''}</text>`
    );
  }
  const title = escapeXml(describeStaticMap(story, stepIndex));
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
