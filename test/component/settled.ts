/**
 * Waits for a state, never for a time: `check` is retried until it passes. The limit is far
 * above what any state takes on an idle machine (lazy D3 and the first drawing, well under a
 * second), so a busy machine slows a test down instead of failing it; the component project's
 * test timeout (vite.config.ts) is above it.
 */
import { vi } from 'vitest';

export const STATE_WAIT_MS = 30_000;

export function until<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: STATE_WAIT_MS, interval: 20 });
}
