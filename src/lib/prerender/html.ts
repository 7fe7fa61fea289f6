/**
 * HTML for the sections of the page that never change once rendered (the sources, the
 * timeline's tables, the static maps): built as strings by pure functions, so the server
 * renders them into the page and the built page's script neither downloads the code nor the
 * data behind them. Svelte keeps server-rendered `{@html}` content on hydration; the page's
 * script passes a single space instead of the string (see {@link keepServerHtml}).
 *
 * Every value interpolated into {@link html} is escaped; only what another `html` call made
 * goes in as markup. Nothing editor-written reaches the page unescaped.
 */
import { escapeMarkup } from '../escape';
/**
 * True in the built page's script: there the server's HTML for these sections stays as it
 * is, and the functions that make it are left out of the bundle. In dev and in tests the
 * browser builds the same string itself (dev previews a changed story at once).
 */
export const keepServerHtml = !import.meta.env.SSR && import.meta.env.PROD;

/** What the page's script passes for a section the server rendered (Svelte needs it non-empty). */
export const SERVER_HTML = ' ';

/** Markup made by {@link html}: inserted as it is where another `html` template holds it. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = string | number | Markup | readonly Markup[] | false | null | undefined;

function piece(value: Value): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map((item: Markup) => item.value).join('');
  return escapeMarkup(String(value));
}

/**
 * A template of markup: strings and numbers are escaped, `Markup` (and lists of it) goes in
 * as it is, `false`, `null` and `undefined` leave nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1]!;
  });
  return new Markup(out);
}
