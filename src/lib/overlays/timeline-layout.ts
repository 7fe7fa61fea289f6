/**
 * Where everything on the timeline goes, for a given width: the time scale, the lanes, and
 * each mark's span in pixels. Pure and free of D3, so the chart knows its size (which decides
 * the map's clear area) before D3 has loaded; TimelineChart.svelte renders the result, with
 * the symbols and ticks D3 computes (timeline-marks.ts).
 */
import { dateBand, formatDate, type Band } from '../story/dates';
import type { PresenceStatus } from '../story/types';
import type { BrowserEvent, BrowserStory } from '../story/browser';
import { EVENT_LANES, chartUi } from '../chart-strings';
import { ui } from '../strings';

/**
 * Time to pixels, linear in UTC milliseconds: what d3-scale's `scaleUtc` maps, without it
 * (timeline-marks.ts builds the D3 scale for the axis from `domain()` and `range()`).
 */
export interface TimeScale {
  (time: Date | number): number;
  domain(): [Date, Date];
  range(): [number, number];
}

export function timeScale(domain: [Date, Date], range: [number, number]): TimeScale {
  const [d0, d1] = [domain[0].getTime(), domain[1].getTime()];
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = (time: Date | number) => r0 + ((Number(time) - d0) / span) * (r1 - r0);
  return Object.assign(scale, {
    domain: (): [Date, Date] => [new Date(d0), new Date(d1)],
    range: (): [number, number] => [r0, r1],
  });
}

/** The start of the UTC year holding `time`, or of the next one unless `time` starts a year. */
function utcYearStart(time: number, up: boolean): Date {
  const year = new Date(time).getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  return new Date(up && start < time ? Date.UTC(year + 1, 0, 1) : start);
}

export interface TimelineSizes {
  /** Width of the whole strip, CSS pixels. */
  width: number;
  /** Room on the left for lane names. */
  gutter: number;
  /** Height of one row of marks. */
  row: number;
  /** Space between lanes. */
  gap: number;
  /** Height of the axis under the lanes. */
  axis: number;
  /** Marks closer than this (px) go on different rows of their lane. */
  markWidth: number;
  /** Most rows an event lane may take; past it, marks share the row that frees up first. */
  maxRows: number;
  /** Use companies' and lanes' short names (phones). */
  short: boolean;
  /**
   * One unlabelled lane of all events and no company lanes: the strip a phone shows until
   * the reader opens the full timeline.
   */
  compact?: boolean;
}

export interface EventMark {
  event: BrowserEvent;
  /** The span the date may fall in, px: a day is a point, coarser dates a band. */
  x0: number;
  x1: number;
  /** Where the mark's symbol sits: the middle of its span. */
  cx: number;
  /** Vertical centre, px. */
  cy: number;
  /** The date is a single day: drawn as a symbol alone, not a band. */
  point: boolean;
  dateText: string;
}

export interface PresenceMark {
  companyId: string;
  index: number;
  status: PresenceStatus;
  /** Solid for confirmed; hatched for anything less certain. */
  hatched: boolean;
  /** The bar spans x0–x1; it fades in over x0–solidFrom and out over solidTo–x1. */
  x0: number;
  solidFrom: number;
  solidTo: number;
  x1: number;
  /** No end is reported: the bar runs to the edge with an open end. */
  open: boolean;
  y: number;
  height: number;
  dateText: string;
}

export interface Lane {
  id: string;
  label: string;
  top: number;
  height: number;
  /** Set for a company's lane. */
  companyId?: string;
  colour?: string;
  /** Shown in the lane when it has no marks (e.g. no presence sourced). */
  empty?: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  x: TimeScale;
  /** Top of the axis, px. */
  axisY: number;
  lanes: Lane[];
  events: EventMark[];
  presence: PresenceMark[];
}

/** The whole years that hold every date in the story (and the steps' `when`). */
export function timelineDomain(story: BrowserStory): [Date, Date] {
  const bands: Band[] = story.events.map((event) => dateBand(event.date));
  for (const company of story.companies) {
    for (const period of company.presence) {
      bands.push(dateBand(period.from));
      if (period.to) bands.push(dateBand(period.to));
    }
  }
  for (const step of story.steps) {
    if (step.when) bands.push(dateBand(step.when.from));
    if (step.when?.to) bands.push(dateBand(step.when.to));
  }
  if (bands.length === 0) return [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2001, 0, 1))];
  const start = Math.min(...bands.map((b) => b.start));
  const end = Math.max(...bands.map((b) => b.end));
  return [utcYearStart(start, false), utcYearStart(end, true)];
}

/**
 * Gives each span the first row where it does not touch the one before it, so close marks
 * never hide each other. Returns the row of each, in input order.
 */
export function stackRows(
  spans: readonly { x0: number; x1: number }[],
  minGap: number,
  maxRows = Infinity
): number[] {
  const rowEnds: number[] = [];
  return spans.map(({ x0, x1 }) => {
    let row = rowEnds.findIndex((end) => x0 - end >= minGap);
    if (row === -1 && rowEnds.length < maxRows) row = rowEnds.push(x1) - 1;
    else {
      // No row is free and no more may be added: the row that frees up first.
      if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = Math.max(rowEnds[row]!, x1);
    }
    return row;
  });
}

export function timelineLayout(story: BrowserStory, sizes: TimelineSizes): TimelineLayout {
  const x = timeScale(timelineDomain(story), [
    sizes.gutter,
    Math.max(sizes.gutter + 1, sizes.width - 16),
  ]);
  const lanes: Lane[] = [];
  const events: EventMark[] = [];
  let top = 0;

  const eventLanes = sizes.compact
    ? [{ id: 'events', label: '', short: '', kinds: EVENT_LANES.flatMap((l) => l.kinds) }]
    : EVENT_LANES;
  for (const lane of eventLanes) {
    const members = story.events
      .filter((event) => lane.kinds.includes(event.kind))
      .map((event) => {
        const band = dateBand(event.date);
        const x0 = x(band.start);
        const x1 = event.date.precision === 'day' ? x0 : x(band.end);
        return { event, x0, x1 };
      })
      .sort((a, b) => a.x0 - b.x0);
    // A symbol is markWidth wide whatever its band: stack by what is drawn.
    const half = sizes.markWidth / 2;
    const rows = stackRows(
      members.map((m) => ({
        x0: Math.min(m.x0, (m.x0 + m.x1) / 2 - half),
        x1: Math.max(m.x1, (m.x0 + m.x1) / 2 + half),
      })),
      2,
      sizes.maxRows
    );
    // The compact strip always takes its most rows: its room is known before it is laid out
    // (timeline-sizes.ts), and the map framed around it need not move when it is drawn.
    const rowCount = sizes.compact ? sizes.maxRows : Math.max(1, ...rows.map((r) => r + 1));
    members.forEach((m, i) => {
      const cx = (m.x0 + m.x1) / 2;
      events.push({
        event: m.event,
        x0: m.x0,
        x1: m.x1,
        cx,
        cy: top + sizes.row * (rows[i]! + 0.5),
        point: m.event.date.precision === 'day',
        dateText: formatDate(m.event.date),
      });
    });
    lanes.push({
      id: lane.id,
      label: sizes.short ? lane.short : lane.label,
      top,
      height: rowCount * sizes.row,
    });
    top += rowCount * sizes.row + sizes.gap;
  }

  const presence: PresenceMark[] = [];
  const [, domainEnd] = x.domain();
  for (const company of sizes.compact ? [] : story.companies) {
    const height = sizes.row;
    company.presence.forEach((period, index) => {
      const from = dateBand(period.from);
      const to = period.to ? dateBand(period.to) : undefined;
      const end = x(to ? to.end : domainEnd!);
      presence.push({
        companyId: company.id,
        index,
        status: period.status,
        hatched: period.status !== 'confirmed',
        x0: x(from.start),
        // A day is sharp; coarser dates fade across the span they may fall in.
        solidFrom: period.from.precision === 'day' ? x(from.start) : x(from.end),
        solidTo: to ? (period.to!.precision === 'day' ? x(to.end) : x(to.start)) : end,
        x1: end,
        open: to === undefined,
        y: top + 2,
        height: height - 4,
        dateText: ui.dates.range(
          formatDate(period.from),
          period.to ? formatDate(period.to) : ui.dates.noEnd
        ),
      });
    });
    lanes.push({
      id: `company-${company.id}`,
      label: sizes.short ? (company.shortName ?? company.name) : company.name,
      top,
      height,
      companyId: company.id,
      colour: company.colour,
      ...(company.presence.length === 0 && {
        empty: chartUi.timeline.noPresence(story.meta.region),
      }),
    });
    top += height + sizes.gap;
  }

  return { width: sizes.width, height: top + sizes.axis, x, axisY: top, lanes, events, presence };
}
