/**
 * The shape of the editor's three files, checked by their schemas: story/story.schema.json,
 * geo/places.schema.json and geo/route.schema.json (generated from types.ts by
 * src/cli/schema.ts) run by Ajv, a maintained JSON Schema validator, with every error put in the
 * words the rest of the checker uses (`missing required field "title"`, `unknown field
 * "titel" (did you mean "title"?)`, `14 is out of range (0 to 22)`), at its JSON pointer.
 * What a schema cannot say (references between ids, dates that exist, editorial rules) is
 * load.ts's; a few patterns the schema states are left to load.ts too, which says more about
 * what is wrong with the value ({@link CHECKED_BY_LOADER}).
 *
 * Runs in Node only (the build, the dev server, `npm run validate`): the browser never
 * checks a story, so no compiled validator ships to readers.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import storySchema from '../../../story/story.schema.json' with { type: 'json' };
import placesSchema from '../../../geo/places.schema.json' with { type: 'json' };
import routeSchema from '../../../geo/route.schema.json' with { type: 'json' };
import { didYouMean } from './hints.ts';
import { pointerSegments } from './positions.ts';
import { pointerTo, problem, type ProblemKind, type StoryProblem } from './read.ts';

/** A problem found in the shape, and whether the item holding it can still be read. */
export interface ShapeProblem extends StoryProblem {
  /**
   * The value at the pointer is not what its type says: the step, event, source or company
   * holding it is left out of the story (the problem is reported either way). An unknown
   * field breaks nothing: it is reported and ignored.
   */
  breaks: boolean;
}

type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, unknown>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  description?: string;
  $ref?: string;
};

/** The schema of each file: what `shapeProblems` is asked to check it as. */
const SCHEMAS = { story: storySchema, places: placesSchema, route: routeSchema };
export type FileShape = keyof typeof SCHEMAS;

/** The named parts (`$defs`) of the schemas; a name means the same shape in each. */
const DEFS: Record<string, SchemaNode> = Object.assign(
  {},
  ...Object.values(SCHEMAS).map((schema) => schema.$defs)
);

/**
 * Where each node of the schema stands in it (`#/$defs/ViewCamera/properties/zoom`): Ajv's
 * own `schemaPath` starts again at each `$ref`, so an error is placed by the node it came from.
 */
const SCHEMA_PATHS = new Map<unknown, string>();
function walk(node: unknown, path: string) {
  if (node === null || typeof node !== 'object') return;
  SCHEMA_PATHS.set(node, path);
  for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
}
for (const schema of Object.values(SCHEMAS)) walk(schema, '#');

/** The schema keyword an error comes from, by its place in the schema: `#/$defs/Id/pattern`. */
const ruleOf = (error: ErrorObject) =>
  `${SCHEMA_PATHS.get(error.parentSchema) ?? '#?'}/${error.keyword}`;

/**
 * Patterns of the schema whose values load.ts reads itself, with messages that say more than
 * "does not match": a reference to an id (an unknown id, with a "did you mean"), a country
 * code (the codes there are), a date (which part of it cannot be).
 */
const CHECKED_BY_LOADER = [
  '#/$defs/CountryCode/pattern',
  '#/$defs/StoryDate/properties/date/pattern',
  '#/$defs/StoryMetaDocument/properties/published/pattern',
];

/** What a pattern of the schema asks for, in the checker's words, and the kind of problem. */
const PATTERN_MESSAGES: Record<string, (value: string) => [string, ProblemKind]> = {
  '#/$defs/Id/pattern': (value) => [
    `"${value}" is not a valid id: use lower-case letters, digits and single hyphens`,
    'invalid-id',
  ],
  '#/$defs/Company/properties/colour/pattern': (value) => [
    `"${value}" is not a colour: write it #rrggbb, e.g. #c0392b`,
    'type',
  ],
  '#/$defs/HttpUrl/pattern': () => ['links must start with http:// or https://', 'unsafe-link'],
  '#/$defs/StoryMapOptions/properties/style/pattern': () => [
    'a style must be an http(s) URL or a path starting with /',
    'unsafe-link',
  ],
  '#/$defs/StepMedia/properties/image/pattern': (value) => [
    `"${value}" is not an image file in the story's folder: give its path there, such as "media/harbour.jpg", ending in .jpg, .png, .webp, .gif or .avif`,
    'type',
  ],
  '#/$defs/EmbedOrigin/pattern': (value) => [
    `"${value}" is not an origin: write "https://host" (no path), or "*" for any`,
    'unsafe-link',
  ],
};

/** Every pattern of the schemas with words of its own (the rest fall back to the schema's description). */
export const WORDED_PATTERNS: readonly string[] = [
  ...CHECKED_BY_LOADER,
  ...Object.keys(PATTERN_MESSAGES),
  '#/$defs/Text/pattern',
];

let ajv: Ajv2020 | undefined;
/** The validator of a schema, or of one of its `$defs` (`#/$defs/ViewCamera`). */
function validator(shape: FileShape, def = ''): ValidateFunction {
  // Compiled once per process, on first use: about 0.1 s for the three schemas on the
  // 2-core machine (0.2 s with Ajv's defaults). The schemas are not checked against the
  // meta-schema here (test/unit/schema.test.ts does, strictly), and the generated code is not
  // optimised: a story is checked a few times per process, so compiling costs more than running.
  if (!ajv) {
    ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: false,
      validateSchema: false,
      code: { optimize: false },
    });
    for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
  }
  const id = SCHEMAS[shape].$id;
  const validate = ajv.getSchema(`${id}${def}`);
  if (!validate) throw new Error(`shape.ts: no ${def} in ${id}`);
  return validate;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  array: 'a list',
  boolean: 'true or false',
};

/** The schema of a `$ref` such as `#/$defs/ViewCamera`. */
const defOf = (ref: string | undefined): SchemaNode | undefined =>
  ref?.startsWith('#/$defs/') ? DEFS[ref.slice('#/$defs/'.length)] : undefined;

/** The last segment of a pointer: the field's name, or an item's index. */
const lastKey = (pointer: string) => pointerSegments(pointer).at(-1);

/** Whether the error lies within (or at) the value at `pointer`. */
const within = (error: ErrorObject, pointer: string) =>
  error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`);

/**
 * Which shape of a union (`anyOf` of object types, such as the two kinds of camera) the value
 * was written as: the one whose own fields it uses. Undefined when it uses none of them.
 */
function branchOf(union: SchemaNode, value: unknown): SchemaNode | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const branches = (union.anyOf ?? []).map((option) => defOf(option.$ref) ?? option);
  const keys = Object.keys(value);
  return branches.find((branch) => {
    const own = Object.keys(branch.properties ?? {}).filter((key) =>
      branches.every((other) => other === branch || !(key in (other.properties ?? {})))
    );
    return keys.some((key) => own.includes(key));
  });
}

/** An error in the checker's words; undefined for one load.ts reports better itself. */
function translate(
  error: ErrorObject
): { pointer: string; message: string; kind: ProblemKind; breaks: boolean } | undefined {
  const at = error.instancePath;
  const parent = error.parentSchema as SchemaNode | undefined;
  const key = lastKey(at);
  const rule = ruleOf(error);
  // A position: one message for any way of getting it wrong but a number out of range.
  if (
    rule.startsWith('#/$defs/LngLat/') &&
    ['type', 'minItems', 'maxItems', 'items'].includes(error.keyword)
  ) {
    return {
      pointer: at,
      message: `expected [longitude, latitude], found ${describe(error.data)}`,
      kind: 'type',
      breaks: true,
    };
  }
  switch (error.keyword) {
    case 'required': {
      const field = (error.params as { missingProperty: string }).missingProperty;
      return {
        pointer: pointerTo(at, field),
        message: `missing required field "${field}"`,
        kind: 'missing',
        breaks: true,
      };
    }
    case 'additionalProperties': {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      const hint = didYouMean(field, known) || ` (expected one of: ${known.join(', ')})`;
      return {
        pointer: pointerTo(at, field),
        message: `unknown field "${field}"${hint}`,
        kind: 'unknown-field',
        breaks: false,
      };
    }
    case 'type': {
      const wanted = [error.schema].flat().map((type) => TYPE_WORDS[String(type)] ?? type);
      const found = wanted[0] === 'true or false' ? '' : `, found ${describe(error.data)}`;
      return {
        pointer: at,
        message: `expected ${wanted.join(' or ')}${found}`,
        kind: 'type',
        breaks: true,
      };
    }
    case 'minimum':
    case 'maximum':
      return {
        pointer: at,
        message: `${String(error.data)} is out of range (${parent?.minimum ?? '…'} to ${parent?.maximum ?? '…'})`,
        kind: 'range',
        breaks: true,
      };
    case 'const':
      return {
        pointer: at,
        message: `expected ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`,
        kind: 'type',
        breaks: true,
      };
    case 'enum':
      return {
        pointer: at,
        message: `"${String(error.data)}" is not allowed here (expected one of: ${(parent?.enum ?? []).join(', ')})`,
        kind: 'not-allowed',
        breaks: true,
      };
    case 'minItems':
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      const count = Array.isArray(error.data) ? error.data.length : 0;
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return {
        pointer: at,
        message: `needs ${bound} ${limit} item(s), found ${count}`,
        kind: 'range',
        breaks: true,
      };
    }
    case 'minLength':
      return {
        pointer: at,
        message: typeof key === 'string' ? `"${key}" must not be empty` : 'must not be empty',
        kind: 'empty-value',
        breaks: true,
      };
    case 'pattern': {
      if (CHECKED_BY_LOADER.includes(rule)) return undefined;
      const value = String(error.data);
      // An id written where one is referred to: load.ts names it unknown, with a hint.
      if (rule === '#/$defs/Id/pattern' && key !== 'id') return undefined;
      // "Text": only white space is as empty as nothing.
      if (rule === '#/$defs/Text/pattern') {
        return {
          pointer: at,
          message: typeof key === 'string' ? `"${key}" must not be empty` : 'must not be empty',
          kind: 'empty-value',
          breaks: true,
        };
      }
      const known = PATTERN_MESSAGES[rule];
      const [message, kind] = known
        ? known(value)
        : [
            `"${value}" is not written as expected: ${parent?.description ?? ''}`.trim(),
            'type' as const,
          ];
      return { pointer: at, message, kind, breaks: true };
    }
    default:
      // Unforeseen by this table (a keyword added to the types later): Ajv's own words.
      return {
        pointer: at,
        message: `the value ${error.message ?? 'is not valid'}`,
        kind: 'type',
        breaks: true,
      };
  }
}

/**
 * Every problem of shape in `document`, the story file's parsed JSON, as the schema sees it,
 * in the order of the file's fields; one per value (a value of the wrong type is not also
 * reported out of range).
 */
export function shapeProblems(
  document: unknown,
  file: string,
  shape: FileShape = 'story'
): ShapeProblem[] {
  const validate = validator(shape);
  if (validate(document)) return [];
  return translateAll(validate.errors ?? [], file, shape);
}

/** Reports `errors` of the whole file, or of a union's value at `prefix`. */
function translateAll(
  all: readonly ErrorObject[],
  file: string,
  shape: FileShape,
  prefix = ''
): ShapeProblem[] {
  let errors = all.map((error) => ({ ...error, instancePath: prefix + error.instancePath }));
  const problems: ShapeProblem[] = [];
  // A union (a camera: a fixed view or places to frame): the value is checked again as the
  // shape the editor wrote, and only those errors count; without a field of either shape, or
  // without one the shape needs, the problem is the union's: say what either shape needs.
  for (const union of errors.filter((error) => error.keyword === 'anyOf')) {
    const at = union.instancePath;
    errors = errors.filter((error) => !within(error, at));
    const schema = union.parentSchema as SchemaNode;
    const isRecord =
      typeof union.data === 'object' && union.data !== null && !Array.isArray(union.data);
    if (!isRecord) {
      const types = (schema.anyOf ?? []).map((option) => defOf(option.$ref)?.type);
      const wanted = types.every((type) => type === 'object') ? 'an object' : 'another value';
      problems.push({
        ...problem(file, at, `expected ${wanted}, found ${describe(union.data)}`, 'type'),
        breaks: true,
      });
      continue;
    }
    const branch = branchOf(schema, union.data);
    const ref = (schema.anyOf ?? []).find((option) => defOf(option.$ref) === branch)?.$ref;
    const check = ref && validator(shape, ref);
    const branchErrors = check && !check(union.data) ? (check.errors ?? []) : [];
    const incomplete = branchErrors.some(
      (error) => error.keyword === 'required' && error.instancePath === ''
    );
    if (!branch || incomplete) {
      const options = (schema.anyOf ?? [])
        .map((option) =>
          (defOf(option.$ref)?.required ?? []).map((field) => `"${field}"`).join(' and ')
        )
        .filter((option) => option !== '');
      const name = lastKey(at);
      const subject = typeof name === 'string' ? `a ${name}` : 'it';
      problems.push({
        ...problem(file, at, `${subject} needs either ${options.join(', or ')}`, 'missing'),
        breaks: true,
      });
    }
    problems.push(
      ...translateAll(
        branchErrors.filter(
          (error) => !(error.keyword === 'required' && error.instancePath === '')
        ),
        file,
        shape,
        at
      )
    );
  }

  const seen = new Set<string>();
  for (const error of errors) {
    const translated = translate(error);
    if (!translated) continue;
    // One problem per value: the first the schema finds (its type before its range).
    const slot = `${translated.pointer}\u0000${translated.kind === 'unknown-field' ? 'field' : 'value'}`;
    if (seen.has(slot)) continue;
    seen.add(slot);
    problems.push({
      ...problem(file, translated.pointer, translated.message, translated.kind),
      breaks: translated.breaks,
    });
  }
  return problems;
}
