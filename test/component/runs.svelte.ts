/**
 * How often each of several reactive reads reruns: one effect per read, each counting its
 * runs, as each item of a rendered list is one effect reading its own value.
 */
export function countRuns(reads: (() => unknown)[]): { runs: number[]; stop: () => void } {
  const runs = reads.map(() => 0);
  const stop = $effect.root(() => {
    reads.forEach((read, at) => {
      $effect.pre(() => {
        read();
        runs[at]!++;
      });
    });
  });
  return { runs, stop };
}
