import { describe, expect, it } from 'vitest';
import { overlappingLabels, screenLength } from '../../src/lib/map/labels';

const box = (id: string, left: number, top: number, width = 100, height = 20) => ({
  id,
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('overlappingLabels', () => {
  it('keeps the first of two overlapping labels and hides the second', () => {
    expect(overlappingLabels([box('a', 0, 0), box('b', 50, 10)])).toEqual(new Set(['b']));
  });

  it('keeps labels that do not touch', () => {
    expect(overlappingLabels([box('a', 0, 0), box('b', 0, 40), box('c', 200, 0)])).toEqual(
      new Set()
    );
  });

  it('does not let a hidden label hide another', () => {
    // b overlaps a and is hidden; c overlaps only b, so c stays.
    expect(overlappingLabels([box('a', 0, 0), box('b', 60, 0), box('c', 130, 0)])).toEqual(
      new Set(['b'])
    );
  });
});

describe('screenLength', () => {
  it('doubles with each zoom level', () => {
    const line: [number, number][] = [
      [124.38, 40.12],
      [125.74, 39.0],
    ];
    expect(screenLength(line, 8) / screenLength(line, 7)).toBeCloseTo(2, 9);
  });

  it('is zero for a single point', () => {
    expect(screenLength([[1, 2]], 10)).toBe(0);
  });
});
