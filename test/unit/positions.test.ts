import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/lib/story/hints';
import {
  firstSyntaxError,
  jsonLocator,
  pointerSegments,
  positionAt,
  withoutByteOrderMark,
} from '../../src/lib/story/positions';
import { parseJson } from '../../src/lib/story/read';

const text = `{
  "meta": { "title": "T" },
  "steps": [
    { "id": "a", "map": { "places": ["x", "y"] } },
    { "id": "b/c~d" }
  ]
}`;

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, text.indexOf('"meta"'))).toEqual({ line: 2, column: 3 });
  });
});

describe('pointerSegments', () => {
  it('splits and unescapes, with numbers for indices', () => {
    expect(pointerSegments('/steps/1/id')).toEqual(['steps', 1, 'id']);
    expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerSegments('')).toEqual([]);
  });
});

describe('jsonLocator', () => {
  const locator = jsonLocator(text);

  it('puts a field at its name, where an editor looks for it', () => {
    expect(locator.locate('/meta/title')).toEqual({ line: 2, column: 13 });
  });

  it('puts a list item at its value', () => {
    expect(locator.locate('/steps/0/map/places/1')).toEqual({ line: 4, column: 43 });
  });

  it('puts a missing field at the object it is missing from', () => {
    expect(locator.locate('/steps/1/title')).toEqual({ line: 5, column: 5 });
  });

  it('puts the whole file at its start', () => {
    expect(locator.locate('')).toEqual({ line: 1, column: 1 });
  });
});

describe('syntax errors', () => {
  it('points at a trailing comma, in plain words', () => {
    const found = firstSyntaxError('{\n  "a": 1,\n}');
    expect(found).toMatchObject({ line: 3, column: 1 });
    expect(found?.message).toMatch(/trailing comma/);
  });

  it('points at a missing comma', () => {
    expect(firstSyntaxError('[\n  1\n  2\n]')).toMatchObject({ line: 3, column: 3 });
  });

  it('explains unquoted text and capitalised literals', () => {
    expect(firstSyntaxError('{"a": True}')?.message).toMatch(/lower case/);
  });

  it('finds no error in valid JSON', () => {
    expect(firstSyntaxError(text)).toBeUndefined();
  });
});

describe('parseJson on hostile files', () => {
  it('accepts a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}', 'f.json')).toEqual({ ok: true, value: { a: 1 } });
    expect(withoutByteOrderMark('\uFEFFx')).toBe('x');
  });

  it('says an empty file is empty', () => {
    const result = parseJson('  \n', 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toMatchObject({ line: 1, column: 1, message: 'the file is empty' });
  });

  it('reports absurdly deep nesting without crashing', { timeout: 60_000 }, () => {
    const deep = '['.repeat(200_000);
    const result = parseJson(deep, 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/not valid JSON/);
  });

  // About 0.5 s on an idle 2-core machine; the limit leaves room for a busy one.
  it('reads a 10 MB file', { timeout: 60_000 }, () => {
    const big = JSON.stringify({
      steps: Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, text: 'x'.repeat(80) })),
    });
    expect(big.length).toBeGreaterThan(10_000_000);
    expect(parseJson(big, 'f.json').ok).toBe(true);
    const broken = `${big.slice(0, -2)},]}`;
    const result = parseJson(broken, 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.line).toBe(1);
  });
});

describe('hints', () => {
  it('measures edits', () => {
    expect(editDistance('dandongg', 'dandong')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests a close id and nothing for a far one', () => {
    const ids = ['dandong', 'dandong-station', 'pyongyang-station'];
    expect(closest('dandongg', ids)).toBe('dandong');
    expect(closest('pyongyang-statoin', ids)).toBe('pyongyang-station');
    expect(closest('seoul', ids)).toBeUndefined();
    expect(didYouMean('seoul', ids)).toBe('');
    expect(didYouMean('Dandong', ids)).toBe(' — did you mean "dandong"?');
  });
});

describe('hints for what editors actually type', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(closest('titel', ['id', 'kicker', 'title', 'text'])).toBe('title');
  });

  it('completes a shortened id rather than guessing a distant one', () => {
    expect(closest('pyongyang', ['chonggang', 'pyongyang-station', 'west-pyongyang'])).toBe(
      'pyongyang-station'
    );
  });

  it('completes an id cut short mid-word, only when one id fits', () => {
    const ids = ['kim-il-sung-square', 'sinuiju', 'sinanju'];
    expect(closest('kim-il-sung-sq', ids)).toBe('kim-il-sung-square');
    // "sin" begins two ids and is too short to guess from.
    expect(closest('sin', ids)).toBeUndefined();
    // Two ids begin "sinanj": the nearer by edits wins.
    expect(closest('sinanj', ['sinanju', 'sinanju-east'])).toBe('sinanju');
  });
});
