/**
 * What the built page's script gets of the story (story/browser.ts): no prose, no notes, no
 * source details — the server-rendered page holds them — and the notes and sources of events
 * and periods apart, for the tooltips.
 */
import { describe, expect, it } from 'vitest';
import {
  STORY_DATA_ID,
  browserStory,
  storyDataHtml,
  storyNotes,
} from '../../src/lib/story/browser';
import { flagshipStory } from './helpers';

describe("the page script's story", () => {
  const story = flagshipStory();
  const shipped = browserStory(story);

  it('leaves out what only the server-rendered page shows', () => {
    const text = JSON.stringify(shipped);
    for (const step of story.steps) expect(text).not.toContain(step.html.slice(3, 60));
    for (const source of story.sources) expect(text).not.toContain(source.title);
    for (const event of story.events) if (event.note) expect(text).not.toContain(event.note);
    for (const company of story.companies) {
      if (company.note) expect(text).not.toContain(company.note);
      for (const period of company.presence)
        if (period.note) expect(text).not.toContain(period.note);
    }
    // Not blanked but absent, as its type says: the credits, the sources, each step's prose
    // and sources, and the notes and sources of places, legs, events and periods.
    expect(Object.keys(shipped).sort()).toEqual([
      'companies',
      'embed',
      'events',
      'legs',
      'map',
      'meta',
      'places',
      'steps',
    ]);
    expect(shipped.meta).not.toHaveProperty('credits');
    for (const step of shipped.steps) {
      for (const key of ['text', 'html', 'sources']) expect(step).not.toHaveProperty(key);
    }
    for (const item of [...shipped.places, ...shipped.events]) {
      for (const key of ['note', 'sources']) expect(item).not.toHaveProperty(key);
    }
    for (const leg of shipped.legs) expect(leg).not.toHaveProperty('note');
    for (const company of shipped.companies) {
      expect(company).not.toHaveProperty('note');
      for (const period of company.presence) {
        for (const key of ['note', 'sources']) expect(period).not.toHaveProperty(key);
      }
    }
  });

  it('keeps what the live page needs: steps, places, events and presence', () => {
    expect(shipped.steps.map((step) => [step.id, step.title, step.map])).toEqual(
      story.steps.map((step) => [step.id, step.title, step.map])
    );
    expect(shipped.places).toHaveLength(story.places.length);
    expect(shipped.events.map((e) => [e.id, e.date, e.label])).toEqual(
      story.events.map((e) => [e.id, e.date, e.label])
    );
    expect(shipped.companies.map((c) => c.presence.length)).toEqual(
      story.companies.map((c) => c.presence.length)
    );
  });

  it('gives the tooltips every note and every source apart', () => {
    const notes = storyNotes(story);
    for (const source of story.sources) expect(notes.sources[source.id]).toBe(source.outlet);
    for (const event of story.events) {
      expect(notes.events[event.id]).toBe(event.note);
      expect(notes.eventSources[event.id]).toEqual(event.sources);
    }
    for (const company of story.companies) {
      expect(notes.presence[company.id]).toEqual(company.presence.map((p) => p.note ?? null));
      expect(notes.presenceSources[company.id]).toEqual(company.presence.map((p) => p.sources));
    }
  });

  it('travels in the page as inert JSON that no story text can end', () => {
    const hostile = '</script><script>window.__xss = 1</script><!--';
    const edited = { ...story, steps: [{ ...story.steps[0]!, title: hostile }, ...story.steps] };
    const html = storyDataHtml(edited);
    const open = `<script type="application/json" id="${STORY_DATA_ID}">`;
    expect(html.startsWith(open)).toBe(true);
    expect(html.endsWith('</script>')).toBe(true);
    const body = html.slice(open.length, -'</script>'.length);
    // No tag of any kind can open or close inside it: every < is escaped.
    expect(body).not.toContain('<');
    expect(JSON.parse(body)).toEqual(browserStory(edited));
    expect((JSON.parse(body) as ReturnType<typeof browserStory>).steps[0]!.title).toBe(hostile);
  });
});
