/**
 * Where each item read from the editor's files stood in its file (a JSON pointer), so that
 * checks made after reading (duplicates, references) point at the right place.
 */
const locations = new WeakMap<object, string>();
export function located<T extends object>(item: T, at: string): T;
export function located<T extends object>(item: T | undefined, at: string): T | undefined;
export function located<T extends object>(item: T | undefined, at: string): T | undefined {
  if (item) locations.set(item, at);
  return item;
}
export function locationOf(item: object): string {
  return locations.get(item) ?? '';
}
