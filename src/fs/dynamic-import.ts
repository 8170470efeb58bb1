/**
 * `import()` that also works inside the command line's code-cached CommonJS bundle (dist/cli/main.cjs, see
 * src/cli/launch.ts): V8 runs that bundle through `vm.Script`, where Node 20 cannot `import()` without
 * --experimental-vm-modules. The launcher (dist/cli/launch.cjs, loaded by `require`, where `import()` works) lends
 * its own `import()` under a global symbol; everywhere else (the library, tests) this is plain `import()`. Bare names
 * resolve the same from either.
 */
export const DYNAMIC_IMPORT = Symbol.for('@spacepos/codegen.dynamicImport');

type Importer = (specifier: string) => Promise<unknown>;

export function dynamicImport<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { [DYNAMIC_IMPORT]?: Importer })[DYNAMIC_IMPORT];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
