/**
 * Extracts, once, the cartographic detail the story's close zooms need, from GSHHG (shorelines,
 * full resolution) and WDBII (rivers and borders), through Debian's GMT, into the story
 * folder's detail.json, which is committed: the build needs no GMT. Where the areas come from: geo/detail-areas.ts.
 *
 *   apt-get install gmt gmt-gshhg-full    # once, on the machine that extracts
 *   npm run detail                        # the flagship's detail.json
 *   STORY=story/my-story npm run detail   # another story's
 *
 * In each close area: its ground, its land by country (GMT's land mask cut by the detailed
 * borders, traced with d3-contour, simplified with topojson-simplify), the coastline, the
 * national borders and the rivers as lines; in each wide area, its major rivers. Lines are
 * simplified with GMT (Douglas–Peucker, to under a pixel at the zoom they are drawn from) and
 * cut to their area, and coordinates rounded.
 *
 * GSHHG and WDBII: P. Wessel and W. H. F. Smith, GNU LGPL (credited in the story and on the map).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contours } from 'd3-contour';
import { feature } from 'topojson-client';
import { topology as topologyOf } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { boxRing, clipLine, type BBox, type Position } from '../src/lib/geo/clip.ts';
import { readStoryFiles, storyFolder } from '../src/lib/story/files.ts';
import { loadStory } from '../src/lib/story/load.ts';
import type { Story } from '../src/lib/story/types.ts';
import { detailAreas } from './detail-areas.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');

/** Grid cell of the land mask in close areas, degrees (about 30 m). */
const MASK_CELL = 0.0003;
/** Simplification tolerance, metres: about a pixel at the zoom each kind is drawn from. */
const TOLERANCE = { close: 10, wide: 400 };
/** Decimal places kept: 5 is about a metre, 3 about 100 m. */
const DECIMALS = { close: 5, wide: 3 };
/**
 * River levels kept (WDBII: 1 double-lined, 2 permanent major, 3 additional major, 4 other
 * permanent rivers): all permanent rivers close up, the major ones in wide areas.
 */
const LEVELS = { close: [1, 2, 3, 4], wide: [1, 2, 3] };
/** In wide areas only rivers at least this long are kept, km: the short ones are clutter there. */
const MIN_WIDE_RIVER_KM = 40;

/** A line's length, km (equirectangular: good enough to tell a long river from a short one). */
function lengthKm(points: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const k = Math.cos((((y0! + y1!) / 2) * Math.PI) / 180);
    km += Math.hypot((x1! - x0!) * k, y1! - y0!) * 111.32;
  }
  return km;
}

export type DetailKind = 'ground' | 'land' | 'coast' | 'river' | 'border';
export interface DetailProperties {
  kind: DetailKind;
  area: 'close' | 'wide';
  /** WDBII's river level (1–4), for rivers. */
  level?: number;
  /** The country of a piece of land: its ISO 3166-1 numeric code, as the basemap has it. */
  id?: string;
}

const region = ([w, s, e, n]: BBox) => `-R${w}/${e}/${s}/${n}`;

function gmt(args: string[], input?: string): string {
  return execFileSync('gmt', args, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...(input !== undefined && { input }),
  });
}

/** A GMT multisegment file as lines, each with the level its header names (if any). */
function segments(text: string): { level: number | undefined; points: Position[] }[] {
  const out: { level: number | undefined; points: Position[] }[] = [];
  let current: { level: number | undefined; points: Position[] } | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const level = /Level (\d+)/.exec(line)?.[1];
      current = { level: level === undefined ? undefined : Number(level), points: [] };
      out.push(current);
    } else if (line.trim()) {
      // GMT may leave out the header of a file's first segment.
      if (!current) out.push((current = { level: undefined, points: [] }));
      const [x, y] = line.trim().split(/\s+/).map(Number);
      current.points.push([x!, y!]);
    }
  }
  return out.filter((segment) => segment.points.length >= 2);
}

/**
 * Joins segments end to end (GMT cuts lines at its bins; ends within `joinMetres` meet) and
 * simplifies them, per level.
 */
function cleaned(
  lines: { level: number | undefined; points: Position[] }[],
  tolerance: number,
  joinMetres: number
) {
  const byLevel = new Map<number | undefined, Position[][]>();
  for (const line of lines)
    byLevel.set(line.level, [...(byLevel.get(line.level) ?? []), line.points]);
  const out: { level: number | undefined; points: Position[] }[] = [];
  for (const [level, group] of byLevel) {
    const text = group
      .map((points) => `>\n${points.map((p) => p.join(' ')).join('\n')}`)
      .join('\n');
    const joined = gmt(['connect', `-T${joinMetres}e`, '-fg'], text);
    const simple = gmt(['simplify', `-T${tolerance}e`, '-fg'], joined);
    for (const segment of segments(simple)) out.push({ level, points: segment.points });
  }
  return out;
}

const round = (points: Position[], decimals: number): Position[] => {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const [x, y] of points) {
    const p: Position = [Math.round(x! * f) / f, Math.round(y! * f) / f];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

/** GMT's lines of one kind, cut to `box` (GMT gives whole lines that cross it). */
function lineFeatures(
  text: string,
  kind: DetailKind,
  area: 'close' | 'wide',
  box: BBox,
  levels?: readonly number[]
): Feature<LineString, DetailProperties>[] {
  const kept = segments(text).filter(
    (segment) => !levels || (segment.level !== undefined && levels.includes(segment.level))
  );
  // WDBII's borders have gaps of a few hundred metres (one at the Friendship Bridge): joined,
  // a border cuts the land it runs through.
  const join = kind === 'border' ? 600 : 1;
  return cleaned(kept, TOLERANCE[area], join).flatMap(({ level, points }) =>
    clipLine(points, box).flatMap((piece) => {
      const coordinates = round(piece, DECIMALS[area]);
      if (coordinates.length < 2) return [];
      if (area === 'wide' && lengthKm(coordinates) < MIN_WIDE_RIVER_KM) return [];
      return [
        {
          type: 'Feature' as const,
          properties: { kind, area, ...(kind === 'river' && level !== undefined && { level }) },
          geometry: { type: 'LineString' as const, coordinates },
        },
      ];
    })
  );
}

/** A feature's planar bounding box (a small ring d3-geo reads as the world's complement is
 * still small here, so it is never taken for the place a point is in). */
const boundsCache = new WeakMap<Feature, BBox>();
function planarBounds(feature: Feature): BBox {
  let bounds = boundsCache.get(feature);
  if (!bounds) {
    bounds = [Infinity, Infinity, -Infinity, -Infinity];
    const visit = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (typeof value[0] === 'number') {
        const [x, y] = value as [number, number];
        bounds = [
          Math.min(bounds![0], x),
          Math.min(bounds![1], y),
          Math.max(bounds![2], x),
          Math.max(bounds![3], y),
        ];
      } else value.forEach(visit);
    };
    if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
    boundsCache.set(feature, bounds);
  }
  return bounds;
}
const inBox = ([x, y]: Position, [w, s, e, n]: BBox) => x! >= w && x! <= e && y! >= s && y! <= n;

interface Mask {
  /** 1 for land, 0 for water, row by row from the north-west corner. */
  land: Uint8Array;
  width: number;
  height: number;
  west: number;
  north: number;
  dx: number;
  dy: number;
}

/** GMT's land mask of full-resolution GSHHG in `box` (lakes count as water). */
function landMask(box: BBox, folder: string): Mask {
  const grid = join(folder, 'mask.nc');
  // Cells of MASK_CELL, the region widened to a whole number of them (+e), one value a cell.
  gmt(['grdlandmask', region(box), `-I${MASK_CELL}+e`, '-Df', '-N0/1/0/1/0', `-G${grid}`, '-r']);
  const info = gmt(['grdinfo', '-C', grid]).trim().split(/\s+/);
  const [west, , , north] = info.slice(1, 5).map(Number) as [number, number, number, number];
  const [dx, dy, width, height] = info.slice(7, 11).map(Number) as [number, number, number, number];
  const values = gmt(['grd2xyz', grid, '-ZTLa']).trim().split(/\s+/);
  if (values.length !== width * height) throw new Error('unexpected grid size from grd2xyz');
  const land = Uint8Array.from(values, (v) => (Number(v) > 0.5 ? 1 : 0));
  return { land, width, height, west, north, dx, dy };
}

/**
 * Which country each land cell belongs to: the detailed borders (`borders`) are drawn into the
 * grid as walls, each piece of land they enclose is filled, and named by the general basemap's
 * country under most of it (a piece the borders do not cut is one country). Cells under a wall
 * take their neighbour's country. Returns a country code per cell ('' for water).
 */
function countriesOf(mask: Mask, borders: Position[][], countries: Feature[]): string[] {
  const { land, width, height, west, north, dx, dy } = mask;
  const wall = new Uint8Array(width * height);
  const cellOf = ([lng, lat]: Position) => {
    const x = Math.floor((lng! - west) / dx);
    const y = Math.floor((north - lat!) / dy);
    return x >= 0 && y >= 0 && x < width && y < height ? y * width + x : -1;
  };
  for (const line of borders) {
    for (let i = 1; i < line.length; i++) {
      const [x0, y0] = line[i - 1]!;
      const [x1, y1] = line[i]!;
      const steps = Math.ceil(Math.max(Math.abs(x1! - x0!) / dx, Math.abs(y1! - y0!) / dy) * 3);
      for (let k = 0; k <= steps; k++) {
        const t = steps === 0 ? 0 : k / steps;
        const cell = cellOf([x0! + (x1! - x0!) * t, y0! + (y1! - y0!) * t]);
        // A wall three cells thick: no piece of land leaks past it at a corner.
        if (cell < 0) continue;
        for (const n of [cell, cell - 1, cell + 1, cell - width, cell + width]) {
          if (n >= 0 && n < wall.length) wall[n] = 1;
        }
      }
    }
  }
  const country: string[] = Array.from({ length: width * height }, () => '');
  const piece = new Int32Array(width * height).fill(-1);
  const pieces: number[][] = [];
  for (let start = 0; start < land.length; start++) {
    if (!land[start] || wall[start] || piece[start]! >= 0) continue;
    const cells: number[] = [];
    const stack = [start];
    piece[start] = pieces.length;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      cells.push(cell);
      const x = cell % width;
      for (const n of [
        x > 0 ? cell - 1 : -1,
        x < width - 1 ? cell + 1 : -1,
        cell - width,
        cell + width,
      ]) {
        if (n < 0 || n >= land.length || !land[n] || wall[n] || piece[n]! >= 0) continue;
        piece[n] = pieces.length;
        stack.push(n);
      }
    }
    pieces.push(cells);
  }
  for (const cells of pieces) {
    // The general map's country under a sample of the piece's cells, by majority.
    const votes = new Map<string, number>();
    const every = Math.max(1, Math.floor(cells.length / 60));
    for (let i = 0; i < cells.length; i += every) {
      const cell = cells[i]!;
      const at: [number, number] = [
        west + ((cell % width) + 0.5) * dx,
        north - (Math.floor(cell / width) + 0.5) * dy,
      ];
      const found = countries.find((c) => inBox(at, planarBounds(c)) && geoContains(c, at));
      const id = found ? String(found.id) : '';
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [winner, runnerUp] = ranked;
    // A large piece that is really two countries would be coloured as one: say so.
    if (cells.length > 1000 && winner && runnerUp && runnerUp[1] > winner[1] / 4) {
      throw new Error(
        `a piece of land of ${cells.length} cells lies in ${winner[0]} and ${runnerUp[0]}: the detailed borders do not cut it`
      );
    }
    const id = winner?.[0] ?? '';
    for (const cell of cells) country[cell] = id;
  }
  // Cells under a wall take the country of a land neighbour.
  for (let pass = 0; pass < 4; pass++) {
    for (let cell = 0; cell < land.length; cell++) {
      if (!land[cell] || country[cell]) continue;
      const x = cell % width;
      const next = [
        x > 0 ? cell - 1 : -1,
        x < width - 1 ? cell + 1 : -1,
        cell - width,
        cell + width,
      ]
        .filter((n) => n >= 0 && n < land.length)
        .map((n) => country[n])
        .find((id) => id);
      if (next) country[cell] = next;
    }
  }
  return country;
}

/** The cells of one value traced as polygons, simplified and rounded, in degrees. */
function traced(mask: Mask, inside: (cell: number) => boolean): Position[][][] {
  const { width, height, west, north, dx, dy } = mask;
  const values = Array.from({ length: width * height }, (_, cell) => (inside(cell) ? 1 : 0));
  const [shape] = contours().size([width, height]).thresholds([0.5])(values);
  if (!shape || shape.coordinates.length === 0) return [];
  const toLngLat = ([x, y]: Position): Position => [west + x! * dx, north - y! * dy];
  const feature0: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPolygon',
      coordinates: shape.coordinates.map((polygon) => polygon.map((ring) => ring.map(toLngLat))),
    },
  };
  const topology = presimplify(topologyOf({ shape: feature0 }));
  const simple = simplify(topology, MASK_CELL * MASK_CELL);
  const back = feature(simple, simple.objects.shape as GeometryObject) as Feature<MultiPolygon>;
  return back.geometry.coordinates
    .map((polygon) => polygon.map((ring) => round(ring as Position[], DECIMALS.close)))
    .map((polygon) => polygon.filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
}

/**
 * A close area drawn anew: its ground (the box), and its land by country, from the land mask
 * cut by the detailed borders.
 */
function groundAndLand(
  box: BBox,
  borders: Position[][],
  countries: Feature[],
  folder: string
): Feature<Polygon | MultiPolygon, DetailProperties>[] {
  const mask = landMask(box, folder);
  const country = countriesOf(mask, borders, countries);
  const out: Feature<Polygon | MultiPolygon, DetailProperties>[] = [
    {
      type: 'Feature',
      properties: { kind: 'ground', area: 'close' },
      geometry: { type: 'Polygon', coordinates: [boxRing(box)] },
    },
  ];
  for (const id of new Set(country.filter((c) => c))) {
    const coordinates = traced(mask, (cell) => country[cell] === id);
    if (coordinates.length === 0) continue;
    out.push({
      type: 'Feature',
      properties: { kind: 'land', area: 'close', id },
      geometry: { type: 'MultiPolygon', coordinates },
    });
  }
  return out;
}

export function extractDetail(
  story: Story
): FeatureCollection<LineString | Polygon | MultiPolygon, DetailProperties> {
  const areas = detailAreas(story);
  const require = createRequire(import.meta.url);
  const atlas = require('world-atlas/countries-10m.json') as Topology<{
    countries: GeometryCollection;
  }>;
  const countries = (feature(atlas, atlas.objects.countries) as FeatureCollection).features;
  const folder = mkdtempSync(join(tmpdir(), 'storymap-detail-'));
  const features: Feature<LineString | Polygon | MultiPolygon, DetailProperties>[] = [];
  try {
    for (const box of areas.close) {
      const borders = lineFeatures(
        gmt(['coast', region(box), '-Df', '-N1', '-M']),
        'border',
        'close',
        box
      );
      features.push(
        ...groundAndLand(
          box,
          borders.map((b) => b.geometry.coordinates as Position[]),
          countries,
          folder
        ),
        ...lineFeatures(gmt(['coast', region(box), '-Df', '-W1', '-M']), 'coast', 'close', box),
        ...lineFeatures(
          gmt(['coast', region(box), '-Df', '-Ia', '-M']),
          'river',
          'close',
          box,
          LEVELS.close
        ),
        ...borders
      );
    }
    for (const box of areas.wide) {
      features.push(
        ...lineFeatures(
          gmt(['coast', region(box), '-Df', '-Ia', '-M']),
          'river',
          'wide',
          box,
          LEVELS.wide
        )
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { type: 'FeatureCollection', features };
}

function main(): void {
  const folder = storyFolder(ROOT);
  const json = JSON.stringify(extractDetail(loadStory(readStoryFiles(ROOT, folder))));
  writeFileSync(folder.detail, json);
  const gzipped = gzipSync(json, { level: 9 }).length;
  console.log(
    `${relative(ROOT, folder.detail)}: ${(json.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
