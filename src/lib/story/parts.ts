/**
 * The story file's parts (sources, steps, events, companies, the map's region), read once
 * the file's shape is checked by its schema (shape.ts), with the checks a schema cannot make.
 */
import { COUNTRIES } from '../../../geo/countries.ts';
import { dateBand, dateProblem, formatDate } from './dates.ts';
import { located } from './located.ts';
import { renderStepText, unsafeTextIssues } from './markdown.ts';
import { pointerTo, type FileProblems } from './read.ts';
import {
  isFitCamera,
  type CameraSpec,
  type Company,
  type Presence,
  type Source,
  type Step,
  type StepDocument,
  type StoryDate,
  type StoryEvent,
  type StoryEventDocument,
} from './types.ts';

/** Prefixes of the page's own element ids (StoryPage.svelte), which step ids must not take. */
const RESERVED_STEP_ID_PREFIXES = ['source-', 'storymap-'];

/**
 * Reads the parts of the story file whose shape the schema has checked (shape.ts): each item
 * with a problem of shape is left out, and what remains is what its type says. Here come the
 * checks a schema cannot make: dates that exist and run forwards, text in the safe subset,
 * ids the page keeps for itself, and the newsroom's rules for sources.
 */
export class StoryReader {
  constructor(
    readonly reader: FileProblems,
    /** Pointers of the values whose shape is wrong. */
    readonly broken: readonly string[]
  ) {}

  /** Whether the value at `at` (or anything in it) has a problem of shape. */
  isBroken(at: string): boolean {
    return this.broken.some((pointer) => pointer === at || pointer.startsWith(`${at}/`));
  }

  /** The items of a list that can be read, with where each stands. */
  items<T>(list: readonly T[] | undefined, at: string): { item: T; at: string }[] {
    if (!Array.isArray(list)) return [];
    return list.flatMap((item, index) => {
      const itemAt = pointerTo(at, index);
      return this.isBroken(itemAt) ? [] : [{ item, at: itemAt }];
    });
  }

  /** A date that exists, written as its precision requires; reported when not. */
  date(value: StoryDate, at: string): boolean {
    const problem = dateProblem(value.date, value.precision);
    if (problem) this.reader.fail(pointerTo(at, 'date'), problem, 'date');
    return !problem;
  }

  /** A `from`/`to` pair whose dates exist, the end not before the start. */
  span(from: StoryDate | undefined, to: StoryDate | undefined, at: string): boolean {
    const fromOk = !from || this.date(from, pointerTo(at, 'from'));
    const toOk = !to || this.date(to, pointerTo(at, 'to'));
    if (!fromOk || !toOk) return false;
    if (from && to && dateBand(to).end <= dateBand(from).start) {
      this.reader.fail(
        pointerTo(at, 'to'),
        `the end (${formatDate(to)}) comes before the start (${formatDate(from)})`,
        'date'
      );
      return false;
    }
    return true;
  }

  step(step: StepDocument, at: string): Step | undefined {
    const { reader } = this;
    let ok = true;
    // A step's id is also its element's id (links to #id open the story there).
    const reserved = RESERVED_STEP_ID_PREFIXES.find((prefix) => step.id.startsWith(prefix));
    if (reserved) {
      reader.fail(
        pointerTo(at, 'id'),
        `"${step.id}" cannot be a step id: ids starting with "${reserved}" are used by the page`,
        'invalid-id'
      );
      ok = false;
    }
    for (const issue of unsafeTextIssues(step.text))
      reader.fail(pointerTo(at, 'text'), issue.message, issue.kind);
    if (step.when && !this.span(step.when.from, step.when.to, pointerTo(at, 'when'))) ok = false;
    if (!ok) return undefined;
    const { camera, legs = [], places = [], highlight = [], grow } = step.map;
    return {
      id: step.id,
      title: step.title,
      text: step.text,
      html: renderStepText(step.text),
      sources: step.sources ?? [],
      map: {
        camera: cameraOf(camera),
        legs,
        places,
        highlight,
        ...(grow !== undefined && { grow }),
      },
      ...(step.kicker && { kicker: step.kicker }),
      ...(step.when && {
        when: { from: dateOf(step.when.from), ...(step.when.to && { to: dateOf(step.when.to) }) },
      }),
      ...(step.alt && { alt: step.alt }),
      ...(step.transition && { transition: step.transition }),
      ...(step.media && { media: step.media }),
      ...(step.hidden && { hidden: true }),
    };
  }

  event(event: StoryEventDocument, at: string): StoryEvent | undefined {
    if (!this.date(event.date, pointerTo(at, 'date'))) return undefined;
    return {
      id: event.id,
      date: dateOf(event.date),
      label: event.label,
      kind: event.kind,
      sources: event.sources,
      companies: event.companies ?? [],
      ...(event.step && { step: event.step }),
      ...(event.note && { note: event.note }),
    };
  }

  company(company: Company, at: string): Company | undefined {
    const presence: Presence[] = [];
    let previousEnd = -Infinity;
    for (const { item: period, at: pAt } of this.items(
      company.presence,
      pointerTo(at, 'presence')
    )) {
      if (!this.span(period.from, period.to, pAt)) continue;
      // Periods oldest first and apart: the timeline draws them in one lane.
      if (dateBand(period.from).start < previousEnd) {
        this.reader.fail(
          pointerTo(pAt, 'from'),
          'presence periods must be in order, each starting after the one before it ends',
          'date'
        );
      }
      previousEnd = period.to ? dateBand(period.to).end : Infinity;
      presence.push(
        located(
          {
            from: dateOf(period.from),
            status: period.status,
            sources: period.sources,
            ...(period.to && { to: dateOf(period.to) }),
            ...(period.place && { place: period.place }),
            ...(period.note && { note: period.note }),
          },
          pAt
        )
      );
    }
    return {
      id: company.id,
      name: company.name,
      colour: company.colour,
      place: company.place,
      presence,
      ...(company.placeHedge && { placeHedge: company.placeHedge }),
      ...(company.shortName && { shortName: company.shortName }),
      ...(company.role && { role: company.role }),
      ...(company.note && { note: company.note }),
    };
  }

  source(source: Source, at: string): Source | undefined {
    const { reader } = this;
    let ok = true;
    if (/^\s*\[.*\]\s*$/s.test(source.title)) {
      reader.fail(
        pointerTo(at, 'title'),
        'a title in [brackets] reads as a placeholder: give the headline or title as published, or cite a source whose title you have',
        'rule'
      );
      ok = false;
    }
    if (source.date === undefined && source.undated === undefined) {
      reader.fail(
        pointerTo(at, 'date'),
        'missing required field "date": when was it published? (for a reference work that carries no date, say so in "undated" instead)',
        'missing'
      );
      ok = false;
    } else if (source.date !== undefined && source.undated !== undefined) {
      reader.fail(pointerTo(at, 'undated'), 'a source with a "date" is not "undated"', 'rule');
    }
    const dated = !source.date || this.date(source.date, pointerTo(at, 'date'));
    const updated = !source.updated || this.date(source.updated, pointerTo(at, 'updated'));
    if (!dated || !updated) ok = false;
    else if (source.date && source.updated) {
      if (dateBand(source.updated).end <= dateBand(source.date).start) {
        reader.fail(
          pointerTo(at, 'updated'),
          `it was updated (${formatDate(source.updated)}) before it was published (${formatDate(source.date)})`,
          'date'
        );
      }
    }
    if (!ok) return undefined;
    return {
      id: source.id,
      outlet: source.outlet,
      title: source.title,
      ...(source.date && { date: dateOf(source.date) }),
      ...(source.updated && { updated: dateOf(source.updated) }),
      ...(source.undated && { undated: source.undated }),
      ...(source.url && { url: source.url }),
      ...(source.note && { note: source.note }),
    };
  }

  /**
   * `map.regionCountries`: countries of the built-in basemap by ISO 3166-1 numeric code. A
   * country written by name, or a code the basemap does not have, is an error that names the
   * code meant, the countries whose names hold what was written, or where the codes are listed.
   */
  regionCountries(codes: readonly string[] | undefined): string[] {
    const seen = new Set<string>();
    return this.items(codes, '/map/regionCountries').flatMap(({ item: code, at }) => {
      if (seen.has(code)) {
        this.reader.fail(at, `"${code}" is listed twice`, 'duplicate-id');
        return [];
      }
      seen.add(code);
      if (Object.hasOwn(COUNTRIES, code)) return [code];
      const typed = code.trim().toLowerCase();
      const named = Object.entries(COUNTRIES).filter(([, name]) =>
        name.toLowerCase().includes(typed)
      );
      const exact = named.find(([, name]) => name.toLowerCase() === typed);
      const hint = exact
        ? `${exact[1]} is "${exact[0]}"`
        : named.length > 0 && named.length <= 5
          ? `did you mean ${named.map(([id, name]) => `${name} ("${id}")`).join(' or ')}?`
          : 'geo/countries.ts lists the codes';
      this.reader.fail(
        at,
        `no country "${code}" on the built-in map, which names countries by ISO 3166-1 numeric code: ${hint}`,
        'unknown-id'
      );
      return [];
    });
  }
}

/** A date as the story keeps it: without unknown fields, `about` only when true. */
const dateOf = ({ date, precision, about }: StoryDate): StoryDate => ({
  date,
  precision,
  ...(about && { about }),
});

/** A camera as the story keeps it: only its own fields. */
function cameraOf(camera: CameraSpec): CameraSpec {
  if (isFitCamera(camera)) {
    const { fit, padding, maxZoom } = camera;
    return {
      fit,
      ...(padding !== undefined && { padding }),
      ...(maxZoom !== undefined && { maxZoom }),
    };
  }
  const { center, zoom, bearing, pitch } = camera;
  return {
    center,
    zoom,
    ...(bearing !== undefined && { bearing }),
    ...(pitch !== undefined && { pitch }),
  };
}
