/** Where a trigger line falls among the steps: pure, used by the scroll engine and the page. */

/** A step's top and height, in the same coordinates as the line. */
export interface StepBox {
  top: number;
  height: number;
}

/**
 * The active step and progress for a trigger line at `line` pixels from the top, given the
 * number of steps and each one's box (top and height, in the same coordinates). Before the
 * first step, the first is active at progress 0. Steps stand one below another, so their tops
 * rise with their index: a binary search reads a few boxes, however long the story (each read
 * of a live page's layout costs).
 */
export function stepAtLine(
  count: number,
  boxOf: (index: number) => StepBox,
  line: number
): { index: number; progress: number } {
  // The last step whose top has reached the line (the first step when none has).
  let low = 0;
  let high = count - 1;
  let index = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (boxOf(middle).top <= line) {
      index = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const step = count > 0 ? boxOf(index) : undefined;
  if (!step || step.height <= 0) return { index, progress: 0 };
  return { index, progress: Math.min(1, Math.max(0, (line - step.top) / step.height)) };
}
