/** "Did you mean …?" for mistyped ids and field names. */

/**
 * Edit distance where inserting, deleting or changing a character, or swapping two neighbours
 * ("titel" for "title"), each count as one edit (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate an editor most likely meant: the same word in other capitals; else one that
 * begins with what they typed
 * ("pyongyang" → "pyongyang-station"), else the nearest by edit distance if it is close enough
 * to be a typo (one edit for short words, up to a third of the length, never more than three).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  const all = [...candidates];
  const sameButCase = all.find((c) => c.toLowerCase() === typed);
  if (sameButCase !== undefined) return sameButCase;
  const extended = all.filter((c) => typed.length >= 4 && c.toLowerCase().startsWith(`${typed}-`));
  if (extended.length > 0) return extended.sort((a, b) => a.length - b.length)[0];
  // A word cut short ("kim-il-sung-sq"): the one id it begins, if only one.
  const begun = all.filter((c) => typed.length >= 6 && c.toLowerCase().startsWith(typed));
  if (begun.length === 1) return begun[0];
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of all) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` — did you mean "x"?` when a likely candidate exists, else nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` — did you mean "${match}"?`;
}
