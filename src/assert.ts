/** Ends an exhaustive switch: a missing case is a compile error, and an impossible value at run time is a bug. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
