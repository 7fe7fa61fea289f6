/**
 * The schemas of the editor's files (story/story.schema.json, geo/places.schema.json,
 * geo/route.schema.json): current with the types they are generated from, valid JSON Schema
 * 2020-12, documented field by field, and in agreement with the validator on real files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMAS, SCHEMA_FILE, buildSchema } from '../../src/cli/schema';
import { DEFAULT_STORY } from '../../src/lib/story/files';
import { ROOT } from './helpers';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const check = ajv.compile(schema);

describe('story.schema.json', () => {
  it('is what the types make (run `npm run schema` after changing src/lib/story/types.ts)', () => {
    for (const entry of SCHEMAS) {
      expect(buildSchema(entry), entry.file).toBe(readFileSync(join(ROOT, entry.file), 'utf8'));
    }
  }, 60_000);

  it('declares JSON Schema 2020-12 and describes every field', () => {
    const undocumented: string[] = [];
    // Through the schema's keywords: under `properties` every name is a field (GeoJSON's own
    // field named "properties" included), and its value a schema again.
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value !== null && typeof value === 'object') {
          for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
            const described = (property as { description?: unknown }).description;
            if (typeof described !== 'string') undocumented.push(`${path}/properties/${name}`);
            walk(property, `${path}/properties/${name}`);
          }
        } else walk(value, `${path}/${key}`);
      }
    };
    for (const entry of SCHEMAS) {
      const each = JSON.parse(readFileSync(join(ROOT, entry.file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(each.$schema, entry.file).toBe('https://json-schema.org/draft/2020-12/schema');
      walk(each, entry.file);
    }
    expect(undocumented).toEqual([]);
  });

  it('accepts the committed places and route', () => {
    for (const [schemaFile, dataFile] of [
      ['geo/places.schema.json', `${DEFAULT_STORY}/places.geojson`],
      ['geo/route.schema.json', `${DEFAULT_STORY}/route.geojson`],
    ] as const) {
      const geoCheck = new Ajv2020({
        allErrors: true,
        strict: true,
        allowUnionTypes: true,
      }).compile(
        JSON.parse(readFileSync(join(ROOT, schemaFile), 'utf8')) as Record<string, unknown>
      );
      const data = JSON.parse(readFileSync(join(ROOT, dataFile), 'utf8')) as unknown;
      expect(geoCheck(data), JSON.stringify(geoCheck.errors)).toBe(true);
    }
  });

  it('accepts the committed story, which points to it', () => {
    const story = JSON.parse(readFileSync(join(ROOT, DEFAULT_STORY, 'story.json'), 'utf8')) as {
      $schema?: string;
    };
    expect(story.$schema).toBe('../story.schema.json');
    expect(check(story), JSON.stringify(check.errors)).toBe(true);
  });

  it('rejects the broken fixtures whose fault is one of shape, not of meaning', () => {
    // Unknown ids, duplicates and the Markdown subset need the validator; the rest, the schema
    // catches too, so an editor's text editor underlines them while typing.
    const shapeFaults = [
      'missing-meta',
      'missing-step-title',
      'wrong-type-title',
      'wrong-type-steps',
      'wrong-type-place-id',
      'empty-title',
      'unknown-field-top',
      'unknown-field-step',
      'invalid-id',
      'zoom-out-of-range',
      'longitude-out-of-range',
      'pitch-out-of-range',
      'bearing-out-of-range',
      'camera-without-center',
      'no-steps',
      'bad-date',
      'unsafe-source-link',
      'style-not-a-url',
      'unknown-region-country',
      'date-unknown-precision',
      'company-bad-colour',
      'event-missing-date',
    ];
    const folder = join(ROOT, 'test/fixtures/broken');
    const available = readdirSync(folder).map((f) => f.replace(/\.json$/, ''));
    for (const name of shapeFaults) {
      expect(available).toContain(name);
      const document = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as unknown;
      expect(check(document), name).toBe(false);
    }
    const valid = JSON.parse(
      readFileSync(join(ROOT, 'test/fixtures/valid-minimal.json'), 'utf8')
    ) as unknown;
    expect(check(valid), JSON.stringify(check.errors)).toBe(true);
  });
});
