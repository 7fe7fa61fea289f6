/**
 * Every word the reader's interface says, in one place: labels, notices, legends, table
 * headings and the map's narration. The story's own words (titles, text, names, notes) live in
 * story.json. Words for editors stay with their tools, in English: the checker's messages
 * with the checks (story/load.ts), the editing aid's in its component (edit/EditPanel.svelte),
 * which readers never download.
 *
 * To translate the interface, translate this file. The place or country the companies'
 * presence is followed in comes from the story (`meta.region`), never from here.
 */
import type { EventKind, PresenceStatus } from './story/types.ts';

/** Months as readers see them in dates ("2 June 2016"). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Which lane an event kind sits in. Sanctions get their own lane; the rest share one. */
export const EVENT_LANES: {
  id: string;
  label: string;
  short: string;
  kinds: readonly EventKind[];
}[] = [
  {
    id: 'sanctions',
    label: 'Sanctions',
    short: 'Sanctions',
    kinds: ['un-sanction', 'us-sanction'],
  },
  { id: 'other', label: 'Other events', short: 'Other', kinds: ['legal', 'company', 'report'] },
];

/** Readable names of event kinds, for the timeline's key, its tooltips and its table. */
export const EVENT_KIND_NAMES: Record<EventKind, string> = {
  'un-sanction': 'UN sanction',
  'us-sanction': 'US sanction or easing',
  legal: 'Investigation or legal action',
  company: 'Company event',
  report: 'News report',
};

/** The same, for the key on phones. */
export const EVENT_KIND_SHORT_NAMES: Record<EventKind, string> = {
  'un-sanction': 'UN',
  'us-sanction': 'US',
  legal: 'Legal',
  company: 'Company',
  report: 'Report',
};

export const STATUS_NAMES: Record<PresenceStatus, string> = {
  confirmed: 'confirmed',
  reported: 'reported',
  alleged: 'alleged',
  denied: 'denied by the company',
};

/** What the region is called when the story does not name it. */
export const DEFAULT_REGION = 'the region';

export const ui = {
  dates: {
    about: (text: string) => `about ${text}`,
    half: (half: 1 | 2, year: string) => `${half === 1 ? 'first' : 'second'} half of ${year}`,
    range: (from: string, to: string) => `${from} to ${to}`,
    noEnd: 'no end reported',
  },
  page: {
    skipToText: 'Skip past the map to the story text',
    skipToSources: 'Skip to the sources',
    storySection: 'The story, step by step',
    stepSources: 'Sources:',
    sources: 'Sources',
    /** A source's date line: "22 July 2019, updated 23 July 2019". */
    updated: (published: string, updated: string) => `${published}, updated ${updated}`,
    credits: 'Credits',
    overview: 'The whole route on one map',
    step: (n: number, total: number) => `Step ${n} of ${total}`,
  },
  nav: {
    label: 'Steps of the story',
    hint: 'Arrow keys or Page Up and Page Down move between steps.',
  },
  motion: {
    label: 'Animations',
    on: 'on',
    off: 'off',
    /** What the toggle says of itself to screen readers. */
    description: 'Map flights and the growing route. Your choice is remembered on this device.',
  },
  map: {
    region: 'Map of the reported route',
    narrationLabel: 'What the map shows',
    failure: 'The interactive map could not be shown in this browser.',
    failureAfter: 'The story reads in full without it.',
    contextLost: 'The map stopped drawing (WebGL context lost).',
    styleFallback: 'The custom map style could not be loaded; showing the built-in map.',
    noScript:
      'The interactive map needs JavaScript. The story reads in full without it, each step with a map of its own.',
    loading: 'Loading the map…',
    approximate: 'approximate',
  },
  legend: {
    label: 'Map legend',
    /** The button that opens the legend on phones. */
    button: 'Key',
    routeReported: 'Route as reported',
    routeInferred: 'Path inferred: the way is reported, not the line',
    routeSchematic: 'Route not reported (schematic)',
    approximate: 'Approximate or unconfirmed position',
    presentConfirmed: (region: string) => `Company in ${region} (confirmed)`,
    presentReported: (region: string) => `Company in ${region} (reported)`,
    absent: (region: string) => `Company not in ${region}`,
    sanctioned: 'Sanctioned',
  },
  narration: {
    /** "The map shows Dandong and Sinuiju." */
    places: (names: string) => `The map shows ${names}.`,
    region: 'The map shows the region.',
    route: (legs: string) => `Route drawn: ${legs}.`,
    routeGrowing: (leg: string) => `${leg} is drawn as you read.`,
    reported: 'as reported',
    inferred: 'dotted: its path is inferred, not reported',
    schematic: 'dashed: route not reported',
    approximate: (names: string) => `Approximate positions: ${names}.`,
    /** "Panda International, Nanjing (its parent group's city, not its own confirmed seat)" */
    hedgedPlace: (company: string, place: string, hedge: string) =>
      `${company}, ${place} (${hedge})`,
    when: (period: string) => `Time: ${period}.`,
    companies: (list: string) => `Companies: ${list}.`,
    and: 'and',
  },
  timeline: {
    caption: (region: string) =>
      `Timeline of sanctions, events and each company's presence in ${region}`,
    bar: 'Timeline',
    showLess: 'Show less',
    showMore: 'Show key and companies',
    svgTitle: (events: number) => `Sanctions and presence, ${events} events`,
    svgDescription: (region: string) =>
      `Sanctions and other events as marks by date; below, one lane per company with its reported presence in ${region}. The time the current step is about is shaded. The same data is in the table that follows.`,
    keyConfirmed: { long: 'presence confirmed', short: 'Confirmed' },
    keyReported: { long: 'presence reported or alleged', short: 'Reported' },
    keyImprecise: { long: 'date imprecise', short: 'Imprecise' },
    eventLabel: (label: string, date: string, kind: string, hasStep: boolean) =>
      `${label}, ${date}. ${kind}.${hasStep ? ' Activate to go to its step.' : ''}`,
    presenceTitle: (company: string, region: string) => `${company} in ${region}`,
    presenceLabel: (company: string, region: string, date: string, status: string) =>
      `${company} in ${region}: ${date}, ${status}.`,
    source: (names: string) => `Source: ${names}`,
    eventsCaption: 'Events on the timeline',
    presenceCaption: (region: string) => `Each company's presence in ${region}`,
    columns: {
      date: 'Date',
      event: 'Event',
      kind: 'Kind',
      sources: 'Sources',
      company: 'Company',
      period: 'Period',
      status: 'Status',
    },
    noneSourced: 'none sourced',
    noPresence: (region: string) => `No presence in ${region} sourced`,
    drawFailed: 'The timeline could not be drawn:',
  },
  presence: {
    present: (region: string) => `in ${region}`,
    /** "in North Korea since 15 December 2008", "in North Korea, about 2008 to first half of 2016" */
    presentSince: (region: string, date: string) => `in ${region} since ${date}`,
    presentDuring: (region: string, span: string) => `in ${region}, ${span}`,
    left: (region: string) => `left ${region}`,
    /** "left North Korea by the first half of 2016" */
    leftBy: (region: string, date: string) => `left ${region} by ${date}`,
    notYet: (region: string) => `not yet in ${region}`,
    none: (region: string) => `no presence in ${region} sourced`,
    sanctioned: 'sanctioned',
    caption: 'Where each company stands at this step',
    columns: { company: 'Company', place: 'Shown at', standing: 'Standing' },
    description: (region: string) =>
      `On the map, a filled marker is a company in ${region} (hatched when only reported or alleged), a hollow one a company not there, and a dark ring a sanctioned company.`,
  },
} as const;

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${ui.narration.and} ${items.at(-1)}`;
}
