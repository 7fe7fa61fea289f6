/**
 * Layout facts shared by the CSS and the camera: on narrow screens the step cards scroll over
 * the lower part of the map, so a `fit` must frame its places in the part above them.
 */
import type { Insets, Size } from './map/camera';

/** Widest viewport, CSS pixels, that gets the phone layout. Keep in step with StoryPage.svelte. */
export const NARROW_MAX_WIDTH = 767;
/**
 * Share of the map's height that step cards cover on narrow screens: a typical card (about
 * 450 px of a 844 px phone) read with its bottom at the bottom of the screen.
 */
export const NARROW_CARD_SHARE = 0.55;
/** Room kept clear at the top of the map for the legend when it is not measured, CSS pixels. */
export const LEGEND_ROOM = 56;

/**
 * The class the page's script puts on `<html>` as it starts. Until then the cards below the
 * first are laid out only when they near the screen (StoryPage.svelte, `content-visibility`),
 * which makes the first layout cheap; from then on every card has its real size, because the
 * scroll engine and the map's framing measure them. Keep in step with StoryPage.svelte.
 */
export const STARTED_CLASS = 'storymap-started';

/** Where the scroll engine's trigger line sits, as a share of the viewport's height. */
export const TRIGGER_LINE = 0.6;
/** On phones, the gap between a card read at the foot of the screen and the screen's edge. */
const CARD_MARGIN = 12;
/**
 * On phones, the share of the map kept clear above even the longest card (legend, timeline
 * and places need it); the rest of a long card is read by scrolling on.
 */
const MIN_CLEAR_SHARE = 0.45;

/**
 * Where a step's card sits while it is read, CSS pixels from the top of the viewport. On a
 * wide screen the card is beside the map: near the top. On a phone it covers the map's lower
 * part: low enough for the whole card to show at the foot of the screen, leaving the map above
 * it clear, yet never below the trigger line (its step would not be active) nor so high that
 * a long card leaves less than 45 % of the map. Keyboard and link navigation put cards here,
 * and the camera frames each step for this position.
 */
export function readingTop(cardHeight: number, viewportHeight: number, narrow: boolean): number {
  const latest = viewportHeight * TRIGGER_LINE - 8;
  if (!narrow) return Math.min(Math.round(viewportHeight * 0.1), latest);
  const lowest = viewportHeight - cardHeight - CARD_MARGIN;
  return Math.round(Math.max(viewportHeight * MIN_CLEAR_SHARE, Math.min(lowest, latest)));
}

/** How much of the map's foot the active card covers while it is read, CSS pixels. */
export function cardCover(cardHeight: number, mapHeight: number, narrow: boolean): number {
  return narrow ? mapHeight - readingTop(cardHeight, mapHeight, true) : 0;
}

/** What the overlays take of the map, as measured on the page, CSS pixels. */
export interface OverlayRoom {
  /**
   * How much of the map's foot the active step's card covers while read (`cardCover`);
   * without it, phones assume `NARROW_CARD_SHARE`.
   */
  card?: number;
  /** Height of the timeline strip (0 without one). */
  timeline?: number;
  /** Distance from the map's top to the legend's bottom. */
  legend?: number;
}
/** Room kept on the right for place labels, which are drawn to the right of their dot. */
export const LABEL_ROOM = { wide: 150, narrow: 110 } as const;

/**
 * What covers the map, for a map of `size`:
 * - `cover`, the text card over the lower part on narrow screens, and the timeline strip
 *   docked above the card or at the foot of a desktop map: every camera, fixed or fitted, is
 *   centred in the part of the map above them;
 * - `chrome`, the legend at the top and room for labels on the right: a `fit` keeps its places
 *   clear of them, but a fixed view is not moved for them (its centre is the editor's choice).
 */
export function mapInsets(size: Size, narrow: boolean, room: OverlayRoom = {}): Insets {
  return {
    cover: {
      top: 0,
      right: 0,
      bottom:
        (narrow ? (room.card ?? Math.round(size.height * NARROW_CARD_SHARE)) : 0) +
        (room.timeline ?? 0),
      left: 0,
    },
    chrome: {
      top: room.legend ?? LEGEND_ROOM,
      right: narrow ? LABEL_ROOM.narrow : LABEL_ROOM.wide,
      bottom: 0,
      left: 0,
    },
  };
}
