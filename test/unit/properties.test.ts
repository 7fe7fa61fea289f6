/**
 * Property-based tests (fast-check) of the loader on random mutations of the real story.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoryError, loadStory } from '../../src/lib/story/load';
import { pointerSegments } from '../../src/lib/story/positions';
import { flagshipFiles } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const files = flagshipFiles();
const original = JSON.parse(files.story.text) as Json;

/** Every path to a value in a JSON document, as pointer segments. */
/** Where a value sits in the JSON: keys and list indexes from the root. */
type Path = (string | number)[];

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  }
  return here;
}

function get(value: Json, path: (string | number)[]): Json | undefined {
  let current: Json | undefined = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? current[segment as number]
      : (current as Record<string, Json>)[segment as string];
  }
  return current;
}

type Mutation =
  | { type: 'set'; at: number; value: Json }
  | { type: 'delete'; at: number }
  | { type: 'rename'; at: number; name: string };

function mutate(document: Json, mutation: Mutation): Json {
  const copy = structuredClone(document);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[mutation.at % all.length]!;
  const parent = get(copy, path.slice(0, -1)) as Record<string, Json> | Json[];
  const key = path.at(-1)!;
  if (mutation.type === 'set') (parent as Record<string | number, Json>)[key] = mutation.value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else if (mutation.type === 'delete') delete parent[key as string];
  else {
    const value = parent[key as string]!;
    delete parent[key as string];
    parent[mutation.name] = value;
  }
  return copy;
}

/**
 * Each property runs a fixed number of cases (the same on every machine), with a time limit
 * far above what they take on an idle 2-core machine (about 1 s each), so a busy machine
 * slows them down without failing them.
 */
const PROPERTY_RUNS = 300;
const PROPERTY_TIME_LIMIT_MS = 120_000;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    type: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.jsonValue() as fc.Arbitrary<Json>,
  }),
  fc.record({ type: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    type: fc.constant('rename' as const),
    at: fc.nat(),
    name: fc.string({ maxLength: 12 }),
  })
);

function load(document: Json) {
  const text = JSON.stringify(document, null, 2);
  try {
    loadStory({ ...files, story: { path: files.story.path, text } });
    return { problems: [], document };
  } catch (error) {
    // Anything but a StoryError is a crash, and fails the property.
    if (!(error instanceof StoryError)) throw error;
    return { problems: error.problems, document };
  }
}

describe('the loader under random mutation of a whole story', () => {
  it(
    'never crashes, and every problem points at something in the file',
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const document = mutations.reduce(mutate, original);
          const { problems } = load(document);
          for (const problem of problems) {
            if (problem.file === 'test/fixtures/flagship/places.geojson') {
              // A story edit that drops a source the places cite: the place's citation is what
              // breaks, and it is named where it stands.
              expect(problem.kind).toBe('unknown-id');
              expect(problem.pointer).toMatch(/^\/features\/\d+\/properties\/sources\/\d+$/);
              continue;
            }
            expect(problem.file).toBe('test/fixtures/flagship/story.json');
            expect(problem.line).toBeGreaterThanOrEqual(1);
            const path = pointerSegments(problem.pointer);
            // A missing field's pointer names the field; its parent is what exists.
            const exists = get(document, problem.kind === 'missing' ? path.slice(0, -1) : path);
            expect(exists, `${problem.pointer} (${problem.kind})`).not.toBeUndefined();
          }
        }),
        { numRuns: PROPERTY_RUNS }
      );
    },
    PROPERTY_TIME_LIMIT_MS
  );

  it(
    'never accepts a reference broken by a mistyped id',
    () => {
      const inSteps = (path: Path) => {
        const [, , second, third] = path;
        return (
          (second === 'sources' && path.length === 4) ||
          (second === 'map' &&
            ['places', 'highlight', 'legs'].includes(String(third)) &&
            path.length === 5) ||
          (second === 'map' && third === 'grow') ||
          (second === 'map' && third === 'camera' && path[4] === 'fit')
        );
      };
      // Events cite sources, a step and companies; companies a place; presence sources, a place.
      const inEvents = (path: Path) =>
        (['sources', 'companies'].includes(String(path[2])) && path.length === 4) ||
        (path[2] === 'step' && path.length === 3);
      const inCompanies = (path: Path) =>
        (path[2] === 'place' && path.length === 3) ||
        (path[2] === 'presence' &&
          ((path[4] === 'sources' && path.length === 6) ||
            (path[4] === 'place' && path.length === 5)));
      const references = paths(original).filter(
        (path) =>
          typeof get(original, path) === 'string' &&
          ((path[0] === 'steps' && inSteps(path)) ||
            (path[0] === 'events' && inEvents(path)) ||
            (path[0] === 'companies' && inCompanies(path)))
      );
      expect(references.length).toBeGreaterThan(40);
      // Every kind of reference is among them.
      expect(new Set(references.map((path) => path[0]))).toEqual(
        new Set(['steps', 'events', 'companies'])
      );
      fc.assert(
        fc.property(fc.nat(), fc.string({ minLength: 1, maxLength: 20 }), (index, suffix) => {
          const path = references[index % references.length]!;
          const document = structuredClone(original);
          const parent = get(document, path.slice(0, -1)) as Record<string | number, Json>;
          // "~" can never be part of an id, so the result can never name something that exists.
          parent[path.at(-1)!] = `${String(get(original, path))}~${suffix}`;
          const { problems } = load(document);
          const pointer = `/${path.join('/')}`;
          expect(problems.some((p) => p.pointer === pointer && p.kind === 'unknown-id')).toBe(true);
        }),
        { numRuns: PROPERTY_RUNS }
      );
    },
    PROPERTY_TIME_LIMIT_MS
  );
});
