/**
 * The one door into the app for editor-written data: the story JSON and the two GeoJSON files
 * go in as text, a typed `Story` comes out, or a `StoryError` listing every problem with its
 * file and JSON pointer. Runs at build time (see `vite-plugin.ts`) so a broken story never
 * builds.
 */
import { FileProblems, formatProblems, parseJson, pointerTo, type StoryProblem } from './read.ts';
import { didYouMean } from './hints.ts';
import { renderStepText, unsafeTextIssues } from './markdown.ts';
import { jsonLocator, withoutByteOrderMark } from './positions.ts';
import { dateBand, dateProblem, formatDate } from './dates.ts';
import { shapeProblems } from './shape.ts';
import { TEXT_CONTRAST_AA, contrastRatio } from './contrast.ts';
import {
  isFitCamera,
  type CameraSpec,
  type Company,
  type LegFeature,
  type Presence,
  type StepDocument,
  type StoryDate,
  type StoryDocument,
  type StoryEvent,
  type StoryEventDocument,
  type Place,
  type PlaceFeature,
  type PlaceKind,
  type RouteLeg,
  type Source,
  type Step,
  type Story,
} from './types.ts';
import { DEFAULT_REGION } from '../strings.ts';
import { BASEMAP_COUNTRIES } from '../../../geo/basemap-countries.ts';

export class StoryError extends Error {
  constructor(readonly problems: StoryProblem[]) {
    super(
      `The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`
    );
    this.name = 'StoryError';
  }
}

export interface SourceFile {
  /** Path shown in messages, relative to the project root. */
  path: string;
  text: string;
}

export interface StoryFiles {
  story: SourceFile;
  places: SourceFile;
  route: SourceFile;
}

/** Place kinds that are a name on the map, not a located point: they take no confidence. */
const NAME_ONLY_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'river']);
/** Prefixes of the page's own element ids (StoryPage.svelte), which step ids must not take. */
const RESERVED_STEP_ID_PREFIXES = ['source-', 'storymap-'];

/** Where each read item stood in its file, so later checks point at the right place. */
const locations = new WeakMap<object, string>();
function located<T extends object>(item: T, at: string): T;
function located<T extends object>(item: T | undefined, at: string): T | undefined;
function located<T extends object>(item: T | undefined, at: string): T | undefined {
  if (item) locations.set(item, at);
  return item;
}
function locationOf(item: object): string {
  return locations.get(item) ?? '';
}

/**
 * The features of a GeoJSON file whose shape its schema has checked (shape.ts), each with
 * where it stands; a feature with a problem of shape is left out. GeoJSON's own feature `id`,
 * when given, must be the `properties.id` the story uses.
 */
function readFeatures<F extends PlaceFeature | LegFeature>(
  reader: FileProblems,
  document: unknown,
  shape: 'places' | 'route'
): { feature: F; at: string }[] {
  const problems = shapeProblems(document, reader.file, shape);
  reader.problems.push(...problems.map(({ breaks: _breaks, ...problem }) => problem));
  const parts = new StoryReader(
    reader,
    problems.filter((problem) => problem.breaks).map((problem) => problem.pointer)
  );
  if (parts.isBroken('') && !isObject(document)) return [];
  // The schema has checked the shape: what is not broken is a feature of this file.
  const features = (document as { features?: F[] }).features;
  return parts.items(features, '/features').flatMap(({ item: feature, at }) => {
    if (feature.id !== undefined && feature.id !== feature.properties.id) {
      reader.fail(
        pointerTo(at, 'id'),
        `the feature's id ${JSON.stringify(feature.id)} differs from its properties' id ${JSON.stringify(feature.properties.id)}; keep them the same`,
        'rule'
      );
    }
    return [{ feature, at }];
  });
}

function readPlaces(reader: FileProblems, document: unknown): Place[] {
  return readFeatures<PlaceFeature>(reader, document, 'places').flatMap(({ feature, at }) => {
    const props = feature.properties;
    const pAt = pointerTo(at, 'properties');
    const nameOnly = NAME_ONLY_KINDS.has(props.kind);
    const sources = props.sources ?? [];
    const confidence = nameOnly ? undefined : props.confidence;
    // Reported, and the name still placed: the story's references to it stand.
    if (nameOnly && props.confidence !== undefined) {
      reader.fail(
        pointerTo(pAt, 'confidence'),
        `a ${props.kind} is a name placed on the map, not a located point: it claims no position, so leave out "confidence"`,
        'rule'
      );
    }
    if (!nameOnly && props.confidence === undefined) {
      reader.fail(pointerTo(pAt, 'confidence'), 'missing required field "confidence"', 'missing');
      return [];
    }
    if ((confidence === 'high' || confidence === 'medium') && sources.length === 0) {
      reader.fail(
        pointerTo(pAt, 'confidence'),
        `a ${confidence} confidence needs a source: cite the story's sources for this position in "sources", or lower it to "low" (derived or interpolated) or "unverified" (no source gives it)`,
        'rule'
      );
    }
    const place: Place = {
      id: props.id,
      name: props.name,
      kind: props.kind,
      ...(confidence && { confidence }),
      sources,
      coordinates: feature.geometry.coordinates,
      ...(props.local && { local: { text: props.local.text, lang: props.local.lang } }),
      ...(props.note && { note: props.note }),
    };
    return [located(place, at)];
  });
}

function readLegs(reader: FileProblems, document: unknown): RouteLeg[] {
  return readFeatures<LegFeature>(reader, document, 'route').map(({ feature, at }) => {
    const props = feature.properties;
    const leg: RouteLeg = {
      id: props.id,
      name: props.name,
      mode: props.mode,
      certainty: props.certainty,
      stops: props.stops,
      coordinates: feature.geometry.coordinates,
      ...(props.label && { label: props.label }),
      ...(props.note && { note: props.note }),
    };
    return located(leg, at);
  });
}

/**
 * Reads the parts of the story file whose shape the schema has checked (shape.ts): each item
 * with a problem of shape is left out, and what remains is what its type says. Here come the
 * checks a schema cannot make: dates that exist and run forwards, text in the safe subset,
 * ids the page keeps for itself, and the newsroom's rules for sources.
 */
class StoryReader {
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
   * code meant or lists the codes there are.
   */
  regionCountries(codes: readonly string[] | undefined): string[] {
    const seen = new Set<string>();
    return this.items(codes, '/map/regionCountries').flatMap(({ item: code, at }) => {
      if (seen.has(code)) {
        this.reader.fail(at, `"${code}" is listed twice`, 'duplicate-id');
        return [];
      }
      seen.add(code);
      if (Object.hasOwn(BASEMAP_COUNTRIES, code)) return [code];
      const typed = code.trim().toLowerCase();
      const named = Object.entries(BASEMAP_COUNTRIES).find(
        ([, name]) => name.toLowerCase() === typed
      );
      const hint = named
        ? `${named[1]} is "${named[0]}"`
        : `it has ${Object.entries(BASEMAP_COUNTRIES)
            .sort(([, a], [, b]) => a.localeCompare(b))
            .map(([id, name]) => `"${id}" ${name}`)
            .join(', ')}`;
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reports ids used twice in one list. */
function checkUnique(reader: FileProblems, items: { id: string }[]): void {
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
function declaredIds(list: unknown, read: readonly { id: string }[]): Set<string> {
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
function checkReferences(
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
function checkPlaceSources(reader: FileProblems, places: Place[], sourceIds: Set<string>): void {
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

function checkLegStops(reader: FileProblems, legs: RouteLeg[], places: Place[]): void {
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

/**
 * Adds the line and column of each problem in its file. Only runs when there are problems,
 * so a valid story pays nothing for it.
 */
function withPositions(problems: StoryProblem[], files: StoryFiles): StoryProblem[] {
  const byPath = new Map(Object.values(files).map((file) => [file.path, file]));
  const locators = new Map<string, ReturnType<typeof jsonLocator>>();
  return problems.map((problem) => {
    if (problem.line !== undefined) return problem;
    const file = byPath.get(problem.file);
    if (!file) return problem;
    let locator = locators.get(file.path);
    if (!locator) {
      locator = jsonLocator(withoutByteOrderMark(file.text));
      locators.set(file.path, locator);
    }
    const { line, column } = locator.locate(problem.pointer);
    return { ...problem, line, column };
  });
}

/** Problems of one file in the order an editor meets them, reading it from the top. */
function inFileOrder(problems: StoryProblem[]): StoryProblem[] {
  return problems.toSorted(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

/**
 * Reads and checks the three files. Throws a `StoryError` listing every problem found.
 */
export function loadStory(files: StoryFiles): Story {
  const problems: StoryProblem[] = [];
  const parsed = (file: SourceFile): unknown => {
    const result = parseJson(file.text, file.path);
    if (result.ok) return result.value;
    problems.push(result.problem);
    return undefined;
  };
  const storyJson = parsed(files.story);
  const placesJson = parsed(files.places);
  const routeJson = parsed(files.route);
  if (problems.length > 0) throw new StoryError(problems);

  const placeReader = new FileProblems(files.places.path);
  const places = readPlaces(placeReader, placesJson);
  checkUnique(placeReader, places);

  const routeReader = new FileProblems(files.route.path);
  const legs = readLegs(routeReader, routeJson);
  checkUnique(routeReader, legs);
  checkLegStops(routeReader, legs, places);

  const reader = new FileProblems(files.story.path);
  const shape = shapeProblems(storyJson, files.story.path);
  reader.problems.push(...shape.map(({ breaks: _breaks, ...problem }) => problem));
  const parts = new StoryReader(
    reader,
    shape.filter((problem) => problem.breaks).map((problem) => problem.pointer)
  );
  let story: Story | undefined;
  let readInOrder = reader.problems.length;
  // The schema has checked the shape: what is not broken is what StoryDocument says it is.
  const root =
    parts.isBroken('') && !isObject(storyJson) ? undefined : (storyJson as StoryDocument);
  if (root) {
    const meta = parts.isBroken('/meta') ? undefined : root.meta;
    const published = isObject(root.meta) ? root.meta.published : undefined;
    const publishedProblem = typeof published === 'string' && dateProblem(published, 'day');
    if (publishedProblem) reader.fail('/meta/published', publishedProblem, 'date');
    const regionCountries = parts.regionCountries(root.map?.regionCountries);
    const readList = <T, U>(
      list: readonly T[] | undefined,
      at: string,
      read: (item: T, itemAt: string) => U | undefined
    ): U[] =>
      parts.items(list, at).flatMap(({ item, at: itemAt }) => {
        const value = read(item, itemAt);
        return value === undefined ? [] : [located(value as U & object, itemAt)];
      });
    const sources = readList(root.sources, '/sources', (item, at) => parts.source(item, at));
    const steps = readList(root.steps, '/steps', (item, at) => parts.step(item, at));
    const events = readList(root.events, '/events', (item, at) => parts.event(item, at));
    const companies = readList(root.companies, '/companies', (item, at) => parts.company(item, at));
    // What each item says, in the order the file says it; then what the items say together.
    readInOrder = reader.problems.length;
    checkUnique(reader, sources);
    checkUnique(reader, events);
    checkUnique(reader, companies);
    checkUnique(reader, steps);
    checkReferences(
      reader,
      { steps, places, legs, sources, events, companies },
      { steps: root.steps, sources: root.sources, companies: root.companies }
    );
    checkPlaceSources(placeReader, places, declaredIds(root.sources, sources));
    if (meta && !publishedProblem && !parts.isBroken('/map') && !parts.isBroken('/embed')) {
      story = {
        meta: {
          title: meta.title,
          dek: meta.dek,
          ...(meta.byline && { byline: meta.byline }),
          published: meta.published,
          credits: meta.credits ?? [],
          region: meta.region ?? DEFAULT_REGION,
        },
        map: {
          ...(root.map?.style !== undefined && { style: root.map.style }),
          regionCountries,
        },
        embed: { allowedOrigins: root.embed?.allowedOrigins ?? [] },
        sources,
        events,
        companies,
        steps,
        places,
        legs,
      };
    }
  }

  // The story file's problems first: it is the file an editor is working on.
  problems.push(
    ...inFileOrder(withPositions(reader.problems.slice(0, readInOrder), files)),
    ...reader.problems.slice(readInOrder),
    ...placeReader.problems,
    ...routeReader.problems
  );
  if (problems.length > 0 || !story) throw new StoryError(withPositions(problems, files));
  return story;
}

/** Step text longer than this (characters) no longer fits a phone card beside the map. */
export const PHONE_CARD_MAX_CHARACTERS = 700;

/**
 * Things worth an editor's attention that do not stop a build: a step citing no source, step
 * text too long for a phone card, and a company colour too pale to read its name in.
 */
export function storyWarnings(story: Story, files: StoryFiles): StoryProblem[] {
  const warnings: StoryProblem[] = [];
  story.companies.forEach((company, index) => {
    const ratio = contrastRatio(company.colour, '#ffffff');
    if (ratio < TEXT_CONTRAST_AA) {
      warnings.push({
        file: files.story.path,
        pointer: `/companies/${index}/colour`,
        message: `warning: company "${company.id}" has colour ${company.colour}, ${ratio.toFixed(1)}:1 on white; its name on the timeline needs ${TEXT_CONTRAST_AA}:1 to be readable (pick a darker colour)`,
        kind: 'warning',
      });
    }
  });
  story.steps.forEach((step, index) => {
    const at = `/steps/${index}`;
    if (step.sources.length === 0) {
      warnings.push({
        file: files.story.path,
        pointer: at,
        message: `warning: step "${step.id}" cites no source`,
        kind: 'warning',
      });
    }
    if (step.text.length > PHONE_CARD_MAX_CHARACTERS) {
      warnings.push({
        file: files.story.path,
        pointer: `${at}/text`,
        message: `warning: step "${step.id}" has ${step.text.length} characters of text; a phone card holds about ${PHONE_CARD_MAX_CHARACTERS}`,
        kind: 'warning',
      });
    }
  });
  return withPositions(warnings, files);
}
