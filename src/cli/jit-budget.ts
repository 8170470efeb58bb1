/**
 * V8 tuning for a one-shot command over a large input. V8 sends a function to its optimizing compiler (TurboFan)
 * once it has run through an "interrupt budget" of bytecode; on a 1,000-model schema, with the default budget,
 * hundreds of parser and planner functions qualify within the first few hundred milliseconds, and their
 * compilations on V8's background threads cost ~0.5 s of CPU: on a 2-core machine, as much as the main thread
 * itself, competing with it, with the garbage collector's helpers and with the diff's introspection worker. An 8x
 * budget optimizes only the functions that stay hot (measured: `codegen diff` at 1,000 models 10-30% faster
 * whole-process, and no slower at 5,000 models, where turning the optimizer off entirely is ~35% slower; `codegen
 * validate` at 1,000 models: 630 → 570 ms wall, 930 → 700 ms CPU). Process-wide, so it is applied only for the
 * CLI (launch.ts, or the diff's early worker), never by the API or in an app that imports the package.
 *
 * When: V8 stamps every code cache with a hash of the flags that differ from their defaults, and rejects a cache
 * made under other flags. That includes the code cache of Node's own modules, built into the node binary: a worker
 * boots by compiling Node's modules, and with the budget set it compiles them from source, twice as slowly
 * (measured: a worker's boot 30 → 60 ms). So the budget is set only once every cached compilation is done (the
 * launcher's, and the early worker's boot), and a cache is always made and read under the default flags
 * (compile-cache.ts).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * V8's default budget, where we know it: V8 11.3 (every Node 20 since 20.19, the oldest Node the package supports).
 * `useDefaultJitBudget` must restore exactly V8's default, or every cache would be stamped as made under changed
 * flags and rejected by the next run; so on another V8 (Node 22, 24) the budget is left alone.
 */
const DEFAULT_INTERRUPT_BUDGET = process.versions.v8.startsWith('11.3.') ? 67_584 : undefined;

export function useLongerJitBudget(): void {
  if (DEFAULT_INTERRUPT_BUDGET !== undefined) setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET * 8}`);
}

/** Back to V8's default, which V8 counts as an unchanged flag (its flag hash is the default one again). */
export function useDefaultJitBudget(): void {
  if (DEFAULT_INTERRUPT_BUDGET !== undefined) setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
}
