/**
 * The sizes static maps are drawn at, CSS pixels (they scale with the page). Apart from the
 * renderer so the page can name them without d3-geo.
 */
import type { Size } from '../geo/camera';

/** The size static maps are drawn at, CSS pixels (they scale with the page). */
export const STATIC_MAP_SIZE: Size = { width: 640, height: 420 };
/**
 * The size of the phone variant: drawn for a narrow column, so its labels stay readable where
 * the wide map would be scaled to half its size (the page picks it with `<picture>`).
 */
export const NARROW_STATIC_MAP_SIZE: Size = { width: 360, height: 440 };
