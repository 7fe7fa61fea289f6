/**
 * Pure helpers for drawing part of a route line.
 */
import type { LngLat } from '../story/types';

/**
 * Length of each segment in a local equirectangular approximation (degrees of latitude).
 * Good to a fraction of a percent over a few hundred kilometres, which is all a growing line needs.
 */
function segmentLengths(line: readonly LngLat[]): number[] {
  const lengths: number[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = line[i]!;
    const [x1, y1] = line[i + 1]!;
    const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    lengths.push(Math.hypot((x1 - x0) * k, y1 - y0));
  }
  return lengths;
}

/**
 * The first `fraction` (0–1) of a line by length, ending at an interpolated point.
 * Returns the whole line for 1 or more, and a zero-length line at the start for 0 or less,
 * so a layer never receives invalid geometry.
 */
export function lineUpTo(line: readonly LngLat[], fraction: number): LngLat[] {
  if (line.length < 2) return line.slice();
  const first = line[0]!;
  if (!(fraction > 0)) return [first, first];
  if (fraction >= 1) return line.slice();
  const lengths = segmentLengths(line);
  const total = lengths.reduce((a, b) => a + b, 0);
  let remaining = total * fraction;
  const out: LngLat[] = [first];
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    const [x0, y0] = line[i]!;
    const [x1, y1] = line[i + 1]!;
    if (remaining <= length) {
      const t = length === 0 ? 1 : remaining / length;
      out.push([x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]);
      return out;
    }
    out.push([x1, y1]);
    remaining -= length;
  }
  return out;
}

/** The point at half the line's length, where a leg's label goes. */
export function midpoint(line: readonly LngLat[]): LngLat {
  const half = lineUpTo(line, 0.5);
  return half[half.length - 1] ?? [0, 0];
}
