/**
 * The one escaping function, for text that meets markup outside Svelte (which escapes what it
 * renders): the prerendered sections' HTML (prerender/html.ts). Its five entities mean the same
 * in HTML and in XML.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an element's content and for a quoted attribute value, in HTML or SVG. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
