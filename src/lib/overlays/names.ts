/**
 * The timeline's words: lanes, event kinds and presence statuses as readers see them. Kept
 * apart from the layout so the page can name things without loading D3.
 */
import type { EventKind, PresenceStatus } from '../story/types';

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

/** Readable names for the legend and the table. */
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
