#!/usr/bin/env node
// One call to Prisma's schema engine bound to a database file, in its own process: the wasm engine keeps global
// state, so a second engine in the same process corrupts the first. Usage:
//   echo '<json {op, dbFile, ...}>' | node oracle-child.mjs   → prints a JSON result on stdout
// For conformance runs only (see oracle.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const dir = process.env.PRISMA_ORACLE_DIR || path.join(os.homedir(), '.cache', 'prisma-oracle');
const req = createRequire(path.join(dir, 'noop.js'));
// The request comes on stdin (schemas and migration lists are too large for argv).
let input = '';
for await (const chunk of process.stdin) input += chunk;
const args = JSON.parse(input);
let panic;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panic = m) };

const bgPath = req.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
const bg = await import(bgPath);
const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(bgPath.replace(/\.js$/, '.wasm'))), { './schema_engine_bg.js': bg });
bg.__wbg_set_wasm(inst.exports);
inst.exports.__wbindgen_start();
const { PrismaBetterSqlite3 } = req('@prisma/adapter-better-sqlite3');
const { bindMigrationAwareSqlAdapterFactory } = req('@prisma/driver-adapter-utils');
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: 'file:' + args.dbFile }));
const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
const filters = { externalTables: [], externalEnums: [] };
const ds = [{ path: 'ds.prisma', content: 'datasource db {\n  provider = "sqlite"\n}\n' }];
try {
  let result;
  switch (args.op) {
    case 'diff': {
      const target = (t) => (t.kind === 'empty' ? { tag: 'empty' } : t.kind === 'schema' ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: t.value }] } : { tag: 'schemaDatasource', files: ds, configDir: process.cwd() });
      const r = await engine.diff({ from: target(args.from), to: target(args.to), script: true, exitCode: true, filters });
      result = { sql: r.stdout ?? '', exitCode: r.exitCode };
      break;
    }
    case 'pull': {
      const r = await engine.introspect({ schema: { files: ds }, baseDirectoryPath: process.cwd(), force: true, compositeTypeDepth: -1, namespaces: null });
      result = { schema: r.schema.files.map((f) => f.content).join(''), warnings: r.warnings ?? null };
      break;
    }
    case 'applyMigrations':
      result = await engine.applyMigrations({ migrationsList: args.migrationsList, filters });
      break;
    case 'diagnoseMigrationHistory':
      result = await engine.diagnoseMigrationHistory({ migrationsList: args.migrationsList, optInToShadowDatabase: false, filters });
      break;
    default:
      throw new Error(`unknown op ${args.op}`);
  }
  reply({ ok: true, result });
} catch (e) {
  reply({ ok: false, error: panic ?? e?.message ?? JSON.stringify(e) });
}

/** Writes the reply and exits once it is flushed (a large reply to a pipe is written asynchronously). */
function reply(value) {
  process.stdout.write(JSON.stringify(value), () => process.exit(0));
}
