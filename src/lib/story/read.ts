/**
 * Hand-edited JSON in, problems out: the problem type every check reports, a list of them per
 * file, JSON parsed with a plain description of a syntax error, and the one-line format
 * `npm run validate` prints. (The files' shapes are checked by their schemas: shape.ts.)
 */
import { firstSyntaxError, positionAt, withoutByteOrderMark } from './positions.ts';

export interface StoryProblem {
  /** The file, relative to the project, e.g. `story/huawei-north-korea/story.json`. */
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

/** Whether a parsed JSON value is an object (not null, not a list). */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Appends a key or index to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function pointerTo(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * The problems found in one file, each with its JSON pointer: every check reports here
 * instead of throwing, so one run reports every mistake in the file.
 */
export class FileProblems {
  readonly problems: StoryProblem[] = [];

  constructor(readonly file: string) {}

  /** Records a problem; returns undefined, for checks that read a value or fail. */
  fail(pointer: string, message: string, kind: ProblemKind): undefined {
    this.problems.push(problem(this.file, pointer, message, kind));
    return undefined;
  }
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
