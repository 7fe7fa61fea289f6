/**
 * Bounds of places, antimeridian-aware: what a step's state needs to say which area it frames
 * (state/step-state.ts), apart from the camera maths that fit it to a screen (geo/camera.ts).
 */
import type { LngLat } from '../story/types';

/** `[west, south, east, north]` in degrees; `east` exceeds 180 when the box crosses the antimeridian. */
export type Bounds = [number, number, number, number];

/**
 * The smallest longitude interval holding all the given longitudes, found as the complement of
 * the largest gap between them on the circle. So Fiji's −179.9 and 179.9 give a 0.2° box across
 * the antimeridian, not a 359.8° one across the world.
 * @returns `[west, east]`, with `east` ≥ `west` (`east` may exceed 180).
 */
export function longitudeSpan(longitudes: readonly number[]): [number, number] {
  if (longitudes.length === 0) throw new Error('longitudeSpan needs at least one longitude');
  const sorted = longitudes.map(normalizeLongitude).sort((a, b) => a - b);
  let gapAfter = sorted.length - 1;
  let largestGap = sorted[0]! + 360 - sorted[sorted.length - 1]!;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const gap = sorted[i + 1]! - sorted[i]!;
    if (gap > largestGap) {
      largestGap = gap;
      gapAfter = i;
    }
  }
  // The box starts after the largest gap and runs east to the point before it.
  const west = sorted[(gapAfter + 1) % sorted.length]!;
  const east = sorted[gapAfter]!;
  return [west, east >= west ? east : east + 360];
}

/** The bounds of a set of points, antimeridian-aware. */
export function boundsOf(points: readonly LngLat[]): Bounds {
  const [west, east] = longitudeSpan(points.map((p) => p[0]));
  const lats = points.map((p) => p[1]);
  return [west, Math.min(...lats), east, Math.max(...lats)];
}

/** Wraps a longitude into [−180, 180); one already there is returned as it is (no float drift). */
export function normalizeLongitude(lng: number): number {
  if (lng >= -180 && lng < 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}
