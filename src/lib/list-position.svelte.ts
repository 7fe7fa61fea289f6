/**
 * Which item of a list is the current one, kept as one flag per item: when the current item
 * changes, only the items whose flags change are updated (the old and the new one, and for
 * `isBefore` the ones passed between them), not every item. A 200-step story's step
 * navigation and steps re-rendered all their items on each step change when every item
 * compared its index with the current one.
 */
export class ListPosition {
  /** Per item, whether it is the current one (a deep state: each item's flag is its own signal). */
  #current: boolean[] = $state([]);
  /** Per item, whether it comes before the current one. */
  #before: boolean[] = $state([]);
  #index = -1;

  /** A list of `length` items whose current one is `index`. */
  constructor(length: number, index: number) {
    this.moveTo(index, length);
  }

  /** Makes item `index` the current one of a list of `length` items. */
  moveTo(index: number, length: number): void {
    if (length !== this.#current.length) {
      this.#current = Array.from({ length }, (_, at) => at === index);
      this.#before = Array.from({ length }, (_, at) => at < index);
    } else if (index !== this.#index) {
      if (this.#index >= 0 && this.#index < length) this.#current[this.#index] = false;
      if (index >= 0 && index < length) this.#current[index] = true;
      const from = Math.max(0, Math.min(this.#index, index));
      const to = Math.min(length, Math.max(this.#index, index));
      for (let at = from; at < to; at++) this.#before[at] = at < index;
    }
    this.#index = index;
  }

  /** Whether item `at` is the current one. */
  isCurrent(at: number): boolean {
    return this.#current[at] ?? false;
  }

  /** Whether item `at` comes before the current one. */
  isBefore(at: number): boolean {
    return this.#before[at] ?? false;
  }
}
