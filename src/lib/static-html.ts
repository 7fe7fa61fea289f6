/**
 * Markup rendered once and never brought to life: the page's static sections
 * (prerender/sections.ts) and the static maps' SVG files (static-map/svg.ts). Svelte renders
 * them, from components, and escapes every value in them; the result is plain markup.
 *
 * Svelte's server output marks its blocks with comments (`<!--[-->`, `<!--]-->`, `<!---->`,
 * `<!--[0-->`, …) for hydration. These sections are never hydrated: the page holds them in
 * `{@html}` blocks, whose content must not hold an empty comment (Svelte ends the block at the
 * first one it meets), and the SVG files are images. So the markers go, and anything else that
 * looks like a comment afterwards fails loudly: it would mean Svelte's output changed shape.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { render } from 'svelte/server';

/** Svelte's hydration markers: block starts and ends, branch indices, anchors. */
const MARKERS = /<!--(?:\[(?:-?\d+|!)?|\]|)-->/g;

/**
 * The component's markup, rendered with `props`. On the server, Svelte's server renderer; in
 * the dev page (which renders these sections anew when the editor saves a story), the same
 * component mounted on a detached element. Throws if a comment other than Svelte's markers is
 * left, naming the component.
 */
export function staticHtml<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props
): string {
  const rendered = import.meta.env.SSR
    ? render(component, { props }).body
    : mounted(component, props);
  const html = rendered.replace(MARKERS, '');
  const left = html.indexOf('<!--');
  if (left >= 0) {
    throw new Error(
      `static-html.ts: ${component.name} rendered a comment that is not one of Svelte's ` +
        `hydration markers (${html.slice(left, left + 24)}…). Svelte's output has changed ` +
        `shape: update MARKERS in src/lib/static-html.ts to match it.`
    );
  }
  return html;
}

function mounted<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props
): string {
  const host = document.createElement('div');
  const app = mount(component, { target: host, props });
  flushSync();
  const html = host.innerHTML;
  void unmount(app);
  return html;
}
