/**
 * The size budgets of bench/budgets.json, held on a built site (any: the story's, or one the
 * tests build): the check that names the files, their sizes and the budget when they add up
 * to more. What each budget counts is measured in sizes.ts (which the bench shares).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './harness';
import {
  appJavaScriptAtStart,
  appJavaScriptOf,
  embedLoader,
  geoData,
  loadedBeforeFirstSettle,
  type Sized,
} from './sizes';

interface Budget {
  budget: number;
  /** Where the test holds it while the budget is not met yet (see its note). */
  heldAt?: number;
  note?: string;
}
export const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as Record<
  string,
  Budget
>;
const KB = 1024;

/** Fails with every file, its size and the budget when the sizes add up to more. */
export function expectWithin(name: string, sizes: Sized[]): void {
  const budget = budgets[name]!;
  const limit = (budget.heldAt ?? budget.budget) * KB;
  const total = sizes.reduce((sum, entry) => sum + entry.bytes, 0);
  const list = sizes
    .toSorted((a, b) => b.bytes - a.bytes)
    .map((entry) => `  ${entry.file}: ${(entry.bytes / KB).toFixed(1)} KB`)
    .join('\n');
  expect(
    total,
    `${name}: ${(total / KB).toFixed(1)} KB gzipped, over its budget of ${limit / KB} KB:\n${list}`
  ).toBeLessThanOrEqual(limit);
}

/** Every budget at once, on the site at `origin` serving `folder` (its first step given). */
export async function expectWithinEveryBudget(
  browser: Browser,
  origin: string,
  folder: string,
  firstStepId: string
): Promise<void> {
  expectWithin('appJavaScriptAtStartKb', appJavaScriptAtStart(folder));
  expectWithin('geoDataKb', geoData(folder));
  expectWithin('embedLoaderKb', embedLoader(folder));
  const { sizes, outside } = await loadedBeforeFirstSettle(browser, origin, folder, firstStepId);
  expectWithin('loadedBeforeFirstSettledMapKb', sizes);
  expectWithin('appJavaScriptBeforeFirstSettledMapKb', appJavaScriptOf(folder, sizes));
  expect(outside.length).toBeLessThanOrEqual(budgets.requestsOutsideOrigin!.budget);
}
