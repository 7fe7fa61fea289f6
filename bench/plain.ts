/**
 * The plain page, the bench's floor for the first text: a story's text as a static page, no
 * script, a little CSS. The side-by-side run (run.ts) measures the flagship's beside ours; the
 * growth run (growth.ts) the plain page of each generated story beside that story's.
 */
import { sourceDate } from '../src/lib/story/citations';
import type { Story } from '../src/lib/story/types';

/** The plain page: the same story text, prerendered, no script, a little CSS. */
export function plainPage(
  story: Story,
  /** Who wrote the page, from what: said in its opening comment. */
  writtenBy: string
): string {
  // The entities the page's own markup uses, so the baseline file stays as it was written.
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => entities[char]!);
  const steps = story.steps
    .map(
      (step) =>
        `<section data-step-id="${step.id}">${step.kicker ? `<p class="kicker">${escape(step.kicker)}</p>` : ''}<h2>${escape(step.title)}</h2>${step.html}</section>`
    )
    .join('\n');
  const sources = story.sources
    .map((s) => `<li>${escape(s.outlet)}, ${escape(s.title)}, ${escape(sourceDate(s))}.</li>`)
    .join('\n');
  return `<!doctype html>
<!-- The floor for npm run bench: the story's text as a static page, no JavaScript. Written by
     ${writtenBy}; do not edit. -->
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(story.meta.title)}</title><link rel="icon" href="data:,">
<style>body{margin:0 auto;max-width:42rem;padding:1rem;font-family:system-ui,sans-serif;line-height:1.55}.kicker{text-transform:uppercase;font-size:.8rem}</style>
</head><body><h1>${escape(story.meta.title)}</h1><p>${escape(story.meta.dek)}</p>
${steps}
<h2>Sources</h2><ol>${sources}</ol></body></html>
`;
}
