/**
 * Performance marks around our own code, for `npm run bench` and for anyone profiling with
 * `?debug` in the address. Off otherwise: user-timing entries pile up until cleared, and a
 * reader's long session should not keep one per animation frame.
 */
const enabled =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('debug');

/** Runs `work`, recording its duration as a `performance.measure` named `name` when enabled. */
export function timed<T>(name: string, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    // Without an end, a measure ends now.
    performance.measure(name, { start });
  }
}

/** Records the moment `name` happens as a `performance.mark` when enabled. */
export function marked(name: string): void {
  if (enabled) performance.mark(name);
}
