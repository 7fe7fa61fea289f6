/** MapLibre's stylesheet, cut to the classes the app uses (map/maplibre-css.ts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transform } from 'lightningcss';
import { describe, expect, it } from 'vitest';
import { USED_MAPLIBRE_CLASSES, keepUsedRules } from '../../src/lib/map/maplibre-css';

const require = createRequire(import.meta.url);
const full = readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl.css'), 'utf8');
/** A stylesheet as Lightning CSS writes it minified: the output's form, whatever the input's. */
const minified = (css: string) =>
  transform({
    filename: 'x.css',
    code: new TextEncoder().encode(css),
    minify: true,
  }).code.toString();

describe("MapLibre's stylesheet, cut down", () => {
  it('keeps selectors of used classes only, inside at-rules too, and drops keyframes', () => {
    const css =
      '.a-map{x:1}.a-popup,.a-map .a-canvas{y:2}/* note {} */.a-zoom{z:3}' +
      '@media (hover:hover){.a-zoom{z:4}.a-map:hover{w:5}}@media print{.a-zoom{v:6}}' +
      '@keyframes a-spin{0%{t:0}to{t:1}}.other{u:7}.b{background:url("data:x,{")}';
    expect(keepUsedRules(css, ['a-map', 'a-canvas'], 'a-')).toBe(
      minified(
        '.a-map{x:1}.a-map .a-canvas{y:2}@media (hover:hover){.a-map:hover{w:5}}.other{u:7}' +
          '.b{background:url("data:x,{")}'
      )
    );
  });

  it('keeps the rules of the map and its attribution, and none of the unused controls or markers', () => {
    const kept = keepUsedRules(full, USED_MAPLIBRE_CLASSES);
    for (const needed of [
      '.maplibregl-map{',
      '.maplibregl-canvas{',
      '.maplibregl-ctrl-attrib-button',
      '.maplibregl-ctrl-bottom-right{',
    ]) {
      expect(kept).toContain(needed);
    }
    for (const gone of [
      'popup',
      'maplibregl-marker',
      'geolocate',
      'compass',
      'ctrl-fullscreen',
      'zoom-in',
      '@keyframes',
    ]) {
      expect(kept).not.toContain(gone);
    }
    expect(kept.length).toBeLessThan(full.length / 4);
  });
});
