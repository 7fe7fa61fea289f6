/**
 * Where things are in a JSON file: the line and column of a JSON pointer, and of the first
 * syntax error. Built on jsonc-parser's syntax tree, which keeps every node's offset.
 */
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units, as editors count. */
  column: number;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Drops a leading byte-order mark, which JSON.parse refuses but editors add unseen. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** The line and column of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** Splits a JSON pointer into its keys and indices (RFC 6901 unescaping). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

export interface JsonLocator {
  /**
   * The position of the value at `pointer`. For a field, that is where its name starts (the
   * line an editor looks for). A pointer to something missing gives the position of its
   * nearest existing parent: the object the field is missing from.
   */
  locate(pointer: string): Position;
}

/** A locator for one file's text (a file that JSON.parse accepted). */
export function jsonLocator(text: string): JsonLocator {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return {
    locate(pointer) {
      const path = pointerSegments(pointer);
      let node: Node | undefined;
      while (tree && !(node = findNodeAtLocation(tree, path)) && path.length > 0) path.pop();
      if (!node) return { line: 1, column: 1 };
      const property = node.parent?.type === 'property' ? node.parent : undefined;
      return positionAt(text, (property ?? node).offset);
    },
  };
}

/**
 * The first syntax error in `text`, with its position and a plain description, or `undefined`
 * when jsonc-parser finds none (the caller still trusts JSON.parse's verdict).
 */
export function firstSyntaxError(text: string): (Position & { message: string }) | undefined {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return undefined;
  return { ...positionAt(text, first.offset), message: describeSyntaxError(first, text) };
}

function describeSyntaxError(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const shown = found === '' ? 'the end of the file' : JSON.stringify(found);
  switch (printParseErrorCode(error.error)) {
    case 'PropertyNameExpected':
      return `expected a field name in double quotes, found ${shown} (a trailing comma before "}"?)`;
    case 'ValueExpected':
      return `expected a value, found ${shown} (a trailing comma before "]", or a missing value?)`;
    case 'CommaExpected':
      return `expected a comma before ${shown}`;
    case 'ColonExpected':
      return `expected ":" after the field name, found ${shown}`;
    case 'CloseBraceExpected':
      return `expected "}" to close the object, found ${shown}`;
    case 'CloseBracketExpected':
      return `expected "]" to close the list, found ${shown}`;
    case 'EndOfFileExpected':
      return `expected the end of the file after the closing bracket, found ${shown}`;
    case 'UnexpectedEndOfString':
      return 'a text value is not closed with a double quote';
    case 'InvalidCommentToken':
      return 'comments are not allowed in JSON';
    case 'InvalidSymbol':
      return `${shown} is not valid JSON here (text needs double quotes; true, false, null are lower case)`;
    default:
      return `not valid JSON at ${shown} (${printParseErrorCode(error.error)})`;
  }
}
