/**
 * Every word the reader's interface says, in two files: this one, for what the page says from
 * its first screen on (labels, notices, dates, the map's narration), and chart-strings.ts, for
 * what the timeline's drawing, its tables and the map's legend say (they load after the first
 * view, and their words with them). The story's own words (titles, text, names, notes) live in
 * story.json. Words for editors stay with their tools, in English: the checker's messages
 * with the checks (story/load.ts), the editing aid's in its component (edit/EditPanel.svelte),
 * which readers never download.
 *
 * To translate the interface, translate both files. The place or country the companies'
 * presence is followed in comes from the story (`meta.region`), never from here.
 */
import type { PresenceStatus } from './story/types.ts';

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
  narration: {
    /** The step's image, read out after the map. */
    image: (alt: string) => `The card's image: ${/[.!?]$/.test(alt) ? alt : `${alt}.`}`,
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
  /** What the timeline says before its drawing loads (the rest: chart-strings.ts). */
  timeline: {
    caption: (region: string) =>
      `Timeline of sanctions, events and each company's presence in ${region}`,
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
