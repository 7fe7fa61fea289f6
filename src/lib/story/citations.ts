/**
 * How sources read on the page: the date line of each entry in the sources list, and the
 * names a step's card gives the sources it cites.
 */
import { formatDate } from './dates';
import type { Source, Story } from './types';
import { ui } from '../strings';

/** "22 July 2019, updated 23 July 2019", "July 2019", or a reference work's `undated` note. */
export function sourceDate(source: Source): string {
  if (!source.date) return source.undated ?? '';
  const published = formatDate(source.date);
  return source.updated ? ui.page.updated(published, formatDate(source.updated)) : published;
}

/**
 * The name each cited source goes by on a card: its outlet, and its title too when another
 * source cited beside it has the same outlet (two UN resolutions, say), so every link says
 * which one it is.
 */
export function citationNames(story: Story, ids: readonly string[]): Map<string, string> {
  const byId = new Map(story.sources.map((source) => [source.id, source]));
  const cited = ids.flatMap((id) => byId.get(id) ?? []);
  const count = new Map<string, number>();
  for (const source of cited) count.set(source.outlet, (count.get(source.outlet) ?? 0) + 1);
  return new Map(
    cited.map((source) => [
      source.id,
      (count.get(source.outlet) ?? 0) > 1 ? `${source.outlet}, ${source.title}` : source.outlet,
    ])
  );
}
