/**
 * The timeline's drawing, with D3. Loaded by TimelineChart.svelte once the map has first
 * settled, so D3 is on the path to neither the first text nor the first map; the chart's size
 * is known before (timeline-layout.ts), and the component keeps the tooltip, the tables and
 * the markup the drawing fills in.
 */
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
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
import type { OverlayState } from '../state/overlay-state';
import type { EventKind, Story } from '../story/types';
import { hatchId, joinHatchPatterns } from './patterns';
import type { EventMark, PresenceMark, TimelineLayout } from './timeline-layout';

/** Each kind's shape, so kinds differ by more than colour. */
const SHAPES: Record<EventKind, SymbolType> = {
  'un-sanction': symbolCircle,
  'us-sanction': symbolDiamond,
  legal: symbolSquare,
  company: symbolTriangle,
  report: symbolStar,
};

/** What the drawing needs from the component: names, wording, and where to report events. */
export interface TimelineChart {
  /** Prefix for ids inside the SVG, unique per chart. */
  uid: string;
  story: Story;
  narrow: boolean;
  eventLabel(mark: EventMark): string;
  presenceLabel(mark: PresenceMark): string;
  onShowEvent(mark: EventMark): void;
  onShowPresence(mark: PresenceMark): void;
  onHide(): void;
  onActivate(mark: EventMark): void;
}

/** Symbol area in square pixels: about 10 px across on desktop. */
const MARK_SIZE = 70;

/** The path of an event kind's symbol, `size` square pixels (for the key too). */
export function symbolPath(kind: EventKind, size = MARK_SIZE): string {
  return symbol(SHAPES[kind], size)() ?? '';
}

/** Draws the whole strip for `current` into `svg` (its defs and groups already there). */
export function drawTimeline(svg: SVGSVGElement, current: TimelineLayout, chart: TimelineChart) {
  const { uid, story, narrow } = chart;
  const root = select(svg);
  root.attr('width', current.width).attr('height', current.height);

  // Patterns and fades: hatching for uncertain presence, a gradient mask per bar whose ends
  // are imprecise.
  const defs = root.select<SVGDefsElement>('defs');
  joinHatchPatterns(defs.node()!, story.companies, uid, 5);
  defs
    .selectAll('linearGradient')
    .data(current.presence)
    .join((enter) => {
      const g = enter.append('linearGradient').attr('gradientUnits', 'userSpaceOnUse');
      for (const offset of ['a', 'b', 'c', 'd']) g.append('stop').attr('class', offset);
      return g;
    })
    .attr('id', (_, i) => `storymap-${uid}-fade-${i}`)
    .attr('x1', (m) => m.x0)
    .attr('x2', (m) => m.x1)
    .each(function (m) {
      const span = Math.max(1, m.x1 - m.x0);
      const at = (x: number) => Math.min(1, Math.max(0, (x - m.x0) / span));
      const g = select(this);
      g.select('.a')
        .attr('offset', 0)
        .attr('stop-color', '#fff')
        .attr('stop-opacity', m.solidFrom > m.x0 ? 0.1 : 1);
      g.select('.b')
        .attr('offset', at(m.solidFrom))
        .attr('stop-color', '#fff')
        .attr('stop-opacity', 1);
      g.select('.c')
        .attr('offset', at(m.solidTo))
        .attr('stop-color', '#fff')
        .attr('stop-opacity', 1);
      g.select('.d')
        .attr('offset', 1)
        .attr('stop-color', '#fff')
        .attr('stop-opacity', m.x1 > m.solidTo ? 0.1 : 1);
    });
  defs
    .selectAll('mask')
    .data(current.presence)
    .join((enter) => {
      const mask = enter.append('mask').attr('maskUnits', 'userSpaceOnUse');
      mask.append('rect');
      return mask;
    })
    .attr('id', (_, i) => `storymap-${uid}-mask-${i}`)
    .select('rect')
    .attr('x', (m) => m.x0)
    .attr('y', (m) => m.y - 1)
    .attr('width', (m) => Math.max(1, m.x1 - m.x0))
    .attr('height', (m) => m.height + 2)
    .attr('fill', (_, i) => `url(#storymap-${uid}-fade-${i})`);

  // Lane names in the gutter, and a rule per lane.
  root
    .select('.lanes')
    .selectAll<SVGGElement, TimelineLayout['lanes'][number]>('g.lane')
    .data(current.lanes, (l) => l.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'lane');
      g.append('line').attr('class', 'rule');
      g.append('text').attr('class', 'lane-name');
      g.append('text').attr('class', 'lane-empty');
      return g;
    })
    .attr('transform', (l) => `translate(0, ${l.top})`)
    .each(function (l) {
      const g = select(this);
      g.select('.rule')
        .attr('x1', current.x.range()[0]!)
        .attr('x2', current.x.range()[1]!)
        .attr('y1', l.height / 2)
        .attr('y2', l.height / 2);
      g.select('.lane-name')
        .attr('x', current.x.range()[0]! - 6)
        .attr('y', Math.min(l.height / 2, 8))
        .attr('dy', '0.35em')
        .attr('fill', l.colour ?? '#333')
        .text(l.label);
      g.select('.lane-empty')
        .attr('x', current.x.range()[0]! + 4)
        .attr('y', l.height / 2)
        .attr('dy', '0.35em')
        .text(l.empty ?? '');
    });

  // Presence bars.
  root
    .select('.presence')
    .selectAll<SVGGElement, PresenceMark>('g.period')
    .data(current.presence, (m) => `${m.companyId}-${m.index}`)
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'period mark')
        .attr('tabindex', 0)
        .attr('role', 'img');
      g.append('rect').attr('class', 'bar');
      g.append('path').attr('class', 'open-end');
      return g;
    })
    .attr('data-company-id', (m) => m.companyId)
    .attr('data-status', (m) => m.status)
    .attr('aria-label', (m) => chart.presenceLabel(m))
    .on('mouseenter focus', (_, m) => chart.onShowPresence(m))
    .on('mouseleave blur', () => chart.onHide())
    .each(function (m, i) {
      const company = story.companies.find((c) => c.id === m.companyId);
      const g = select(this);
      g.select('.bar')
        .attr('x', m.x0)
        .attr('y', m.y)
        .attr('width', Math.max(1, m.x1 - m.x0))
        .attr('height', m.height)
        .attr(
          'fill',
          m.hatched ? `url(#${hatchId(uid, m.companyId)})` : (company?.colour ?? '#555')
        )
        .attr('stroke', company?.colour ?? '#555')
        .attr('mask', `url(#storymap-${uid}-mask-${i})`);
      // No end reported: an arrowhead past the bar's end says it carries on.
      g.select('.open-end')
        .attr(
          'd',
          m.open ? `M${m.x1 - 1},${m.y - 1}l6,${m.height / 2 + 1}l-6,${m.height / 2 + 1}z` : null
        )
        .attr('fill', company?.colour ?? '#555');
    });

  // Event marks: a band where the date is imprecise, a symbol at its middle, shape by kind.
  const size = narrow ? MARK_SIZE / 2 : MARK_SIZE;
  const symbolFor = (kind: EventKind) => symbolPath(kind, size);
  root
    .select('.events')
    .selectAll<SVGGElement, EventMark>('g.event')
    .data(current.events, (m) => m.event.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'event mark').attr('tabindex', 0);
      g.append('rect').attr('class', 'band');
      g.append('path').attr('class', 'symbol');
      return g;
    })
    .attr('data-event-id', (m) => m.event.id)
    .attr('data-kind', (m) => m.event.kind)
    .attr('role', (m) => (m.event.step ? 'button' : 'img'))
    .attr('aria-label', (m) => chart.eventLabel(m))
    .on('mouseenter focus', (_, m) => chart.onShowEvent(m))
    .on('mouseleave blur', () => chart.onHide())
    .on('click', (_, m) => chart.onActivate(m))
    .on('keydown', (event: KeyboardEvent, m) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        chart.onActivate(m);
      }
    })
    .each(function (m) {
      const g = select(this);
      g.select('.band')
        .attr('x', m.x0)
        .attr('y', m.cy - (narrow ? 4 : 5))
        .attr('width', Math.max(0, m.x1 - m.x0))
        .attr('height', narrow ? 8 : 10)
        .attr('visibility', m.point ? 'hidden' : 'visible');
      g.select('.symbol')
        .attr('transform', `translate(${m.cx}, ${m.cy})`)
        .attr('d', symbolFor(m.event.kind));
    });

  // The axis: a tick per year or two, labelled with the year.
  const ticks = current.width < 500 ? 4 : 2;
  root
    .select<SVGGElement>('.axis')
    .attr('transform', `translate(0, ${current.axisY})`)
    .call(
      axisBottom(scaleUtc().domain(current.x.domain()).range(current.x.range()))
        .ticks(utcYear.every(ticks)!)
        .tickFormat((d) => utcFormat('%Y')(d as Date))
        .tickSizeOuter(0)
    );
}

/** Marks the step's events and moves the highlight band: a CSS transition, no redraw. */
export function highlightTimeline(
  svg: SVGSVGElement,
  current: TimelineLayout,
  state: OverlayState
) {
  const active = new Set(state.events);
  select(svg)
    .selectAll<SVGGElement, EventMark>('g.event')
    .attr('data-active', (m) => String(active.has(m.event.id)));
  const band = select(svg).select<SVGRectElement>('.when');
  if (!state.when) {
    band.attr('data-shown', 'false');
    return;
  }
  const x0 = current.x(state.when.start);
  const x1 = current.x(state.when.end);
  band
    .attr('data-shown', 'true')
    .attr('height', current.axisY)
    // One-pixel rect scaled by CSS, so the browser can animate the move (and not under
    // reduced motion, see the style below).
    .style('transform', `translate(${x0}px, 0) scaleX(${Math.max(2, x1 - x0)})`);
}
