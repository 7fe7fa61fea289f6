/**
 * The validator's rules for how sure a story is (story/load.ts), on the engine's fixture
 * story: a confidence needs a source, a name claims no position, a source has a plain title
 * and a date, and a byline left out is left out.
 */
import { describe, expect, it } from 'vitest';
import { StoryError, loadStory } from '../../src/lib/story/load';
import type { StoryProblem } from '../../src/lib/story/read';
import { engineFiles } from './helpers';

type Json = Record<string, unknown>;
interface Feature {
  properties: Json;
}

/** The engine fixture with its story and places changed by `edit`; its problems, if any. */
function problemsAfter(edit: (story: Json, places: Feature[]) => void): StoryProblem[] {
  const files = engineFiles();
  const story = JSON.parse(files.story.text) as Json;
  const places = JSON.parse(files.places.text) as { features: Feature[] };
  edit(story, places.features);
  try {
    loadStory({
      ...files,
      story: { ...files.story, text: JSON.stringify(story, null, 2) },
      places: { ...files.places, text: JSON.stringify(places, null, 2) },
    });
    return [];
  } catch (error) {
    if (error instanceof StoryError) return error.problems;
    throw error;
  }
}

const placeIndex = (places: Feature[], kind: string) =>
  places.findIndex((f) => f.properties.kind === kind && f.properties.confidence === 'medium');
const sources = (story: Json) => story.sources as Json[];

describe('how sure a place is', () => {
  it('needs a source for a medium or high confidence, or a lower one', () => {
    let index = -1;
    const problems = problemsAfter((_, places) => {
      index = placeIndex(places, 'city');
      delete places[index]!.properties.sources;
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'test/fixtures/engine/places.geojson',
      pointer: `/features/${index}/properties/confidence`,
      kind: 'rule',
    });
    expect(problems[0]!.message).toMatch(/medium confidence needs a source.*"low".*"unverified"/);
    // Lowered to what an unsourced position is, it loads.
    expect(
      problemsAfter((_, places) => {
        const place = places[placeIndex(places, 'city')]!.properties;
        delete place.sources;
        place.confidence = 'unverified';
      })
    ).toEqual([]);
  });

  it('cites only the story’s own sources', () => {
    const problems = problemsAfter((_, places) => {
      places[placeIndex(places, 'city')]!.properties.sources = ['papre'];
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'unknown-id' });
    expect(problems[0]!.pointer).toMatch(/^\/features\/\d+\/properties\/sources\/0$/);
    expect(problems[0]!.message).toMatch(/unknown source "papre" — did you mean "paper"\?/);
  });

  it('takes no confidence for a country or a river: a name claims no position', () => {
    const problems = problemsAfter((_, places) => {
      places.find((f) => f.properties.kind === 'country')!.properties.confidence = 'high';
    });
    expect(problems.map((p) => `${p.kind} ${p.pointer.replace(/\d+/, 'N')}`)).toEqual([
      'rule /features/N/properties/confidence',
    ]);
  });
});

describe('a source', () => {
  it('has a plain title, never a [bracketed] description', () => {
    const problems = problemsAfter((story) => {
      sources(story)[0]!.title = '[Report on the findings]';
    });
    expect(problems.map((p) => `${p.kind} ${p.pointer}`)).toEqual(['rule /sources/0/title']);
  });

  it('has a date, or says in "undated" why a reference work has none, never both', () => {
    expect(
      problemsAfter((story) => {
        delete sources(story)[0]!.date;
      }).map((p) => `${p.kind} ${p.pointer}`)
    ).toEqual(['missing /sources/0/date']);
    expect(
      problemsAfter((story) => {
        delete sources(story)[0]!.date;
        sources(story)[0]!.undated = 'an archived copy; its revision date was not recorded';
      })
    ).toEqual([]);
    expect(
      problemsAfter((story) => {
        sources(story)[0]!.undated = 'an archived copy';
      }).map((p) => `${p.kind} ${p.pointer}`)
    ).toEqual(['rule /sources/0/undated']);
  });

  it('is a real date at its precision, and not updated before it was published', () => {
    const problems = problemsAfter((story) => {
      sources(story)[0]!.updated = { date: '2018-12', precision: 'month' };
    });
    expect(problems.map((p) => `${p.kind} ${p.pointer}`)).toEqual(['date /sources/0/updated']);
    expect(problems[0]!.message).toMatch(/updated \(December 2018\) before it was published/);
    expect(
      problemsAfter((story) => {
        sources(story)[0]!.date = { date: '2019-05', precision: 'day' };
      }).map((p) => `${p.kind} ${p.pointer}`)
    ).toEqual(['date /sources/0/date/date']);
  });
});

describe('the byline', () => {
  it('may be left out, and then is not there', () => {
    const files = engineFiles();
    const story = JSON.parse(files.story.text) as { meta: Json };
    delete story.meta.byline;
    const loaded = loadStory({ ...files, story: { ...files.story, text: JSON.stringify(story) } });
    expect(loaded.meta.byline).toBeUndefined();
  });
});
