/**
 * One broken story per file in test/fixtures/broken/, each broken in one way. For each, the
 * first problem reported must have the exact pointer, kind, line and column. The expected
 * position is found from the fixture's own text (a marker that stands at the fault), never from
 * the validator's output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/cli/validate';
import type { ProblemKind } from '../../src/lib/story/read';
import { FIXTURE_GEO, ROOT } from './helpers';

const FOLDER = 'test/fixtures/broken';

interface Case {
  pointer: string;
  kind: ProblemKind;
  /** Where the problem is: the start of the file, a marker (its nth occurrence), the opening
   * brace of the object holding a marker, or the first character after a marker. */
  at: 'start' | { marker: string; nth?: number; where?: 'marker' | 'object' | 'after' };
  /** What the message must say, where its words matter. */
  message?: RegExp;
}

const CASES: Record<string, Case> = {
  'syntax-trailing-comma': {
    pointer: '',
    kind: 'syntax',
    at: { marker: '"highlight": [],', where: 'after' },
  },
  'syntax-missing-comma': { pointer: '', kind: 'syntax', at: { marker: '"text": "Intro text."' } },
  'syntax-unquoted-key': { pointer: '', kind: 'syntax', at: { marker: 'dek:' } },
  'syntax-unclosed-string': { pointer: '', kind: 'syntax', at: { marker: '"Tests,' } },
  'syntax-single-quotes': { pointer: '', kind: 'syntax', at: { marker: "'byline'" } },
  'empty-file': { pointer: '', kind: 'empty', at: 'start' },
  'root-not-object': { pointer: '', kind: 'type', at: 'start' },
  'missing-meta': { pointer: '/meta', kind: 'missing', at: 'start' },
  'missing-step-title': {
    pointer: '/steps/1/title',
    kind: 'missing',
    at: { marker: '"id": "rail"', where: 'object' },
  },
  'wrong-type-title': { pointer: '/steps/0/title', kind: 'type', at: { marker: '"title": 42' } },
  'wrong-type-steps': { pointer: '/steps', kind: 'type', at: { marker: '"steps"' } },
  'wrong-type-place-id': { pointer: '/steps/0/map/places/0', kind: 'type', at: { marker: '7\n' } },
  'empty-title': { pointer: '/steps/1/title', kind: 'empty-value', at: { marker: '"title": ""' } },
  'unknown-field-top': { pointer: '/stepz', kind: 'unknown-field', at: { marker: '"stepz"' } },
  'unknown-field-step': {
    pointer: '/steps/1/titel',
    kind: 'unknown-field',
    at: { marker: '"titel"' },
  },
  'unknown-place': {
    pointer: '/steps/0/map/places/0',
    kind: 'unknown-id',
    at: { marker: '"dandongg"' },
  },
  'unknown-place-in-fit': {
    pointer: '/steps/0/map/camera/fit/1',
    kind: 'unknown-id',
    at: { marker: '"pyongyang"' },
  },
  'unknown-leg': {
    pointer: '/steps/1/map/legs/0',
    kind: 'unknown-id',
    at: { marker: '"rail-leg"' },
  },
  'unknown-source': {
    pointer: '/steps/1/sources/1',
    kind: 'unknown-id',
    at: { marker: '"reuters"' },
  },
  'unknown-grow-leg': {
    pointer: '/steps/1/map/grow',
    kind: 'unknown-id',
    at: { marker: '"grow"' },
  },
  'grow-not-shown': { pointer: '/steps/0/map/grow', kind: 'rule', at: { marker: '"grow"' } },
  'highlight-not-shown': {
    pointer: '/steps/0/map/highlight/0',
    kind: 'rule',
    at: { marker: '"pyongyang-station"', nth: 2 },
  },
  'duplicate-step-id': {
    pointer: '/steps/1',
    kind: 'duplicate-id',
    at: { marker: '"id": "intro"', nth: 2, where: 'object' },
  },
  'duplicate-source-id': {
    pointer: '/sources/1',
    kind: 'duplicate-id',
    at: { marker: '"id": "post"', nth: 2, where: 'object' },
  },
  'invalid-id': { pointer: '/steps/1/id', kind: 'invalid-id', at: { marker: '"id": "Rail Step"' } },
  'zoom-out-of-range': {
    pointer: '/steps/1/map/camera/zoom',
    kind: 'range',
    at: { marker: '"zoom"' },
  },
  'longitude-out-of-range': {
    pointer: '/steps/1/map/camera/center/0',
    kind: 'range',
    at: { marker: '200' },
  },
  'pitch-out-of-range': {
    pointer: '/steps/1/map/camera/pitch',
    kind: 'range',
    at: { marker: '"pitch"' },
  },
  'bearing-out-of-range': {
    pointer: '/steps/1/map/camera/bearing',
    kind: 'range',
    at: { marker: '"bearing"' },
  },
  'camera-without-center': {
    pointer: '/steps/1/map/camera',
    kind: 'missing',
    at: { marker: '"camera"', nth: 2 },
  },
  'no-steps': { pointer: '/steps', kind: 'range', at: { marker: '"steps"' } },
  'bad-date': { pointer: '/meta/published', kind: 'date', at: { marker: '"published"' } },
  'published-not-a-date': {
    pointer: '/meta/published',
    kind: 'date',
    at: { marker: '"published"' },
    message: /^"2017-13-45": month 13 does not exist/,
  },
  'date-not-in-leap-year': {
    pointer: '/events/0/date/date',
    kind: 'date',
    at: { marker: '"date": "2019-02-29"' },
    message: /day 29 does not exist, February 2019 has 28 days/,
  },
  'presence-ends-before-start': {
    pointer: '/companies/0/presence/0/to',
    kind: 'date',
    at: { marker: '"to"' },
    message: /the end \(2007\) comes before the start \(about 2008\)/,
  },
  'source-date-not-a-date': {
    pointer: '/sources/1/date/date',
    kind: 'date',
    at: { marker: '"date": "2019-00"' },
    message: /month 0 does not exist/,
  },
  'unsafe-source-link': { pointer: '/sources/0/url', kind: 'unsafe-link', at: { marker: '"url"' } },
  'source-title-in-brackets': {
    pointer: '/sources/0/title',
    kind: 'rule',
    at: { marker: '"title": "[Report' },
  },
  'source-without-date': {
    pointer: '/sources/0/date',
    kind: 'missing',
    at: { marker: '"id": "post"', where: 'object' },
  },
  'style-not-a-url': { pointer: '/map/style', kind: 'unsafe-link', at: { marker: '"style"' } },
  'unknown-region-country': {
    pointer: '/map/regionCountries/0',
    kind: 'unknown-id',
    at: { marker: '"North Korea"' },
  },
  'raw-html-in-text': {
    pointer: '/steps/1/text',
    kind: 'raw-html',
    at: { marker: '"text": "Rail <img' },
  },
  'unknown-event-step': {
    pointer: '/events/0/step',
    kind: 'unknown-id',
    at: { marker: '"step": "intrro"' },
  },
  'unknown-event-company': {
    pointer: '/events/0/companies/0',
    kind: 'unknown-id',
    at: { marker: '"huwei"' },
  },
  'unknown-event-source': {
    pointer: '/events/1/sources/0',
    kind: 'unknown-id',
    at: { marker: '"gizmodoo"' },
  },
  'unknown-company-place': {
    pointer: '/companies/0/place',
    kind: 'unknown-id',
    at: { marker: '"place": "huawei-hqq"' },
  },
  'unknown-presence-place': {
    pointer: '/companies/0/presence/0/place',
    kind: 'unknown-id',
    at: { marker: '"place": "kim-il-sung-sq"' },
  },
  'unknown-presence-source': {
    pointer: '/companies/0/presence/0/sources/0',
    kind: 'unknown-id',
    at: { marker: '"wapo"' },
  },
  'duplicate-event-id': {
    pointer: '/events/1',
    kind: 'duplicate-id',
    at: { marker: '"id": "report"', nth: 2, where: 'object' },
  },
  'duplicate-company-id': {
    pointer: '/companies/1',
    kind: 'duplicate-id',
    at: { marker: '"id": "huawei"', nth: 2, where: 'object' },
  },
  'date-precision-mismatch': {
    pointer: '/events/0/date/date',
    kind: 'date',
    // The first "2019-07" is a source's (well written); the second is the event's.
    at: { marker: '"date": "2019-07"', nth: 2 },
  },
  'date-not-a-day': {
    pointer: '/events/0/date/date',
    kind: 'date',
    at: { marker: '"date": "2019-02-30"' },
  },
  'date-unknown-precision': {
    pointer: '/events/1/date/precision',
    kind: 'not-allowed',
    at: { marker: '"precision": "quarter"' },
  },
  'when-ends-before-start': {
    pointer: '/steps/1/when/to',
    kind: 'date',
    at: { marker: '"to"', nth: 2 },
  },
  'company-bad-colour': {
    pointer: '/companies/0/colour',
    kind: 'type',
    at: { marker: '"colour": "red"' },
  },
  'event-missing-date': {
    pointer: '/events/0/date',
    kind: 'missing',
    at: { marker: '"id": "report"', where: 'object' },
  },
  'presence-overlapping': {
    pointer: '/companies/0/presence/1/from',
    kind: 'date',
    at: { marker: '"from"', nth: 2 },
  },
  'javascript-link-in-text': {
    pointer: '/steps/0/text',
    kind: 'unsafe-link',
    at: { marker: '"text": "See [this]' },
  },
};

function expectedPosition(text: string, at: Case['at']): { line: number; column: number } {
  let offset = 0;
  if (at !== 'start') {
    offset = -1;
    for (let n = 0; n < (at.nth ?? 1); n++) offset = text.indexOf(at.marker, offset + 1);
    if (offset < 0) throw new Error(`marker ${JSON.stringify(at.marker)} not in the fixture`);
    if (at.where === 'object') offset = text.lastIndexOf('{', offset);
    if (at.where === 'after') {
      offset += at.marker.length;
      while (/\s/.test(text[offset] ?? '')) offset++;
    }
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

describe('broken story fixtures', () => {
  it('has a case for every fixture, and at least 25 of them', () => {
    const files = readdirSync(join(ROOT, FOLDER)).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('accepts the minimal story they are all made from', async () => {
    const report = await validateFiles(ROOT, {
      story: 'test/fixtures/valid-minimal.json',
      ...FIXTURE_GEO,
    });
    expect(report.exitCode).toBe(0);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: ${expected.kind} at ${expected.pointer || '/'}`, async () => {
      const path = `${FOLDER}/${name}.json`;
      const report = await validateFiles(ROOT, { story: path, ...FIXTURE_GEO });
      const first = report.problems[0];
      const text = readFileSync(join(ROOT, path), 'utf8');
      expect(first).toMatchObject({
        file: path,
        pointer: expected.pointer,
        kind: expected.kind,
        ...expectedPosition(text, expected.at),
      });
      expect(report.exitCode).toBe(['syntax', 'empty'].includes(expected.kind) ? 2 : 1);
      // The message is written for a person: no stack trace, no internal names.
      expect(first?.message).not.toMatch(/Error|undefined|\[object/);
      if (expected.message) expect(first?.message).toMatch(expected.message);
    });
  }
});
