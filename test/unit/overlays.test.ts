import { describe, expect, it } from 'vitest';
import {
  eventsIn,
  presenceAt,
  sanctionedAt,
  standingText,
} from '../../src/lib/state/overlay-state';
import { stepState } from '../../src/lib/state/step-state';
import { dateBand } from '../../src/lib/story/dates';
import type { Company, StoryEvent } from '../../src/lib/story/types';
import {
  stackRows,
  timelineDomain,
  timelineLayout,
  type TimelineSizes,
} from '../../src/lib/overlays/timeline-layout';
import { flagshipStory } from './helpers';

const story = flagshipStory();
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

const huawei: Company = {
  id: 'huawei',
  name: 'Huawei',
  colour: '#c0392b',
  place: 'huawei-hq',
  presence: [
    {
      from: { date: '2008', precision: 'year', about: true },
      to: { date: '2016-H1', precision: 'half' },
      status: 'reported',
      sources: ['wapo-2019'],
      place: 'kim-il-sung-square',
    },
  ],
};
const sanction = (id: string, date: string, companies: string[]): StoryEvent => ({
  id,
  date: { date, precision: 'day' },
  label: id,
  kind: 'us-sanction',
  sources: ['x'],
  companies,
});

describe('which events and presences are active at a date', () => {
  it('finds the events whose date may fall within a span', () => {
    const events = [
      sanction('a', '2016-03-02', []),
      { ...sanction('b', '2014', []), date: { date: '2014', precision: 'year' as const } },
      sanction('c', '2017-12-22', []),
    ];
    const ids = (start: number, end: number) =>
      eventsIn(events, { start, end }).map((event) => event.id);
    expect(ids(utc(2016, 1), utc(2017, 1))).toEqual(['a']);
    // A year-precision date is active anywhere in its year, not only on 1 January.
    expect(ids(utc(2014, 11, 5), utc(2014, 11, 6))).toEqual(['b']);
    expect(ids(utc(2015, 1), utc(2016, 1))).toEqual([]);
  });

  it("gives a company's standing at a moment, with imprecise ends counted honestly", () => {
    expect(presenceAt(huawei, utc(2007, 12, 31)).standing).toBe('not-yet');
    // "About 2008": present from the start of the year it may have begun in.
    expect(presenceAt(huawei, utc(2008, 3)).standing).toBe('present');
    expect(presenceAt(huawei, utc(2015, 12, 31)).standing).toBe('present');
    // "First half of 2016": from January on, it may have left.
    expect(presenceAt(huawei, utc(2016, 2))).toEqual({
      standing: 'left',
      period: huawei.presence[0],
    });
    expect(presenceAt({ ...huawei, presence: [] }, utc(2016, 2)).standing).toBe('none');
    const open: Company = {
      ...huawei,
      presence: [{ ...huawei.presence[0]!, to: undefined } as Company['presence'][number]],
    };
    expect(presenceAt(open, utc(2030, 1)).standing).toBe('present');
  });

  it('counts a company sanctioned from the date of a UN or US sanction naming it', () => {
    const events = [
      sanction('named', '2019-05-16', ['huawei']),
      sanction('other', '2014-01-01', ['panda']),
      { ...sanction('legal', '2016-06-02', ['huawei']), kind: 'legal' as const },
    ];
    expect(sanctionedAt(huawei, events, utc(2019, 5, 15))).toBe(false);
    expect(sanctionedAt(huawei, events, utc(2019, 5, 16))).toBe(true);
  });
});

describe("the overlay part of every step's state", () => {
  /** Standing of each company, written short: id:standing[+sanctioned]@place. */
  const companiesAt = (stepId: string) => {
    const index = story.steps.findIndex((step) => step.id === stepId);
    return stepState(story, index, 0.5).overlays.companies.map(
      (c) => `${c.id}:${c.standing}${c.sanctioned ? '+sanctioned' : ''}@${c.place}`
    );
  };
  const eventsAt = (stepId: string) => {
    const index = story.steps.findIndex((step) => step.id === stepId);
    return stepState(story, index, 0).overlays.events;
  };

  it('has a time for every step but the code names and the method', () => {
    const without = story.steps.filter((step) => !step.when).map((step) => step.id);
    expect(without).toEqual(['code-a9', 'method']);
    for (const id of without) {
      const index = story.steps.findIndex((step) => step.id === id);
      expect(stepState(story, index, 0).overlays).toEqual({
        when: undefined,
        events: [],
        companies: [],
      });
    }
  });

  it('shows each step its events and each company where it stood', () => {
    const expected: Record<string, { events: string[]; companies: string[] }> = {
      intro: {
        events: ['post-report', 'huawei-statement'],
        companies: [
          'huawei:left+sanctioned@huawei-hq',
          'panda:left+sanctioned@nanjing',
          'koryolink:present@ryugyong-hotel',
          'dandong-kehua:none+sanctioned@dandong',
        ],
      },
      'huawei-shenzhen': {
        events: ['kim-visit', 'un-1718'],
        companies: [
          'huawei:not-yet@huawei-hq',
          'panda:not-yet@nanjing',
          'koryolink:not-yet@ryugyong-hotel',
          'dandong-kehua:none@dandong',
        ],
      },
      pyongyang: {
        // The 2008 contract is dated to the year only, so it may fall on 15 December too.
        events: ['contract-2008', 'koryolink-launch'],
        companies: [
          'huawei:present@kim-il-sung-square',
          'panda:present@kim-il-sung-square',
          'koryolink:present@ryugyong-hotel',
          'dandong-kehua:none@dandong',
        ],
      },
      sanctions: {
        events: [
          'panda-entity-list',
          'un-2270',
          'commerce-subpoena',
          'un-2321',
          'un-2371',
          'un-2375',
          'kehua-sanctioned',
          'un-2397',
          'koryolink-exemption',
        ],
        companies: [
          'huawei:left@huawei-hq',
          'panda:left+sanctioned@nanjing',
          'koryolink:present@ryugyong-hotel',
          'dandong-kehua:none+sanctioned@dandong',
        ],
      },
      'us-actions': {
        events: ['meng-arrest', 'indictments', 'huawei-entity-list', 'partial-easing'],
        companies: [
          'huawei:left+sanctioned@huawei-hq',
          'panda:left+sanctioned@nanjing',
          'koryolink:present@ryugyong-hotel',
          'dandong-kehua:none+sanctioned@dandong',
        ],
      },
    };
    for (const [id, want] of Object.entries(expected)) {
      expect(eventsAt(id), id).toEqual(want.events);
      expect(companiesAt(id), id).toEqual(want.companies);
    }
    // Every other step with a time: its events fall in it, and every company is accounted for.
    for (const [index, step] of story.steps.entries()) {
      if (!step.when) continue;
      const { overlays } = stepState(story, index, 0);
      expect(overlays.companies.map((c) => c.id)).toEqual(story.companies.map((c) => c.id));
      for (const eventId of overlays.events) {
        const event = story.events.find((e) => e.id === eventId)!;
        const band = dateBand(event.date);
        expect(band.start < overlays.when!.end && overlays.when!.start < band.end).toBe(true);
      }
    }
  });

  it('gives the same overlay object for every progress within a step', () => {
    const index = story.steps.findIndex((step) => step.id === 'rail');
    expect(stepState(story, index, 0.1).overlays).toBe(stepState(story, index, 0.9).overlays);
  });
});

describe('the timeline layout', () => {
  const sizes: TimelineSizes = {
    width: 800,
    gutter: 120,
    row: 14,
    gap: 5,
    axis: 20,
    markWidth: 10,
    maxRows: 3,
    short: false,
  };
  const layout = timelineLayout(story, sizes);

  it('spans whole years around every date in the story: 2006 to 2020', () => {
    expect(timelineDomain(story).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2006-01-01',
      '2020-01-01',
    ]);
    expect(layout.x.range()).toEqual([120, 784]);
  });

  it('draws a year-precision event as a band over its year and a day as a point', () => {
    const year = layout.events.find((m) => m.event.id === 'panda-entity-list')!;
    expect(year.point).toBe(false);
    expect(year.x0).toBeCloseTo(layout.x(new Date(utc(2014, 1))));
    expect(year.x1).toBeCloseTo(layout.x(new Date(utc(2015, 1))));
    expect(year.cx).toBeCloseTo((year.x0 + year.x1) / 2);
    expect(year.dateText).toBe('2014');
    const day = layout.events.find((m) => m.event.id === 'un-2270')!;
    expect(day.point).toBe(true);
    expect(day.x0).toBe(day.x1);
    expect(day.dateText).toBe('2 March 2016');
  });

  it('fades a presence across its imprecise ends and leaves an open end open', () => {
    const bar = layout.presence.find((m) => m.companyId === 'huawei')!;
    expect(bar.hatched).toBe(true);
    expect(bar.x0).toBeCloseTo(layout.x(new Date(utc(2008, 1))));
    expect(bar.solidFrom).toBeCloseTo(layout.x(new Date(utc(2009, 1))));
    // "First half of 2016": solid until January, faded across January–June.
    expect(bar.solidTo).toBeCloseTo(layout.x(new Date(utc(2016, 1))));
    expect(bar.x1).toBeCloseTo(layout.x(new Date(utc(2016, 7))));
    expect(bar.dateText).toBe('about 2008 to first half of 2016');
    const koryolink = layout.presence.find((m) => m.companyId === 'koryolink')!;
    expect(koryolink.hatched).toBe(false);
    expect(koryolink.open).toBe(true);
    expect(koryolink.solidFrom).toBe(koryolink.x0);
    expect(koryolink.x1).toBeCloseTo(784);
  });

  it('has a lane for sanctions, one for other events and one per company, in order', () => {
    expect(layout.lanes.map((l) => l.label)).toEqual([
      'Sanctions',
      'Other events',
      'Huawei',
      'Panda International',
      'Koryolink',
      'Dandong Kehua',
    ]);
    expect(layout.lanes.find((l) => l.companyId === 'dandong-kehua')?.empty).toBe(
      'No presence in North Korea sourced'
    );
    for (let i = 1; i < layout.lanes.length; i++) {
      const above = layout.lanes[i - 1]!;
      expect(layout.lanes[i]!.top).toBeGreaterThanOrEqual(above.top + above.height);
    }
    expect(layout.axisY).toBeLessThan(layout.height);
    const short = timelineLayout(story, { ...sizes, width: 370, short: true });
    expect(short.lanes.map((l) => l.label)).toContain('Panda');
    expect(short.lanes[1]!.label).toBe('Other');
  });

  it('never lets two event marks in a lane overlap, up to the row limit', () => {
    for (const lane of layout.lanes.filter((l) => !l.companyId)) {
      const marks = layout.events.filter((m) => m.cy >= lane.top && m.cy < lane.top + lane.height);
      for (const a of marks) {
        for (const b of marks) {
          if (a === b || a.cy !== b.cy) continue;
          expect(Math.abs(a.cx - b.cx), `${a.event.id} / ${b.event.id}`).toBeGreaterThanOrEqual(
            sizes.markWidth
          );
        }
      }
    }
  });

  it('gives the compact strip its most rows, however few its marks need: the same height for any story', () => {
    const compact = { ...sizes, compact: true, maxRows: 2 };
    const full = timelineLayout(story, compact);
    const one = timelineLayout({ ...story, events: story.events.slice(0, 1) }, compact);
    const none = timelineLayout({ ...story, events: [] }, compact);
    // One lane of two 14 px rows, a 5 px gap, the 20 px axis; no company lanes.
    for (const layout of [full, one, none]) {
      expect(layout.lanes).toHaveLength(1);
      expect(layout.height).toBe(2 * 14 + 5 + 20);
    }
    expect(one.events).toHaveLength(1);
  });

  it('stacks close spans on new rows, and shares the freest row past the limit', () => {
    const spans = [
      { x0: 0, x1: 10 },
      { x0: 5, x1: 15 },
      { x0: 12, x1: 20 },
      { x0: 13, x1: 21 },
    ];
    expect(stackRows(spans, 2)).toEqual([0, 1, 0, 2]);
    expect(stackRows(spans, 2, 2)).toEqual([0, 1, 0, 1]);
  });
});

describe("a company's standing in words", () => {
  const base = {
    id: 'x',
    place: 'p',
    status: undefined,
    sanctioned: false,
    period: undefined,
    duringStep: false,
    placeHedge: undefined,
  } as const;

  it('never leaves the standing to colour alone', () => {
    expect(standingText({ ...base, standing: 'present', status: 'reported' }, 'North Korea')).toBe(
      'in North Korea (reported)'
    );
    expect(
      standingText(
        { ...base, standing: 'left', status: 'reported', sanctioned: true },
        'North Korea'
      )
    ).toBe('left North Korea (reported); sanctioned');
    expect(standingText({ ...base, standing: 'none', sanctioned: true }, 'North Korea')).toBe(
      'no presence in North Korea sourced; sanctioned'
    );
    expect(standingText({ ...base, standing: 'not-yet' }, 'Elbonia')).toBe('not yet in Elbonia');
  });

  it('tells a period by its span, at the precision the sources give, never by its end alone', () => {
    const period = {
      from: { date: '2008', precision: 'year', about: true },
      to: { date: '2016-H1', precision: 'half' },
    } as const;
    // A step whose time shares the period: the whole span.
    expect(
      standingText(
        { ...base, standing: 'left', status: 'reported', period, duringStep: true },
        'North Korea'
      )
    ).toBe('in North Korea, about 2008 to first half of 2016 (reported)');
    // A later step: when it had left.
    expect(
      standingText(
        { ...base, standing: 'left', status: 'reported', period, duringStep: false },
        'North Korea'
      )
    ).toBe('left North Korea by first half of 2016 (reported)');
    // Present with no end: since when.
    expect(
      standingText(
        {
          ...base,
          standing: 'present',
          status: 'confirmed',
          period: { from: { date: '2008-12-15', precision: 'day' } },
          duringStep: true,
        },
        'North Korea'
      )
    ).toBe('in North Korea since 15 December 2008 (confirmed)');
  });
});
