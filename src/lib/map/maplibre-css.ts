import { transform, type Selector } from 'lightningcss';

/**
 * MapLibre's stylesheet cut down to what this app uses (build time, see vite.config.ts). The
 * full file is 72 KB, mostly icons of controls the story never shows (zoom, compass,
 * geolocation, fullscreen, popups); readers download it before the first map. A rule is kept
 * when one of its selectors names only classes the app uses; at-rules keep what is left of
 * them; keyframes go (only the dropped controls animate).
 */

/** The MapLibre classes the story map can show: the map, its canvas, attribution. */
export const USED_MAPLIBRE_CLASSES: readonly string[] = [
  'maplibregl-map',
  'maplibregl-canvas',
  'maplibregl-canvas-container',
  // The editing aid makes the map interactive (grab cursor, touch handling).
  'maplibregl-interactive',
  'maplibregl-track-pointer',
  'maplibregl-touch-zoom-rotate',
  'maplibregl-touch-drag-pan',
  'maplibregl-ctrl',
  'maplibregl-ctrl-bottom-right',
  'maplibregl-ctrl-attrib',
  'maplibregl-ctrl-attrib-inner',
  'maplibregl-ctrl-attrib-button',
  'maplibregl-attrib-empty',
  'maplibregl-compact',
  'maplibregl-compact-show',
];

/**
 * The stylesheet with only the rules that can apply to `used` classes (of those with
 * `prefix`), minified. Lightning CSS parses it; a selector is kept when every prefixed class
 * it names is used (inside at-rules too), and keyframes go.
 */
export function keepUsedRules(
  css: string,
  used: readonly string[],
  prefix = 'maplibregl-'
): string {
  const allowed = new Set(used);
  const selectorUsed = (selector: Selector) =>
    selector.every(
      (part) => part.type !== 'class' || !part.name.startsWith(prefix) || allowed.has(part.name)
    );
  const { code } = transform({
    filename: 'maplibre-gl.css',
    code: new TextEncoder().encode(css),
    minify: true,
    visitor: {
      Rule: {
        style(rule) {
          const selectors = rule.value.selectors.filter(selectorUsed);
          return selectors.length > 0 ? { ...rule, value: { ...rule.value, selectors } } : [];
        },
        keyframes: () => [],
      },
    },
  });
  // Minified once more: the at-rules whose every rule went are dropped then (Lightning CSS
  // minifies before it visits).
  return new TextDecoder().decode(
    transform({ filename: 'maplibre-gl.css', code, minify: true }).code
  );
}
