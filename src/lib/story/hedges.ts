/**
 * How sure the story is of a place, in one place: every part of the page that names or draws
 * a place (map marks, labels, legend, narration, static maps) asks here, so a hedge given once
 * is given everywhere.
 */
import type { Place } from './types';

/**
 * A position the sources do not establish (`low`: derived or interpolated; `unverified`: no
 * source gives it): drawn ringed and named as approximate wherever it appears.
 */
export function isApproximate(place: Pick<Place, 'confidence'>): boolean {
  return place.confidence === 'low' || place.confidence === 'unverified';
}
