/**
 * What D3 computes for the timeline's drawing: each event kind's symbol (d3-shape) and the
 * axis's year ticks (d3-scale, d3-time, d3-time-format). TimelineChart.svelte renders the
 * marks from these; it loads this module, and D3 with it, once the map has first settled, so
 * D3 is on the path to neither the first text nor the first map.
 */
import { scaleUtc } from 'd3-scale';
import {
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  type SymbolType,
} from 'd3-shape';
import { utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import type { EventKind } from '../story/types';
import type { TimelineLayout } from './timeline-layout';

/** Each kind's shape, so kinds differ by more than colour. */
const SHAPES: Record<EventKind, SymbolType> = {
  'un-sanction': symbolCircle,
  'us-sanction': symbolDiamond,
  legal: symbolSquare,
  company: symbolTriangle,
  report: symbolStar,
};

/** Symbol area in square pixels: about 10 px across on desktop. */
export const MARK_SIZE = 70;

/** The path of an event kind's symbol, `size` square pixels, centred on 0, 0. */
export function symbolPath(kind: EventKind, size = MARK_SIZE): string {
  return symbol(SHAPES[kind], size)() ?? '';
}

/** A tick of the axis: where it stands, px, and its label. */
export interface AxisTick {
  x: number;
  label: string;
}

const yearLabel = utcFormat('%Y');

/** The axis's ticks: one per year or two (four on a narrow chart), labelled with the year. */
export function yearTicks(layout: TimelineLayout): AxisTick[] {
  const scale = scaleUtc().domain(layout.x.domain()).range(layout.x.range());
  const every = utcYear.every(layout.width < 500 ? 4 : 2)!;
  return scale.ticks(every).map((date) => ({ x: scale(date), label: yearLabel(date) }));
}
