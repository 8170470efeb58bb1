/**
 * Prisma 7's own engines, in-process, as a test oracle (../shared/tools/prisma-oracle). For conformance runs
 * only: never imported by src/. Returns undefined from `loadOracle()` when the oracle is not installed, so
 * callers can skip with a clear message.
 */
import { existsSync, readFileSync } from 'node:fs';
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
      const dbFile = [from, to].find((t) => t.kind === 'db')?.value ?? ':memory:';
      const engine = await schemaEngine(req, dbFile);
      const ds = [{ path: 'ds.prisma', content: 'datasource db {\n  provider = "sqlite"\n}\n' }];
      const target = (t: DiffTarget): object =>
        t.kind === 'empty'
          ? { tag: 'empty' }
          : t.kind === 'schema'
            ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: stripUrl(t.value!) }] }
            : { tag: 'schemaDatasource', files: ds, configDir: process.cwd() };
      const r = (await engine.diff({ from: target(from), to: target(to), script: true, exitCode: true, filters: { externalTables: [], externalEnums: [] } })) as {
        stdout?: string;
        exitCode: number;
      };
      return { sql: r.stdout ?? '', exitCode: r.exitCode };
    },
    async pull(dbFile) {
      const engine = await schemaEngine(req, dbFile);
      const ds = [{ path: 'ds.prisma', content: 'datasource db {\n  provider = "sqlite"\n}\n' }];
      const r = (await engine.introspect({ schema: { files: ds }, baseDirectoryPath: process.cwd(), force: true, compositeTypeDepth: -1, namespaces: null })) as {
        schema: { files: { content: string }[] };
      };
      return r.schema.files.map((f) => f.content).join('');
    },
  };
}

interface SchemaEngine {
  diff(params: object): Promise<unknown>;
  introspect(params: object): Promise<unknown>;
}

async function schemaEngine(req: NodeJS.Require, dbFile: string): Promise<SchemaEngine> {
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
