/**
 * What a step's map shows, in a sentence: the static map's title and its `alt` text. Kept
 * apart from the SVG renderer so the page can use it without d3-geo.
 */
import { stepState } from '../state/step-state';
import type { Story } from '../story/types';

/** A short description of what the step's map shows, for `alt` text and the SVG's title. */
export function describeStaticMap(story: Story, stepIndex: number): string {
  const state = stepState(story, stepIndex, 1);
  const names = state.places
    .map((p) => story.places.find((place) => place.id === p.id)?.name)
    .filter((name): name is string => name !== undefined);
  const legs = state.legs.map((leg) => {
    const route = story.legs.find((l) => l.id === leg.id);
    const how = leg.certainty === 'schematic' ? 'dashed: route not reported' : 'as reported';
    return `${route?.name ?? leg.id} (${how})`;
  });
  const parts = [`Map of ${names.length > 0 ? names.join(', ') : 'the region'}.`];
  if (legs.length > 0) parts.push(`Route: ${legs.join('; ')}.`);
  return parts.join(' ');
}
