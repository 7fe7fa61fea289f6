/**
 * The template's HTML (a chapter's description, the title, the footer) in the story's own text
 * format: the small Markdown subset of src/lib/story/markdown.ts (paragraphs, *emphasis*,
 * **strong**, [links](https://…), line breaks), read with parse5, HTML's own parser. Links and
 * emphasis are kept; structure the subset has not (headings, lists, quotes) becomes paragraphs;
 * everything else is plain text, and what cannot be text (scripts, frames, images, event
 * handlers, links that are not http(s)) is dropped. Each conversion says what it did not keep.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements dropped with all they hold: none of it is text a reader should get. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'svg',
  'math',
  'canvas',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'noscript',
  'template',
  'link',
  'meta',
]);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'tr',
  'pre',
  'hr',
]);
/** Elements whose text is kept with no loss worth telling: the subset's own, and plain boxes. */
const QUIET = new Set(['p', 'div', 'span', 'br', 'em', 'i', 'strong', 'b', 'a']);

/** What a conversion did not keep, in words, for the importer's warnings. */
export interface Converted {
  text: string;
  /** "dropped <img>", "kept <h3> as plain text", "dropped a link to ./a.html (…)" */
  lost: string[];
}

const HARD_BREAK = '\u0000';
const SAFE_LINK = /^https?:\/\//i;

/** Text with the subset's markup characters escaped, so it shows as written. */
function escaped(text: string): string {
  // `<` before a letter is escaped too: the checker reads an unescaped one as raw HTML.
  return text.replace(/[\\*_[\]]/g, '\\$&').replace(/<(?=[a-z!?/])/gi, '\\<');
}

/** An address a Markdown link can hold: spaces and parentheses encoded. */
function linkTarget(href: string): string {
  return href.trim().replace(/[\s()]/g, (c) => encodeURIComponent(c));
}

/** Emphasis round `inner`, with its edge spaces outside (Markdown needs them so). */
function wrapped(inner: string, mark: string): string {
  const core = inner.trim();
  if (!core) return inner;
  const before = /^\s/.test(inner) ? ' ' : '';
  const after = /\s$/.test(inner) ? ' ' : '';
  return `${before}${mark}${core}${mark}${after}`;
}

/** HTML → step text (paragraphs separated by a blank line), with what it lost. */
export function htmlToMarkdown(html: string): Converted {
  const lost = new Set<string>();
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current
      .replace(/\s+/g, ' ')
      .replace(new RegExp(` ?${HARD_BREAK} ?`, 'g'), HARD_BREAK)
      .trim()
      .replace(new RegExp(`^${HARD_BREAK}+|${HARD_BREAK}+$`, 'g'), '')
      .replaceAll(HARD_BREAK, '  \n');
    if (paragraph) blocks.push(paragraph);
    current = '';
  };

  const attributesLost = (element: Element) => {
    for (const { name } of element.attrs) {
      if (name.startsWith('on')) lost.add(`dropped the ${name} attribute of <${element.tagName}>`);
    }
  };

  /** The inline Markdown of `node`'s children. */
  const inline = (parent: ParentNode): string =>
    parent.childNodes.map((child) => inlineOf(child)).join('');

  const inlineOf = (node: ChildNode): string => {
    if (node.nodeName === '#text') return escaped((node as DefaultTreeAdapterTypes.TextNode).value);
    if (!('tagName' in node)) return '';
    const element = node;
    const tag = element.tagName;
    attributesLost(element);
    if (DROPPED.has(tag)) {
      lost.add(`dropped <${tag}>`);
      return '';
    }
    if (!QUIET.has(tag)) lost.add(`kept <${tag}> as plain text`);
    if (tag === 'br') return HARD_BREAK;
    if (tag === 'em' || tag === 'i') return wrapped(inline(element), '*');
    if (tag === 'strong' || tag === 'b') return wrapped(inline(element), '**');
    if (tag === 'a') {
      const href = element.attrs.find((a) => a.name === 'href')?.value ?? '';
      const text = inline(element);
      if (SAFE_LINK.test(href.trim()) && text.trim()) {
        return `[${text.trim()}](${linkTarget(href)})`;
      }
      if (href.trim()) {
        lost.add(`dropped a link to ${href.trim().slice(0, 60)} (only http and https links)`);
      }
      return text;
    }
    return inline(element);
  };

  const walk = (parent: ParentNode) => {
    for (const child of parent.childNodes) {
      if ('tagName' in child && BLOCKS.has(child.tagName)) {
        attributesLost(child);
        if (!QUIET.has(child.tagName)) lost.add(`kept <${child.tagName}> as plain text`);
        flush();
        const holdsBlocks = child.childNodes.some((c) => 'tagName' in c && BLOCKS.has(c.tagName));
        if (holdsBlocks) walk(child);
        else current += inline(child);
        flush();
      } else {
        current += inlineOf(child);
      }
    }
  };

  walk(parseFragment(html));
  flush();
  return { text: blocks.join('\n\n'), lost: [...lost] };
}

/** HTML → one line of plain text (a title, a byline), with what it lost. */
export function htmlToText(html: string): Converted {
  const text = (parent: ParentNode): string =>
    parent.childNodes
      .map((child) => {
        if (child.nodeName === '#text') return (child as DefaultTreeAdapterTypes.TextNode).value;
        if (!('tagName' in child) || DROPPED.has(child.tagName)) return '';
        return child.tagName === 'br'
          ? ' '
          : ` ${text(child)} `.replace(/^ | $/g, (s) => (BLOCKS.has(child.tagName) ? s : ''));
      })
      .join('');
  // What was dropped is told as for step text; formatting is no loss in a line of text.
  const lost = htmlToMarkdown(html).lost.filter((l) => !l.startsWith('kept'));
  return { text: text(parseFragment(html)).replace(/\s+/g, ' ').trim(), lost };
}
