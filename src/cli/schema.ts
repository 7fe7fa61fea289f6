/**
 * `npm run schema`: writes story/story.schema.json (JSON Schema 2020-12) from the
 * `StoryDocument` type in src/lib/story/types.ts, so the schema and the types cannot drift.
 * `npm run schema -- --check` fails if the committed file is not current (a test does the same).
 *
 * The generator writes draft-07; this converts what differs in 2020-12: `definitions` become
 * `$defs`, and fixed-length arrays (tuples) use `prefixItems`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const SCHEMA_FILE = join(ROOT, 'story/story.schema.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function to2020(node: Json): Json {
  if (Array.isArray(node)) return node.map(to2020);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'definitions') out.$defs = to2020(value);
    else if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/definitions/', '#/$defs/');
    } else if (key === 'items' && Array.isArray(value)) {
      out.prefixItems = to2020(value);
      out.items = false;
    } else if (key === 'additionalItems') continue;
    else out[key] = to2020(value);
  }
  return out;
}

/** The schema as a formatted JSON string, ending in a newline. */
export function buildSchema(): string {
  const generator = createGenerator({
    path: join(ROOT, 'src/lib/story/types.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: 'StoryDocument',
    skipTypeCheck: true,
    additionalProperties: false,
    jsDoc: 'extended',
    topRef: false,
  });
  const generated = to2020(generator.createSchema('StoryDocument') as Json) as {
    [key: string]: Json;
  };
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'story.schema.json',
    title: 'Story map story',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(): void {
  const schema = buildSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== schema) {
      console.error('story/story.schema.json is not current: run npm run schema');
      process.exitCode = 1;
      return;
    }
    console.log('story/story.schema.json is current');
    return;
  }
  writeFileSync(SCHEMA_FILE, schema);
  console.log('wrote story/story.schema.json');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
