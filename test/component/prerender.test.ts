/**
 * The sections the server renders and the built page keeps as served (prerender/): safe
 * markup, made from the story.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../src/lib/escape';
import { html } from '../../src/lib/prerender/html';
import { pageSections } from '../../src/lib/prerender/sections';
import type { Story } from '../../src/lib/story/types';
import { flagshipStory } from '../unit/helpers';

describe('markup made on the server only', () => {
  it('escapes every interpolated value, text or attribute, and nests markup as markup', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const made = html`<a title="${hostile}">${hostile}</a
      >${[html`<b>${'<i>'}</b>`]}${false}${undefined}`;
    const doc = new DOMParser().parseFromString(made.value, 'text/html');
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('a')?.getAttribute('title')).toBe(hostile);
    expect(doc.querySelector('a')?.textContent).toBe(hostile);
    expect(doc.querySelector('b')?.textContent).toBe('<i>');
    expect(doc.body.textContent).not.toMatch(/false|undefined/);
    expect(escapeMarkup(`a&b<c>"d" 'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot; &#39;e&#39;');
  });

  it('makes the sources, a step’s prose, maps and sources, and the timeline tables from the story', () => {
    const story = flagshipStory();
    const sections = pageSections(story, '.');
    const doc = new DOMParser().parseFromString(
      `<div id="footer">${sections.footer}</div>` +
        `<div id="text">${sections.steps[1]!.text}</div>` +
        `<div id="step">${sections.steps[1]!.extras}</div>` +
        `<div id="overview">${sections.overview}</div>` +
        `<div id="tables">${sections.tables}</div>`,
      'text/html'
    );
    expect(sections.steps).toHaveLength(story.steps.length);
    expect(doc.querySelector('#text')?.textContent).toContain(
      story.steps[1]!.text.split(/[*_[\]]/)[0]!.slice(0, 40)
    );
    expect(doc.querySelector('#overview img')?.getAttribute('src')).toBe('./overview.svg');
    expect(doc.querySelectorAll('#footer ol.sources > li')).toHaveLength(story.sources.length);
    expect(doc.querySelectorAll('#footer ul.credits > li')).toHaveLength(story.meta.credits.length);
    const step = story.steps[1]!;
    expect(doc.querySelector('#step .live-alternative img')?.getAttribute('src')).toBe(
      `./maps/${step.id}.svg`
    );
    expect(
      [...doc.querySelectorAll('#step .step-sources a')].map((a) => a.getAttribute('href'))
    ).toEqual(step.sources.map((id) => `#source-${id}`));
    expect(doc.querySelectorAll('#tables table')).toHaveLength(2);
    expect(doc.querySelectorAll('#tables tr[data-event-id]')).toHaveLength(story.events.length);
  });

  it('keeps an editor’s markup-like text as text', () => {
    const story = flagshipStory();
    const tricky: Story = {
      ...story,
      sources: story.sources.map((source, i) =>
        i === 0 ? { ...source, title: '<img src=x onerror=alert(1)>' } : source
      ),
    };
    const doc = new DOMParser().parseFromString(pageSections(tricky, '.').footer, 'text/html');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('li')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
