/**
 * The places and the route legs, read from their GeoJSON files once each file's shape is
 * checked by its schema (shape.ts): what a schema cannot say is checked here (a feature's two
 * ids agree, a marker's position says how sure it is, a high confidence cites a source).
 */
import { located } from './located.ts';
import { StoryReader } from './parts.ts';
import { isJsonObject, pointerTo, type FileProblems } from './read.ts';
import { shapeProblems } from './shape.ts';
import type { LegFeature, Place, PlaceFeature, PlaceKind, RouteLeg } from './types.ts';

/** Place kinds that are a name on the map, not a located point: they take no confidence. */
const NAME_ONLY_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'river']);

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
  if (parts.isBroken('') && !isJsonObject(document)) return [];
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

export function readPlaces(reader: FileProblems, document: unknown): Place[] {
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

export function readLegs(reader: FileProblems, document: unknown): RouteLeg[] {
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
