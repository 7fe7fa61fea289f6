/**
 * The timeline's sizes in CSS pixels: those its layout is given (timeline-layout.ts), and the
 * room the compact strip takes. The figure keeps that room (Timeline.svelte) before the chart's
 * code has loaded, which is after the map's first view: the map is framed clear of the strip
 * from its first view, and the chart, when it comes, fills that room exactly (the compact lane
 * always has its most rows), so nothing moves.
 */
import type { TimelineSizes } from './timeline-layout';

/**
 * The strip's frame around the chart, the same pixels as the stylesheets of Timeline.svelte
 * (padding) and TimelineChart.svelte (the bar with the button that opens the full timeline).
 */
export const STRIP_FRAME = { paddingTop: 6, paddingBottom: 5, bar: 24, barGap: 2 } as const;

/** The layout's sizes for a strip `width` wide, on a phone (`narrow`) or not. */
export function timelineSizes(width: number, narrow: boolean, compact: boolean): TimelineSizes {
  return {
    width,
    gutter: compact ? 6 : narrow ? 64 : 128,
    row: narrow ? 11 : 14,
    gap: narrow ? 3 : 5,
    axis: narrow ? 16 : 20,
    markWidth: narrow ? 7 : 10,
    maxRows: narrow ? 2 : 3,
    short: narrow,
    compact,
  };
}

/** The compact strip's height, frame included, whatever the story and the width. */
export function compactRoom(narrow: boolean): number {
  const { row, gap, axis, maxRows } = timelineSizes(0, narrow, true);
  const { paddingTop, paddingBottom, bar, barGap } = STRIP_FRAME;
  return paddingTop + bar + barGap + maxRows * row + gap + axis + paddingBottom;
}
