/** What the map labels at a step (map/label-items.ts), on the engine's fixture story. */
import { describe, expect, it } from 'vitest';
import {
  PRIORITY,
  crossingDirection,
  labelItems,
  labelKey,
  markOf,
  swatchFill,
  type PlaceLabel,
} from '../../src/lib/map/label-items';
import { stepState } from '../../src/lib/state/step-state';
import { engineStory } from './helpers';

const story = engineStory();
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);
const itemsAt = (id: string, progress = 1, narrow = false) =>
  labelItems(story, stepState(story, indexOf(id), progress), narrow);
const place = (items: ReturnType<typeof itemsAt>, id: string) =>
  items.find((item): item is PlaceLabel => item.kind === 'place' && item.place.id === id);

describe('labelItems', () => {
  it('lists every company shown at a place in that place’s label, with role and certainty', () => {
    const office = place(itemsAt('close'), 'office')!;
    expect(office.listed).toBe(true);
    expect(office.companies.map((line) => line.id)).toEqual(['acme', 'globex']);
    const [acme, globex] = office.companies;
    expect(acme).toMatchObject({
      name: 'Acme Trading',
      role: 'seller, as reported',
      // The period's span, as the fixture dates it (2008 to the first half of 2016).
      standing: 'in Elbonia, 2008 to first half of 2016 (reported)',
    });
    expect(globex!.standing).toBe('in Elbonia since 1 May 2010 (confirmed)');
    // Companies are named in full, or short on a phone.
    expect(place(itemsAt('close', 1, true), 'office')!.companies[0]!.name).toBe('Acme');
  });

  it('labels a place the step does not list when companies are shown there', () => {
    const office = place(itemsAt('route'), 'office')!;
    expect(office.listed).toBe(false);
    expect(office.companies).toHaveLength(2);
    expect(office.priority).toBe(PRIORITY.companiesOnly);
  });

  it('ranks the subject and companies first, then the route, other places, places only for their companies, names of areas', () => {
    const route = itemsAt('route');
    expect(place(route, 'capital')!.priority).toBe(PRIORITY.highlighted);
    expect(place(route, 'port')!.priority).toBe(PRIORITY.place);
    expect(route.find((item) => item.kind === 'leg')!.priority).toBe(PRIORITY.leg);
    // A step that highlights nothing is about all its places.
    const wide = itemsAt('wide');
    expect(place(wide, 'far-city')!.priority).toBe(PRIORITY.subject);
    expect(place(wide, 'elbonia')!.priority).toBe(PRIORITY.context);
    expect(place(wide, 'long-river')!.priority).toBe(PRIORITY.context);
    const order = Object.values(PRIORITY);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('labels a route leg only once it is drawn whole', () => {
    const legs = (progress: number) =>
      itemsAt('route', progress).filter((item) => item.kind === 'leg');
    expect(legs(0.5)).toHaveLength(0);
    expect(legs(1).map((item) => item.id)).toEqual(['leg:port-capital']);
    expect(labelKey(stepState(story, indexOf('route'), 0.5), false)).not.toBe(
      labelKey(stepState(story, indexOf('route'), 1), false)
    );
    // Progress alone gives the same labels: they are not made again as the reader scrolls.
    expect(labelKey(stepState(story, indexOf('route'), 0.2), false)).toBe(
      labelKey(stepState(story, indexOf('route'), 0.5), false)
    );
  });

  it('marks each kind of place as the legend explains it', () => {
    const byId = (id: string) => story.places.find((p) => p.id === id)!;
    expect(markOf(byId('port'))).toBe('dot');
    expect(markOf(byId('depot'))).toBe('station');
    expect(markOf(byId('office'))).toBe('approximate');
    expect(markOf(byId('bridge'))).toBe('crossing');
    expect(markOf(byId('elbonia'))).toBeUndefined();
    expect(markOf(byId('long-river'))).toBeUndefined();
  });

  it('turns a bridge with the route it carries', () => {
    const bridge = story.places.find((p) => p.id === 'bridge')!;
    expect(crossingDirection(story, bridge)).toEqual([
      [13, 51.2],
      [15, 51.8],
    ]);
    expect(place(itemsAt('route'), 'bridge')!.across).toEqual([
      [13, 51.2],
      [15, 51.8],
    ]);
  });

  it('fills a company’s swatch by its standing and how sure the sources are', () => {
    expect(swatchFill('present', 'confirmed')).toBe('solid');
    expect(swatchFill('present', 'reported')).toBe('hatched');
    expect(swatchFill('present', 'alleged')).toBe('hatched');
    expect(swatchFill('left', 'reported')).toBe('hollow');
    expect(swatchFill('none', undefined)).toBe('hollow');
  });
});
