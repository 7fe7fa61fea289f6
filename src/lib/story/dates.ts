/**
 * Dates with a precision, as the sources give them. A date is never a point unless the
 * sources give the day: `dateBand` turns each into the span it may fall in, which the timeline
 * draws and the overlay state compares.
 */
import { MONTHS, ui } from '../strings.ts';
import type { DatePrecision, StoryDate, StoryDateRange } from './types.ts';

/** A span of time in UTC milliseconds, `start` included, `end` excluded. */
export interface Band {
  start: number;
  end: number;
}

export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'half', 'year'];

const PATTERNS: Record<DatePrecision, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  half: /^(\d{4})-H([12])$/,
  year: /^(\d{4})$/,
};

/** For editors' error messages only (apart, so the page's script leaves them out). */
const EXAMPLES: Record<DatePrecision, string> = {
  day: 'YYYY-MM-DD, e.g. 2016-06-02',
  month: 'YYYY-MM, e.g. 2016-06',
  half: 'YYYY-H1 or YYYY-H2, e.g. 2016-H1',
  year: 'YYYY, e.g. 2014',
};

/**
 * Why `date` is not a valid date of its precision, or undefined when it is: the text must be
 * written as the precision requires and name a real day or month.
 */
export function dateProblem(date: string, precision: DatePrecision): string | undefined {
  const match = PATTERNS[precision].exec(date);
  if (!match) {
    const other = DATE_PRECISIONS.find((p) => PATTERNS[p].test(date));
    const hint = other ? ` ("${date}" is written as a ${other} date)` : '';
    return `"${date}" does not match precision "${precision}": write ${EXAMPLES[precision]}${hint}`;
  }
  if (precision === 'month' || precision === 'day') {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12)
      return `"${date}": month ${month} does not exist (months run from 01 to 12)`;
    if (precision === 'day') {
      const day = Number(match[3]);
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > days)
        return `"${date}": day ${day} does not exist, ${MONTHS[month - 1]} ${year} has ${days} days`;
    }
  }
  return undefined;
}

/** The span a valid date may fall in. */
export function dateBand({ date, precision }: StoryDate): Band {
  const match = PATTERNS[precision].exec(date);
  if (!match) throw new Error(`invalid ${precision} date "${date}"`);
  const year = Number(match[1]);
  switch (precision) {
    case 'day': {
      const start = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
      return { start, end: Date.UTC(year, Number(match[2]) - 1, Number(match[3]) + 1) };
    }
    case 'month':
      return {
        start: Date.UTC(year, Number(match[2]) - 1, 1),
        end: Date.UTC(year, Number(match[2]), 1),
      };
    case 'half': {
      const first = match[2] === '1';
      return {
        start: Date.UTC(year, first ? 0 : 6, 1),
        end: Date.UTC(first ? year : year + 1, first ? 6 : 0, 1),
      };
    }
    case 'year':
      return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  }
}

/** The span of a range: from the start of `from` to the end of `to` (or of `from`). */
export function rangeBand(range: StoryDateRange): Band {
  return { start: dateBand(range.from).start, end: dateBand(range.to ?? range.from).end };
}

/** Whether two spans share any moment. */
export function overlaps(a: Band, b: Band): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A date as readers see it: "2 June 2016", "June 2016", "first half of 2016", "about 2008". */
export function formatDate(value: StoryDate): string {
  const match = PATTERNS[value.precision].exec(value.date);
  if (!match) return value.date;
  const year = match[1]!;
  let text: string;
  switch (value.precision) {
    case 'day':
      text = `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${year}`;
      break;
    case 'month':
      text = `${MONTHS[Number(match[2]) - 1]} ${year}`;
      break;
    case 'half':
      text = ui.dates.half(match[2] === '1' ? 1 : 2, year);
      break;
    case 'year':
      text = year;
  }
  return value.about ? ui.dates.about(text) : text;
}

/** A range as readers see it: "2014", "2014 to 2017", "about 2008 to first half of 2016". */
export function formatRange(range: StoryDateRange): string {
  return range.to
    ? ui.dates.range(formatDate(range.from), formatDate(range.to))
    : formatDate(range.from);
}
