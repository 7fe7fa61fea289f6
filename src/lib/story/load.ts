/**
 * The one door into the app for editor-written data: the story JSON and the two GeoJSON files
 * go in as text, a typed `Story` comes out, or a `StoryError` listing every problem with its
 * file and JSON pointer. Runs at build time (see `vite-plugin.ts`) so a broken story never
 * builds.
 */
import {
  JsonReader,
  formatProblems,
  parseJson,
  pointerTo,
  type JsonObject,
  type StoryProblem,
} from './read.ts';
import { didYouMean } from './hints.ts';
import { renderStepText, unsafeTextIssues } from './markdown.ts';
import { jsonLocator, withoutByteOrderMark } from './positions.ts';
import { DATE_PRECISIONS, dateBand, dateProblem, formatDate } from './dates.ts';
import { TEXT_CONTRAST_AA, contrastRatio } from './contrast.ts';
import {
  isFitCamera,
  type CameraSpec,
  type Certainty,
  type Company,
  type EventKind,
  type Presence,
  type PresenceStatus,
  type StoryDate,
  type StoryDateRange,
  type StoryEvent,
  type Confidence,
  type Place,
  type PlaceKind,
  type RouteLeg,
  type Source,
  type Step,
  type StepMap,
  type Story,
  type Transition,
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

const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low', 'unverified'];
const PLACE_KINDS: readonly PlaceKind[] = [
  'city',
  'company',
  'station',
  'crossing',
  'landmark',
  'country',
  'river',
];
const CERTAINTIES: readonly Certainty[] = ['reported', 'inferred', 'schematic'];
/** Place kinds that are a name on the map, not a located point: they take no confidence. */
const NAME_ONLY_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'river']);
/** Prefixes of the page's own element ids (StoryPage.svelte), which step ids must not take. */
const RESERVED_STEP_ID_PREFIXES = ['source-', 'storymap-'];
const TRANSITIONS: readonly Transition[] = ['fly', 'ease', 'jump'];
const EVENT_KINDS: readonly EventKind[] = [
  'un-sanction',
  'us-sanction',
  'company',
  'legal',
  'report',
];
const PRESENCE_STATUSES: readonly PresenceStatus[] = ['confirmed', 'reported', 'alleged', 'denied'];
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

function readId(reader: JsonReader, object: JsonObject, key: string, at: string) {
  const id = reader.string(object, key, at);
  if (id !== undefined && !ID_PATTERN.test(id)) {
    return reader.fail(
      pointerTo(at, key),
      `"${id}" is not a valid id: use lower-case letters, digits and single hyphens`,
      'invalid-id'
    );
  }
  return id;
}

interface FeatureParts {
  /** Pointer to the feature. */
  at: string;
  properties: JsonObject;
  /** Pointer to its properties. */
  pAt: string;
  geometry: JsonObject;
  /** Pointer to its geometry. */
  gAt: string;
}

/**
 * Reads a FeatureCollection down to each feature's properties (allowing `propertyKeys`) and
 * geometry; features whose envelope is broken are reported and left out.
 */
function readFeatures(
  reader: JsonReader,
  value: unknown,
  propertyKeys: readonly string[]
): FeatureParts[] {
  const collection = reader.object(value, '', ['type', 'features']);
  if (!collection) return [];
  if (collection.type !== 'FeatureCollection') {
    reader.fail('/type', 'expected "FeatureCollection"', 'type');
  }
  const features = reader.list(collection, 'features', '', (raw, at) => {
    const feature = reader.object(raw, at, ['type', 'id', 'properties', 'geometry']);
    if (!feature) return undefined;
    const pAt = pointerTo(at, 'properties');
    const gAt = pointerTo(at, 'geometry');
    const properties = reader.object(feature.properties, pAt, propertyKeys);
    const geometry = reader.object(feature.geometry, gAt, ['type', 'coordinates']);
    if (feature.id !== undefined && properties && feature.id !== properties.id) {
      reader.fail(
        pointerTo(at, 'id'),
        `the feature's id ${JSON.stringify(feature.id)} differs from its properties' id ${JSON.stringify(properties.id)}; keep them the same`,
        'rule'
      );
    }
    return properties && geometry ? { at, properties, pAt, geometry, gAt } : undefined;
  });
  return features ?? [];
}

function readPlaces(reader: JsonReader, value: unknown): Place[] {
  const places: Place[] = [];
  const keys = ['id', 'name', 'local', 'kind', 'confidence', 'sources', 'note'];
  for (const { at, properties: props, pAt, geometry, gAt } of readFeatures(reader, value, keys)) {
    const id = readId(reader, props, 'id', pAt);
    const name = reader.string(props, 'name', pAt);
    const kind = reader.oneOf(props, 'kind', pAt, PLACE_KINDS);
    const nameOnly = kind !== undefined && NAME_ONLY_KINDS.has(kind);
    let confidence: Confidence | undefined;
    if (nameOnly && props.confidence !== undefined) {
      reader.fail(
        pointerTo(pAt, 'confidence'),
        `a ${kind} is a name placed on the map, not a located point: it claims no position, so leave out "confidence"`,
        'rule'
      );
    } else if (!nameOnly) {
      confidence = reader.oneOf(props, 'confidence', pAt, CONFIDENCES);
    }
    const sources = reader.list(props, 'sources', pAt, reader.text, { optional: true }) ?? [];
    if ((confidence === 'high' || confidence === 'medium') && sources.length === 0) {
      reader.fail(
        pointerTo(pAt, 'confidence'),
        `a ${confidence} confidence needs a source: cite the story's sources for this position in "sources", or lower it to "low" (derived or interpolated) or "unverified" (no source gives it)`,
        'rule'
      );
    }
    const note = reader.optionalString(props, 'note', pAt);
    let local: Place['local'];
    if (props.local !== undefined) {
      const localAt = pointerTo(pAt, 'local');
      const l = reader.object(props.local, localAt, ['text', 'lang']);
      const text = l && reader.string(l, 'text', localAt);
      const lang = l && reader.string(l, 'lang', localAt);
      if (text && lang) local = { text, lang };
    }
    if (geometry.type !== 'Point') reader.fail(pointerTo(gAt, 'type'), 'expected "Point"', 'type');
    const coordinates = reader.lngLat(geometry.coordinates, pointerTo(gAt, 'coordinates'));
    if (id && name && kind && (confidence || nameOnly) && coordinates) {
      places.push(
        located(
          {
            id,
            name,
            kind,
            ...(confidence && { confidence }),
            sources,
            coordinates,
            ...(local && { local }),
            ...(note && { note }),
          },
          at
        )
      );
    }
  }
  return places;
}

function readLegs(reader: JsonReader, value: unknown): RouteLeg[] {
  const legs: RouteLeg[] = [];
  const keys = ['id', 'name', 'mode', 'certainty', 'label', 'note', 'stops'];
  for (const { at, properties: props, pAt, geometry, gAt } of readFeatures(reader, value, keys)) {
    const id = readId(reader, props, 'id', pAt);
    const name = reader.string(props, 'name', pAt);
    const mode = reader.string(props, 'mode', pAt);
    const certainty = reader.oneOf(props, 'certainty', pAt, CERTAINTIES);
    const label = reader.optionalString(props, 'label', pAt);
    const note = reader.optionalString(props, 'note', pAt);
    const stops = reader.list(props, 'stops', pAt, reader.text, { minItems: 2 });
    if (geometry.type !== 'LineString')
      reader.fail(pointerTo(gAt, 'type'), 'expected "LineString"', 'type');
    const coordinates = reader.list(
      geometry,
      'coordinates',
      gAt,
      (v, cAt) => reader.lngLat(v, cAt),
      { minItems: 2 }
    );
    if (id && name && mode && certainty && stops && coordinates) {
      legs.push(
        located(
          {
            id,
            name,
            mode,
            certainty,
            stops,
            coordinates,
            ...(label && { label }),
            ...(note && { note }),
          },
          at
        )
      );
    }
  }
  return legs;
}

function readCamera(reader: JsonReader, value: unknown, at: string): CameraSpec | undefined {
  if (typeof value === 'object' && value !== null && 'fit' in value) {
    const camera = reader.object(value, at, ['fit', 'padding', 'maxZoom']);
    if (!camera) return undefined;
    const fit = reader.list(camera, 'fit', at, reader.text, { minItems: 1 });
    const padding = reader.optionalNumber(camera, 'padding', at, { min: 0, max: 400 });
    const maxZoom = reader.optionalNumber(camera, 'maxZoom', at, { min: 0, max: 22 });
    if (!fit) return undefined;
    return {
      fit,
      ...(padding !== undefined && { padding }),
      ...(maxZoom !== undefined && { maxZoom }),
    };
  }
  const camera = reader.object(value, at, ['center', 'zoom', 'bearing', 'pitch']);
  if (!camera) return undefined;
  if (camera.center === undefined) {
    return reader.fail(
      at,
      'a camera needs either "center" and "zoom", or "fit" with place ids',
      'missing'
    );
  }
  const center = reader.lngLat(camera.center, pointerTo(at, 'center'));
  const zoom = reader.number(camera, 'zoom', at, { min: 0, max: 22 });
  const bearing = reader.optionalNumber(camera, 'bearing', at, { min: -180, max: 360 });
  const pitch = reader.optionalNumber(camera, 'pitch', at, { min: 0, max: 85 });
  if (!center || zoom === undefined) return undefined;
  return {
    center,
    zoom,
    ...(bearing !== undefined && { bearing }),
    ...(pitch !== undefined && { pitch }),
  };
}

function readStepMap(reader: JsonReader, value: unknown, at: string): StepMap | undefined {
  const map = reader.object(value, at, ['camera', 'legs', 'grow', 'places', 'highlight']);
  if (!map) return undefined;
  if (map.camera === undefined)
    return reader.fail(pointerTo(at, 'camera'), 'missing required field "camera"', 'missing');
  const camera = readCamera(reader, map.camera, pointerTo(at, 'camera'));
  const legs = reader.list(map, 'legs', at, reader.text, { optional: true });
  const grow = reader.optionalString(map, 'grow', at);
  const places = reader.list(map, 'places', at, reader.text, { optional: true });
  const highlight = reader.list(map, 'highlight', at, reader.text, { optional: true });
  if (!camera || !legs || !places || !highlight) return undefined;
  return { camera, legs, places, highlight, ...(grow !== undefined && { grow }) };
}

function readStep(reader: JsonReader, value: unknown, at: string): Step | undefined {
  const step = reader.object(value, at, [
    'id',
    'kicker',
    'title',
    'text',
    'sources',
    'map',
    'when',
    'alt',
    'transition',
  ]);
  if (!step) return undefined;
  let id = readId(reader, step, 'id', at);
  // A step's id is also its element's id (links to #id open the story there).
  const reserved = id && RESERVED_STEP_ID_PREFIXES.find((prefix) => id!.startsWith(prefix));
  if (reserved) {
    id = reader.fail(
      pointerTo(at, 'id'),
      `"${id}" cannot be a step id: ids starting with "${reserved}" are used by the page`,
      'invalid-id'
    );
  }
  const title = reader.string(step, 'title', at);
  const kicker = reader.optionalString(step, 'kicker', at);
  const text = reader.string(step, 'text', at);
  const sources = reader.list(step, 'sources', at, reader.text, { optional: true });
  const map =
    step.map === undefined
      ? reader.fail(pointerTo(at, 'map'), 'missing required field "map"', 'missing')
      : readStepMap(reader, step.map, pointerTo(at, 'map'));
  const when =
    step.when === undefined ? undefined : readWhen(reader, step.when, pointerTo(at, 'when'));
  const alt = reader.optionalString(step, 'alt', at);
  const transition =
    step.transition === undefined ? undefined : reader.oneOf(step, 'transition', at, TRANSITIONS);
  if (text !== undefined) {
    for (const issue of unsafeTextIssues(text))
      reader.fail(pointerTo(at, 'text'), issue.message, issue.kind);
  }
  if (!id || !title || !text || !sources || !map) return undefined;
  if (step.when !== undefined && !when) return undefined;
  if (step.transition !== undefined && !transition) return undefined;
  return {
    id,
    title,
    text,
    html: renderStepText(text),
    sources,
    map,
    ...(kicker && { kicker }),
    ...(when && { when }),
    ...(alt && { alt }),
    ...(transition && { transition }),
  };
}

/** A date with its precision; the text must be written as the precision requires. */
function readDate(reader: JsonReader, value: unknown, at: string): StoryDate | undefined {
  const object = reader.object(value, at, ['date', 'precision', 'about']);
  if (!object) return undefined;
  const date = reader.string(object, 'date', at);
  const precision = reader.oneOf(object, 'precision', at, DATE_PRECISIONS);
  let about: boolean | undefined;
  if (object.about !== undefined) {
    if (typeof object.about === 'boolean') about = object.about;
    else reader.fail(pointerTo(at, 'about'), 'expected true or false', 'type');
  }
  if (date === undefined || precision === undefined) return undefined;
  const problem = dateProblem(date, precision);
  if (problem) return reader.fail(pointerTo(at, 'date'), problem, 'date');
  return { date, precision, ...(about && { about }) };
}

/** Reads a `from`/`to` pair (either may be absent); `to` may not end before `from` starts. */
function readDateSpan(
  reader: JsonReader,
  from: unknown,
  to: unknown,
  at: string
): { from?: StoryDate; to?: StoryDate; ok: boolean } {
  const start = from === undefined ? undefined : readDate(reader, from, pointerTo(at, 'from'));
  const end = to === undefined ? undefined : readDate(reader, to, pointerTo(at, 'to'));
  const ok = (from === undefined || start !== undefined) && (to === undefined || end !== undefined);
  if (start && end && dateBand(end).end <= dateBand(start).start) {
    reader.fail(
      pointerTo(at, 'to'),
      `the end (${formatDate(end)}) comes before the start (${formatDate(start)})`,
      'date'
    );
    return { ok: false };
  }
  return { ...(start && { from: start }), ...(end && { to: end }), ok };
}

function readWhen(reader: JsonReader, value: unknown, at: string): StoryDateRange | undefined {
  const when = reader.object(value, at, ['from', 'to']);
  if (!when) return undefined;
  if (when.from === undefined)
    return reader.fail(pointerTo(at, 'from'), 'missing required field "from"', 'missing');
  const span = readDateSpan(reader, when.from, when.to, at);
  if (!span.ok || !span.from) return undefined;
  return { from: span.from, ...(span.to && { to: span.to }) };
}

function readEvent(reader: JsonReader, value: unknown, at: string): StoryEvent | undefined {
  const keys = ['id', 'date', 'label', 'kind', 'sources', 'step', 'companies', 'note'];
  const event = reader.object(value, at, keys);
  if (!event) return undefined;
  const id = readId(reader, event, 'id', at);
  const date =
    event.date === undefined
      ? reader.fail(pointerTo(at, 'date'), 'missing required field "date"', 'missing')
      : readDate(reader, event.date, pointerTo(at, 'date'));
  const label = reader.string(event, 'label', at);
  const kind = reader.oneOf(event, 'kind', at, EVENT_KINDS);
  const sources = reader.list(event, 'sources', at, reader.text, { minItems: 1 });
  const step = reader.optionalString(event, 'step', at);
  const companies = reader.list(event, 'companies', at, reader.text, { optional: true });
  const note = reader.optionalString(event, 'note', at);
  if (!id || !date || !label || !kind || !sources || !companies) return undefined;
  return {
    id,
    date,
    label,
    kind,
    sources,
    companies,
    ...(step && { step }),
    ...(note && { note }),
  };
}

function readPresence(reader: JsonReader, value: unknown, at: string): Presence | undefined {
  const presence = reader.object(value, at, ['from', 'to', 'status', 'sources', 'place', 'note']);
  if (!presence) return undefined;
  if (presence.from === undefined)
    reader.fail(pointerTo(at, 'from'), 'missing required field "from"', 'missing');
  const span = readDateSpan(reader, presence.from, presence.to, at);
  const status = reader.oneOf(presence, 'status', at, PRESENCE_STATUSES);
  const sources = reader.list(presence, 'sources', at, reader.text, { minItems: 1 });
  const place = reader.optionalString(presence, 'place', at);
  const note = reader.optionalString(presence, 'note', at);
  if (!span.ok || !span.from || !status || !sources) return undefined;
  return {
    from: span.from,
    status,
    sources,
    ...(span.to && { to: span.to }),
    ...(place && { place }),
    ...(note && { note }),
  };
}

function readCompany(reader: JsonReader, value: unknown, at: string): Company | undefined {
  const company = reader.object(value, at, [
    'id',
    'name',
    'shortName',
    'colour',
    'place',
    'placeHedge',
    'role',
    'presence',
    'note',
  ]);
  if (!company) return undefined;
  const id = readId(reader, company, 'id', at);
  const name = reader.string(company, 'name', at);
  let colour = reader.string(company, 'colour', at);
  if (colour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(colour)) {
    colour = reader.fail(
      pointerTo(at, 'colour'),
      `"${colour}" is not a colour: write it #rrggbb, e.g. #c0392b`,
      'type'
    );
  }
  const place = reader.string(company, 'place', at);
  const presence = reader.list(company, 'presence', at, (v, pAt) =>
    located(readPresence(reader, v, pAt), pAt)
  );
  const note = reader.optionalString(company, 'note', at);
  const placeHedge = reader.optionalString(company, 'placeHedge', at);
  const shortName = reader.optionalString(company, 'shortName', at);
  const role = reader.optionalString(company, 'role', at);
  // Periods oldest first and apart: the timeline draws them in one lane.
  presence?.forEach((period, index) => {
    const previous = presence[index - 1];
    if (!previous) return;
    const previousEnd = previous.to ? dateBand(previous.to).end : Infinity;
    if (dateBand(period.from).start < previousEnd) {
      reader.fail(
        pointerTo(locationOf(period), 'from'),
        'presence periods must be in order, each starting after the one before it ends',
        'date'
      );
    }
  });
  if (!id || !name || !colour || !place || !presence) return undefined;
  return {
    id,
    name,
    colour,
    place,
    presence,
    ...(placeHedge && { placeHedge }),
    ...(shortName && { shortName }),
    ...(role && { role }),
    ...(note && { note }),
  };
}

/**
 * `map.regionCountries`: countries of the built-in basemap by ISO 3166-1 numeric code. A
 * country written by name, or a code the basemap does not have, is an error that names the
 * code meant or lists the codes there are.
 */
function readRegionCountries(reader: JsonReader, map: JsonObject): string[] {
  const seen = new Set<string>();
  const codes = reader.list(
    map,
    'regionCountries',
    '/map',
    (value, at) => {
      const code = reader.text(value, at);
      if (code === undefined) return undefined;
      if (seen.has(code)) return reader.fail(at, `"${code}" is listed twice`, 'duplicate-id');
      seen.add(code);
      if (Object.hasOwn(BASEMAP_COUNTRIES, code)) return code;
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
      return reader.fail(
        at,
        `no country "${code}" on the built-in map, which names countries by ISO 3166-1 numeric code: ${hint}`,
        'unknown-id'
      );
    },
    { optional: true }
  );
  return codes ?? [];
}

function readSource(reader: JsonReader, value: unknown, at: string): Source | undefined {
  const keys = ['id', 'outlet', 'title', 'date', 'updated', 'undated', 'url', 'note'];
  const source = reader.object(value, at, keys);
  if (!source) return undefined;
  const id = readId(reader, source, 'id', at);
  const outlet = reader.string(source, 'outlet', at);
  let title = reader.string(source, 'title', at);
  if (title !== undefined && /^\s*\[.*\]\s*$/s.test(title)) {
    title = reader.fail(
      pointerTo(at, 'title'),
      'a title in [brackets] reads as a placeholder: give the headline or title as published, or cite a source whose title you have',
      'rule'
    );
  }
  const date =
    source.date === undefined ? undefined : readDate(reader, source.date, pointerTo(at, 'date'));
  const updated =
    source.updated === undefined
      ? undefined
      : readDate(reader, source.updated, pointerTo(at, 'updated'));
  const undated = reader.optionalString(source, 'undated', at);
  if (source.date === undefined && undated === undefined && source.undated === undefined) {
    reader.fail(
      pointerTo(at, 'date'),
      'missing required field "date": when was it published? (for a reference work that carries no date, say so in "undated" instead)',
      'missing'
    );
  } else if (source.date !== undefined && source.undated !== undefined) {
    reader.fail(pointerTo(at, 'undated'), 'a source with a "date" is not "undated"', 'rule');
  }
  if (date && updated && dateBand(updated).end <= dateBand(date).start) {
    reader.fail(
      pointerTo(at, 'updated'),
      `it was updated (${formatDate(updated)}) before it was published (${formatDate(date)})`,
      'date'
    );
  }
  const url = reader.optionalString(source, 'url', at);
  const note = reader.optionalString(source, 'note', at);
  if (url !== undefined && !/^https?:\/\//.test(url)) {
    reader.fail(pointerTo(at, 'url'), 'links must start with http:// or https://', 'unsafe-link');
  }
  if (!id || !outlet || !title || !(date || undated)) return undefined;
  return {
    id,
    outlet,
    title,
    ...(date && { date }),
    ...(updated && { updated }),
    ...(undated && { undated }),
    ...(url && { url }),
    ...(note && { note }),
  };
}

/** Reports ids used twice in one list. */
function checkUnique(reader: JsonReader, items: { id: string }[]): void {
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
  reader: JsonReader,
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
function checkPlaceSources(reader: JsonReader, places: Place[], sourceIds: Set<string>): void {
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

function checkLegStops(reader: JsonReader, legs: RouteLeg[], places: Place[]): void {
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

  const placeReader = new JsonReader(files.places.path);
  const places = readPlaces(placeReader, placesJson);
  checkUnique(placeReader, places);

  const routeReader = new JsonReader(files.route.path);
  const legs = readLegs(routeReader, routeJson);
  checkUnique(routeReader, legs);
  checkLegStops(routeReader, legs, places);

  const reader = new JsonReader(files.story.path);
  const root = reader.object(storyJson, '', [
    '$schema',
    'meta',
    'map',
    'embed',
    'sources',
    'events',
    'companies',
    'steps',
  ]);
  let story: Story | undefined;
  if (root) {
    const metaObject =
      root.meta === undefined
        ? reader.fail('/meta', 'missing required field "meta"', 'missing')
        : reader.object(root.meta, '/meta', [
            'title',
            'dek',
            'byline',
            'published',
            'credits',
            'region',
          ]);
    const meta = metaObject && {
      title: reader.string(metaObject, 'title', '/meta'),
      dek: reader.string(metaObject, 'dek', '/meta'),
      byline: reader.optionalString(metaObject, 'byline', '/meta'),
      published: reader.string(metaObject, 'published', '/meta'),
      credits: reader.list(metaObject, 'credits', '/meta', reader.text, { optional: true }),
      region: reader.optionalString(metaObject, 'region', '/meta'),
    };
    const publishedProblem = meta?.published && dateProblem(meta.published, 'day');
    if (publishedProblem) reader.fail('/meta/published', publishedProblem, 'date');
    const mapObject =
      root.map === undefined ? {} : reader.object(root.map, '/map', ['style', 'regionCountries']);
    const style = mapObject && reader.optionalString(mapObject, 'style', '/map');
    const regionCountries = mapObject ? readRegionCountries(reader, mapObject) : [];
    if (style !== undefined && !/^(https?:\/\/|\/)/.test(style)) {
      reader.fail(
        '/map/style',
        'a style must be an http(s) URL or a path starting with /',
        'unsafe-link'
      );
    }
    const embedObject =
      root.embed === undefined ? {} : reader.object(root.embed, '/embed', ['allowedOrigins']);
    const allowedOrigins =
      (embedObject &&
        reader.list(
          embedObject,
          'allowedOrigins',
          '/embed',
          (value, at) => {
            const origin = reader.text(value, at);
            if (origin !== undefined && !/^(\*|https?:\/\/[^/\s]+)$/.test(origin)) {
              return reader.fail(
                at,
                `"${origin}" is not an origin: write "https://host" (no path), or "*" for any`,
                'unsafe-link'
              );
            }
            return origin;
          },
          { optional: true }
        )) ??
      [];
    const sources =
      reader.list(root, 'sources', '', (v, at) => located(readSource(reader, v, at), at)) ?? [];
    const steps =
      reader.list(root, 'steps', '', (v, at) => located(readStep(reader, v, at), at), {
        minItems: 1,
      }) ?? [];
    const events =
      reader.list(root, 'events', '', (v, at) => located(readEvent(reader, v, at), at), {
        optional: true,
      }) ?? [];
    const companies =
      reader.list(root, 'companies', '', (v, at) => located(readCompany(reader, v, at), at), {
        optional: true,
      }) ?? [];
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
    if (meta?.title && meta.dek && meta.published && meta.credits) {
      story = {
        meta: {
          title: meta.title,
          dek: meta.dek,
          ...(meta.byline && { byline: meta.byline }),
          published: meta.published,
          credits: meta.credits,
          region: meta.region ?? DEFAULT_REGION,
        },
        map: { ...(style !== undefined && { style }), regionCountries },
        embed: { allowedOrigins },
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
  problems.push(...reader.problems, ...placeReader.problems, ...routeReader.problems);
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
