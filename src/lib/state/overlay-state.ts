/**
 * The overlays' part of a step's state: which time the step is about, which events fall in it,
 * and where each company stands at its end. Pure, like the rest of the state module.
 */
import {
  dateBand,
  formatDate,
  formatRange,
  overlaps,
  rangeBand,
  type Band,
} from '../story/dates.ts';
import type { PresenceStatus, StoryDateRange } from '../story/types.ts';
import type {
  BrowserCompany,
  BrowserEvent,
  BrowserPresence,
  BrowserStep,
  BrowserStory,
} from '../story/browser.ts';
import { STATUS_NAMES, ui } from '../strings.ts';

/**
 * A company's standing at a moment: `none` (no presence in North Korea is sourced),
 * `not-yet` (before its first period), `present`, or `left` (its last period has ended, or
 * may have: the moment falls in or after the span its end date covers).
 */
export type Standing = 'none' | 'not-yet' | 'present' | 'left';

export interface CompanyState {
  id: string;
  standing: Standing;
  /** The status of the period it is in, or last left; undefined for `none` and `not-yet`. */
  status: PresenceStatus | undefined;
  /** A UN or US sanction naming it is dated at or before the moment. */
  sanctioned: boolean;
  /** Id of the place the map shows it at: the period's place while present, else its home. */
  place: string;
  /** The dates of the period it is in, or last left, as precise as the sources give them. */
  period: StoryDateRange | undefined;
  /** That period shares a moment with the step's span: the step speaks of a time it was there. */
  duringStep: boolean;
  /**
   * The hedge on where it is shown (`Company.placeHedge`) when it is shown at its home place;
   * the map draws its mark there as uncertain.
   */
  placeHedge: string | undefined;
}

export interface OverlayState {
  /** The span the step is about; undefined when the step has no `when`. */
  when: Band | undefined;
  /** Ids of the events that may fall within `when`, in the story's order. */
  events: string[];
  /** Each company at the last moment of `when`; empty when the step has no `when`. */
  companies: CompanyState[];
}

const SANCTIONS: ReadonlySet<BrowserEvent['kind']> = new Set(['un-sanction', 'us-sanction']);

/** The events whose date span shares any moment with `band`. */
export function eventsIn(events: readonly BrowserEvent[], band: Band): BrowserEvent[] {
  return events.filter((event) => overlaps(dateBand(event.date), band));
}

/** The period a company is in at `moment`, or the last one it has left, with its standing. */
export function presenceAt(
  company: BrowserCompany,
  moment: number
): { standing: Standing; period: BrowserPresence | undefined } {
  if (company.presence.length === 0) return { standing: 'none', period: undefined };
  let left: BrowserPresence | undefined;
  for (const period of company.presence) {
    const start = dateBand(period.from).start;
    const end = period.to ? dateBand(period.to).start : Infinity;
    if (moment < start) break;
    if (moment < end) return { standing: 'present', period };
    left = period;
  }
  return left ? { standing: 'left', period: left } : { standing: 'not-yet', period: undefined };
}

/** Whether a UN or US sanction naming the company is dated at or before `moment`. */
export function sanctionedAt(
  company: BrowserCompany,
  events: readonly BrowserEvent[],
  moment: number
): boolean {
  return events.some(
    (event) =>
      SANCTIONS.has(event.kind) &&
      event.companies.includes(company.id) &&
      dateBand(event.date).start <= moment
  );
}

/**
 * Computed once per step of a story: the overlays depend on the step alone, and the same object
 * for every progress update lets the overlays skip work when only the progress moved.
 */
const cache = new WeakMap<BrowserStory, WeakMap<BrowserStep, OverlayState>>();

export function overlayState(story: BrowserStory, step: BrowserStep): OverlayState {
  let byStep = cache.get(story);
  if (!byStep) cache.set(story, (byStep = new WeakMap()));
  let state = byStep.get(step);
  if (!state) byStep.set(step, (state = computeOverlayState(story, step)));
  return state;
}

function computeOverlayState(story: BrowserStory, step: BrowserStep): OverlayState {
  if (!step.when) return { when: undefined, events: [], companies: [] };
  const when = rangeBand(step.when);
  // The moment the map shows: the last one the step speaks of.
  const moment = when.end - 1;
  return {
    when,
    events: eventsIn(story.events, when).map((event) => event.id),
    companies: story.companies.map((company) => {
      const { standing, period } = presenceAt(company, moment);
      const place = standing === 'present' && period?.place ? period.place : company.place;
      return {
        id: company.id,
        standing,
        status: period?.status,
        sanctioned: sanctionedAt(company, story.events, moment),
        place,
        period: period && { from: period.from, ...(period.to && { to: period.to }) },
        duringStep: period !== undefined && overlaps(presenceBand(period), when),
        placeHedge: place === company.place ? company.placeHedge : undefined,
      };
    }),
  };
}

/** The span a presence period may cover: from the start of `from` to the end of `to`. */
function presenceBand(period: BrowserPresence): Band {
  return {
    start: dateBand(period.from).start,
    end: period.to ? dateBand(period.to).end : Infinity,
  };
}

/**
 * What the map, its narration and its tables say of a company's standing, with the dates of
 * its period as precise as the sources give them: "in North Korea since 15 December 2008
 * (confirmed)", "in North Korea, about 2008 to first half of 2016 (reported)" for a step
 * whose span that period shares, "left North Korea by first half of 2016 (reported);
 * sanctioned" for a later one. A span is never told by its end alone.
 */
export function standingText(state: CompanyState, region: string): string {
  const status = state.status ? ` (${STATUS_NAMES[state.status]})` : '';
  const { period } = state;
  let base: string;
  if (state.standing === 'present' && period) {
    base = period.to
      ? ui.presence.presentDuring(region, formatRange(period))
      : ui.presence.presentSince(region, formatDate(period.from));
  } else if (state.standing === 'left' && period?.to) {
    base = state.duringStep
      ? ui.presence.presentDuring(region, formatRange(period))
      : ui.presence.leftBy(region, formatDate(period.to));
  } else {
    base = {
      present: ui.presence.present(region),
      left: ui.presence.left(region),
      'not-yet': ui.presence.notYet(region),
      none: ui.presence.none(region),
    }[state.standing];
  }
  const withStatus =
    state.standing === 'present' || state.standing === 'left' ? base + status : base;
  return state.sanctioned ? `${withStatus}; ${ui.presence.sanctioned}` : withStatus;
}
