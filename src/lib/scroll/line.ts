/** Where a trigger line falls among the steps: pure, shared by the scroll engine and the embed. */
/**
 * The active step and progress for a trigger line at `line` pixels from the top, given each
 * step's top and height in the same coordinates. Before the first step, the first is active
 * at progress 0.
 */
export function stepAtLine(
  steps: readonly { top: number; height: number }[],
  line: number
): { index: number; progress: number } {
  let index = 0;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]!.top <= line) index = i;
    else break;
  }
  const step = steps[index];
  if (!step || step.height <= 0) return { index, progress: 0 };
  const progress = Math.min(1, Math.max(0, (line - step.top) / step.height));
  return { index, progress };
}
