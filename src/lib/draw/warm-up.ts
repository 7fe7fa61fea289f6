/**
 * A map's first view draws with some of the style's shader programs; the others are compiled
 * the first time a later view draws with them, in the middle of a flight. With software WebGL
 * (and on many phones' GPUs) each first use costs a frame of about 100 ms (docs/performance.md,
 * "Where a map frame's time goes"). MapLibre compiles a program only by drawing with it and has
 * no way to prepare one, so the map draws every layer once, while the reader reads the first
 * step: a copy of each layer, with the same paint and layout (the same program), drawing a
 * few pixels of geometry in view, under the opaque background that covers it.
 *
 * Why under the background is invisible: MapLibre draws opaque layers with depth writes, and
 * every later pass tests against them; a layer below an opaque background loses that test at
 * every pixel. So this works only on a style whose first layer is an opaque background.
 */
import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LngLat } from '../story/types';

/** The warm-up's one source: a short line, a small square and a point, in view. */
export const WARM_UP_SOURCE = 'storymap-warm-up';
const WARM_UP_PREFIX = `${WARM_UP_SOURCE}:`;

type WarmUpLayer = LineLayerSpecification | FillLayerSpecification | CircleLayerSpecification;

export interface WarmUpPlan {
  /** The background layer the copies go under (MapLibre's `beforeId`). */
  before: string;
  /** A copy of each line, fill and circle layer, drawing the warm-up source. */
  layers: WarmUpLayer[];
}

/** A colour with no transparency: `#rgb`, `#rrggbb` or `rgb(…)`. Anything else may let light through. */
function opaqueColour(value: unknown): boolean {
  return typeof value === 'string' && /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgb\([^)]*\))$/i.test(value);
}

/** The style's background, when it is drawn opaque over the whole map and so hides what is under it. */
function opaqueBackground(
  layers: readonly LayerSpecification[]
): BackgroundLayerSpecification | undefined {
  const first = layers[0];
  if (first?.type !== 'background') return undefined;
  if (first.layout?.visibility === 'none') return undefined;
  const paint = first.paint ?? {};
  const opacity = paint['background-opacity'];
  if (paint['background-pattern'] !== undefined) return undefined;
  if (opacity !== undefined && opacity !== 1) return undefined;
  return opaqueColour(paint['background-color']) ? first : undefined;
}

function warmable(layer: LayerSpecification): layer is WarmUpLayer {
  return layer.type === 'line' || layer.type === 'fill' || layer.type === 'circle';
}

/**
 * The copies to add, or none when the style has no opaque background to hide them under. A
 * copy keeps its layer's paint and layout (they decide the program), drops its filter and
 * zoom range (the warm-up's geometry is in view at any zoom) and is always visible.
 */
export function warmUpPlan(layers: readonly LayerSpecification[]): WarmUpPlan | undefined {
  const background = opaqueBackground(layers);
  if (!background) return undefined;
  return {
    before: background.id,
    layers: layers.filter(warmable).map(copyOf),
  };
}

/** The layer's copy: its type, paint and layout, drawing the warm-up source, always visible. */
function copyOf(layer: WarmUpLayer): WarmUpLayer {
  const common = { id: `${WARM_UP_PREFIX}${layer.id}`, source: WARM_UP_SOURCE };
  const visible = { visibility: 'visible' } as const;
  switch (layer.type) {
    case 'line':
      return {
        ...common,
        type: 'line',
        layout: { ...layer.layout, ...visible },
        ...(layer.paint && { paint: layer.paint }),
      };
    case 'fill':
      return {
        ...common,
        type: 'fill',
        layout: { ...layer.layout, ...visible },
        ...(layer.paint && { paint: layer.paint }),
      };
    case 'circle':
      return {
        ...common,
        type: 'circle',
        layout: { ...layer.layout, ...visible },
        ...(layer.paint && { paint: layer.paint }),
      };
  }
}

/**
 * A line, a square and a point between `from` and `to` (the map's centre and a point a few
 * pixels away), each with `properties` (the ones the copies' paint reads).
 */
export function warmUpFeatures(
  from: LngLat,
  to: LngLat,
  properties: Readonly<Record<string, string | number>>
): FeatureCollection {
  const [x0, y0] = from;
  const [x1, y1] = to;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ...properties },
        geometry: { type: 'LineString', coordinates: [from, to] },
      },
      {
        type: 'Feature',
        properties: { ...properties },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x0, y0],
              [x1, y0],
              [x1, y1],
              [x0, y1],
              [x0, y0],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { ...properties },
        geometry: { type: 'Point', coordinates: from },
      },
    ],
  };
}
