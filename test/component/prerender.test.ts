/**
 * The sections the server renders and the built page keeps as served (prerender/): safe
 * markup, made from the story by Svelte (static-html.ts; here mounted, as the dev page does;
 * the static maps' unit tests read the server's rendering).
 */
import { describe, expect, it } from 'vitest';
import { pageSections } from '../../src/lib/prerender/sections';
import { staticHtml } from '../../src/lib/static-html';
import type { Story } from '../../src/lib/story/types';
import { flagshipStory } from '../unit/helpers';
import CommentProbe from './CommentProbe.svelte';
import MarkerProbe from './MarkerProbe.svelte';

describe('markup made on the server only', () => {
  it("is plain markup: none of Svelte's hydration markers, text escaped", () => {
    const html = staticHtml(MarkerProbe, { items: ['a', '<i>&', 'c'], flag: false });
    expect(html).not.toContain('<!--');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.body.textContent).toBe('first off a; <i>&; c');
    expect(doc.querySelectorAll('b')).toHaveLength(3);
    expect(doc.querySelector('i')?.textContent).toBe('off');
  });

  it('fails loudly, naming the component, on a comment it does not know', () => {
    expect(() => staticHtml(CommentProbe, { text: 'x' })).toThrow(
      /CommentProbe rendered a comment that is not one of Svelte's hydration markers/
    );
  });

  it('makes the sources, a step’s prose, maps and sources, and the timeline tables from the story', () => {
    const story = flagshipStory();
    const sections = pageSections(story, '.', {});
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

  it('gives the timeline’s data as two tables under a heading, dates as precise as the sources', () => {
    const story = flagshipStory();
    const doc = new DOMParser().parseFromString(pageSections(story, '.', {}).tables, 'text/html');
    const section = doc.querySelector('section.timeline-data')!;
    const heading = doc.getElementById(section.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe("The timeline's data");
    const tables = section.querySelectorAll('table');
    expect(tables).toHaveLength(2);
    const eventRows = tables[0]!.querySelectorAll('tbody tr');
    expect(eventRows).toHaveLength(story.events.length);
    // In date order, with dates as precise as the sources and no more.
    expect(eventRows[0]!.textContent).toContain('2006');
    const panda = tables[0]!.querySelector('tr[data-event-id="panda-entity-list"]')!;
    expect(panda.querySelector('td')?.textContent).toBe('2014');
    const presenceRows = [...tables[1]!.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()).join(' ')
    );
    expect(presenceRows[0]).toMatch(/^Huawei about 2008 to first half of 2016 reported/);
    expect(presenceRows[2]).toMatch(/^Koryolink 15 December 2008 to no end reported confirmed/);
    expect(presenceRows[3]).toMatch(/^Dandong Kehua none sourced/);
  });

  it('keeps an editor’s markup-like text as text', () => {
    const story = flagshipStory();
    const tricky: Story = {
      ...story,
      sources: story.sources.map((source, i) =>
        i === 0 ? { ...source, title: '<img src=x onerror=alert(1)>' } : source
      ),
    };
    const doc = new DOMParser().parseFromString(pageSections(tricky, '.', {}).footer, 'text/html');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('li')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
