/**
 * Layout facts shared by the CSS and the camera: on narrow screens the step cards scroll over
 * the lower part of the map, so a `fit` must frame its places in the part above them.
 */
import type { Padding, Size } from './map/camera';

/** Widest viewport, CSS pixels, that gets the phone layout. Keep in step with StoryPage.svelte. */
export const NARROW_MAX_WIDTH = 767;
/** Share of the map's height that step cards cover on narrow screens. */
export const NARROW_CARD_SHARE = 0.45;

/** Room kept clear at the top of the map for the legend, CSS pixels. */
export const LEGEND_ROOM = 56;
/** Room kept on the right for place labels, which are drawn to the right of their dot. */
export const LABEL_ROOM = { wide: 150, narrow: 110 } as const;

/**
 * The part of the map a `fit` must keep its places out of, for a map of `size`: the legend at
 * the top, label room on the right, and on narrow screens the step cards over the lower part.
 */
export function mapInset(size: Size, narrow: boolean): Padding {
  return {
    top: LEGEND_ROOM,
    right: narrow ? LABEL_ROOM.narrow : LABEL_ROOM.wide,
    bottom: narrow ? Math.round(size.height * NARROW_CARD_SHARE) : 0,
    left: 0,
  };
}
