/**
 * The files' shapes as their schemas check them (src/lib/story/shape.ts), in the checker's
 * words: worked examples for the GeoJSON files and for the camera (a union of two shapes),
 * which the broken story fixtures do not cover, and every pattern of the schemas worded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../src/cli/schema';
import { WORDED_PATTERNS, shapeProblems } from '../../src/lib/story/shape';
import { ROOT } from './helpers';

const point = (
  properties: object,
  geometry: object = { type: 'Point', coordinates: [124, 40] }
) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties, geometry }],
});
const city = { id: 'dandong', name: 'Dandong', kind: 'city', confidence: 'high', sources: ['a'] };

const problemsOf = (document: unknown, shape: 'story' | 'places' | 'route') =>
  shapeProblems(document, 'f.json', shape).map(({ pointer, kind, message, breaks }) => ({
    pointer,
    kind,
    message,
    breaks,
  }));

describe('the places file', () => {
  it('takes a well-formed place', () => {
    expect(problemsOf(point(city), 'places')).toEqual([]);
  });

  it('wants a point, at a position on Earth', () => {
    expect(
      problemsOf(point(city, { type: 'LineString', coordinates: [124, 40] }), 'places')
    ).toEqual([
      {
        pointer: '/features/0/geometry/type',
        kind: 'type',
        message: 'expected "Point"',
        breaks: true,
      },
    ]);
    expect(problemsOf(point(city, { type: 'Point', coordinates: [124, 95] }), 'places')).toEqual([
      {
        pointer: '/features/0/geometry/coordinates/1',
        kind: 'range',
        message: '95 is out of range (-90 to 90)',
        breaks: true,
      },
    ]);
    expect(problemsOf(point(city, { type: 'Point', coordinates: [124] }), 'places')).toEqual([
      {
        pointer: '/features/0/geometry/coordinates',
        kind: 'type',
        message: 'expected [longitude, latitude], found a list',
        breaks: true,
      },
    ]);
  });

  it('names a mistyped field with what was meant, and ignores it for the rest', () => {
    expect(problemsOf(point({ ...city, nmae: 'x' }), 'places')).toEqual([
      {
        pointer: '/features/0/properties/nmae',
        kind: 'unknown-field',
        message: 'unknown field "nmae" — did you mean "name"?',
        breaks: false,
      },
    ]);
  });

  it('names a kind that does not exist, and the kinds that do', () => {
    const [only, ...rest] = problemsOf(point({ ...city, kind: 'town' }), 'places');
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ pointer: '/features/0/properties/kind', kind: 'not-allowed' });
    expect(only!.message).toMatch(/^"town" is not allowed here \(expected one of: city, company, /);
  });
});

describe('the route file', () => {
  const leg = (stops: string[]) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'rail', name: 'Rail', mode: 'rail', certainty: 'inferred', stops },
        geometry: {
          type: 'LineString',
          coordinates: [
            [124, 40],
            [125.7, 39],
          ],
        },
      },
    ],
  });

  it('wants a leg to join two stops at least', () => {
    expect(problemsOf(leg(['dandong', 'pyongyang']), 'route')).toEqual([]);
    expect(problemsOf(leg(['dandong']), 'route')).toEqual([
      {
        pointer: '/features/0/properties/stops',
        kind: 'range',
        message: 'needs at least 2 item(s), found 1',
        breaks: true,
      },
    ]);
  });

  it('leaves a mistyped reference to the loader, which names it unknown', () => {
    // "Dandong" is no id at all, but it is a reference: the loader says which place was meant.
    expect(problemsOf(leg(['Dandong', 'pyongyang']), 'route')).toEqual([]);
  });
});

describe('a camera (a fixed view, or places to frame)', () => {
  const story = (camera: unknown) => ({
    meta: { title: 'T', dek: 'D', published: '2026-01-01' },
    sources: [],
    steps: [{ id: 'one', title: 'One', text: 'Text.', map: { camera } }],
  });
  const at = '/steps/0/map/camera';

  it('checks the shape the editor wrote, and only that one', () => {
    expect(problemsOf(story({ fit: ['dandong'], padding: -1 }), 'story')).toEqual([
      {
        pointer: `${at}/padding`,
        kind: 'range',
        message: '-1 is out of range (0 to 400)',
        breaks: true,
      },
    ]);
    expect(problemsOf(story({ center: [124, 40], zoom: 30 }), 'story')).toEqual([
      {
        pointer: `${at}/zoom`,
        kind: 'range',
        message: '30 is out of range (0 to 22)',
        breaks: true,
      },
    ]);
  });

  it('says what either shape needs when the camera has neither', () => {
    for (const camera of [{}, { zoom: 5 }, { padding: 20 }]) {
      expect(problemsOf(story(camera), 'story')).toEqual([
        {
          pointer: at,
          kind: 'missing',
          message: 'a camera needs either "center" and "zoom", or "fit"',
          breaks: true,
        },
      ]);
    }
  });

  it('says what it found when the camera is not an object', () => {
    expect(problemsOf(story('dandong'), 'story')).toEqual([
      {
        pointer: at,
        kind: 'type',
        message: 'expected an object, found the text "dandong"',
        breaks: true,
      },
    ]);
  });
});

describe('the schemas', () => {
  it('have words for every pattern they state', () => {
    const patterns: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      if (typeof (node as { pattern?: unknown }).pattern === 'string')
        patterns.push(`${path}/pattern`);
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    for (const entry of SCHEMAS)
      walk(JSON.parse(readFileSync(join(ROOT, entry.file), 'utf8')), '#');
    expect(patterns.length).toBeGreaterThanOrEqual(9);
    expect(patterns.filter((pattern) => !WORDED_PATTERNS.includes(pattern))).toEqual([]);
  });
});
