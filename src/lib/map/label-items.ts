/**
 * What the map labels at a step, and how important each label is: pure, from the `StepState`.
 * The label layer (MapLabels.svelte) draws these and places them with `placeLabels`.
 *
 * Companies are listed in the label of the place the map shows them at, each with its role
 * and how sure the sources are, so a reader never has to guess which company a mark belongs
 * to. A place the step does not label gets a label of its own when companies are shown there.
 */
import type { LabelShape } from '../draw/placement';
import { standingText, type CompanyState, type Standing } from '../state/overlay-state';
import type { StepState } from '../state/step-state';
import { isApproximate } from '../story/hedges';
import type { LngLat, PresenceStatus } from '../story/types';
import type { BrowserLeg, BrowserPlace, BrowserStory } from '../story/browser';

/** How a place's position is marked. */
export type MarkKind = 'dot' | 'station' | 'approximate' | 'crossing';

/** Half the size of each mark, CSS pixels (the CSS of MapLabels.svelte draws them). */
export const MARK_HALF_SIZE: Record<MarkKind, { halfWidth: number; halfHeight: number }> = {
  dot: { halfWidth: 6, halfHeight: 6 },
  station: { halfWidth: 5, halfHeight: 5 },
  // The dashed ring of an uncertain position: wide, as the uncertainty is.
  approximate: { halfWidth: 13, halfHeight: 13 },
  // A bridge drawn across its route, turned with it: kept clear whichever way it turns.
  crossing: { halfWidth: 12, halfHeight: 12 },
};

/**
 * Label priorities: lower is placed first and gives way last. A step's subject comes first
 * (its highlighted places, or all its places when it highlights none), with the places where
 * companies are shown; then the route, the step's other places, places labelled only for the
 * companies there, and last the names of countries and rivers.
 */
export const PRIORITY = {
  highlighted: 0,
  subject: 1,
  companies: 1,
  leg: 2,
  place: 3,
  companiesOnly: 4,
  context: 5,
} as const;

export interface CompanyLine {
  id: string;
  name: string;
  colour: string;
  role: string | undefined;
  /** Its standing in words ("in North Korea (reported)"). */
  standing: string;
  state: CompanyState;
  /** What its place stands for when it is not plainly its own (Panda at its parent's city). */
  note: string | undefined;
}

export interface PlaceLabel {
  kind: 'place';
  id: string;
  place: BrowserPlace;
  /** A place the step emphasises. */
  highlighted: boolean;
  /** The step labels it (otherwise it is labelled only for the companies shown there). */
  listed: boolean;
  mark: MarkKind | undefined;
  companies: CompanyLine[];
  priority: number;
  /** For a crossing: two points of the route through it, to turn its mark with the route. */
  across?: [LngLat, LngLat];
}

export interface LegLabel {
  kind: 'leg';
  id: string;
  leg: BrowserLeg;
  text: string;
  priority: number;
}

export type LabelItem = PlaceLabel | LegLabel;

export function markOf(place: BrowserPlace): MarkKind | undefined {
  if (place.kind === 'country' || place.kind === 'river') return undefined;
  if (place.kind === 'crossing') return 'crossing';
  if (isApproximate(place)) return 'approximate';
  return place.kind === 'station' ? 'station' : 'dot';
}

export function shapeOf(item: LabelItem): LabelShape['kind'] {
  if (item.kind === 'leg') return 'line';
  return item.mark ? 'point' : 'center';
}

/**
 * The route's direction at a crossing: the vertices either side of it on the first leg that
 * passes through it, or `undefined` when no leg does.
 */
export function crossingDirection(
  story: BrowserStory,
  place: BrowserPlace
): [LngLat, LngLat] | undefined {
  for (const leg of story.legs) {
    if (!leg.stops.includes(place.id) || leg.coordinates.length < 2) continue;
    const distances = leg.coordinates.map(
      ([lng, lat]) => (lng - place.coordinates[0]) ** 2 + (lat - place.coordinates[1]) ** 2
    );
    const nearest = distances.indexOf(Math.min(...distances));
    const before = leg.coordinates[Math.max(0, nearest - 1)]!;
    const after = leg.coordinates[Math.min(leg.coordinates.length - 1, nearest + 1)]!;
    return [before, after];
  }
  return undefined;
}

/** Which fill a company's swatch takes, as the legend explains it. */
export function swatchFill(
  standing: Standing,
  status: PresenceStatus | undefined
): 'solid' | 'hatched' | 'hollow' {
  if (standing !== 'present') return 'hollow';
  return status === 'confirmed' ? 'solid' : 'hatched';
}

/** Every label of the step, in no particular order (priorities say which comes first). */
export function labelItems(story: BrowserStory, state: StepState, narrow: boolean): LabelItem[] {
  const places = new Map(story.places.map((place) => [place.id, place]));
  const companies = new Map(story.companies.map((company) => [company.id, company]));

  const linesAt = new Map<string, CompanyLine[]>();
  for (const companyState of state.overlays.companies) {
    const company = companies.get(companyState.id);
    if (!company || !places.has(companyState.place)) continue;
    const lines = linesAt.get(companyState.place) ?? [];
    lines.push({
      id: company.id,
      name: narrow ? (company.shortName ?? company.name) : company.name,
      colour: company.colour,
      role: company.role,
      standing: standingText(companyState, story.meta.region),
      state: companyState,
      note: companyState.placeHedge,
    });
    linesAt.set(companyState.place, lines);
  }

  const items: LabelItem[] = [];
  const highlightsNone = state.places.every((shown) => !shown.highlighted);
  const priorityOf = (
    place: BrowserPlace,
    highlighted: boolean,
    listed: boolean,
    companies: number
  ) => {
    if (place.kind === 'country' || place.kind === 'river') return PRIORITY.context;
    if (highlighted) return PRIORITY.highlighted;
    if (listed && highlightsNone) return PRIORITY.subject;
    if (companies > 0) return listed ? PRIORITY.companies : PRIORITY.companiesOnly;
    return PRIORITY.place;
  };
  const placeItem = (place: BrowserPlace, highlighted: boolean, listed: boolean): PlaceLabel => {
    const lines = linesAt.get(place.id) ?? [];
    // A place that stands for companies only with a hedge (a parent group's city, say) is
    // drawn as uncertain as their placing there is.
    const hedged = lines.length > 0 && lines.every((line) => line.state.placeHedge !== undefined);
    const mark = hedged && markOf(place) ? 'approximate' : markOf(place);
    const across = place.kind === 'crossing' ? crossingDirection(story, place) : undefined;
    return {
      kind: 'place',
      id: `place:${place.id}`,
      place,
      highlighted,
      listed,
      mark,
      companies: lines,
      priority: priorityOf(place, highlighted, listed, lines.length),
      ...(across && { across }),
    };
  };
  for (const shown of state.places) {
    const place = places.get(shown.id);
    if (place) items.push(placeItem(place, shown.highlighted, true));
  }
  const listed = new Set(state.places.map((shown) => shown.id));
  for (const placeId of linesAt.keys()) {
    if (listed.has(placeId)) continue;
    items.push(placeItem(places.get(placeId)!, false, false));
  }
  const legs = new Map(story.legs.map((leg) => [leg.id, leg]));
  for (const shown of state.legs) {
    const leg = legs.get(shown.id);
    // A leg is labelled once it is drawn whole: a label on a growing line would run ahead of it.
    if (!leg?.label || shown.drawn < 1) continue;
    items.push({ kind: 'leg', id: `leg:${leg.id}`, leg, text: leg.label, priority: PRIORITY.leg });
  }
  return items;
}

/** A string that changes exactly when `labelItems` would give other labels. */
export function labelKey(state: StepState, narrow: boolean): string {
  const whole = state.legs.filter((leg) => leg.drawn >= 1).map((leg) => leg.id);
  return `${state.stepId}|${whole.join(',')}|${narrow}`;
}
