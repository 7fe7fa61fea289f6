/**
 * Layout facts shared by the CSS and the script: the phone layout's width and map share, and
 * where cards are read. (What covers the map is measured with the map: map/chrome.ts.)
 */

/** Widest viewport, CSS pixels, that gets the phone layout. */
export const NARROW_MAX_WIDTH = 767;
/**
 * The phone layout's media query: the one definition of the breakpoint. Scripts match it;
 * stylesheets write `@media (--narrow)`, which the build turns into it (vite.config.ts,
 * postcss-custom-media); the static maps' `<picture>` picks the phone drawing by it.
 */
export const NARROW_MEDIA = `(max-width: ${NARROW_MAX_WIDTH}px)`;
/**
 * On phones the map keeps the top of the screen and the step cards pass below it (and under
 * it, as they scroll on): the map's share of the screen's height. A card never covers the map,
 * so what the map shows stays in view for as long as its step is read. Keep in step with
 * StoryPage.svelte.
 */
export const NARROW_MAP_SHARE = 0.55;

/**
 * The class the page's script puts on `<html>` as it starts. Until then the cards below the
 * first are laid out only when they near the screen (StoryPage.svelte, `content-visibility`),
 * which makes the first layout cheap; from then on every card has its real size, because the
 * scroll engine and the map's framing measure them. Keep in step with StoryPage.svelte.
 */
export const STARTED_CLASS = 'storymap-started';

/** Where the scroll engine's trigger line sits, as a share of the viewport's height. */
export const TRIGGER_LINE = 0.6;
/** On phones, the gap between the map's foot and a card being read, CSS pixels. */
const CARD_GAP = 12;

/**
 * Where a step's card sits while it is read, CSS pixels from the top of the viewport: near the
 * top beside the map on a wide screen; on a phone just below the map. Either way above the
 * trigger line, so the step is the active one. Keyboard and link navigation put cards here.
 */
export function readingTop(viewportHeight: number, narrow: boolean): number {
  const latest = viewportHeight * TRIGGER_LINE - 8;
  const wanted = narrow
    ? Math.round(viewportHeight * NARROW_MAP_SHARE) + CARD_GAP
    : Math.round(viewportHeight * 0.1);
  return Math.round(Math.min(wanted, latest));
}
