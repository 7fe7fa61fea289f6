/**
 * What every reader gets besides the scroll: links to a step, keys between steps, the choice
 * of animations, where a card is read, and the map described in words.
 */
import { describe, expect, it } from 'vitest';
import { cardCover, mapInsets, readingTop, TRIGGER_LINE } from '../../src/lib/layout';
import {
  ANIMATION_STORAGE_KEY,
  motionReduced,
  readAnimationChoice,
  saveAnimationChoice,
} from '../../src/lib/motion';
import { stepForKey, stepFromHash } from '../../src/lib/navigation';
import { narrate, plainText, staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import { loadStory, StoryError } from '../../src/lib/story/load';
import { committedStory, withStoryEdit } from './helpers';

const story = committedStory();
const ids = story.steps.map((step) => step.id);
const indexOf = (id: string) => ids.indexOf(id);

describe('a link to a step', () => {
  it('names the step by its id, decoded', () => {
    expect(stepFromHash('#rail', ids)).toBe(indexOf('rail'));
    expect(stepFromHash(`#${encodeURIComponent('rail')}`, ids)).toBe(indexOf('rail'));
  });

  it('falls back to the start for an empty, unknown, malformed or huge hash', () => {
    for (const hash of [
      '',
      '#',
      '#nope',
      '#%E0%A4%A',
      '#source-wapo-2019',
      `#${'a'.repeat(5000)}`,
    ]) {
      expect(stepFromHash(hash, ids), hash.slice(0, 20)).toBeUndefined();
    }
  });
});

describe('keys between steps', () => {
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...extra,
  });

  it('move to the next and previous step, the first and the last', () => {
    for (const k of ['ArrowDown', 'ArrowRight', 'PageDown'])
      expect(stepForKey(key(k), 3, 12)).toBe(4);
    for (const k of ['ArrowUp', 'ArrowLeft', 'PageUp']) expect(stepForKey(key(k), 3, 12)).toBe(2);
    expect(stepForKey(key('Home'), 7, 12)).toBe(0);
    expect(stepForKey(key('End'), 2, 12)).toBe(11);
  });

  it('stop at the ends', () => {
    expect(stepForKey(key('ArrowDown'), 11, 12)).toBe(11);
    expect(stepForKey(key('PageUp'), 0, 12)).toBe(0);
  });

  it('leave other keys, and modified ones, to the browser', () => {
    expect(stepForKey(key('Tab'), 3, 12)).toBeUndefined();
    expect(stepForKey(key(' '), 3, 12)).toBeUndefined();
    expect(stepForKey(key('ArrowDown', { altKey: true }), 3, 12)).toBeUndefined();
    expect(stepForKey(key('End', { ctrlKey: true }), 3, 12)).toBeUndefined();
    expect(stepForKey(key('ArrowDown'), 0, 0)).toBeUndefined();
  });
});

describe('the choice of animations', () => {
  class MemoryStorage {
    items = new Map<string, string>();
    getItem(key: string) {
      return this.items.get(key) ?? null;
    }
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
  }
  const refusing = {
    getItem() {
      throw new Error('SecurityError');
    },
    setItem() {
      throw new Error('QuotaExceededError');
    },
  };

  it("follows the system until the reader chooses, then the reader's choice", () => {
    expect(motionReduced(undefined, true)).toBe(true);
    expect(motionReduced(undefined, false)).toBe(false);
    expect(motionReduced('on', true)).toBe(false);
    expect(motionReduced('off', false)).toBe(true);
  });

  it('is remembered, and anything else stored counts as no choice', () => {
    const storage = new MemoryStorage() as unknown as Storage; // only getItem/setItem are used
    expect(readAnimationChoice(storage)).toBeUndefined();
    saveAnimationChoice(storage, 'off');
    expect(readAnimationChoice(storage)).toBe('off');
    storage.setItem(ANIMATION_STORAGE_KEY, 'sideways');
    expect(readAnimationChoice(storage)).toBeUndefined();
  });

  it('survives storage that refuses (private modes, sandboxed frames)', () => {
    const storage = refusing as unknown as Storage; // a Storage whose methods throw
    expect(() => saveAnimationChoice(storage, 'on')).not.toThrow();
    expect(readAnimationChoice(storage)).toBeUndefined();
    expect(readAnimationChoice(undefined)).toBeUndefined();
  });
});

describe('where a card is read', () => {
  it('on a wide screen: near the top, above the trigger line', () => {
    expect(readingTop(500, 800, false)).toBe(80);
    expect(readingTop(500, 800, false)).toBeLessThan(800 * TRIGGER_LINE);
    expect(cardCover(500, 800, false)).toBe(0);
  });

  it('on a phone: whole at the foot of the screen, never below the trigger line', () => {
    // A card of 400 px on a 844 px screen ends 12 px above the screen's foot.
    expect(readingTop(400, 844, true)).toBe(844 - 400 - 12);
    expect(cardCover(400, 844, true)).toBe(412);
    // A short card still sits above the trigger line, so its step is the active one.
    expect(readingTop(100, 844, true)).toBeLessThan(844 * TRIGGER_LINE);
    // A very long card leaves 45 % of the map clear; the rest of it is read scrolling on.
    expect(readingTop(2000, 844, true)).toBe(Math.round(844 * 0.45));
  });

  it("sets the map's covered foot on phones, with the timeline above the card", () => {
    const size = { width: 390, height: 844 };
    expect(mapInsets(size, true, { card: 412, timeline: 60 }).cover.bottom).toBe(472);
    expect(mapInsets(size, false, { card: 412, timeline: 60 }).cover.bottom).toBe(60);
    // Not measured yet: the typical share stands in.
    expect(mapInsets(size, true, {}).cover.bottom).toBe(Math.round(844 * 0.55));
  });
});

describe("the map's narration", () => {
  const rail = indexOf('rail');

  it("says which places, route, time and companies the step's map shows", () => {
    const text = plainText(narrate(story, stepState(story, indexOf('contract-2008'), 1)));
    expect(text).toMatch(/^The map shows /);
    expect(text).toMatch(/Route drawn: .*\(dashed: route not reported\)/);
    expect(text).toMatch(/Approximate positions: /);
    expect(text).toMatch(/Time: /);
    expect(text).toMatch(/Companies: .*Huawei/);
  });

  it('keeps local names in their language', () => {
    const phrases = narrate(story, stepState(story, indexOf('dandong'), 1));
    const local = phrases.filter((phrase) => phrase.lang !== undefined);
    expect(local.length).toBeGreaterThan(0);
    for (const phrase of local) {
      const place = story.places.find((p) => p.local?.text === phrase.text);
      expect(place?.local?.lang, phrase.text).toBe(phrase.lang);
    }
  });

  it('says a growing leg grows as the reader reads, only on the live map', () => {
    const growing = plainText(narrate(story, stepState(story, rail, 0.3)));
    expect(growing).toMatch(/is drawn as you read/);
    expect(plainText(narrate(story, stepState(story, rail, 1)))).not.toMatch(/as you read/);
    expect(staticMapDescription(story, rail)).not.toMatch(/as you read/);
  });

  it("gives way to the step's own alt text", () => {
    const alt = 'The line from Dandong across the river to Pyongyang.';
    const edited = loadStory(
      withStoryEdit((json) => {
        (json.steps as Record<string, unknown>[])[rail]!.alt = alt;
      })
    );
    expect(plainText(narrate(edited, stepState(edited, rail, 0.5)))).toBe(alt);
    expect(staticMapDescription(edited, rail)).toBe(alt);
  });

  it("names the story's region, not one written into the engine", () => {
    const edited = loadStory(
      withStoryEdit((json) => {
        (json.meta as Record<string, unknown>).region = 'Elbonia';
      })
    );
    const text = staticMapDescription(edited, indexOf('pyongyang'));
    expect(text).toContain('Elbonia');
    expect(text).not.toContain('North Korea:');
  });
});

describe('story.json for readers', () => {
  const problemsOf = (edit: (json: Record<string, unknown>) => void) => {
    try {
      loadStory(withStoryEdit(edit));
    } catch (error) {
      if (error instanceof StoryError) return error.problems;
      throw error;
    }
    return [];
  };
  const step = (json: Record<string, unknown>, index: number) =>
    (json.steps as Record<string, unknown>[])[index]!;

  it("takes a step's transition, and refuses an unknown one", () => {
    const edited = loadStory(withStoryEdit((json) => void (step(json, 2).transition = 'jump')));
    expect(edited.steps[2]!.transition).toBe('jump');
    expect(stepState(edited, 2, 0).transition).toBe('jump');
    const problems = problemsOf((json) => void (step(json, 2).transition = 'teleport'));
    expect(problems[0]).toMatchObject({ pointer: '/steps/2/transition', kind: 'not-allowed' });
  });

  it('refuses an empty alt text', () => {
    const problems = problemsOf((json) => void (step(json, 1).alt = ''));
    expect(problems[0]).toMatchObject({ pointer: '/steps/1/alt', kind: 'empty-value' });
  });

  it('refuses step ids the page uses for its own elements', () => {
    for (const id of ['source-intro', 'storymap-text']) {
      const problems = problemsOf((json) => void (step(json, 0).id = id));
      expect(problems[0], id).toMatchObject({ pointer: '/steps/0/id', kind: 'invalid-id' });
      expect(problems[0]?.message).toContain(id);
    }
  });
});
