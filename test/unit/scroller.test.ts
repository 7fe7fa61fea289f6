import { describe, expect, it } from 'vitest';
import { stepAtLine } from '../../src/lib/scroll/scroller';

describe('stepAtLine', () => {
  const steps = [
    { top: 100, height: 200 },
    { top: 300, height: 200 },
    { top: 500, height: 400 },
  ];

  const at = (line: number) => stepAtLine(steps.length, (i) => steps[i]!, line);

  it('picks the first step before the story starts', () => {
    expect(at(50)).toEqual({ index: 0, progress: 0 });
  });

  it('picks the last step whose top has passed the line, with progress through it', () => {
    expect(at(350)).toEqual({ index: 1, progress: 0.25 });
    expect(at(600)).toEqual({ index: 2, progress: 0.25 });
  });

  it('keeps the last step, fully read, after a jump past the end', () => {
    expect(at(5000)).toEqual({ index: 2, progress: 1 });
  });
});

describe('stepAtLine in a long story', () => {
  /** 200 steps of 500 px, the first at 1000 px. */
  const box = (index: number) => ({ top: 1000 + 500 * index, height: 500 });

  it('finds the step at the line with a few reads of a long story', () => {
    const read: number[] = [];
    const at = stepAtLine(
      200,
      (index) => {
        read.push(index);
        return box(index);
      },
      1000 + 500 * 137 + 125
    );
    expect(at).toEqual({ index: 137, progress: 0.25 });
    // A binary search over 200: eight probes and the found step's own box.
    expect(read.length).toBeLessThanOrEqual(9);
  });

  it('gives the first step before the story and the last after it', () => {
    expect(stepAtLine(200, box, 0)).toEqual({ index: 0, progress: 0 });
    expect(stepAtLine(200, box, 10 ** 6)).toEqual({ index: 199, progress: 1 });
  });

  it('takes the later of two steps at the same place (an empty step)', () => {
    const steps = [
      { top: 0, height: 100 },
      { top: 100, height: 0 },
      { top: 100, height: 300 },
      { top: 400, height: 100 },
    ];
    expect(stepAtLine(steps.length, (i) => steps[i]!, 250)).toEqual({ index: 2, progress: 0.5 });
  });

  it('gives the first step of an empty list', () => {
    expect(stepAtLine(0, box, 500)).toEqual({ index: 0, progress: 0 });
  });
});
