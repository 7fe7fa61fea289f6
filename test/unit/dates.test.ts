import { describe, expect, it } from 'vitest';
import {
  dateBand,
  dateProblem,
  formatDate,
  formatRange,
  overlaps,
  rangeBand,
} from '../../src/lib/story/dates';

const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

describe('dates with a precision', () => {
  it('turns each precision into the span the date may fall in, never a point on 1 January', () => {
    expect(dateBand({ date: '2016-06-02', precision: 'day' })).toEqual({
      start: utc(2016, 6, 2),
      end: utc(2016, 6, 3),
    });
    expect(dateBand({ date: '2016-06', precision: 'month' })).toEqual({
      start: utc(2016, 6),
      end: utc(2016, 7),
    });
    expect(dateBand({ date: '2016-H1', precision: 'half' })).toEqual({
      start: utc(2016, 1),
      end: utc(2016, 7),
    });
    expect(dateBand({ date: '2016-H2', precision: 'half' })).toEqual({
      start: utc(2016, 7),
      end: utc(2017, 1),
    });
    expect(dateBand({ date: '2014', precision: 'year' })).toEqual({
      start: utc(2014, 1),
      end: utc(2015, 1),
    });
    // December rolls into the next year.
    expect(dateBand({ date: '2018-12', precision: 'month' }).end).toBe(utc(2019, 1));
    expect(dateBand({ date: '2018-12-31', precision: 'day' }).end).toBe(utc(2019, 1));
  });

  it('spans a range from the start of its first date to the end of its last', () => {
    expect(
      rangeBand({
        from: { date: '2008', precision: 'year' },
        to: { date: '2016-H1', precision: 'half' },
      })
    ).toEqual({ start: utc(2008, 1), end: utc(2016, 7) });
    expect(rangeBand({ from: { date: '2019-07-22', precision: 'day' } })).toEqual({
      start: utc(2019, 7, 22),
      end: utc(2019, 7, 23),
    });
  });

  it('finds overlapping spans, ends excluded', () => {
    const a = { start: 0, end: 10 };
    expect(overlaps(a, { start: 9, end: 20 })).toBe(true);
    expect(overlaps(a, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 2, end: 3 }, a)).toBe(true);
  });

  it('accepts dates written as their precision requires, and real days only', () => {
    expect(dateProblem('2016-06-02', 'day')).toBeUndefined();
    expect(dateProblem('2016-02-29', 'day')).toBeUndefined();
    expect(dateProblem('2016-H2', 'half')).toBeUndefined();
    expect(dateProblem('2015-02-29', 'day')).toBe(
      '"2015-02-29": day 29 does not exist, February 2015 has 28 days'
    );
    expect(dateProblem('2016-13', 'month')).toBe(
      '"2016-13": month 13 does not exist (months run from 01 to 12)'
    );
    expect(dateProblem('2017-13-45', 'day')).toMatch(/month 13 does not exist/);
    expect(dateProblem('2016-04-31', 'day')).toMatch(/day 31 does not exist, April 2016 has 30/);
    expect(dateProblem('2016-04-00', 'day')).toMatch(/day 0 does not exist/);
    // Leap years: every fourth, but not centuries, except every fourth century.
    expect(dateProblem('2000-02-29', 'day')).toBeUndefined();
    expect(dateProblem('1900-02-29', 'day')).toMatch(/February 1900 has 28 days/);
    expect(dateProblem('2016-06', 'day')).toMatch(
      /does not match precision "day": write YYYY-MM-DD.*written as a month date/
    );
    expect(dateProblem('2016-H3', 'half')).toMatch(/does not match precision "half"/);
    expect(dateProblem('June 2016', 'month')).toMatch(/write YYYY-MM/);
    expect(() => dateBand({ date: '2016', precision: 'day' })).toThrow();
  });

  it('writes dates as readers say them, with "about" where the sources are rough', () => {
    expect(formatDate({ date: '2016-06-02', precision: 'day' })).toBe('2 June 2016');
    expect(formatDate({ date: '2016-06', precision: 'month' })).toBe('June 2016');
    expect(formatDate({ date: '2016-H1', precision: 'half' })).toBe('first half of 2016');
    expect(formatDate({ date: '2016-H2', precision: 'half' })).toBe('second half of 2016');
    expect(formatDate({ date: '2008', precision: 'year', about: true })).toBe('about 2008');
    expect(
      formatRange({
        from: { date: '2014', precision: 'year' },
        to: { date: '2017', precision: 'year' },
      })
    ).toBe('2014 to 2017');
  });
});
