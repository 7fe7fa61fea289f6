/**
 * What the presence layer says about each company at a step: its words (never colour alone)
 * and where it stands. Pure, shared by the map layer and its table.
 */
import type { CompanyState } from '../state/overlay-state';
import type { Company } from '../story/types';
import { STATUS_NAMES } from './names';

/** Which side of its place a company's marker and label sit on. */
export type Side = 'left' | 'above' | 'below';

/** "in North Korea (reported)", "left North Korea (reported); sanctioned", … */
export function standingText(state: CompanyState): string {
  const status = state.status ? ` (${STATUS_NAMES[state.status]})` : '';
  const base = {
    present: `in North Korea${status}`,
    left: `left North Korea${status}`,
    'not-yet': 'not yet in North Korea',
    none: 'no presence in North Korea sourced',
  }[state.standing];
  return state.sanctioned ? `${base}; sanctioned` : base;
}

/** The companies shown at one place stack downwards: this is each one's slot there. */
export function slotsByPlace(states: readonly CompanyState[]): Map<string, number> {
  const used = new Map<string, number>();
  const slots = new Map<string, number>();
  for (const state of states) {
    const slot = used.get(state.place) ?? 0;
    slots.set(state.id, slot);
    used.set(state.place, slot + 1);
  }
  return slots;
}

/** The company's line under its name when it is shown at a home that is not plainly its own. */
export function placeNoteFor(company: Company, state: CompanyState): string | undefined {
  return state.place === company.place ? company.placeNote : undefined;
}
