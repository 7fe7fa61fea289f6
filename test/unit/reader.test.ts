/**
 * What every reader gets besides the scroll: links to a step, keys between steps, the choice
 * of animations, where a card is read, and the map described in words.
 */
import { describe, expect, it } from 'vitest';
import { NARROW_MAP_SHARE, readingTop, TRIGGER_LINE } from '../../src/lib/layout';
import { coveredPadding } from '../../src/lib/map/chrome';
import {
  ANIMATION_STORAGE_KEY,
  motionReduced,
  readAnimationChoice,
  saveAnimationChoice,
} from '../../src/lib/motion';
import { mayFollowStep, stepForKey, stepFromHash } from '../../src/lib/navigation';
import { narrate, plainText, staticMapDescription } from '../../src/lib/state/narration';
import { stepState } from '../../src/lib/state/step-state';
import { loadStory, StoryError } from '../../src/lib/story/load';
import { flagshipStory, withStoryEdit } from './helpers';

const story = flagshipStory();
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

describe('the address following the step being read', () => {
  const [first, second, third] = ids.map((id) => `#${id}`);

  it('follows from no address, or from the one it wrote itself', () => {
    expect(mayFollowStep('', first!, undefined, ids)).toBe(true);
    expect(mayFollowStep(first!, second!, first, ids)).toBe(true);
    // An address that names no step (a section's anchor) is followed over too.
    expect(mayFollowStep('#sources', second!, first, ids)).toBe(true);
    expect(mayFollowStep(second!, second!, first, ids)).toBe(false);
  });

  it("never takes back a step the reader's link has just named, before the story gets there", () => {
    // Reading the first step, the reader follows a link to the third: its hashchange is still
    // to come when the step being read would be written.
    expect(mayFollowStep(third!, first!, first, ids)).toBe(false);
    expect(mayFollowStep(third!, second!, undefined, ids)).toBe(false);
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
    expect(readingTop(800, false)).toBe(80);
    expect(readingTop(800, false)).toBeLessThan(800 * TRIGGER_LINE);
  });

  it('on a phone: just below the map, which keeps the top of the screen, above the trigger line', () => {
    for (const height of [640, 844]) {
      const top = readingTop(height, true);
      expect(top).toBeGreaterThan(height * NARROW_MAP_SHARE);
      expect(top).toBeLessThan(height * TRIGGER_LINE);
    }
  });
});

describe('what covers the map', () => {
  const size = { width: 390, height: 464 };

  it('takes a bar across the top from the top, and a strip at the foot from the foot', () => {
    const padding = coveredPadding(size, [
      { left: 0, top: 0, right: 390, bottom: 38 },
      { left: 6, top: 380, right: 384, bottom: 458 },
    ]);
    expect(padding).toEqual({ top: 38, right: 0, bottom: 84, left: 0 });
  });

  it('takes each box from the side that leaves the most of the map clear', () => {
    const desktop = { width: 768, height: 800 };
    const padding = coveredPadding(desktop, [
      // A tall narrow column at the right (the step navigation): from the right.
      { left: 730, top: 52, right: 756, bottom: 386 },
      // A wide short box at the top left (the legend): from the top.
      { left: 12, top: 8, right: 289, bottom: 118 },
    ]);
    expect(padding).toEqual({ top: 118, right: 38, bottom: 0, left: 0 });
  });

  it('ignores boxes off the map, empty ones, and ones already outside the clear part', () => {
    const padding = coveredPadding(size, [
      { left: 0, top: 0, right: 390, bottom: 40 },
      // Inside the strip already taken: nothing more.
      { left: 300, top: 5, right: 380, bottom: 30 },
      { left: 400, top: 0, right: 500, bottom: 100 },
      { left: 10, top: 100, right: 10, bottom: 200 },
    ]);
    expect(padding).toEqual({ top: 40, right: 0, bottom: 0, left: 0 });
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
