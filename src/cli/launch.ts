/**
 * The bin's entry (dist/cli/launch.js): runs the command line from dist/cli/main.cjs, the whole CLI in one
 * CommonJS file, through V8's code cache, which is what Node 22's `module.enableCompileCache()` does for every
 * module (Node 20 has no such switch, and caches only CommonJS compiled through `vm.Script`).
 *
 * Why: a command runs each of its functions once per model; V8 compiles a function on its first call, and at 1,000
 * models that compilation is ~30 ms of `codegen validate` (measured: 447 → 417 ms whole-process, one file instead of
 * ~20 ES modules saving another ~10). The cache holds the bytecode of every function the command compiled, so the
 * next run of the same command skips it.
 *
 * Where: `node_modules/.cache/spacepos-codegen/` of the project the package is installed in (the convention of
 * babel, eslint and others), one file per command, named by the build and the Node version. V8 checks the rest (its
 * version, the flags, the source) and rejects a cache that does not fit, which is then rewritten. Nothing here may
 * fail a command: an unreadable, unwritable or rejected cache only means compiling as usual.
 * CODEGEN_COMPILE_CACHE=0 turns it off; CODEGEN_COMPILE_CACHE=<folder> puts it elsewhere.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { DYNAMIC_IMPORT } from '../fs/dynamic-import.js';
import { useLongerJitBudget } from './jit-budget.js';

/** Identifies main.cjs's content (set by scripts/build.mjs): a cache from another build is never offered to V8. */
declare const CODEGEN_CLI_BUILD_ID: string;

const COMMANDS = new Set(['init', 'validate', 'format', 'diff', 'migrate', 'check', 'pull', 'erd', 'generate']);

export async function launch(): Promise<void> {
  // Before compiling: V8 keys the cache by the flags in effect, and the CLI runs with a longer JIT budget.
  useLongerJitBudget();
  const file = fileURLToPath(new URL('./main.cjs', import.meta.url));
  const source = readFileSync(file, 'utf8');
  const cacheFile = compileCacheFile(path.resolve(path.dirname(file), '../..'), process.argv[2]);
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  const script = new Script((Module as unknown as { wrap(code: string): string }).wrap(source), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  // The bundle's `import()`s (yargs, ts-morph, handlebars, a codegen.config file) go through this module's.
  (globalThis as Record<symbol, unknown>)[DYNAMIC_IMPORT] = (specifier: string) => import(specifier);
  if (cacheFile && (!cached || script.cachedDataRejected)) {
    // At exit, when every function the command needed has been compiled.
    process.once('exit', () => writeCache(cacheFile, () => script.createCachedData()));
  }
  const exports: { runCli?: () => Promise<void> } = {};
  const module = { exports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(exports, exports, createRequire(file), module, file, path.dirname(file));
  await module.exports.runCli!();
}

/** The cache file for this command, or undefined when caching is off. */
export function compileCacheFile(packageRoot: string, command: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.CODEGEN_COMPILE_CACHE;
  if (setting !== undefined && ['0', 'false', 'off'].includes(setting.toLowerCase())) return undefined;
  const dir = setting ? path.resolve(setting) : defaultCacheDir(packageRoot);
  const name = command !== undefined && COMMANDS.has(command) ? command : 'other';
  return path.join(dir, `${name}-${CODEGEN_CLI_BUILD_ID}-${process.version}-${process.arch}.v8cache`);
}

/** `<project>/node_modules/.cache/spacepos-codegen`: the nearest node_modules above the package, else its own. */
function defaultCacheDir(packageRoot: string): string {
  for (let dir = packageRoot; ; ) {
    if (path.basename(dir) === 'node_modules') return path.join(dir, '.cache', 'spacepos-codegen');
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(packageRoot, 'node_modules', '.cache', 'spacepos-codegen');
    dir = parent;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Atomically (a concurrent run reads the old file or the new one). */
function writeCache(file: string, data: () => Buffer): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data());
    renameSync(temp, file);
    // Files of other builds or Node versions that no run has rewritten for a day: a project that alternates two
    // (a nested install, two Node versions) keeps both, without either run erasing the other's.
    const dayAgo = Date.now() - 86_400_000;
    for (const other of readdirSync(dir)) {
      const at = path.join(dir, other);
      if (other.endsWith('.v8cache') && at !== file && statSync(at).mtimeMs < dayAgo) rmSync(at, { force: true });
    }
  } catch {
    // A read-only install, a full disk: the next run compiles as this one did.
  }
}
