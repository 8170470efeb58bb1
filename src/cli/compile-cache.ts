/**
 * V8's code cache for the package's CommonJS bundles (what Node 22's `module.enableCompileCache()` does for every
 * module; Node 20 has no such switch, and caches only code compiled through `vm.Script`). Used by the bin's
 * launcher for the command line (dist/cli/main.cjs, src/cli/launch.ts) and by the diff's introspection worker
 * (dist/introspect-worker.cjs, src/api/introspect-worker.ts).
 *
 * Why: a command runs each of its functions once per model; V8 compiles a function on its first call, and at 1,000
 * models that compilation is ~30 ms of `codegen validate` (measured: 447 → 417 ms whole-process, one file instead of
 * ~20 ES modules saving another ~10). The cache holds the bytecode of every function a run compiled, so the next
 * run skips it.
 *
 * Where: `node_modules/.cache/spacepos-codegen/` of the project the package is installed in (the convention of
 * babel, eslint and others), one file per command (and one for the worker), named by the build and the Node
 * version. V8 checks the rest (its version, the flags, the source) and rejects a cache that does not fit, which is
 * then rewritten. Nothing here may fail a command: an unreadable, unwritable or rejected cache only means compiling
 * as usual. CODEGEN_COMPILE_CACHE=0 turns it off; CODEGEN_COMPILE_CACHE=<folder> puts it elsewhere.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { useDefaultJitBudget } from './jit-budget.js';

/** Identifies the bundles' content (set by scripts/build.mjs): a cache from another build is never offered to V8. */
declare const CODEGEN_BUILD_ID: string;

/** What has a cache file of its own: each command, and the worker. */
const CACHED_NAMES = new Set(['init', 'validate', 'format', 'diff', 'migrate', 'check', 'pull', 'erd', 'generate', 'introspect-worker']);

export interface CachedBundle<T> {
  readonly exports: T;
  /** Stores what this run compiled, when the cache was missing or rejected; call once the work is done. */
  readonly saveCache: () => void;
}

/** Loads a CommonJS bundle (`file`), through the code cache `cacheFile` when there is one. */
export function loadCachedBundle<T>(file: string, cacheFile: string | undefined): CachedBundle<T> {
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  const script = new Script((Module as unknown as { wrap(code: string): string }).wrap(readFileSync(file, 'utf8')), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  let saved = false;
  const saveCache = (): void => {
    if (saved || !cacheFile || (cached && !script.cachedDataRejected)) return;
    saved = true;
    writeCache(cacheFile, () => {
      // Under V8's default flags, as every cache is read (jit-budget.ts): V8 stamps a cache with the flags in effect.
      useDefaultJitBudget();
      return script.createCachedData();
    });
  };
  return { exports: module.exports, saveCache };
}

/** The cache file for `name` (a command, else `other`), or undefined when caching is off. */
export function compileCacheFile(packageRoot: string, name: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.CODEGEN_COMPILE_CACHE;
  if (setting !== undefined && ['0', 'false', 'off'].includes(setting.toLowerCase())) return undefined;
  const dir = setting ? path.resolve(setting) : defaultCacheDir(packageRoot);
  const known = name !== undefined && CACHED_NAMES.has(name) ? name : 'other';
  return path.join(dir, `${known}-${CODEGEN_BUILD_ID}-${process.version}-${process.arch}.v8cache`);
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
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
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
