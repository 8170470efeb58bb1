/**
 * Test helpers for the generated client: generate a client for a schema into a git-ignored folder inside the
 * repository (so that `@spacepos/codegen/runtime` resolves by package self-reference to dist/), create a real
 * SQLite database with the diff engine's SQL, and import the client.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, loadSchema } from '../../src/api.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { planMigration } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import type { SchemaModel } from '../../src/schema/model.ts';
import { ROOT } from './cli.ts';

export const TMP = path.join(ROOT, '.tmp/test');

/** A fresh folder under .tmp/test (inside the repository). */
export function tmpDir(name: string): string {
  const dir = path.join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The SQL that creates a schema's tables (empty database → schema), from the diff engine. */
export function createSql(schema: SchemaModel): string {
  const to = databaseModelFromSchema(schema);
  return renderMigrationScript(planMigration(EMPTY_DATABASE, to, diffDatabases(EMPTY_DATABASE, to)).steps);
}

export interface TestClient<C> {
  readonly client: C;
  readonly db: Database.Database;
  readonly dir: string;
  readonly generatedDir: string;
}

/** Generates the client for `schemaText` into .tmp/test/<name>/generated and returns it over a fresh database. */
export async function setupClient<C = any>(name: string, schemaText: string, options: { dateTimeFormat?: 'iso' | 'unixepoch-ms' } = {}): Promise<TestClient<C>> {
  const dir = tmpDir(name);
  writeFileSync(path.join(dir, 'schema.prisma'), schemaText);
  const r = await generate({ cwd: dir, schema: 'schema.prisma', output: 'generated' });
  if (!r.ok) throw new Error(`generate failed: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  const { schema } = loadSchema({ cwd: dir, schema: 'schema.prisma' });
  const db = new Database(path.join(dir, 'test.db'));
  db.exec(createSql(schema!));
  const mod = (await import(pathToFileURL(path.join(dir, 'generated/index.ts')).href)) as { createClient: (db: unknown, o?: unknown) => C };
  const client = mod.createClient(db, options.dateTimeFormat ? { dateTimeFormat: options.dateTimeFormat } : undefined);
  return { client, db, dir, generatedDir: path.join(dir, 'generated') };
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8');
}
