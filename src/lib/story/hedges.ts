/**
 * How sure the story is of what it draws, in one place: every part of the page that names or
 * draws a place or a route leg (map marks, labels, legend, narration, static maps, tables)
 * asks here, so a hedge given once is given everywhere.
 */
import type { Certainty, Place } from './types';

/**
 * A position the sources do not establish (`low`: derived or interpolated; `unverified`: no
 * source gives it): drawn ringed and named as approximate wherever it appears.
 */
export function isApproximate(place: Pick<Place, 'confidence'>): boolean {
  return place.confidence === 'low' || place.confidence === 'unverified';
}

/** Whether a leg's path is drawn as the sources give it; only such a leg is drawn solid. */
export function isPathReported(certainty: Certainty): boolean {
  return certainty === 'reported';
}
