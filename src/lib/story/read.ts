/**
 * A small typed reader for hand-edited JSON: each accessor returns a typed value or
 * `undefined`, and records a problem with its JSON pointer instead of throwing, so one run
 * reports every mistake in a file.
 */
import { didYouMean } from './hints.ts';
import { firstSyntaxError, positionAt, withoutByteOrderMark } from './positions.ts';

export interface StoryProblem {
  /** The file, relative to the project, e.g. `story/story.json`. */
  file: string;
  /** JSON pointer to the value at fault, e.g. `/steps/3/map/places/0`; `""` is the whole file. */
  pointer: string;
  message: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  /** What sort of problem this is; tests and tools may rely on it. */
  kind: ProblemKind;
  /** The file could not be read or parsed at all, so nothing in it was checked. */
  fatal?: boolean;
}

/**
 * The sorts of problem the validator reports. `unreadable`, `empty` and `syntax` are fatal:
 * nothing past them is checked.
 */
export type ProblemKind =
  | 'unreadable'
  | 'empty'
  | 'syntax'
  | 'type'
  | 'missing'
  | 'empty-value'
  | 'unknown-field'
  | 'unknown-id'
  | 'duplicate-id'
  | 'invalid-id'
  | 'range'
  | 'not-allowed'
  | 'date'
  | 'unsafe-link'
  | 'raw-html'
  | 'rule'
  | 'geometry'
  | 'warning';

const FATAL: readonly ProblemKind[] = ['unreadable', 'empty', 'syntax'];

/** A problem, with `fatal` set from its kind. */
export function problem(
  file: string,
  pointer: string,
  message: string,
  kind: ProblemKind
): StoryProblem {
  return { file, pointer, message, kind, ...(FATAL.includes(kind) && { fatal: true }) };
}

export type JsonObject = Record<string, unknown>;

/** Appends a key or index to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function pointerTo(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export class JsonReader {
  readonly problems: StoryProblem[] = [];

  constructor(readonly file: string) {}

  fail(pointer: string, message: string, kind: ProblemKind): undefined {
    this.problems.push(problem(this.file, pointer, message, kind));
    return undefined;
  }

  /** Reads an object and reports any key not in `known` (a mistyped field must not be ignored). */
  object(value: unknown, pointer: string, known: readonly string[]): JsonObject | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(pointer, `expected an object, found ${describe(value)}`, 'type');
    }
    const object = value as JsonObject;
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        const hint = didYouMean(key, known);
        const expected = hint || ` (expected one of: ${known.join(', ')})`;
        this.fail(pointerTo(pointer, key), `unknown field "${key}"${expected}`, 'unknown-field');
      }
    }
    return object;
  }

  string(object: JsonObject, key: string, pointer: string): string | undefined {
    const value = object[key];
    const at = pointerTo(pointer, key);
    if (value === undefined) return this.fail(at, `missing required field "${key}"`, 'missing');
    if (typeof value !== 'string')
      return this.fail(at, `expected text, found ${describe(value)}`, 'type');
    if (value.trim() === '') return this.fail(at, `"${key}" must not be empty`, 'empty-value');
    return value;
  }

  optionalString(object: JsonObject, key: string, pointer: string): string | undefined {
    return object[key] === undefined ? undefined : this.string(object, key, pointer);
  }

  number(
    object: JsonObject,
    key: string,
    pointer: string,
    range: { min: number; max: number }
  ): number | undefined {
    const value = object[key];
    const at = pointerTo(pointer, key);
    if (value === undefined) return this.fail(at, `missing required field "${key}"`, 'missing');
    return this.numberValue(value, at, range);
  }

  optionalNumber(
    object: JsonObject,
    key: string,
    pointer: string,
    range: { min: number; max: number }
  ): number | undefined {
    return object[key] === undefined ? undefined : this.number(object, key, pointer, range);
  }

  numberValue(value: unknown, at: string, range: { min: number; max: number }): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(at, `expected a number, found ${describe(value)}`, 'type');
    }
    if (value < range.min || value > range.max) {
      return this.fail(at, `${value} is out of range (${range.min} to ${range.max})`, 'range');
    }
    return value;
  }

  oneOf<T extends string>(
    object: JsonObject,
    key: string,
    pointer: string,
    values: readonly T[]
  ): T | undefined {
    const value = this.string(object, key, pointer);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      return this.fail(
        pointerTo(pointer, key),
        `"${value}" is not allowed here (expected one of: ${values.join(', ')})`,
        'not-allowed'
      );
    }
    return value as T;
  }

  /** Reads a list, reading each item with `item`; items that fail are left out of the result. */
  list<T>(
    object: JsonObject,
    key: string,
    pointer: string,
    item: (value: unknown, pointer: string) => T | undefined,
    options: { optional?: boolean; minItems?: number } = {}
  ): T[] | undefined {
    const value = object[key];
    const at = pointerTo(pointer, key);
    if (value === undefined) {
      return options.optional ? [] : this.fail(at, `missing required field "${key}"`, 'missing');
    }
    if (!Array.isArray(value))
      return this.fail(at, `expected a list, found ${describe(value)}`, 'type');
    if (options.minItems !== undefined && value.length < options.minItems) {
      return this.fail(
        at,
        `needs at least ${options.minItems} item(s), found ${value.length}`,
        'range'
      );
    }
    const out: T[] = [];
    value.forEach((entry, index) => {
      const read = item(entry, pointerTo(at, index));
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  /** A `[longitude, latitude]` pair. */
  lngLat(value: unknown, at: string): [number, number] | undefined {
    if (!Array.isArray(value) || value.length !== 2) {
      return this.fail(at, `expected [longitude, latitude], found ${describe(value)}`, 'type');
    }
    const lng = this.numberValue(value[0], pointerTo(at, 0), { min: -180, max: 180 });
    const lat = this.numberValue(value[1], pointerTo(at, 1), { min: -90, max: 90 });
    return lng === undefined || lat === undefined ? undefined : [lng, lat];
  }

  /** A non-empty string item of a list (ids, mostly). */
  text = (value: unknown, at: string): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') {
      return this.fail(at, `expected non-empty text, found ${describe(value)}`, 'type');
    }
    return value;
  };
}

/**
 * Parses JSON as editors write it: a leading byte-order mark is ignored; a syntax error becomes
 * a problem with its line, column and a plain description; an empty file says so.
 */
export function parseJson(
  text: string,
  file: string
): { ok: true; value: unknown } | { ok: false; problem: StoryProblem } {
  const source = withoutByteOrderMark(text);
  if (source.trim() === '') {
    return {
      ok: false,
      problem: { ...problem(file, '', 'the file is empty', 'empty'), line: 1, column: 1 },
    };
  }
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    let found: ReturnType<typeof firstSyntaxError>;
    try {
      found = firstSyntaxError(source);
    } catch {
      // jsonc-parser recurses; absurdly deep nesting can exhaust the stack. JSON.parse's
      // own message still says what is wrong.
      found = undefined;
    }
    const at = found ?? positionAt(source, source.length);
    return {
      ok: false,
      problem: {
        ...problem(file, '', `not valid JSON: ${found?.message ?? reason}`, 'syntax'),
        line: at.line,
        column: at.column,
      },
    };
  }
}

/** One problem per line: `file:line:col  /pointer  message` (line and column when known). */
export function formatProblems(problems: readonly StoryProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
      return `${where}  ${p.pointer || '/'}  ${p.message}`;
    })
    .join('\n');
}
