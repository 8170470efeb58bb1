/** Ends an exhaustive `switch`: a missing case is a compile error, and a value that slips through is a bug. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
