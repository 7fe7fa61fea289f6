/**
 * Where a story needs close-zoom detail (geo/detail-areas.ts), worked out from its cameras, on
 * the engine's fixture story; and the committed detail's shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { detailAreas, merged, stepsWithoutDetail, viewBounds } from '../../geo/detail-areas';
import type { BBox } from '../../src/lib/geo/clip';
import { DEFAULT_STORY } from '../../src/lib/story/files';
import { ROOT, engineStory } from './helpers';

const story = engineStory();
const inside = ([x, y]: [number, number], [w, s, e, n]: BBox) =>
  x >= w && x <= e && y >= s && y <= n;

describe('detail areas', () => {
  it('give a step seen close up a close area around its view, wider than the view', () => {
    const { close } = detailAreas(story);
    expect(close).toHaveLength(1);
    const [area] = close;
    // The close step looks at [16.01, 52.0] at zoom 12: its places are inside, with room.
    expect(inside([16.01, 52.0], area!)).toBe(true);
    expect(inside([16.02, 52.01], area!)).toBe(true);
    const view = viewBounds([16.01, 52.0], 12, { width: 1280, height: 800 });
    expect(area![0]).toBeLessThan(view[0]);
    expect(area![2]).toBeGreaterThan(view[2]);
    // Nowhere near the steps that stay far out.
    expect(inside([40, 30], area!)).toBe(false);
  });

  it('give a step seen at a middle zoom a wide area (for its major rivers), and far views none', () => {
    const { wide } = detailAreas(story);
    // The route step frames Port to Capital, about 6° across: zoom 7 or so on a desktop.
    expect(wide.some((area) => inside([13, 51.2], area) && inside([16, 52], area))).toBe(true);
    // The far steps (zoom 3 and less) give none.
    for (const area of wide) expect(inside([40, 30], area)).toBe(false);
  });

  it('merges boxes that overlap, and keeps the others apart', () => {
    expect(
      merged([
        [0, 0, 1, 1],
        [0.5, 0.5, 2, 2],
        [5, 5, 6, 6],
        [1.9, 1.9, 3, 3],
      ])
    ).toEqual([
      [0, 0, 3, 3],
      [5, 5, 6, 6],
    ]);
  });

  it('names the steps whose close view the committed detail does not cover', () => {
    const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
    expect(stepsWithoutDetail(story, none)).toEqual(['close']);
    const [area] = detailAreas(story).close;
    const [w, s, e, n] = area!;
    const ground: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'ground', area: 'close' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [w, s],
                [e, s],
                [e, n],
                [w, n],
                [w, s],
              ],
            ],
          },
        },
      ],
    };
    expect(stepsWithoutDetail(story, ground)).toEqual([]);
  });
});

describe("the flagship's committed detail (its folder's detail.json)", () => {
  const detail = JSON.parse(
    readFileSync(join(ROOT, DEFAULT_STORY, 'detail.json'), 'utf8')
  ) as FeatureCollection;

  it('holds only the kinds the map draws, land named by country, rivers by level', () => {
    const kinds = new Set(detail.features.map((f) => f.properties?.kind as string));
    expect([...kinds].sort()).toEqual(['border', 'coast', 'ground', 'land', 'river']);
    for (const feature of detail.features) {
      const { kind, area, id, level } = feature.properties ?? {};
      expect(['close', 'wide']).toContain(area);
      if (kind === 'land') expect(id).toMatch(/^\d{3}$/);
      if (kind === 'river') expect([1, 2, 3, 4]).toContain(level);
      if (kind !== 'river') expect(area).toBe('close');
    }
  });
});
