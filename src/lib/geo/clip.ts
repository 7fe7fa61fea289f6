/**
 * Pure geometry helpers for the embedded basemap: antimeridian-safe clipping of rings and
 * lines to a longitude/latitude box, and coordinate rounding. No DOM, no MapLibre.
 *
 * Why the unwrapping: world-atlas stitches Natural Earth's antimeridian cuts away, so rings of
 * Russia, Fiji or Antarctica jump from +180 to −180 in one segment. Clipped naively, such a
 * segment crosses every box on the planet and MapLibre draws it as a line across the world.
 */

/** A position as GeoJSON writes it: `[longitude, latitude]`, degrees. */
export type Position = [number, number];

/** A box as `[west, south, east, north]`, degrees; `east` may exceed 180 for boxes across the antimeridian. */
export type BBox = [number, number, number, number];

/**
 * Makes longitudes continuous: every step between neighbours is at most 180° in longitude, so a
 * ring that crosses the antimeridian continues past ±180 instead of jumping to the other side.
 */
export function unwrapLongitudes(points: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | undefined;
  for (const [lng, lat] of points) {
    if (previous !== undefined) {
      const step = lng - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    previous = lng;
    out.push([lng + offset, lat]);
  }
  return out;
}

type Edge = 'west' | 'east' | 'south' | 'north';
const EDGES: readonly Edge[] = ['west', 'east', 'south', 'north'];

function inside(p: Position, edge: Edge, box: BBox): boolean {
  switch (edge) {
    case 'west':
      return p[0] >= box[0];
    case 'east':
      return p[0] <= box[2];
    case 'south':
      return p[1] >= box[1];
    case 'north':
      return p[1] <= box[3];
  }
}

function intersect(a: Position, b: Position, edge: Edge, box: BBox): Position {
  if (edge === 'west' || edge === 'east') {
    const x = edge === 'west' ? box[0] : box[2];
    const t = (x - a[0]) / (b[0] - a[0]);
    return [x, a[1] + t * (b[1] - a[1])];
  }
  const y = edge === 'south' ? box[1] : box[3];
  const t = (y - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), y];
}

/**
 * Clips one closed ring to a box (Sutherland–Hodgman). The ring's longitudes must already be
 * continuous (see {@link unwrapLongitudes}). Returns a closed ring, or `[]` when nothing is left.
 * Parts of the result may run along the box's edge: keep the box out of view (the basemap's
 * region has a margin for that), since the map fills the land and strokes its outline.
 */
export function clipRing(ring: readonly Position[], box: BBox): Position[] {
  let points: Position[] = ring.slice();
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  for (const edge of EDGES) {
    if (points.length === 0) break;
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i] as Position;
      const prev = input[(i + input.length - 1) % input.length] as Position;
      const currentIn = inside(current, edge, box);
      const prevIn = inside(prev, edge, box);
      if (currentIn) {
        if (!prevIn) points.push(intersect(prev, current, edge, box));
        points.push(current);
      } else if (prevIn) {
        points.push(intersect(prev, current, edge, box));
      }
    }
  }
  if (points.length < 3) return [];
  points.push([points[0]![0], points[0]![1]]);
  return points;
}

/**
 * Clips a line to a box (Liang–Barsky per segment). The line's longitudes must be continuous.
 * Returns the pieces that lie inside, each with at least two positions.
 */
export function clipLine(line: readonly Position[], box: BBox): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [];
  const flush = () => {
    if (current.length >= 2) pieces.push(current);
    current = [];
  };
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as Position;
    const b = line[i + 1] as Position;
    const segment = clipSegment(a, b, box);
    if (!segment) {
      flush();
      continue;
    }
    const [start, end] = segment;
    const tail = current[current.length - 1];
    if (!tail || tail[0] !== start[0] || tail[1] !== start[1]) {
      flush();
      current.push(start);
    }
    current.push(end);
    // The segment left the box before reaching b: the next piece starts afresh.
    if (end[0] !== b[0] || end[1] !== b[1]) flush();
  }
  flush();
  return pieces;
}

function clipSegment(a: Position, b: Position, box: BBox): [Position, Position] | undefined {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const checks: [number, number][] = [
    [-dx, a[0] - box[0]],
    [dx, box[2] - a[0]],
    [-dy, a[1] - box[1]],
    [dy, box[3] - a[1]],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return undefined;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return undefined;
      if (r < t1) t1 = r;
    }
  }
  const start: Position = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
  const end: Position = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
  return [start, end];
}

/** The copies of the world a geometry may need to be shifted by to meet a box: −360°, 0, +360°. */
const WORLD_SHIFTS = [-360, 0, 360] as const;

function shifted(points: readonly Position[], by: number): Position[] {
  return points.map(([lng, lat]) => [lng + by, lat]);
}

/**
 * Clips a polygon (outer ring first, then holes) to a box, antimeridian-safe: the rings are
 * unwrapped, then each copy of the world that meets the box is clipped.
 * @returns zero or more polygons, each as a list of closed rings.
 */
export function clipPolygon(rings: readonly (readonly Position[])[], box: BBox): Position[][][] {
  const [outer, ...holes] = rings.map(unwrapLongitudes);
  if (!outer) return [];
  const polygons: Position[][][] = [];
  for (const by of WORLD_SHIFTS) {
    const clippedOuter = clipRing(shifted(outer, by), box);
    if (clippedOuter.length === 0) continue;
    const clippedHoles = holes
      .map((hole) => clipRing(shifted(hole, by), box))
      .filter((hole) => hole.length > 0);
    polygons.push([clippedOuter, ...clippedHoles]);
  }
  return polygons;
}

/** Clips a line to a box, antimeridian-safe, like {@link clipPolygon}. */
export function clipLineAcrossWorlds(line: readonly Position[], box: BBox): Position[][] {
  const unwrapped = unwrapLongitudes(line);
  return WORLD_SHIFTS.flatMap((by) => clipLine(shifted(unwrapped, by), box));
}

/** Rounds a position to `decimals` places and drops consecutive duplicates that result. */
export function roundLine(points: readonly Position[], decimals: number): Position[] {
  const factor = 10 ** decimals;
  const out: Position[] = [];
  for (const [lng, lat] of points) {
    const p: Position = [Math.round(lng * factor) / factor, Math.round(lat * factor) / factor];
    const tail = out[out.length - 1];
    if (!tail || tail[0] !== p[0] || tail[1] !== p[1]) out.push(p);
  }
  return out;
}
