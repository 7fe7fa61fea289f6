import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import {
  BUDGET_GZIP_BYTES,
  buildBasemap,
  buildWorld,
  countriesModule,
  worldOutside,
  decimalsFor,
} from '../../geo/build-basemap';
import { COUNTRIES } from '../../geo/countries';
import { basemapAreas, firstViewAreas, wrapped } from '../../geo/detail-areas';
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
import { COLORS, embeddedStyle } from '../../src/lib/draw/style';
import { ROOT, flagshipStory, worldStory } from './helpers';

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

describe("the world cut to outside a story's region (worldOutside)", () => {
  const world = JSON.parse(readFileSync(join(ROOT, 'geo/world.json'), 'utf8')) as Parameters<
    typeof worldOutside
  >[0];
  // East Asia, and a box across the antimeridian (Fiji's); edges to the hundredth of a degree,
  // as basemapAreas gives them (the world's own coordinates have one decimal).
  const region: [number, number, number, number][] = [
    [100.37, 0.23, 150.61, 50.48],
    [170.04, -25.06, 190.02, -10.07],
  ];
  const cut = worldOutside(world, region);
  const inside = ([x, y]: number[], [w, s, e, n]: number[]) =>
    (x! > w! && x! < e! && y! > s! && y! < n!) ||
    (x! + 360 > w! && x! + 360 < e! && y! > s! && y! < n!);

  it('has nothing inside the region, where the basemap covers it: the cut is at its very edge', () => {
    for (const feature of cut.features) {
      for (const line of linesOf(feature.geometry)) {
        for (const point of line) for (const box of region) expect(inside(point, box)).toBe(false);
      }
    }
    // The land west of it meets its edge exactly: no sliver of sea between the two layers.
    const onWestEdge = cut.features
      .filter((f) => f.properties.kind === 'land')
      .flatMap((f) => linesOf(f.geometry).flat())
      .filter(([x, y]) => x === 100.37 && y! > 0.23 && y! < 50.48);
    expect(onWestEdge.length).toBeGreaterThan(4);
  });

  it('keeps the land and borders outside it', () => {
    const land = { type: 'FeatureCollection', features: cut.features } as FeatureCollection;
    // Washington, Lagos, Brasília: land far from the region. Beijing and Suva: inside it.
    expect(geoContains(land, [-77.04, 38.9])).toBe(true);
    expect(geoContains(land, [3.38, 6.52])).toBe(true);
    expect(geoContains(land, [-47.88, -15.79])).toBe(true);
    expect(geoContains(land, [116.4, 39.9])).toBe(false);
    expect(geoContains(land, [178.44, -18.14])).toBe(false);
    expect(cut.features.some((f) => f.properties.kind === 'border')).toBe(true);
  });
});

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

/** Whether `point` is inside `box`. */
const inBox = ([x, y]: Position, [w, s, e, n]: BBox) => x >= w && x <= e && y >= s && y <= n;
/** Whether `point` is on the edge of `box` (where the basemap was cut). */
const onEdge = ([x, y]: Position, [w, s, e, n]: BBox) => x === w || x === e || y === s || y === n;

describe('the areas a basemap is cut to', () => {
  it('splits a box at the antimeridian, takes one as wide as the world whole, and stops at 85°', () => {
    expect(wrapped([170, -10, 190, 10])).toEqual([
      [170, -10, 180, 10],
      [-180, -10, -170, 10],
    ]);
    expect(wrapped([-200, 0, -150, 20])).toEqual([
      [160, 0, 180, 20],
      [-180, 0, -150, 20],
    ]);
    expect(wrapped([-300, -89, 100, 89])).toEqual([[-180, -85, 180, 85]]);
    expect(wrapped([10, 40, 20, 50])).toEqual([[10, 40, 20, 50]]);
  });

  it("holds every step's view of a story that spans continents, and the first even from afar", () => {
    const story = worldStory();
    const { region, views } = basemapAreas(story);
    // The four cities, each seen close (zoom 8 to 11), and the first view of all four.
    for (const place of story.places) {
      const seen = views.filter((view) => inBox(place.coordinates, view.box));
      expect(Math.max(...seen.map((view) => view.zoom)), place.id).toBeGreaterThanOrEqual(8);
      expect(
        region.some((box) => inBox(place.coordinates, box)),
        place.id
      ).toBe(true);
    }
    const first = views.filter((view) => view.zoom < 3);
    expect(first.length).toBeGreaterThan(0);
    // Boxes that do not overlap, none across the antimeridian.
    for (const [i, a] of region.entries()) {
      expect(a[0] >= -180 && a[2] <= 180 && a[1] >= -85 && a[3] <= 85).toBe(true);
      for (const b of region.slice(i + 1)) {
        expect(a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]).toBe(true);
      }
    }
  });

  it('leaves to the world layer a later view from afar', () => {
    const story = flagshipStory();
    const { views } = basemapAreas(story);
    // The flagship's step in Washington's time sees the Pacific from zoom 2 or less: not cut.
    expect(views.every((view) => view.zoom >= 3 || view.box[0] > 60)).toBe(true);
  });
});

describe("a story's basemap, cut from its cameras", () => {
  const story = flagshipStory();
  const areas = basemapAreas(story);
  const basemap = buildBasemap(areas);
  const world = buildBasemap(basemapAreas(worldStory()));

  it('stays within its gzipped budget', () => {
    const size = (map: FeatureCollection) => gzipSync(JSON.stringify(map), { level: 9 }).length;
    expect(size(basemap)).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect(size(world)).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('has a ground per box, land and borders (coasts are the land outline), all inside its boxes, with no antimeridian jumps', () => {
    const kinds = new Set(basemap.features.map((f) => f.properties?.kind as string));
    expect(kinds).toEqual(new Set(['ground', 'land', 'border']));
    const grounds = basemap.features.filter((f) => f.properties?.kind === 'ground');
    expect(grounds.map((f) => f.geometry.coordinates)).toEqual(
      areas.region.map(([w, s, e, n]) => [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ])
    );
    for (const feature of basemap.features) {
      if (feature.properties?.kind === 'ground') continue;
      const isFill = feature.geometry.type === 'MultiPolygon';
      for (const line of linesOf(feature.geometry)) {
        const box = areas.region.find((b) => line.every((point) => inBox(point, b)));
        expect(box).toBeDefined();
        for (let i = 1; i < line.length; i++) {
          const [x, y] = line[i]!;
          const previous = line[i - 1]!;
          // Only a fill may run a long way, and only along the box's edge where it was cut.
          const long = Math.abs(x - previous[0]) > 10;
          if (long) expect(isFill && onEdge(previous, box!) && onEdge([x, y], box!)).toBe(true);
        }
      }
    }
  });

  it("draws the first view from a basemap of its own: that view's areas, as coarse as it allows", () => {
    const first = firstViewAreas(story);
    const firstMap = buildBasemap(first);
    // Every view of the first step, on every screen, is inside it, and inside the whole one.
    const firstViews = first.views.map((view) => view.box);
    expect(firstViews.length).toBeGreaterThanOrEqual(5);
    for (const box of firstViews) {
      const corners: [number, number][] = [
        [box[0], box[1]],
        [box[2], box[3]],
      ];
      for (const boxes of [first.region, areas.region]) {
        expect(boxes.some((b) => corners.every((c) => inBox(c, b)))).toBe(true);
      }
    }
    const size = (map: FeatureCollection) => gzipSync(JSON.stringify(map), { level: 9 }).length;
    expect(size(firstMap)).toBeLessThan(size(basemap) / 2);
    // The flagship opens from afar (under zoom 6): its first basemap keeps two decimals.
    expect(Math.max(...first.views.map((view) => view.zoom))).toBeLessThan(6);
    for (const feature of firstMap.features) {
      for (const [x, y] of linesOf(feature.geometry).flat()) {
        expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6);
        expect(Math.abs(y * 100 - Math.round(y * 100))).toBeLessThan(1e-6);
      }
    }
  });

  it('is the same whatever basemaps were made before it (the simplification is shared)', () => {
    // `basemap` was the first made in this file; the world's and the first view's came after,
    // with other views, each weighing the shared vertices again.
    expect(buildBasemap(firstViewAreas(story)).features.length).toBeGreaterThan(0);
    expect(buildBasemap(areas)).toEqual(basemap);
    expect(buildBasemap(basemapAreas(worldStory()))).toEqual(world);
  });

  it('keeps the decimals that hold a vertex within half a pixel, and no more than three', () => {
    // A pixel is 360° / (512 × 2^zoom): 0.70° at zoom 0, 0.044° at 4, 0.0027° at 8.
    expect(decimalsFor(0)).toBe(1);
    expect(decimalsFor(4)).toBe(2);
    expect(decimalsFor(5.5)).toBe(2);
    expect(decimalsFor(7)).toBe(3);
    expect(decimalsFor(12)).toBe(3);
  });

  it('keeps detail where the story zooms in: the Yalu border from Dandong down', () => {
    // The lower Yalu, seen from zoom 7 to 12 in the flagship.
    const yalu: BBox = [123.2, 38.6, 126.6, 40.6];
    const vertices = (map: FeatureCollection) =>
      map.features
        .filter((f) => f.properties?.kind === 'border')
        .flatMap((f) => linesOf(f.geometry).flat())
        .filter((point) => inBox(point, yalu)).length;
    // The same areas seen no closer than zoom 4 keep a fraction of it.
    const far = buildBasemap({
      region: areas.region,
      views: areas.views.map((view) => ({ ...view, zoom: Math.min(view.zoom, 4) })),
    });
    expect(vertices(far)).toBeLessThan(5);
    expect(vertices(basemap)).toBeGreaterThan(3 * vertices(far));
  });

  it('puts each city of a story that spans continents on land', () => {
    const story = worldStory();
    const land = world.features.filter((f) => f.properties?.kind === 'land');
    for (const place of story.places) {
      const on = land.some((f) => geoContains(f, place.coordinates));
      expect(on, place.id).toBe(true);
    }
  });

  it('names countries by the codes the story checker knows (geo/countries.ts, current)', () => {
    expect(readFileSync(join(ROOT, 'geo/countries.ts'), 'utf8')).toBe(countriesModule());
    for (const map of [basemap, world]) {
      for (const feature of map.features) {
        const id = feature.properties?.kind === 'land' ? feature.properties.id : undefined;
        if (id !== undefined) expect(Object.hasOwn(COUNTRIES, id), id).toBe(true);
      }
    }
    expect(COUNTRIES['408']).toBe('North Korea');
    expect(COUNTRIES['032']).toBe('Argentina');
  });

  it("shades the story's region on the live map, and nothing without one", () => {
    const landFill = (regionCountries: string[]) =>
      embeddedStyle('/basemap.json', regionCountries).layers.find((l) => l.id === 'land')!.paint;
    expect(landFill(['408', '410'])).toMatchObject({
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
