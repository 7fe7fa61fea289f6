/**
 * Which item of a list is current (src/lib/list-position.svelte.ts): the flags it gives each
 * item, and that a change reruns only the reads of the items whose flags changed.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ListPosition } from '../../src/lib/list-position.svelte';
import { countRuns } from './runs.svelte';

const flags = (position: ListPosition, length: number) =>
  Array.from({ length }, (_, at) =>
    position.isCurrent(at) ? 'current' : position.isBefore(at) ? 'before' : 'after'
  );

describe('the current item of a list', () => {
  it('marks the current item and those before it, forwards, back and past the end', () => {
    const position = new ListPosition(5, 2);
    expect(flags(position, 5)).toEqual(['before', 'before', 'current', 'after', 'after']);
    position.moveTo(4, 5);
    expect(flags(position, 5)).toEqual(['before', 'before', 'before', 'before', 'current']);
    position.moveTo(0, 5);
    expect(flags(position, 5)).toEqual(['current', 'after', 'after', 'after', 'after']);
    // A list that grows or shrinks (the dev preview's saved story) is marked anew.
    position.moveTo(1, 3);
    expect(flags(position, 3)).toEqual(['before', 'current', 'after']);
    expect(position.isCurrent(7)).toBe(false);
  });

  it('reruns only the reads of the items whose flags change, in a list of 200', () => {
    const position = new ListPosition(200, 10);
    const current = countRuns(Array.from({ length: 200 }, (_, at) => () => position.isCurrent(at)));
    const before = countRuns(Array.from({ length: 200 }, (_, at) => () => position.isBefore(at)));
    flushSync();
    expect(current.runs.every((n) => n === 1)).toBe(true);

    position.moveTo(11, 200);
    flushSync();
    const rerun = (runs: number[]) => runs.flatMap((n, at) => (n > 1 ? [at] : []));
    expect(rerun(current.runs)).toEqual([10, 11]);
    expect(rerun(before.runs)).toEqual([10]);

    position.moveTo(14, 200);
    flushSync();
    expect(rerun(current.runs)).toEqual([10, 11, 14]);
    expect(rerun(before.runs)).toEqual([10, 11, 12, 13]);
    current.stop();
    before.stop();
  });
});
