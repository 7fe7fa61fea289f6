/**
 * The editorial rules, held on a story without naming any of its steps, places or
 * sentences: they must hold for any story an editor writes, so an editor's valid edit keeps
 * them green and a sentence surer than its sources turns them red.
 *
 * - Every step cites a source; every source has an outlet, a plain title and a date (or says
 *   why a reference work has none).
 * - A place the sources do not establish is hedged wherever it is named or drawn: its mark,
 *   its label, the narration and the static map's description.
 * - A company shown at a place that is not established as its own carries that hedge in the
 *   same places.
 * - Only a reported leg is drawn solid or narrated "as reported".
 * - No placeholder reaches the reader.
 */
import type { LineLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { labelItems, type PlaceLabel } from '../../src/lib/map/label-items';
import { routeLayers } from '../../src/lib/draw/style';
import { narrate, plainText, staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import { sourceDate } from '../../src/lib/story/citations';
import { isApproximate } from '../../src/lib/story/hedges';
import type { Story } from '../../src/lib/story/types';

const PLACEHOLDER = /\bTODO\b|\bTBD\b|\bTK\b|\bXXX\b|lorem ipsum|^\s*\[.*\]\s*$/is;

/**
 * The rules as tests, on whatever story `load` gives: the committed one here, and edited
 * copies of it in edits.test.ts.
 */
export function describeStoryRules(name: string, load: () => Story): void {
  const story = load();
  const placeById = new Map(story.places.map((place) => [place.id, place]));
  /** Every step's settled state, with what the map, labels and readers get of it. */
  const steps = story.steps.map((step, index) => {
    const state = stepState(story, index, 1);
    return {
      step,
      state,
      narration: plainText(narrate(story, state)),
      description: staticMapDescription(story, index),
      labels: [false, true].flatMap((narrow) => labelItems(story, state, narrow)),
    };
  });

  describe(`the editorial rules, on ${name}`, () => {
    it('has every step cite a source, and every source an outlet, a plain title and a date', () => {
      for (const { step } of steps) expect(step.sources.length, step.id).toBeGreaterThan(0);
      for (const source of story.sources) {
        expect(source.outlet.trim(), source.id).not.toBe('');
        expect(source.title, source.id).not.toMatch(PLACEHOLDER);
        // A date, or for a reference work that carries none, the reason in its place.
        expect(source.date !== undefined || (source.undated ?? '').length > 10, source.id).toBe(
          true
        );
        expect(sourceDate(source), source.id).not.toBe('');
      }
    });

    it('hedges every approximate place wherever it is shown: mark, label, narration, static map', () => {
      let checked = 0;
      for (const { step, state, narration, description, labels } of steps) {
        for (const shown of state.places) {
          const place = placeById.get(shown.id)!;
          if (!isApproximate(place)) continue;
          checked++;
          const where = `${step.id}: ${place.id}`;
          // The narration's sentence of approximate positions names it, live and static.
          for (const words of [narration, description]) {
            const sentence = /Approximate positions: ([^.]*)\./.exec(words)?.[1] ?? '';
            expect(sentence, where).toContain(place.name);
          }
          // Its mark on the map is the ring of an uncertain position.
          const label = labels.find(
            (item): item is PlaceLabel => item.kind === 'place' && item.place.id === place.id
          );
          expect(label?.mark, where).toBe('approximate');
        }
      }
      if (checked === 0) {
        // No approximate place is shown: then no narration speaks of one.
        for (const { narration } of steps) expect(narration).not.toMatch(/Approximate positions/);
      }
    });

    it('gives a company placed with a hedge that hedge wherever it is placed', () => {
      let checked = 0;
      for (const { step, state, narration, description, labels } of steps) {
        for (const company of state.overlays.companies) {
          if (company.placeHedge === undefined) continue;
          const known = story.companies.find((c) => c.id === company.id)!;
          expect(known.placeHedge).toBe(company.placeHedge);
          checked++;
          const where = `${step.id}: ${company.id}`;
          expect(narration, where).toContain(company.placeHedge);
          expect(description, where).toContain(company.placeHedge);
          for (const item of labels) {
            if (item.kind !== 'place' || item.place.id !== company.place) continue;
            const line = item.companies.find((l) => l.id === company.id);
            expect(line?.note, where).toBe(company.placeHedge);
            // The place stands for the company uncertainly: its mark says so.
            if (item.companies.every((l) => l.note !== undefined) && item.mark !== undefined) {
              expect(item.mark, where).toBe('approximate');
            }
          }
        }
      }
      for (const company of story.companies) {
        if (company.placeHedge === undefined) continue;
        expect(
          steps.some(({ state }) => state.overlays.companies.some((c) => c.id === company.id)),
          company.id
        ).toBe(true);
      }
      if (story.companies.some((company) => company.placeHedge !== undefined)) {
        expect(checked).toBeGreaterThan(0);
      } else {
        // No company is placed with a hedge: then none is shown with one.
        const shown = steps.flatMap(({ state }) => state.overlays.companies);
        expect(shown.every((company) => company.placeHedge === undefined)).toBe(true);
      }
    });

    it('draws and narrates only reported legs as reported', () => {
      const layers = routeLayers().filter(
        (layer): layer is LineLayerSpecification => layer.type === 'line' && 'filter' in layer
      );
      for (const leg of story.legs) {
        const drawnBy = layers.filter((layer) =>
          JSON.stringify(layer.filter).includes(`"${leg.certainty}"`)
        );
        expect(drawnBy, leg.id).toHaveLength(1);
        const dashed = drawnBy[0]!.paint?.['line-dasharray'] !== undefined;
        expect(dashed, leg.id).toBe(leg.certainty !== 'reported');
      }
      for (const { step, state, narration } of steps) {
        for (const shown of state.legs) {
          const leg = story.legs.find((l) => l.id === shown.id)!;
          const said = new RegExp(`${leg.name} \\(([^)]*)\\)`).exec(narration)?.[1];
          expect(said, `${step.id}: ${leg.id}`).toBeDefined();
          if (leg.certainty !== 'reported')
            expect(said, `${step.id}: ${leg.id}`).not.toMatch(/^as reported$/);
        }
      }
    });

    it('shows the reader no placeholder', () => {
      const words = [
        story.meta.title,
        story.meta.dek,
        story.meta.byline ?? 'no byline',
        ...story.meta.credits,
        ...story.steps.flatMap((step) => [
          step.title,
          step.kicker ?? '',
          step.text,
          step.alt ?? '',
        ]),
        ...story.sources.flatMap((source) => [source.outlet, source.title, source.note ?? '']),
        ...story.places.flatMap((place) => [place.name, place.note ?? '']),
        ...story.legs.flatMap((leg) => [leg.name, leg.label ?? '', leg.note ?? '']),
        ...story.companies.flatMap((c) => [c.name, c.role ?? '', c.note ?? '', c.placeHedge ?? '']),
        ...story.events.flatMap((event) => [event.label, event.note ?? '']),
      ];
      for (const text of words) expect(text).not.toMatch(PLACEHOLDER);
      if (story.meta.byline !== undefined) expect(story.meta.byline.trim()).not.toBe('');
    });
  });
}
