import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import {
  NARROW_STATIC_MAP_SIZE,
  STATIC_MAP_SIZE,
  overviewMapSvg,
  staticMapSvg,
} from '../../src/lib/static-map/render';
import { isFitCamera } from '../../src/lib/story/types';
import { COLORS } from '../../src/lib/draw/style';
import { ROOT, flagshipStory, engineStory } from './helpers';

const story = flagshipStory();
const basemap = JSON.parse(
  readFileSync(join(ROOT, 'geo/basemap.json'), 'utf8')
) as FeatureCollection;
const indexOf = (id: string) => story.steps.findIndex((step) => step.id === id);

describe('the overview map', () => {
  it("draws every route leg and labels the legs' ends", () => {
    const svg = overviewMapSvg(story, basemap);
    const route = /stroke="#b3261e"[^/]*\/>/g;
    expect(svg.match(route)).toHaveLength(story.legs.length);
    const ends = new Set(story.legs.flatMap((leg) => [leg.stops[0]!, leg.stops.at(-1)!]));
    const dots = svg.match(/<circle cx="[\d.-]+" cy="[\d.-]+" r="(?:4\.5|2\.5)"/g) ?? [];
    expect(dots).toHaveLength(ends.size);
    for (const end of ends) {
      expect(svg, end).toContain(`>${story.places.find((p) => p.id === end)!.name}`);
    }
    for (const leg of story.legs) expect(svg).toContain(leg.name);
  });

  it('falls back to the first view for a story without legs', () => {
    const bare = { ...structuredClone(story), legs: [] };
    expect(overviewMapSvg(bare, basemap)).toMatch(/^<svg[^>]*>.*<\/svg>$/s);
  });
});

describe("the story's region on the static maps", () => {
  const shaded = (regionCountries: string[]) => {
    const svg = overviewMapSvg({ ...story, map: { regionCountries } }, basemap);
    return svg.match(new RegExp(`<path d="[^"]+" fill="${COLORS.landRegion}"/>`, 'g')) ?? [];
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
    const svg = staticMapSvg(story, indexOf('rail'), basemap);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${STATIC_MAP_SIZE.width} ${STATIC_MAP_SIZE.height}"`);
    expect(svg).toMatch(
      /<title>The map shows Pyongyang station \(.+\), Sinuiju Chongnyon station.*Route drawn: .*its path is inferred, not reported/
    );
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws only reported legs solid, inferred ones dotted and schematic ones dashed', () => {
    const route = /<path [^>]*stroke="#b3261e"[^>]*\/>/g;
    const dashes = new Map<string, string | undefined>();
    story.steps.forEach((_, index) => {
      const drawn = stepState(story, index, 1).legs;
      const paths = staticMapSvg(story, index, basemap).match(route) ?? [];
      expect(paths).toHaveLength(drawn.length);
      drawn.forEach((leg, i) => {
        const dash = /stroke-dasharray="([^"]+)"/.exec(paths[i]!)?.[1];
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
    expect(contract).toMatch(/<circle [^>]*stroke-dasharray="3 2"/);
    expect(contract).toContain('approximate</tspan>');
    expect(staticMapDescription(story, indexOf('contract-2008'))).toMatch(
      /dashed: route not reported/
    );
  });

  it('names places in Latin script only (an image cannot load the CJK font), and escapes text', () => {
    const svg = staticMapSvg(story, indexOf('dandong'), basemap);
    expect(svg).toContain('>Dandong station<');
    const drawnText = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(drawnText).not.toMatch(/[\u3000-\u9fff\uac00-\ud7af]/);
    const tricky = structuredClone(story);
    tricky.places.find((p) => p.id === 'dandong-station')!.name = 'Dandong <script>&"';
    const escaped = staticMapSvg(tricky, indexOf('dandong'), basemap);
    expect(escaped).not.toContain('<script>');
    expect(escaped).toContain('Dandong &lt;script&gt;&amp;&quot;');
  });

  for (const size of [STATIC_MAP_SIZE, NARROW_STATIC_MAP_SIZE]) {
    it(`frames every place a fit names inside the picture at ${size.width}×${size.height}`, () => {
      for (const [index, step] of story.steps.entries()) {
        if (!isFitCamera(step.map.camera)) continue;
        const svg = staticMapSvg(story, index, basemap, size);
        expect(svg).toContain(`viewBox="0 0 ${size.width} ${size.height}"`);
        const dots = [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="(?:4\.5|2\.5)"/g)];
        expect(dots.length, step.id).toBeGreaterThan(0);
        for (const [, x, y] of dots) {
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
    expect(close.length).toBeLessThan(10_000);
    expect(wide.length).toBeLessThan(60_000);
    expect(close).toContain('fill="#efe6d8"'); // North Korea's land
  });
});

describe('static maps of the engine fixture', () => {
  const engine = engineStory();
  const away = engine.steps.findIndex((step) => step.id === 'away');
  const dots = (svg: string) =>
    [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="4\.5"/g)].map(([, x, y]) => [
      Number(x),
      Number(y),
    ]);

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
    expect(near).toContain(`stroke="${COLORS.river}"`);
    expect(near).toContain('GSHHG, WDBII');
    const far = staticMapSvg(engine, away, basemap, STATIC_MAP_SIZE, { detail: ground });
    expect(far).not.toContain(`stroke="${COLORS.river}"`);
    expect(far).not.toContain('GSHHG');
  });
});
