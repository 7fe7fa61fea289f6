/**
 * The words of the charts that load after the page's first view: the timeline's drawing and
 * tables and the map's legend. The rest of the interface's words are in strings.ts (see there:
 * the split keeps these out of what the page downloads to start).
 */
import type { EventKind } from './story/types.ts';

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

export const chartUi = {
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
  timeline: {
    bar: 'Timeline',
    showLess: 'Show less',
    showMore: 'Show key and companies',
    svgTitle: (events: number) => `Sanctions and presence, ${events} events`,
    svgDescription: (region: string) =>
      `Sanctions and other events as marks by date; below, one lane per company with its reported presence in ${region}. The time the current step is about is shaded. The same data is in tables after the story.`,
    keyConfirmed: { long: 'presence confirmed', short: 'Confirmed' },
    keyReported: { long: 'presence reported or alleged', short: 'Reported' },
    keyImprecise: { long: 'date imprecise', short: 'Imprecise' },
    eventLabel: (label: string, date: string, kind: string, hasStep: boolean) =>
      `${label}, ${date}. ${kind}.${hasStep ? ' Activate to go to its step.' : ''}`,
    presenceTitle: (company: string, region: string) => `${company} in ${region}`,
    presenceLabel: (company: string, region: string, date: string, status: string) =>
      `${company} in ${region}: ${date}, ${status}.`,
    source: (names: string) => `Source: ${names}`,
    /** The heading of the tables after the story (prerender/TimelineTables.svelte). */
    dataTitle: "The timeline's data",
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
  },
} as const;
