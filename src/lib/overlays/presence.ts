/**
 * What the presence layer says about each company at a step: its words (never colour alone)
 * and where it stands. Pure, shared by the map layer and its table.
 */
import type { CompanyState } from '../state/overlay-state';
import type { Company } from '../story/types';
import { STATUS_NAMES, ui } from '../strings';

/** Which side of its place a company's marker and label sit on. */
export type Side = 'left' | 'above' | 'below';

/** "in North Korea (reported)", "left North Korea (reported); sanctioned", … */
export function standingText(state: CompanyState, region: string): string {
  const status = state.status ? ` (${STATUS_NAMES[state.status]})` : '';
  const base = {
    present: `${ui.presence.present(region)}${status}`,
    left: `${ui.presence.left(region)}${status}`,
    'not-yet': ui.presence.notYet(region),
    none: ui.presence.none(region),
  }[state.standing];
  return state.sanctioned ? `${base}; ${ui.presence.sanctioned}` : base;
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
