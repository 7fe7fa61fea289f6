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

/** Splits `text` at `separator` outside quotes, parentheses and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Where the block opened at `open` (a `{`) closes, skipping quoted text. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < css.length; i++) {
    const char = css[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  throw new Error(`Unclosed block at character ${open} of the stylesheet`);
}

/** The stylesheet with only the rules that can apply to `used` classes (a prefix's). */
export function keepUsedRules(
  css: string,
  used: readonly string[],
  prefix = 'maplibregl-'
): string {
  const allowed = new Set(used);
  const selectorUsed = (selector: string) =>
    [...selector.matchAll(/\.(-?[\w-]+)/g)].every(
      ([, name]) => !name!.startsWith(prefix) || allowed.has(name!)
    );
  let out = '';
  let at = 0;
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  while (at < source.length) {
    const open = source.indexOf('{', at);
    if (open < 0) break;
    const end = blockEnd(source, open);
    const head = source.slice(at, open).trim();
    const body = source.slice(open + 1, end);
    at = end + 1;
    if (head.startsWith('@keyframes') || head.startsWith('@-webkit-keyframes')) continue;
    if (head.startsWith('@')) {
      const inner = keepUsedRules(body, used, prefix);
      if (inner) out += `${head}{${inner}}`;
      continue;
    }
    const selectors = splitTopLevel(head, ',').filter(selectorUsed);
    if (selectors.length > 0) out += `${selectors.join(',')}{${body}}`;
  }
  return out;
}
