/**
 * The embedded basemap, made for a story at build time: Natural Earth 1:10m countries from the
 * `world-atlas` package, clipped to where the story looks (`basemapAreas` in
 * geo/detail-areas.ts, from its cameras), simplified to what a pixel shows at the closest zoom
 * each part is seen at, with land borders as lines (and, the same way, the first view's own
 * basemap, which the map draws until the whole one has come). Coasts are not stored twice: the map draws
 * them as the land's outline (src/lib/draw/style.ts). The story plugin
 * (src/lib/story/vite-plugin.ts) calls `buildBasemap`; nothing about any story is here.
 *
 * And `geo/world.json`, the whole world, coarse (Natural Earth 1:110m), for the views that
 * reach beyond the story's areas: drawn under them, fetched after the map's first view. It is
 * the engine's, the same for every story, and committed, with `geo/countries.ts` (the countries
 * the basemap can shade, by code, for the story checker):
 *
 *   npm run basemap            # rewrite geo/world.json and geo/countries.ts
 *   npm run basemap -- --check # fail if the committed files differ from a fresh build
 *
 * Deterministic: the same package version and story give the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  boxRing,
  clipLineAcrossWorlds,
  clipPolygon,
  roundLine,
  type BBox,
  type Position,
} from '../src/lib/geo/clip.ts';
import { SOURCE_MAX_ZOOM } from '../src/lib/draw/style.ts';
import { TILE_SIZE } from '../src/lib/geo/camera.ts';

/**
 * Where a story looks: the boxes the basemap is cut to (not overlapping, none across the
 * antimeridian), and within them each view's box with the closest zoom it is seen at.
 */
export interface BasemapAreas {
  region: BBox[];
  views: { box: BBox; zoom: number }[];
}

/**
 * How much a vertex must matter to be kept, in square pixels at the zoom its place is seen at
 * (Visvalingam's effective area): a triangle smaller than this is not seen.
 */
const MIN_PIXELS = 25;
/**
 * Most decimal places kept: 3 is about 100 m, finer than the 1:10m data itself (closer views
 * get the extracted detail, geo/extract-detail.ts). A basemap seen only from afar (the first
 * view's) keeps fewer: as many as half a pixel at its closest zoom needs (`decimalsFor`).
 */
const DECIMALS = 3;
/**
 * From this zoom on each vertex of the 1:10m data is kept: the map cuts the basemap's tiles no
 * closer (SOURCE_MAX_ZOOM, src/lib/draw/style.ts), and scales them up beyond.
 */
const FULL_ZOOM = SOURCE_MAX_ZOOM.basemap;
/**
 * The gzipped size over which the build says the basemap is heavy for a phone (it comes before
 * the map's first view): a story seen close over a large area should have its detail extracted
 * instead (`npm run detail`).
 */
export const BUDGET_GZIP_BYTES = 60 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const worldOutput = join(here, 'world.json');
const countriesOutput = join(here, 'countries.ts');
/** The world layer: all of it but Antarctica, where nothing of a story is. */
const WORLD: BBox = [-180, -60, 180, 85];
/** Its detail: Visvalingam weight kept (square degrees), decimals (1: about 10 km, under a pixel
 * at the zooms it is seen at). */
const WORLD_MIN_WEIGHT = 6;
const WORLD_DECIMALS = 1;

function inBox([lng, lat]: [number, number], box: BBox): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
}

/** A pixel's width at `zoom`, in degrees of longitude. */
const pixelDegrees = (zoom: number) => 360 / (TILE_SIZE * 2 ** zoom);

/** A pixel's area at `zoom`, in square degrees (at the equator; smaller towards the poles). */
function pixelArea(zoom: number): number {
  return pixelDegrees(zoom) ** 2;
}

/**
 * The decimal places that keep every vertex within half a pixel at `zoom` (rounding moves it
 * by half a unit of the last place at most), and no more than DECIMALS.
 */
export function decimalsFor(zoom: number): number {
  return Math.min(DECIMALS, Math.max(0, Math.ceil(Math.log10(1 / pixelDegrees(zoom)))));
}

/**
 * Land carries its ISO 3166-1 numeric code; the few territories without one (Kosovo, northern
 * Cyprus, Somaliland…) are land with no `id`, so they are never a hole and never a region. The
 * basemap's ground is each box it was cut to, drawn by the static maps in the sea's colour
 * over the whole world layer, so that the world's 1:110m land never shows through a bay of
 * the finer land (the live map's world is cut to outside the boxes instead: worldOutside).
 */
type Properties = { kind: 'land'; id?: string } | { kind: 'border' } | { kind: 'ground' };

/**
 * The 1:10m countries with each vertex's effective area (`presimplify`), and those areas apart:
 * the same for every story and most of a basemap's making (about 0.7 s, and as much again in
 * garbage collection), so made once per process, not for each basemap. A build loads this
 * module twice (Vite bundles the config again for SvelteKit's server build), hence a global
 * under a registered symbol rather than a module variable; it lives as long as Node's cache of
 * the `require`d data it comes from. `buildBasemap` rewrites the weights from its areas.
 */
interface Presimplified {
  topology: Countries;
  areas: Float64Array[];
}
const PRESIMPLIFIED = Symbol.for('storymap:presimplified-countries-10m');
function presimplifiedCountries(): Presimplified {
  const held = globalThis as typeof globalThis & { [PRESIMPLIFIED]?: Presimplified };
  if (!held[PRESIMPLIFIED]) {
    const require = createRequire(import.meta.url);
    const topology = presimplify(require('world-atlas/countries-10m.json') as Countries);
    held[PRESIMPLIFIED] = {
      topology: topology as Countries,
      areas: topology.arcs.map((arc) => Float64Array.from(arc, (point) => point[2]!)),
    };
  }
  return held[PRESIMPLIFIED];
}

export function buildBasemap(
  areas: BasemapAreas
): FeatureCollection<Polygon | MultiPolygon | LineString, Properties> {
  const { topology: weighted, areas: effective } = presimplifiedCountries();
  // Each vertex is weighed against a pixel where it is seen closest: kept where it shows.
  const widest = Math.min(...areas.views.map((view) => view.zoom));
  weighted.arcs.forEach((arc, a) => {
    arc.forEach((point, i) => {
      const at: [number, number] = [point[0]!, point[1]!];
      let zoom = -Infinity;
      for (const view of areas.views) if (inBox(at, view.box)) zoom = Math.max(zoom, view.zoom);
      // Outside every view (in a region box's corners) it counts at the region's widest zoom.
      if (zoom === -Infinity) zoom = widest;
      point[2] = zoom >= FULL_ZOOM ? Infinity : effective[a]![i]! / (MIN_PIXELS * pixelArea(zoom));
    });
  });
  const simple = simplify(weighted, 1);
  const grounds = areas.region.map((box): Feature<Polygon, Properties> => ({
    type: 'Feature',
    properties: { kind: 'ground' },
    geometry: { type: 'Polygon', coordinates: [boxRing(box)] },
  }));
  const closest = Math.max(...areas.views.map((view) => view.zoom));
  const collections = areas.region.map((box) => landAndBorders(simple, box, decimalsFor(closest)));
  return {
    type: 'FeatureCollection',
    features: [...grounds, ...collections.flatMap((c) => c.features)],
  };
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

/** `box` within −180…180, split in two where it crosses the antimeridian. */
function withinWorld([w, s, e, n]: BBox): BBox[] {
  const pieces: BBox[] =
    e > 180
      ? [
          [w, s, 180, n],
          [-180, s, e - 360, n],
        ]
      : w < -180
        ? [
            [w + 360, s, 180, n],
            [-180, s, e, n],
          ]
        : [[w, s, e, n]];
  return pieces.filter((box) => box[2] > box[0]);
}

/**
 * The world layer (geo/world.json) cut to outside the region's boxes, for the live map. Inside
 * them the basemap's finer land is drawn, and the world there was drawn each map frame for
 * nothing seen (issue 23, bench/frame-cost.ts). Outside the boxes the world is split into
 * rectangles on a grid of the boxes' edges (runs of a row merged), and its land and borders
 * are clipped to each, exactly at the edges: the live map draws no ground over the world (the
 * static maps, with the whole world, still do).
 */
export function worldOutside(
  world: FeatureCollection<MultiPolygon | LineString, Properties>,
  region: readonly BBox[]
): FeatureCollection<MultiPolygon | LineString, Properties> {
  const boxes = region.flatMap(withinWorld);
  const edges = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const xs = edges([WORLD[0], WORLD[2], ...boxes.flatMap(([w, , e]) => [w, e])]);
  const ys = edges([
    WORLD[1],
    WORLD[3],
    ...boxes.flatMap(([, s, , n]) => [clamp(s, WORLD[1], WORLD[3]), clamp(n, WORLD[1], WORLD[3])]),
  ]).filter((y) => y >= WORLD[1] && y <= WORLD[3]);
  const covered = (x: number, y: number) =>
    boxes.some(([w, s, e, n]) => x > w && x < e && y > s && y < n);
  const cells: BBox[] = [];
  for (let j = 0; j + 1 < ys.length; j++) {
    let run: BBox | undefined;
    for (let i = 0; i + 1 < xs.length; i++) {
      const cell: BBox = [xs[i]!, ys[j]!, xs[i + 1]!, ys[j + 1]!];
      if (covered((cell[0] + cell[2]) / 2, (cell[1] + cell[3]) / 2)) {
        run = undefined;
      } else if (run) {
        run[2] = cell[2];
      } else {
        run = cell;
        cells.push(run);
      }
    }
  }
  const features: Feature<MultiPolygon | LineString, Properties>[] = [];
  for (const item of world.features) {
    if (item.geometry.type === 'MultiPolygon') {
      const polygons = cells.flatMap((cell) =>
        (item.geometry as MultiPolygon).coordinates.flatMap((rings) =>
          clipPolygon(rings as Position[][], cell)
            // Its own points keep their one decimal; those the cut adds stay on the edge.
            .map((clipped) => clipped.map((ring) => roundLine(ring, DECIMALS)))
            .filter((clipped) => (clipped[0]?.length ?? 0) >= 4)
        )
      );
      if (polygons.length > 0) {
        features.push({ ...item, geometry: { type: 'MultiPolygon', coordinates: polygons } });
      }
    } else {
      for (const cell of cells) {
        for (const piece of clipLineAcrossWorlds(item.geometry.coordinates as Position[], cell)) {
          const rounded = roundLine(piece, DECIMALS);
          if (rounded.length >= 2) {
            features.push({ ...item, geometry: { type: 'LineString', coordinates: rounded } });
          }
        }
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** geo/countries.ts: every country of the 1:10m data that has a code, by code, with its name. */
export function countriesModule(): string {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-10m.json') as Countries;
  // A code held by two pieces of land (Australia's, by Ashmore and Cartier Islands too) is
  // named by the first, the country.
  const names = new Map<string, string>();
  for (const geometry of topology.objects.countries.geometries) {
    const name = (geometry.properties as { name: string } | undefined)?.name;
    if (geometry.id === undefined || name === undefined) continue;
    if (!names.has(String(geometry.id))) names.set(String(geometry.id), name);
  }
  const entries = [...names].sort(([a], [b]) => a.localeCompare(b));
  // Quoted as Prettier quotes (single quotes, double where the name has an apostrophe).
  const quote = (name: string) => (name.includes("'") ? JSON.stringify(name) : `'${name}'`);
  const lines = entries.map(([id, name]) => `  '${id}': ${quote(name)},`);
  return `/**
 * The countries the built-in basemap can shade (Natural Earth 1:10m, from the world-atlas
 * package), by the ISO 3166-1 numeric code it names them with, and their names for editors'
 * messages. Written by geo/build-basemap.ts (\`npm run basemap\`); only the story checker reads
 * it (readers never download it).
 */
export const COUNTRIES: Readonly<Record<string, string>> = {
${lines.join('\n')}
};
`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const world = JSON.stringify(buildWorld());
  const countries = countriesModule();
  if (check) {
    if (readFileSync(worldOutput, 'utf8') !== world) {
      console.error('geo/world.json is not what geo/build-basemap.ts makes: run npm run basemap');
      process.exit(1);
    }
    if (readFileSync(countriesOutput, 'utf8') !== countries) {
      console.error('geo/countries.ts is not what geo/build-basemap.ts makes: run npm run basemap');
      process.exit(1);
    }
    console.log('geo/world.json and geo/countries.ts: up to date');
    return;
  }
  writeFileSync(worldOutput, world);
  writeFileSync(countriesOutput, countries);
  const worldGzipped = gzipSync(world, { level: 9 }).length;
  console.log(
    `geo/world.json: ${(world.length / 1024).toFixed(1)} KB, ${(worldGzipped / 1024).toFixed(1)} KB gzipped; geo/countries.ts`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
