/**
 * HTML for the sections of the page that never change once rendered (the prose, the sources,
 * the timeline's tables, the static maps): built as strings by pure functions, so the server
 * renders them into the page and the built page's script neither downloads the code nor the
 * data behind them. The page puts them in `{@html}` blocks, whose server-rendered content
 * Svelte keeps when the page comes to life (StoryPage.svelte says how).
 *
 * Every value interpolated into {@link html} is escaped; only what another `html` call made
 * goes in as markup. Nothing editor-written reaches the page unescaped.
 */
import { escapeMarkup } from '../escape';

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
