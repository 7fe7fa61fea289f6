/**
 * Step text is a small, safe Markdown subset, rendered at build time (this module never ships
 * to the browser): paragraphs, *emphasis*, **strong**, [links](https://…) and line breaks.
 * Everything else shows as the text it is. Raw HTML is never passed through, and only http(s)
 * links become links.
 */
import MarkdownIt from 'markdown-it';

/** The only elements the renderer can produce; the XSS tests hold it to this. */
export const ALLOWED_ELEMENTS = ['p', 'em', 'strong', 'a', 'br'] as const;

const SAFE_LINK = /^https?:\/\//i;

function createRenderer(): MarkdownIt {
  // 'zero' enables nothing but paragraphs and text; the subset is switched on rule by rule.
  const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
  md.enable(['emphasis', 'link', 'newline', 'escape']);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    const token = tokens[index]!;
    // A link carries its address and rel, nothing else (Markdown link titles are dropped).
    token.attrs = (token.attrs ?? []).filter(([name]) => name === 'href');
    token.attrSet('rel', 'noopener noreferrer');
    return renderToken(tokens, index, options);
  };
  return md;
}

const renderer = createRenderer();

/** Step text → HTML made only of `ALLOWED_ELEMENTS`, with any markup in the text escaped. */
export function renderStepText(text: string): string {
  return renderer.render(text).trim();
}

export interface TextIssue {
  kind: 'raw-html' | 'unsafe-link';
  message: string;
  /** Offset in the text where the issue starts. */
  offset: number;
}

/**
 * What in step text would not show as the editor meant: raw HTML (shown as text, never as
 * markup) and links that are not http(s) (shown as text, never as links).
 */
export function unsafeTextIssues(text: string): TextIssue[] {
  const issues: TextIssue[] = [];
  // An escaped `\<` is the character itself, as the text means it (the importer writes them).
  const tag = /(?<!\\)<\/?[a-z!?][^>]*>?/gi;
  for (const match of text.matchAll(tag)) {
    issues.push({
      kind: 'raw-html',
      offset: match.index,
      message: `raw HTML (${JSON.stringify(match[0].slice(0, 30))}) is not allowed in step text; use *emphasis*, **strong** or [a link](https://…)`,
    });
  }
  // The address may hold one level of parentheses, as in javascript:alert(1).
  const link = /\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)/g;
  for (const match of text.matchAll(link)) {
    const url = match[1] ?? '';
    if (!SAFE_LINK.test(url)) {
      issues.push({
        kind: 'unsafe-link',
        offset: match.index,
        message: `the link "${url.slice(0, 40)}" must start with http:// or https://`,
      });
    }
  }
  return issues.sort((a, b) => a.offset - b.offset);
}
