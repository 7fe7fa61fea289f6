import { describe, expect, it } from 'vitest';
import { stepAtLine } from '../../src/lib/scroll/scroller';

describe('stepAtLine', () => {
  const steps = [
    { top: 100, height: 200 },
    { top: 300, height: 200 },
    { top: 500, height: 400 },
  ];

  it('picks the first step before the story starts', () => {
    expect(stepAtLine(steps, 50)).toEqual({ index: 0, progress: 0 });
  });

  it('picks the last step whose top has passed the line, with progress through it', () => {
    expect(stepAtLine(steps, 350)).toEqual({ index: 1, progress: 0.25 });
    expect(stepAtLine(steps, 600)).toEqual({ index: 2, progress: 0.25 });
  });

  it('keeps the last step, fully read, after a jump past the end', () => {
    expect(stepAtLine(steps, 5000)).toEqual({ index: 2, progress: 1 });
  });
});
