import { describe, expect, it } from 'vitest';
import { renderStepText, unsafeTextIssues } from '../../src/lib/story/markdown';
import { withStoryEdit } from './helpers';
import { StoryError, loadStory } from '../../src/lib/story/load';

describe('renderStepText', () => {
  it('renders the subset: paragraphs, emphasis, strong, links, line breaks', () => {
    expect(
      renderStepText(
        'One *two* **three**.\n\n[The Post](https://example.org/a) reported.  \nNext line.'
      )
    ).toBe(
      '<p>One <em>two</em> <strong>three</strong>.</p>\n<p><a href="https://example.org/a" rel="noopener noreferrer">The Post</a> reported.<br>\nNext line.</p>'
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    expect(renderStepText('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
    );
    expect(renderStepText('<img src=x onerror=alert(1)>')).not.toMatch(/<img/);
  });

  it('makes no link of a javascript:, data: or relative URL', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/local',
      'vbscript:x',
    ]) {
      expect(renderStepText(`[x](${url})`)).not.toMatch(/<a /);
    }
  });

  it('shows other Markdown as text: headings, lists, images, code', () => {
    const html = renderStepText('# Title\n\n- item\n\n![alt](https://e.org/i.png)\n\n`code`');
    expect(html).not.toMatch(/<(h1|ul|li|img|code)/);
  });

  it('keeps typographic text as written', () => {
    expect(renderStepText('"A9" -- 75% & 25%')).toBe('<p>&quot;A9&quot; -- 75% &amp; 25%</p>');
  });
});

describe('unsafeTextIssues', () => {
  it('finds raw HTML and unsafe links, in order', () => {
    expect(
      unsafeTextIssues(
        'Safe. <b>bold</b> and [x](javascript:alert(1)) then [ok](https://e.org)'
      ).map((i) => i.message.split(' ')[0])
    ).toEqual(['raw', 'raw', 'the']);
  });

  it('finds nothing in plain Markdown', () => {
    expect(unsafeTextIssues('Costs < 5 and 3 > 2; see [this](https://e.org).')).toEqual([]);
  });
});

describe('the loader and step text', () => {
  it('renders every step of a whole story', () => {
    const files = withStoryEdit(() => undefined);
    for (const step of loadStory(files).steps) expect(step.html).toMatch(/^<p>/);
  });

  it('refuses raw HTML and javascript: links in step text, pointing at the text', () => {
    const files = withStoryEdit((story) => {
      const steps = story.steps as Record<string, unknown>[];
      steps[2]!.text = 'Hello <script>alert(1)</script>';
      steps[3]!.text = 'See [this](javascript:alert(1)).';
    });
    let problems: { pointer: string; message: string }[] = [];
    try {
      loadStory(files);
    } catch (error) {
      if (error instanceof StoryError) problems = error.problems;
    }
    expect(problems.map((p) => `${p.pointer} ${p.message.split(' (')[0]}`)).toEqual([
      '/steps/2/text raw HTML',
      '/steps/2/text raw HTML',
      '/steps/3/text the link "javascript:alert(1)" must start with http:// or https://',
    ]);
  });
});

describe('links', () => {
  it('carry only href and rel, whatever the Markdown says', () => {
    expect(renderStepText('[x](https://e.org "a title")')).toBe(
      '<p><a href="https://e.org" rel="noopener noreferrer">x</a></p>'
    );
  });
});
