/**
 * The static maps (static-map/): what render.ts computes, drawn by StaticMap.svelte on the
 * server (svg.ts), read back as an SVG document.
 */
import type { FeatureCollection } from 'geojson';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import {
  overviewMapDrawing,
  staticMapDrawing,
  type MoreLayers,
} from '../../src/lib/static-map/render';
import { NARROW_STATIC_MAP_SIZE, STATIC_MAP_SIZE } from '../../src/lib/static-map/sizes';
import { staticMapSvg as svgOf } from '../../src/lib/static-map/svg';
import type { Size } from '../../src/lib/geo/camera';
import type { BrowserStory } from '../../src/lib/story/browser';
import { isFitCamera } from '../../src/lib/story/types';
import { COLORS } from '../../src/lib/draw/style';
import { buildBasemap } from '../../geo/build-basemap';
import { basemapAreas } from '../../geo/detail-areas';
import { flagshipStory, engineStory } from './helpers';

const { DOMParser } = new JSDOM().window;

/** The map as the file the route serves, and that file read as an SVG document. */
function drawn(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toContain('<!--');
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), svg.slice(0, 200)).toBeNull();
  const root = doc.documentElement;
  const all = (selector: string) => [...root.querySelectorAll(selector)];
  const attr = (element: Element, name: string) => element.getAttribute(name);
  return { svg, root, all, attr };
}

const staticMapSvg = (
  story: BrowserStory,
  index: number,
  basemap: FeatureCollection,
  size?: Size,
  more?: MoreLayers
) => drawn(svgOf(staticMapDrawing(story, index, basemap, size, more)));
const overviewMapSvg = (story: BrowserStory, basemap: FeatureCollection) =>
  drawn(svgOf(overviewMapDrawing(story, basemap)));
/** The route's lines (the casing under each is white). */
const routeOf = (map: ReturnType<typeof drawn>) => map.all(`path[stroke="${COLORS.route}"]`);
/** The places' dots and the dots at the middle of the rings. */
const dotsOf = (map: ReturnType<typeof drawn>) =>
  map.all('circle').filter((c) => ['4.5', '2.5'].includes(c.getAttribute('r')!));

const story = flagshipStory();
// The basemap its build would make (src/lib/story/derived.ts).
const basemap = buildBasemap(basemapAreas(story)) as FeatureCollection;
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);

describe('the overview map', () => {
  it("draws every route leg and labels the legs' ends", () => {
    const map = overviewMapSvg(story, basemap);
    expect(routeOf(map)).toHaveLength(story.legs.length);
    const ends = new Set(story.legs.flatMap((leg) => [leg.stops[0]!, leg.stops.at(-1)!]));
    expect(dotsOf(map)).toHaveLength(ends.size);
    const names = map.all('text').map((text) => text.firstChild?.textContent);
    for (const end of ends) {
      expect(names, end).toContain(story.places.find((p) => p.id === end)!.name);
    }
    for (const leg of story.legs) expect(map.root.textContent).toContain(leg.name);
  });

  it('falls back to the first view for a story without legs', () => {
    const bare = { ...structuredClone(story), legs: [] };
    const map = overviewMapSvg(bare, basemap);
    expect(map.root.tagName).toBe('svg');
    expect(map.all('path').length).toBeGreaterThan(0);
  });
});

describe("the story's region on the static maps", () => {
  const shaded = (regionCountries: string[]) => {
    const map = overviewMapSvg({ ...story, map: { regionCountries } }, basemap);
    return map.all(`path[fill="${COLORS.landRegion}"]`);
  };

  it('shades the countries the story names, and no others', () => {
    expect(story.map.regionCountries).toEqual(['408']);
    expect(shaded(['408'])).toHaveLength(1);
    expect(shaded(['408', '410'])).toHaveLength(2);
    expect(shaded([])).toHaveLength(0);
  });
});

describe("a step's static map", () => {
  it('is an SVG with a title that says what it shows', () => {
    const map = staticMapSvg(story, indexOf('rail'), basemap);
    expect(map.root.tagName).toBe('svg');
    expect(map.root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(map.attr(map.root, 'viewBox')).toBe(
      `0 0 ${STATIC_MAP_SIZE.width} ${STATIC_MAP_SIZE.height}`
    );
    const title = map.root.querySelector('title')?.textContent;
    expect(title).toMatch(
      /^The map shows Pyongyang station \(.+\), Sinuiju Chongnyon station.*Route drawn: .*its path is inferred, not reported/
    );
    expect(map.attr(map.root, 'aria-label')).toBe(title);
    expect(map.all('svg')).toHaveLength(0);
  });

  it('draws only reported legs solid, inferred ones dotted and schematic ones dashed', () => {
    const dashes = new Map<string, string | undefined>();
    story.steps.forEach((_, index) => {
      const drawn = stepState(story, index, 1).legs;
      const paths = routeOf(staticMapSvg(story, index, basemap));
      expect(paths).toHaveLength(drawn.length);
      drawn.forEach((leg, i) => {
        const dash = paths[i]!.getAttribute('stroke-dasharray') ?? undefined;
        if (leg.certainty === 'reported') expect(dash, leg.id).toBeUndefined();
        else expect(dash, leg.id).toBeDefined();
        dashes.set(leg.certainty, dash);
      });
    });
    // Where the story has both, an inferred path and a schematic one never look alike.
    if (dashes.has('inferred') && dashes.has('schematic')) {
      expect(dashes.get('inferred')).not.toBe(dashes.get('schematic'));
    }
  });

  it('draws uncertain places as rings, named as approximate', () => {
    const contract = staticMapSvg(story, indexOf('contract-2008'), basemap);
    expect(contract.all('circle[stroke-dasharray="3 2"]').length).toBeGreaterThan(0);
    expect(contract.all('tspan').map((tspan) => tspan.textContent)).toContain('approximate');
    expect(staticMapDescription(story, indexOf('contract-2008'))).toMatch(
      /dashed: route not reported/
    );
  });

  it('names places in Latin script only (an image cannot load the CJK font), and escapes text', () => {
    const map = staticMapSvg(story, indexOf('dandong'), basemap);
    const names = map.all('text').map((text) => text.textContent);
    expect(names).toContain('Dandong station');
    expect(names.join(' ')).not.toMatch(/[\u3000-\u9fff\uac00-\ud7af]/);
    const tricky = structuredClone(story);
    tricky.places.find((p) => p.id === 'dandong-station')!.name = 'Dandong <script>&"';
    const escaped = staticMapSvg(tricky, indexOf('dandong'), basemap);
    expect(escaped.all('script')).toHaveLength(0);
    expect(escaped.all('text').map((text) => text.textContent)).toContain('Dandong <script>&"');
  });

  for (const size of [STATIC_MAP_SIZE, NARROW_STATIC_MAP_SIZE]) {
    it(`frames every place a fit names inside the picture at ${size.width}×${size.height}`, () => {
      for (const [index, step] of story.steps.entries()) {
        if (!isFitCamera(step.map.camera)) continue;
        const map = staticMapSvg(story, index, basemap, size);
        expect(map.attr(map.root, 'viewBox')).toBe(`0 0 ${size.width} ${size.height}`);
        const dots = dotsOf(map).map((dot) => [dot.getAttribute('cx'), dot.getAttribute('cy')]);
        expect(dots.length, step.id).toBeGreaterThan(0);
        for (const [x, y] of dots) {
          expect(Number(x)).toBeGreaterThanOrEqual(0);
          expect(Number(x)).toBeLessThanOrEqual(size.width);
          expect(Number(y)).toBeGreaterThanOrEqual(0);
          expect(Number(y)).toBeLessThanOrEqual(size.height);
        }
      }
    });
  }

  it('clips the basemap to the frame, so a close view stays small', () => {
    const close = staticMapSvg(story, indexOf('pyongyang'), basemap);
    const wide = staticMapSvg(story, indexOf('intro'), basemap);
    expect(close.svg.length).toBeLessThan(10_000);
    expect(wide.svg.length).toBeLessThan(60_000);
    expect(close.all(`path[fill="${COLORS.landRegion}"]`).length).toBeGreaterThan(0); // North Korea's land
  });
});

describe('static maps of the engine fixture', () => {
  const engine = engineStory();
  const away = engine.steps.findIndex((step) => step.id === 'away');
  const dots = (map: ReturnType<typeof drawn>) =>
    map
      .all('circle[r="4.5"]')
      .map((dot) => [Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))]);

  it('frames places either side of the antimeridian the short way round', () => {
    const across = structuredClone(engine);
    across.places.find((p) => p.id === 'port')!.coordinates = [175, 50];
    across.places.find((p) => p.id === 'far-city')!.coordinates = [-175, 45];
    const svg = staticMapSvg(across, away, { type: 'FeatureCollection', features: [] });
    const shown = dots(svg);
    expect(shown).toHaveLength(2);
    for (const [x, y] of shown) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(STATIC_MAP_SIZE.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(STATIC_MAP_SIZE.height);
    }
    // 10° apart, not 350°: both well inside the picture, near its middle.
    expect(Math.abs(shown[0]![0]! - shown[1]![0]!)).toBeLessThan(STATIC_MAP_SIZE.width * 0.8);
  });

  it('draws the close-zoom detail only on a close view, with its credit', () => {
    const close = engine.steps.findIndex((step) => step.id === 'close');
    const ground: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'river', area: 'close', level: 2 },
          geometry: {
            type: 'LineString',
            coordinates: [
              [15.9, 51.95],
              [16.1, 52.05],
            ],
          },
        },
      ],
    };
    const near = staticMapSvg(engine, close, basemap, STATIC_MAP_SIZE, { detail: ground });
    const credit = (map: ReturnType<typeof drawn>) =>
      [...map.root.children].filter((child) => child.tagName === 'text').at(-1)?.textContent;
    expect(near.all(`path[stroke="${COLORS.river}"]`)).toHaveLength(1);
    expect(credit(near)).toContain('GSHHG, WDBII');
    const far = staticMapSvg(engine, away, basemap, STATIC_MAP_SIZE, { detail: ground });
    expect(far.all(`path[stroke="${COLORS.river}"]`)).toHaveLength(0);
    expect(credit(far)).toBe('Natural Earth');
  });
});
