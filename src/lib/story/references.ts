/**
 * What the story's items say together: ids used once in each list, every id mentioned
 * defined (with a "did you mean"), a growing leg shown, a highlight shown, a route that
 * passes through its stops.
 */
import { didYouMean } from './hints.ts';
import { locationOf } from './located.ts';
import type { FileProblems } from './read.ts';
import {
  isFitCamera,
  type Company,
  type Place,
  type RouteLeg,
  type Source,
  type Step,
  type StoryEvent,
} from './types.ts';

/** Reports ids used twice in one list. */
export function checkUnique(reader: FileProblems, items: { id: string }[]): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const first = seen.get(item.id);
    const at = locationOf(item);
    if (first !== undefined)
      reader.fail(at, `duplicate id "${item.id}" (first used at ${first})`, 'duplicate-id');
    else seen.set(item.id, at);
  }
}

interface StoryParts {
  steps: Step[];
  places: Place[];
  legs: RouteLeg[];
  sources: Source[];
  events: StoryEvent[];
  companies: Company[];
}

/**
 * The ids written in a list of objects, whether or not each item was read without problems:
 * a reference to an item that has problems of its own is not also reported as unknown.
 */
export function declaredIds(list: unknown, read: readonly { id: string }[]): Set<string> {
  const ids = new Set(read.map((item) => item.id));
  if (Array.isArray(list)) {
    for (const item of list) {
      if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string')
        ids.add(item.id);
    }
  }
  return ids;
}

/**
 * Every id the story mentions must exist; `grow` must be a shown leg; highlights must be
 * shown.
 */
export function checkReferences(
  reader: FileProblems,
  story: StoryParts,
  written: { steps: unknown; sources: unknown; companies: unknown }
): void {
  const { steps, places, legs, sources, events, companies } = story;
  const placeIds = new Set(places.map((p) => p.id));
  const legIds = new Set(legs.map((l) => l.id));
  const sourceIds = declaredIds(written.sources, sources);
  const stepIds = declaredIds(written.steps, steps);
  const companyIds = declaredIds(written.companies, companies);
  /** Reports each of `ids` (at `at`/`where`/index) that is not in `known`. */
  const refs = (at: string, ids: string[], known: Set<string>, what: string, where: string) =>
    ids.forEach((id, i) => {
      if (!known.has(id)) {
        reader.fail(
          where === '' ? at : `${at}/${where}/${i}`,
          `unknown ${what} "${id}"${didYouMean(id, known)}`,
          'unknown-id'
        );
      }
    });
  events.forEach((event) => {
    const at = locationOf(event);
    refs(at, event.sources, sourceIds, 'source', 'sources');
    refs(at, event.companies, companyIds, 'company', 'companies');
    if (event.step !== undefined) refs(`${at}/step`, [event.step], stepIds, 'step', '');
  });
  companies.forEach((company) => {
    const at = locationOf(company);
    refs(`${at}/place`, [company.place], placeIds, 'place', '');
    company.presence.forEach((period) => {
      const pAt = locationOf(period);
      refs(pAt, period.sources, sourceIds, 'source', 'sources');
      if (period.place !== undefined) refs(`${pAt}/place`, [period.place], placeIds, 'place', '');
    });
  });
  steps.forEach((step) => {
    const at = locationOf(step);
    const stepRefs = (ids: string[], known: Set<string>, what: string, where: string) =>
      refs(at, ids, known, what, where);
    stepRefs(step.sources, sourceIds, 'source', 'sources');
    stepRefs(step.map.places, placeIds, 'place', 'map/places');
    stepRefs(step.map.highlight, placeIds, 'place', 'map/highlight');
    stepRefs(step.map.legs, legIds, 'route leg', 'map/legs');
    if (isFitCamera(step.map.camera))
      stepRefs(step.map.camera.fit, placeIds, 'place', 'map/camera/fit');
    const grow = step.map.grow;
    if (grow !== undefined) {
      if (!legIds.has(grow)) {
        reader.fail(
          `${at}/map/grow`,
          `unknown route leg "${grow}"${didYouMean(grow, legIds)}`,
          'unknown-id'
        );
      } else if (!step.map.legs.includes(grow)) {
        reader.fail(
          `${at}/map/grow`,
          `"${grow}" grows in this step, so it must also be in "legs"`,
          'rule'
        );
      }
    }
    step.map.highlight.forEach((id, i) => {
      if (placeIds.has(id) && !step.map.places.includes(id)) {
        reader.fail(
          `${at}/map/highlight/${i}`,
          `"${id}" is highlighted, so it must also be in "places"`,
          'rule'
        );
      }
    });
  });
}

/** A place's sources are the story's: each id it cites must be one of story.json's sources. */
export function checkPlaceSources(
  reader: FileProblems,
  places: Place[],
  sourceIds: Set<string>
): void {
  for (const place of places) {
    place.sources.forEach((id, i) => {
      if (!sourceIds.has(id)) {
        reader.fail(
          `${locationOf(place)}/properties/sources/${i}`,
          `unknown source "${id}"${didYouMean(id, sourceIds)}: a place cites the sources listed in the story file`,
          'unknown-id'
        );
      }
    });
  }
}

export function checkLegStops(reader: FileProblems, legs: RouteLeg[], places: Place[]): void {
  const byId = new Map(places.map((p) => [p.id, p]));
  legs.forEach((leg) => {
    leg.stops.forEach((stop, i) => {
      const place = byId.get(stop);
      const at = `${locationOf(leg)}/properties/stops/${i}`;
      if (!place) {
        reader.fail(at, `unknown place "${stop}"${didYouMean(stop, byId.keys())}`, 'unknown-id');
        return;
      }
      const [lng, lat] = place.coordinates;
      const onLine = leg.coordinates.some(
        ([x, y]) => Math.abs(x - lng) < 1e-6 && Math.abs(y - lat) < 1e-6
      );
      if (!onLine)
        reader.fail(at, `the line does not pass through "${stop}" at ${lng}, ${lat}`, 'geometry');
    });
  });
}
