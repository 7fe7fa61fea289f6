/** Props that a test can change after mounting, as a parent component would. */
export function reactive<T extends object>(initial: T): T {
  const props = $state(initial);
  return props;
}
