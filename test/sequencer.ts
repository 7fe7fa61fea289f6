/**
 * The order test files start in: the longest first, so that the two browser workers finish
 * together (a long file started last ran alone for a minute and more at the end of the suite).
 * Vitest orders by the durations it cached in the last run; a fresh clone (CI) has none, and
 * Vitest's own fallback, the larger file first, started the readability walks, small files
 * that take the longest, last. Without a cached duration, a browser test file counts for the
 * seconds it took in a run on an idle 2-core machine (below; only the order depends on them,
 * never a result); a file not listed counts as the longest, as Vitest runs unknown files first.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each browser test file took, two at a time, on an idle 2-core machine (6 Dec 2026). */
const E2E_SECONDS: Readonly<Record<string, number>> = {
  'access.test.ts': 82,
  'embed.test.ts': 72,
  'stories.test.ts': 70,
  'story.test.ts': 49,
  'build.test.ts': 49,
  'readability-embeds.test.ts': 48,
  'readability.test.ts': 40,
  'imported.test.ts': 38,
  'addresses.test.ts': 35,
  'overlays.test.ts': 30,
  'edited.test.ts': 21,
  'dev.test.ts': 17,
  'edit.test.ts': 16,
  'budgets.test.ts': 11,
  'xss.test.ts': 3,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const cached = (file: TestSpecification) =>
      cache.getFileTestResults(`${file.project.name}:${relative(config.root, file.moduleId)}`);
    const seconds = (file: TestSpecification): number => {
      const last = cached(file);
      if (last) return last.duration / 1000;
      if (file.project.name !== 'e2e') return 0;
      return E2E_SECONDS[file.moduleId.split('/').at(-1)!] ?? Infinity;
    };
    // The base sequencer's order of projects (each a run of files), and failed files first.
    const ordered = await super.sort(files);
    const project = new Map(ordered.map((file, index) => [file, index]));
    const failedFirst = (file: TestSpecification) => (cached(file)?.failed ? 0 : 1);
    return [...ordered].sort((a, b) =>
      a.project.name !== b.project.name
        ? project.get(a)! - project.get(b)!
        : failedFirst(a) - failedFirst(b) || seconds(b) - seconds(a)
    );
  }
}
