import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BUDGET_GZIP_BYTES, REGION, buildBasemap, buildWorld } from '../../geo/build-basemap';
import {
  clipLine,
  clipLineAcrossWorlds,
  clipPolygon,
  clipRing,
  roundLine,
  unwrapLongitudes,
  type BBox,
  type Position,
} from '../../src/lib/geo/clip';
import { lineUpTo, midpoint } from '../../src/lib/geo/line';
import { BASEMAP_COUNTRIES } from '../../geo/basemap-countries';
import { COLORS, embeddedStyle } from '../../src/lib/draw/style';
import { ROOT } from './helpers';

describe('unwrapLongitudes', () => {
  it('continues past 180° instead of jumping to -180°', () => {
    expect(
      unwrapLongitudes([
        [178, 0],
        [-179, 1],
        [-178, 2],
        [179, 3],
      ])
    ).toEqual([
      [178, 0],
      [181, 1],
      [182, 2],
      [179, 3],
    ]);
  });
});

describe('clipRing', () => {
  const box: BBox = [0, 0, 10, 10];
  it('keeps a ring inside the box and closes it', () => {
    const ring: Position[] = [
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 1],
    ];
    expect(clipRing(ring, box)).toEqual(ring);
  });

  it('cuts a ring that overlaps the box to the box', () => {
    const clipped = clipRing(
      [
        [-5, 5],
        [5, 5],
        [5, 15],
        [-5, 15],
        [-5, 5],
      ],
      box
    );
    for (const [x, y] of clipped) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(10);
    }
    expect(clipped[0]).toEqual(clipped.at(-1));
  });

  it('returns nothing for a ring outside the box', () => {
    expect(
      clipRing(
        [
          [20, 20],
          [21, 20],
          [21, 21],
          [20, 20],
        ],
        box
      )
    ).toEqual([]);
  });
});

describe('clipPolygon across the antimeridian', () => {
  // A ring like Russia's Chukotka, crossing 180° in two segments.
  const ring: Position[] = [
    [175, 65],
    [-175, 65],
    [-175, 70],
    [175, 70],
    [175, 65],
  ];

  it('clips to a box east of 180° without a world-wide edge', () => {
    const polygons = clipPolygon([ring], [-180, 60, -170, 75]);
    expect(polygons).toHaveLength(1);
    for (const [x] of polygons[0]![0]!) {
      expect(x).toBeGreaterThanOrEqual(-180);
      expect(x).toBeLessThanOrEqual(-175);
    }
  });

  it('leaves a box far from the ring empty (no stray segment crosses it)', () => {
    expect(clipPolygon([ring], [88, 2, 152, 60])).toEqual([]);
    expect(clipPolygon([ring], [0, 60, 10, 75])).toEqual([]);
  });
});

describe('clipLine', () => {
  it('splits a line that leaves and re-enters the box', () => {
    const pieces = clipLine(
      [
        [1, 1],
        [20, 1],
        [20, 2],
        [1, 2],
      ],
      [0, 0, 10, 10]
    );
    expect(pieces).toEqual([
      [
        [1, 1],
        [10, 1],
      ],
      [
        [10, 2],
        [1, 2],
      ],
    ]);
  });

  it('drops a segment that jumps the antimeridian across the box', () => {
    expect(
      clipLineAcrossWorlds(
        [
          [179, 30],
          [-179, 30],
        ],
        [88, 2, 152, 60]
      )
    ).toEqual([]);
  });
});

describe('roundLine', () => {
  it('rounds and removes the duplicates rounding creates', () => {
    expect(
      roundLine(
        [
          [1.00001, 2],
          [1.00002, 2],
          [1.5, 2],
        ],
        3
      )
    ).toEqual([
      [1, 2],
      [1.5, 2],
    ]);
  });
});

describe('lineUpTo', () => {
  const line: [number, number][] = [
    [0, 0],
    [0, 1],
    [0, 3],
  ];
  it('returns the first part of the line by length', () => {
    expect(lineUpTo(line, 0.5)).toEqual([
      [0, 0],
      [0, 1],
      [0, 1.5],
    ]);
  });
  it('gives the whole line at 1 and a point at 0', () => {
    expect(lineUpTo(line, 1)).toEqual(line);
    expect(lineUpTo(line, 0)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(lineUpTo(line, Number.NaN)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
  it('finds the midpoint', () => {
    expect(midpoint(line)).toEqual([0, 1.5]);
  });
});

/** Every line of a basemap feature: a border, or the rings of a country's land. */
function linesOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates as Position[]];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).flat();
  return [];
}

describe('the world beyond the region (geo/world.json)', () => {
  const committed = readFileSync(join(ROOT, 'geo/world.json'), 'utf8');
  const world = JSON.parse(committed) as FeatureCollection;

  // Rebuilding takes a few seconds of CPU: a deliberate limit, roomy for a busy machine.
  it(
    'is what geo/build-basemap.ts makes (rerun `npm run basemap` after changing it)',
    { timeout: 120_000 },
    () => {
      expect(JSON.stringify(buildWorld())).toBe(committed);
    }
  );

  it('has land by country and borders, cut at the antimeridian, and stays small', () => {
    expect(gzipSync(committed, { level: 9 }).length).toBeLessThan(10 * 1024);
    const kinds = new Set(world.features.map((f) => f.properties?.kind as string));
    expect(kinds).toEqual(new Set(['land', 'border']));
    // Canada and the United States are there, for the views that reach them.
    const ids = world.features.map((f) => f.properties?.id as string | undefined);
    expect(ids).toContain('124');
    expect(ids).toContain('840');
    // A code is three digits or absent (Kosovo has none): never the text "undefined".
    for (const id of ids) if (id !== undefined) expect(id).toMatch(/^\d{3}$/);
    const land = world.features.filter((f) => f.properties?.kind === 'land');
    expect(land.filter((f) => f.properties?.id === undefined).length).toBeLessThan(5);
    for (const feature of world.features) {
      for (const line of linesOf(feature.geometry)) {
        for (let i = 1; i < line.length; i++) {
          const [x, y] = line[i]!;
          expect(x >= -180 && x <= 180 && y >= -60 && y <= 85).toBe(true);
          // No line across the world: a long step runs only along its cut edge.
          const [px] = line[i - 1]!;
          if (Math.abs(x - px) > 90) expect(Math.abs(x) === 180 || Math.abs(px) === 180).toBe(true);
        }
      }
    }
  });
});

describe('the embedded basemap', () => {
  const committed = readFileSync(join(ROOT, 'geo/basemap.json'), 'utf8');
  const basemap = JSON.parse(committed) as FeatureCollection;

  // Rebuilding takes a few seconds of CPU: a deliberate limit, roomy for a busy machine.
  it(
    'is what geo/build-basemap.ts makes (rerun `npm run basemap` after changing it)',
    { timeout: 120_000 },
    () => {
      expect(JSON.stringify(buildBasemap())).toBe(committed);
    }
  );

  it('stays within its gzipped budget', () => {
    expect(gzipSync(committed, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('has land and borders (coasts are the land outline), all inside the region, with no antimeridian jumps', () => {
    const kinds = new Set(basemap.features.map((f) => f.properties?.kind as string));
    expect(kinds).toEqual(new Set(['land', 'border']));
    const onRegionEdge = ([x, y]: Position) =>
      x === REGION[0] || x === REGION[2] || y === REGION[1] || y === REGION[3];
    for (const feature of basemap.features) {
      const isFill = feature.geometry.type === 'MultiPolygon';
      for (const line of linesOf(feature.geometry)) {
        for (let i = 0; i < line.length; i++) {
          const [x, y] = line[i]!;
          expect(x >= REGION[0] && x <= REGION[2] && y >= REGION[1] && y <= REGION[3]).toBe(true);
          if (i === 0) continue;
          const previous = line[i - 1]!;
          // Only a fill may run a long way, and only along the region's edge where it was cut.
          const long = Math.abs(x - previous[0]) > 10;
          if (long) expect(isFill && onRegionEdge(previous) && onRegionEdge([x, y])).toBe(true);
        }
      }
    }
  });

  it('draws the China–North Korea border near Dandong (the Yalu)', () => {
    const near = basemap.features.some(
      (f) =>
        f.properties?.kind === 'border' &&
        f.geometry.type === 'LineString' &&
        f.geometry.coordinates.some(
          ([x, y]) => Math.abs(x! - 124.39) < 0.1 && Math.abs(y! - 40.11) < 0.1
        )
    );
    expect(near).toBe(true);
  });

  it('has the countries the story checker knows by code (geo/basemap-countries.ts)', () => {
    const codes = basemap.features
      .filter((f) => f.properties?.kind === 'land')
      .map((f) => f.properties?.id as string);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.toSorted()).toEqual(Object.keys(BASEMAP_COUNTRIES).toSorted());
  });

  it("shades the story's region on the live map, and nothing without one", () => {
    const landFill = (regionCountries: string[]) =>
      embeddedStyle('/basemap.json', regionCountries).layers.find((l) => l.id === 'land')!.paint;
    expect(landFill(['408', '410'])).toEqual({
      'fill-color': [
        'case',
        ['in', ['get', 'id'], ['literal', ['408', '410']]],
        COLORS.landRegion,
        COLORS.land,
      ],
    });
    expect(JSON.stringify(landFill([]))).toContain('["literal",[]]');
  });
});
