/**
 * The shader warm-up's copies of the style's layers (draw/warm-up.ts): hidden under an opaque
 * background, drawing the same programs, never on a style where they could show.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  PAINT_PROPERTY_SAMPLE,
  detailLayers,
  embeddedStyle,
  routeLayers,
  worldLayers,
} from '../../src/lib/draw/style';
import { WARM_UP_SOURCE, warmUpFeatures, warmUpPlan } from '../../src/lib/draw/warm-up';

const sea: LayerSpecification = {
  id: 'sea',
  type: 'background',
  paint: { 'background-color': '#dce6ee' },
};
const dashed: LayerSpecification = {
  id: 'dashed',
  type: 'line',
  source: 'routes',
  minzoom: 9,
  maxzoom: 14,
  filter: ['==', ['get', 'kind'], 'rail'],
  layout: { 'line-cap': 'butt', visibility: 'none' },
  paint: { 'line-color': '#b3261e', 'line-dasharray': [2, 2] },
};
const land: LayerSpecification = {
  id: 'land',
  type: 'fill',
  source: 'tiles',
  'source-layer': 'land',
  paint: { 'fill-color': '#f4f1ea', 'fill-antialias': false },
};
const labels: LayerSpecification = {
  id: 'labels',
  type: 'symbol',
  source: 'tiles',
  layout: { 'text-field': 'x' },
};

describe('the shader warm-up', () => {
  it('copies every line, fill and circle layer under the opaque background, in order', () => {
    const plan = warmUpPlan([sea, land, dashed, labels]);
    expect(plan?.before).toBe('sea');
    expect(plan?.layers.map((layer) => layer.id)).toEqual([
      'storymap-warm-up:land',
      'storymap-warm-up:dashed',
    ]);
  });

  it('keeps what decides the program (type, paint, layout) and drops what would hide the copy', () => {
    const copy = warmUpPlan([sea, dashed])!.layers[0]!;
    expect(copy).toEqual({
      id: 'storymap-warm-up:dashed',
      type: 'line',
      source: WARM_UP_SOURCE,
      layout: { 'line-cap': 'butt', visibility: 'visible' },
      paint: { 'line-color': '#b3261e', 'line-dasharray': [2, 2] },
    });
    // No filter, no zoom range, no source layer of the original's source.
    const fill = warmUpPlan([sea, land])!.layers[0]!;
    expect(fill).not.toHaveProperty('source-layer');
    expect(fill).toMatchObject({ type: 'fill', paint: { 'fill-antialias': false } });
  });

  it('does nothing where the background could let a copy show through', () => {
    const background = (paint: Record<string, unknown>): LayerSpecification =>
      ({ id: 'sea', type: 'background', paint }) as LayerSpecification;
    expect(warmUpPlan([dashed])).toBeUndefined();
    expect(warmUpPlan([land, sea, dashed])).toBeUndefined();
    expect(warmUpPlan([background({ 'background-color': 'rgba(0, 0, 0, 0.5)' }), dashed])).toBe(
      undefined
    );
    expect(warmUpPlan([background({ 'background-color': '#dce6ee80' }), dashed])).toBe(undefined);
    expect(
      warmUpPlan([background({ 'background-color': '#fff', 'background-opacity': 0.9 }), dashed])
    ).toBe(undefined);
    expect(
      warmUpPlan([background({ 'background-color': '#fff', 'background-pattern': 'dots' }), dashed])
    ).toBe(undefined);
    expect(
      warmUpPlan([{ ...sea, layout: { visibility: 'none' } } as LayerSpecification, dashed])
    ).toBe(undefined);
    expect(warmUpPlan([background({ 'background-color': 'rgb(220, 230, 238)' }), dashed])).toEqual(
      expect.objectContaining({ before: 'sea' })
    );
  });

  it('draws a line, a square and a point where it is told, carrying the given properties', () => {
    const features = warmUpFeatures([10, 50], [10.01, 49.99], { level: 1 }).features;
    expect(features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon', 'Point']);
    expect(features[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [10, 50],
        [10.01, 49.99],
      ],
    });
    expect(features[1]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [10, 50],
          [10.01, 50],
          [10.01, 49.99],
          [10, 49.99],
          [10, 50],
        ],
      ],
    });
    for (const feature of features) expect(feature.properties).toEqual({ level: 1 });
  });

  it('covers the built-in style: an opaque background, and a sample of every property its paint reads', () => {
    const base = embeddedStyle('/basemap.json', ['408']).layers;
    const all = [...base, ...worldLayers(['408']), ...detailLayers(['408']), ...routeLayers()];
    expect(warmUpPlan(all)?.before).toBe(base[0]!.id);
    const read = new Set<string>();
    const walk = (value: unknown) => {
      if (!Array.isArray(value)) return;
      if (value[0] === 'get' && typeof value[1] === 'string') read.add(value[1]);
      value.forEach(walk);
    };
    for (const layer of all) {
      for (const group of [layer.paint, layer.layout]) {
        for (const value of Object.values(group ?? {})) walk(value);
      }
    }
    // The built-in style does read a property in its paint: the check has something to hold.
    expect(read.size).toBeGreaterThan(0);
    for (const key of read) expect(Object.keys(PAINT_PROPERTY_SAMPLE)).toContain(key);
  });
});
