/**
 * Prisma 7's own engines, in-process, as a test oracle (../shared/tools/prisma-oracle). For conformance runs
 * only: never imported by src/. Returns undefined from `loadOracle()` when the oracle is not installed, so
 * callers can skip with a clear message.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface OracleVerdict {
  readonly valid: boolean;
  /** Prisma's error text, when invalid. */
  readonly message?: string;
}

export interface DiffTarget {
  readonly kind: 'empty' | 'schema' | 'db';
  /** Schema text for 'schema'; a database file path for 'db'. */
  readonly value?: string;
}

export interface Oracle {
  validate(schema: string, file?: string): OracleVerdict;
  /** Validates a multi-file schema: `[path, text]` pairs. */
  validateFiles(files: readonly (readonly [string, string])[]): OracleVerdict;
  format(schema: string, file?: string): string;
  dmmf(schema: string): unknown;
  /** `prisma migrate diff --script` between two targets. Only one `db` target per call. */
  diff(from: DiffTarget, to: DiffTarget): Promise<{ sql: string; exitCode: number }>;
  /** `prisma db pull` of a database file. */
  pull(dbFile: string): Promise<string>;
  /** `prisma migrate deploy` of a migrations folder into a database file. */
  applyMigrations(dbFile: string, migrationsDir: string): Promise<{ appliedMigrationNames: string[] }>;
  /** What `prisma migrate status` knows: history problems, failed and pending migrations. */
  diagnoseMigrationHistory(dbFile: string, migrationsDir: string): Promise<Record<string, unknown>>;
}

/** The migrations folder as the schema engine wants it (loaded from disk). */
export function migrationsList(dir: string): object {
  const dirs = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lock = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lock) ? readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: { path: 'migration.sql', content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: 'missing' } },
      };
    }),
  };
}

export const ORACLE_DIR = process.env.PRISMA_ORACLE_DIR ?? path.join(os.homedir(), '.cache', 'prisma-oracle');

/** Prisma 7 rejects `url` in a datasource; the oracle strips it before validating (as the shared oracle does). */
export function stripUrl(schema: string): string {
  return schema.replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, '');
}

export function oracleInstalled(): boolean {
  return existsSync(path.join(ORACLE_DIR, 'node_modules/@prisma/prisma-schema-wasm'));
}

export function loadOracle(): Oracle | undefined {
  if (!oracleInstalled()) return undefined;
  const req = createRequire(path.join(ORACLE_DIR, 'noop.js'));
  const wasm = req('@prisma/prisma-schema-wasm') as {
    validate(params: string): void;
    format(schema: string, params: string): string;
    get_dmmf(params: string): string;
  };
  const validateFiles = (files: readonly (readonly [string, string])[]): OracleVerdict => {
    try {
      wasm.validate(JSON.stringify({ prismaSchema: files.map(([f, text]) => [f, stripUrl(text)]), noColor: true }));
      return { valid: true };
    } catch (e) {
      let message = String((e as Error)?.message ?? e);
      try {
        message = (JSON.parse(message) as { message: string }).message;
      } catch {
        // not JSON: keep the text
      }
      return { valid: false, message };
    }
  };
  return {
    validate: (schema, file = 'schema.prisma') => validateFiles([[file, schema]]),
    validateFiles,
    format(schema, file = 'schema.prisma') {
      const out = JSON.parse(
        wasm.format(JSON.stringify([[file, schema]]), JSON.stringify({ textDocument: { uri: `file:/${file}` }, options: { tabSize: 2, insertSpaces: true } })),
      ) as [string, string][];
      return out[0]![1];
    },
    dmmf(schema) {
      return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', stripUrl(schema)]], noColor: true })));
    },
    async diff(from, to) {
      const dbFile = [from, to].find((t) => t.kind === 'db')?.value;
      if (dbFile === undefined) {
        const engine = await schemaEngine(req, ':memory:');
        const target = (t: DiffTarget): object =>
          t.kind === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: stripUrl(t.value!) }] };
        const r = (await engine.diff({ from: target(from), to: target(to), script: true, exitCode: true, filters: { externalTables: [], externalEnums: [] } })) as { stdout?: string; exitCode: number };
        return { sql: r.stdout ?? '', exitCode: r.exitCode };
      }
      const strip = (t: DiffTarget): DiffTarget => (t.kind === 'schema' ? { kind: 'schema', value: stripUrl(t.value!) } : t);
      return (await child({ op: 'diff', dbFile, from: strip(from), to: strip(to) })) as { sql: string; exitCode: number };
    },
    async pull(dbFile) {
      return ((await child({ op: 'pull', dbFile })) as { schema: string }).schema;
    },
    async applyMigrations(dbFile, migrationsDir) {
      return (await child({ op: 'applyMigrations', dbFile, migrationsList: migrationsList(migrationsDir) })) as { appliedMigrationNames: string[] };
    },
    async diagnoseMigrationHistory(dbFile, migrationsDir) {
      return (await child({ op: 'diagnoseMigrationHistory', dbFile, migrationsList: migrationsList(migrationsDir) })) as Record<string, unknown>;
    },
  };
}

interface SchemaEngine {
  diff(params: object): Promise<unknown>;
  introspect(params: object): Promise<unknown>;
  applyMigrations(params: object): Promise<unknown>;
  diagnoseMigrationHistory(params: object): Promise<unknown>;
}

let lastPanic: string | undefined;

/** Runs one database-bound engine call in a child process (the wasm engine cannot host two databases at once). */
function child(args: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(new URL('./oracle-child.mjs', import.meta.url));
    const proc = execFile(process.execPath, [script], { env: { ...process.env, PRISMA_ORACLE_DIR: ORACLE_DIR }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      if (error && !stdout) return reject(error);
      try {
        const out = JSON.parse(stdout) as { ok: boolean; result?: unknown; error?: string };
        if (out.ok) resolve(out.result);
        else {
          lastPanic = out.error;
          reject(new Error(out.error));
        }
      } catch (e) {
        reject(e);
      }
    });
    proc.stdin!.end(JSON.stringify(args));
  });
}
const memoryEngines = new Map<string, Promise<SchemaEngine>>();

async function schemaEngine(req: NodeJS.Require, dbFile: string): Promise<SchemaEngine> {
  // One engine for diffs that need no database file (empty ↔ schema): instantiating the wasm costs ~100 ms.
  if (dbFile === ':memory:') {
    let engine = memoryEngines.get(dbFile);
    if (!engine) {
      engine = newSchemaEngine(req, dbFile);
      memoryEngines.set(dbFile, engine);
    }
    return engine;
  }
  return newSchemaEngine(req, dbFile);
}

/** The last panic message of Prisma's wasm engine (it reports panics through a global registry). */
export function lastOraclePanic(): string | undefined {
  return lastPanic;
}

async function newSchemaEngine(req: NodeJS.Require, dbFile: string): Promise<SchemaEngine> {
  (globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: object }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (m: string) => {
      lastPanic = m;
    },
  };
  const bgPath = req.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = (await import(bgPath)) as { __wbg_set_wasm(x: unknown): void; SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } };
  const WA = (globalThis as unknown as { WebAssembly: { Instance: new (m: unknown, i: object) => { exports: unknown }; Module: new (b: Uint8Array) => unknown } }).WebAssembly;
  const inst = new WA.Instance(new WA.Module(readFileSync(bgPath.replace(/\.js$/, '.wasm'))), { './schema_engine_bg.js': bg as never });
  bg.__wbg_set_wasm(inst.exports);
  (inst.exports as { __wbindgen_start(): void }).__wbindgen_start();
  const { PrismaBetterSqlite3 } = req('@prisma/adapter-better-sqlite3') as { PrismaBetterSqlite3: new (o: object) => unknown };
  const { bindMigrationAwareSqlAdapterFactory } = req('@prisma/driver-adapter-utils') as { bindMigrationAwareSqlAdapterFactory(x: unknown): unknown };
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: 'file:' + dbFile }));
  return bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}
