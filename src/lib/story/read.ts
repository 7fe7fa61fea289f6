/**
 * A small typed reader for hand-edited JSON: each accessor returns a typed value or
 * `undefined`, and records a problem with its JSON pointer instead of throwing, so one run
 * reports every mistake in a file.
 */

export interface StoryProblem {
  /** The file, relative to the project, e.g. `story/story.json`. */
  file: string;
  /** JSON pointer to the value at fault, e.g. `/steps/3/map/places/0`; `""` is the whole file. */
  pointer: string;
  message: string;
  /** 1-based line and column, when known (parse errors). */
  line?: number;
  column?: number;
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

  fail(pointer: string, message: string): undefined {
    this.problems.push({ file: this.file, pointer, message });
    return undefined;
  }

  /** Reads an object and reports any key not in `known` (a mistyped field must not be ignored). */
  object(value: unknown, pointer: string, known: readonly string[]): JsonObject | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(pointer, `expected an object, found ${describe(value)}`);
    }
    const object = value as JsonObject;
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        this.fail(
          pointerTo(pointer, key),
          `unknown field "${key}" (expected one of: ${known.join(', ')})`
        );
      }
    }
    return object;
  }

  string(object: JsonObject, key: string, pointer: string): string | undefined {
    const value = object[key];
    const at = pointerTo(pointer, key);
    if (value === undefined) return this.fail(at, `missing required field "${key}"`);
    if (typeof value !== 'string') return this.fail(at, `expected text, found ${describe(value)}`);
    if (value.trim() === '') return this.fail(at, `"${key}" must not be empty`);
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
    if (value === undefined) return this.fail(at, `missing required field "${key}"`);
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
      return this.fail(at, `expected a number, found ${describe(value)}`);
    }
    if (value < range.min || value > range.max) {
      return this.fail(at, `${value} is out of range (${range.min} to ${range.max})`);
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
        `"${value}" is not allowed here (expected one of: ${values.join(', ')})`
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
      return options.optional ? [] : this.fail(at, `missing required field "${key}"`);
    }
    if (!Array.isArray(value)) return this.fail(at, `expected a list, found ${describe(value)}`);
    if (options.minItems !== undefined && value.length < options.minItems) {
      return this.fail(at, `needs at least ${options.minItems} item(s), found ${value.length}`);
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
      return this.fail(at, `expected [longitude, latitude], found ${describe(value)}`);
    }
    const lng = this.numberValue(value[0], pointerTo(at, 0), { min: -180, max: 180 });
    const lat = this.numberValue(value[1], pointerTo(at, 1), { min: -90, max: 90 });
    return lng === undefined || lat === undefined ? undefined : [lng, lat];
  }

  /** A non-empty string item of a list (ids, mostly). */
  text = (value: unknown, at: string): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') {
      return this.fail(at, `expected non-empty text, found ${describe(value)}`);
    }
    return value;
  };
}

/**
 * Parses JSON, turning a syntax error into a problem with line and column where the engine
 * reports a position (V8 does for most errors: "... in JSON at position 123").
 */
export function parseJson(
  text: string,
  file: string
): { ok: true; value: unknown } | { ok: false; problem: StoryProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : firstErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return {
      ok: false,
      problem: {
        file,
        pointer: '',
        line,
        column,
        message: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}`,
      },
    };
  }
}

/**
 * Where JSON.parse first fails, for engines whose message gives no position (V8 says only
 * "Unexpected token '}', ... is not valid JSON" for some errors). A prefix that contains the
 * fault fails with something other than running out of input, and every longer prefix does
 * too, so a binary search finds the shortest such prefix: the fault is its last character.
 * Only used on the error path, so its O(n log n) cost never touches a valid story.
 */
function firstErrorOffset(text: string): number {
  const faultWithin = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = String(error);
      // Running out of input shows as "end of input", or as a position at the very end.
      if (/end of (JSON )?input|unterminated/i.test(message)) return false;
      const at = /position (\d+)/.exec(message);
      return !at || Number(at[1]) < length;
    }
  };
  let low = 1;
  let high = text.length;
  if (!faultWithin(high)) return text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (faultWithin(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
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
