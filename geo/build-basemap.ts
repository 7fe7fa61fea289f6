/**
 * Builds `geo/basemap.json`, the embedded basemap: Natural Earth 1:10m countries from the
 * `world-atlas` package, clipped to East Asia, simplified, with land borders as lines. Coasts are
 * not stored twice: the map draws them as the land's outline (src/lib/draw/style.ts). And
 * `geo/world.json`, the rest of the world, coarse (Natural Earth 1:110m), for the views that
 * reach beyond the region (Vancouver and Washington): drawn under the region, fetched after the
 * map's first view.
 *
 *   npm run basemap            # rewrite geo/basemap.json and geo/world.json
 *   npm run basemap -- --check # fail if the committed files differ from a fresh build
 *
 * Deterministic: the same package version gives the same bytes. Fails if the result is over
 * its gzipped budget. Detail is kept where the story zooms in (the Yalu at Dandong, the rail
 * line to Pyongyang) and thinned elsewhere, so the file stays small.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, LineString, MultiPolygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  clipLineAcrossWorlds,
  clipPolygon,
  roundLine,
  type BBox,
  type Position,
} from '../src/lib/geo/clip.ts';

/** The region the story can show, with a margin so no clipped edge is ever in view. */
export const REGION: BBox = [88, 2, 152, 60];
/**
 * Where the story zooms in close, with how much more detail to keep there (a vertex's weight is
 * multiplied by `boost`): the lower Yalu and the Pyongui Line in full, where the story goes to
 * zoom 12; the Pearl River Delta around Shenzhen enough for zoom 7 to 8.
 */
const DETAIL: { box: BBox; boost: number }[] = [
  { box: [123.2, 38.6, 126.6, 40.6], boost: Infinity },
  { box: [112.8, 21.4, 115.2, 23.4], boost: 30 },
];
/** Minimum Visvalingam weight kept outside the detail box (planar area, square degrees). */
const MIN_WEIGHT = 0.02;
/** Decimal places kept: 3 is about 100 m, under a pixel at the closest zoom the story uses. */
const DECIMALS = 3;
/** The budget from the issue: at most 60 KB gzipped. */
export const BUDGET_GZIP_BYTES = 60 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'basemap.json');
const worldOutput = join(here, 'world.json');
/** The world layer: all of it but Antarctica, where nothing of a story is. */
const WORLD: BBox = [-180, -60, 180, 85];
/** Its detail: Visvalingam weight kept (square degrees), decimals (1: about 10 km, under a pixel
 * at the zooms it is seen at). */
const WORLD_MIN_WEIGHT = 6;
const WORLD_DECIMALS = 1;

function inBox([lng, lat]: [number, number], box: BBox): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
}

/** Land carries its ISO 3166-1 numeric code; the few territories without one (Kosovo, northern
 * Cyprus, Somaliland…) are land with no `id`, so they are never a hole and never a region. */
type Properties = { kind: 'land'; id?: string } | { kind: 'border' };

export function buildBasemap(): FeatureCollection<MultiPolygon | LineString, Properties> {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-10m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const weighted = presimplify(topology);
  // Keep every vertex in the detail boxes: the Yalu border must read at Dandong's zoom.
  for (const arc of weighted.arcs) {
    for (const point of arc) {
      const detail = DETAIL.find(({ box }) => inBox([point[0]!, point[1]!], box));
      // Infinity × 0 would be NaN (and drop the vertex), so full detail is set, not multiplied.
      if (detail) point[2] = detail.boost === Infinity ? Infinity : point[2]! * detail.boost;
    }
  }
  return landAndBorders(simplify(weighted, MIN_WEIGHT), REGION, DECIMALS);
}

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * The countries of a simplified topology as land (by ISO code) and the borders between them,
 * cut to `box` across the antimeridian, their coordinates rounded to `decimals`.
 */
function landAndBorders(
  simple: Countries,
  box: BBox,
  decimals: number
): FeatureCollection<MultiPolygon | LineString, Properties> {
  const countries = simple.objects.countries;
  const features: Feature<MultiPolygon | LineString, Properties>[] = [];
  for (const geometry of countries.geometries) {
    const country = feature(simple, geometry);
    const shape = 'geometry' in country ? country.geometry : undefined;
    const polygons: Position[][][] =
      shape?.type === 'Polygon'
        ? [shape.coordinates as Position[][]]
        : shape?.type === 'MultiPolygon'
          ? (shape.coordinates as Position[][][])
          : [];
    const clipped = polygons
      .flatMap((rings) => clipPolygon(rings, box))
      .map((rings) => rings.map((ring) => roundLine(ring, decimals)))
      .filter((rings) => (rings[0]?.length ?? 0) >= 4);
    if (clipped.length === 0) continue;
    features.push({
      type: 'Feature',
      properties:
        geometry.id === undefined ? { kind: 'land' } : { kind: 'land', id: String(geometry.id) },
      geometry: { type: 'MultiPolygon', coordinates: clipped },
    });
  }
  const borders = mesh(simple, countries, (a, b) => a !== b).coordinates as Position[][];
  for (const part of borders) {
    for (const piece of clipLineAcrossWorlds(part, box)) {
      const rounded = roundLine(piece, decimals);
      if (rounded.length < 2) continue;
      features.push({
        type: 'Feature',
        properties: { kind: 'border' },
        geometry: { type: 'LineString', coordinates: rounded },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The world beyond the region, coarse: Natural Earth 1:110m land by country and the borders
 * between them, cut at the antimeridian, simplified. Under the region's own layer it is only
 * seen outside it.
 */
export function buildWorld(): FeatureCollection<MultiPolygon | LineString, Properties> {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Countries;
  return landAndBorders(simplify(presimplify(topology), WORLD_MIN_WEIGHT), WORLD, WORLD_DECIMALS);
}

function main(): void {
  const check = process.argv.includes('--check');
  const json = JSON.stringify(buildBasemap());
  const gzipped = gzipSync(json, { level: 9 }).length;
  const summary = `geo/basemap.json: ${(json.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_GZIP_BYTES / 1024} KB)`;
  if (gzipped > BUDGET_GZIP_BYTES) {
    console.error(`${summary}: over budget`);
    process.exit(1);
  }
  if (check) {
    const committed = readFileSync(output, 'utf8');
    const committedWorld = readFileSync(worldOutput, 'utf8');
    if (committed !== json || committedWorld !== JSON.stringify(buildWorld())) {
      console.error('geo/basemap.json is not what geo/build-basemap.ts makes: run npm run basemap');
      process.exit(1);
    }
    console.log(`${summary}: up to date`);
    return;
  }
  writeFileSync(output, json);
  console.log(summary);
  const world = JSON.stringify(buildWorld());
  writeFileSync(worldOutput, world);
  const worldGzipped = gzipSync(world, { level: 9 }).length;
  console.log(
    `geo/world.json: ${(world.length / 1024).toFixed(1)} KB, ${(worldGzipped / 1024).toFixed(1)} KB gzipped`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
