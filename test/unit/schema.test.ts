/**
 * story/story.schema.json: current with the types it is generated from, valid JSON Schema
 * 2020-12, documented field by field, and in agreement with the validator on real files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, buildSchema } from '../../src/cli/schema';
import { ROOT } from './helpers';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const check = ajv.compile(schema);

describe('story.schema.json', () => {
  it('is what the types make (run `npm run schema` after changing src/lib/story/types.ts)', () => {
    expect(buildSchema()).toBe(committed);
  }, 30_000);

  it('declares JSON Schema 2020-12 and describes every field', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, Record<string, unknown>> })
        .properties;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string') undocumented.push(`${path}/${name}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('accepts the committed story, which points to it', () => {
    const story = JSON.parse(readFileSync(join(ROOT, 'story/story.json'), 'utf8')) as {
      $schema?: string;
    };
    expect(story.$schema).toBe('./story.schema.json');
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
