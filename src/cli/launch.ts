/**
 * The bin's entry (dist/cli/launch.cjs): runs the command line from dist/cli/main.cjs, the whole CLI in one
 * CommonJS file, through V8's code cache (compile-cache.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discardEarlyIntrospection } from '../api/introspection-job.js';
import { DYNAMIC_IMPORT } from '../fs/dynamic-import.js';
import { compileCacheFile, loadCachedBundle } from './compile-cache.js';
import { startEarlyIntrospection } from './early-introspection.js';
import { useLongerJitBudget } from './jit-budget.js';

export async function launch(): Promise<void> {
  // `diff` against a live database: the worker that reads it boots while this thread loads the command line.
  const early = startEarlyIntrospection(process.argv.slice(2), process.cwd(), import.meta.url);
  const file = fileURLToPath(new URL('./main.cjs', import.meta.url));
  // The bundle's `import()`s (yargs, ts-morph, handlebars, a codegen.config file) go through this module's.
  (globalThis as Record<symbol, unknown>)[DYNAMIC_IMPORT] = (specifier: string) => import(specifier);
  const cli = loadCachedBundle<{ runCli: () => Promise<void> }>(file, compileCacheFile(path.resolve(path.dirname(file), '../..'), process.argv[2]));
  // Only now (jit-budget.ts): by the worker once it has compiled too, else here.
  if (early) early.mainCompiled();
  else useLongerJitBudget();
  // At exit, when every function the command needed has been compiled.
  process.once('exit', cli.saveCache);
  try {
    await cli.exports.runCli();
  } finally {
    discardEarlyIntrospection();
  }
}
