/**
 * `npm run schema`: writes the schemas of the editor's three files (JSON Schema 2020-12) from
 * the types in src/lib/story/types.ts, so the schemas and the types cannot drift:
 * story/story.schema.json from `StoryDocument`, geo/places.schema.json from `PlacesDocument`
 * and geo/route.schema.json from `RouteDocument`. The loader checks each file's shape by its
 * schema (src/lib/story/shape.ts). `npm run schema -- --check` fails if a committed file is
 * not current (a test does the same).
 *
 * The generator writes draft-07; this converts what differs in 2020-12: `definitions` become
 * `$defs`, and fixed-length arrays (tuples) use `prefixItems`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
/** Each schema: where it is written, the type it is made from, and its title. */
export const SCHEMAS = [
  { file: 'story/story.schema.json', type: 'StoryDocument', title: 'Story map story' },
  { file: 'geo/places.schema.json', type: 'PlacesDocument', title: 'Story map places' },
  { file: 'geo/route.schema.json', type: 'RouteDocument', title: 'Story map route' },
] as const;
export type SchemaEntry = (typeof SCHEMAS)[number];

export const SCHEMA_FILE = join(ROOT, SCHEMAS[0].file);

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

/** A schema (the story's unless said) as a formatted JSON string, ending in a newline. */
export function buildSchema(entry: SchemaEntry = SCHEMAS[0]): string {
  const generator = createGenerator({
    path: join(ROOT, 'src/lib/story/types.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: entry.type,
    skipTypeCheck: true,
    additionalProperties: false,
    jsDoc: 'extended',
    topRef: false,
  });
  const generated = to2020(generator.createSchema(entry.type) as Json) as {
    [key: string]: Json;
  };
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: entry.file.split('/').at(-1),
    title: entry.title,
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  for (const entry of SCHEMAS) {
    const schema = buildSchema(entry);
    const path = join(ROOT, entry.file);
    if (check) {
      if (readFileSync(path, 'utf8') !== schema) {
        console.error(`${entry.file} is not current: run npm run schema`);
        process.exitCode = 1;
      } else console.log(`${entry.file} is current`);
    } else {
      writeFileSync(path, schema);
      console.log(`wrote ${entry.file}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
