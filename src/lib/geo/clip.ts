/**
 * Pure geometry helpers for the embedded basemap: antimeridian-safe clipping of rings and
 * lines to a longitude/latitude box, and coordinate rounding. No DOM, no MapLibre. The
 * clipping itself is lineclip's; what is ours is making it safe across the antimeridian.
 *
 * Why the unwrapping: world-atlas stitches Natural Earth's antimeridian cuts away, so rings of
 * Russia, Fiji or Antarctica jump from +180 to −180 in one segment. Clipped naively, such a
 * segment crosses every box on the planet and MapLibre draws it as a line across the world.
 */

import * as lineclip from 'lineclip';

/** A position as GeoJSON writes it: `[longitude, latitude]`, degrees. */
export type Position = [number, number];

/** A box as `[west, south, east, north]`, degrees; `east` may exceed 180 for boxes across the antimeridian. */
export type BBox = [number, number, number, number];

/** The closed ring round `box`, counter-clockwise from its south-west corner. */
export function boxRing([w, s, e, n]: BBox): Position[] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

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

/**
 * Clips one closed ring to a box (Sutherland–Hodgman, by lineclip). The ring's longitudes must
 * already be continuous (see {@link unwrapLongitudes}). Returns a closed ring, or `[]` when
 * nothing is left. Parts of the result may run along the box's edge: keep the box out of view
 * (the basemap's region has a margin for that), since the map fills the land and strokes its
 * outline.
 */
export function clipRing(ring: readonly Position[], box: BBox): Position[] {
  const points = ring.slice();
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length === 0) return [];
  const clipped: Position[] = lineclip.clipPolygon(points, box);
  if (clipped.length < 3) return [];
  return [...clipped, [clipped[0]![0], clipped[0]![1]]];
}

/**
 * Clips a line to a box (Cohen–Sutherland, by lineclip). The line's longitudes must be
 * continuous. Returns the pieces that lie inside, each with at least two positions.
 */
export function clipLine(line: readonly Position[], box: BBox): Position[][] {
  if (line.length < 2) return [];
  return lineclip.clipPolyline(line.slice(), box).filter((piece) => piece.length >= 2);
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
