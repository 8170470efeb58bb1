/**
 * The sides of a diff: an empty database, a schema, a live database file, or a migrations folder replayed into
 * memory. Each resolves to a DatabaseModel; a live database also gives the checks a query function.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { databaseModelFromSchema } from '../database/from-schema.js';
import { EMPTY_DATABASE, type DatabaseModel } from '../database/model.js';
import { renamesFromSchema, schemaHints } from '../database/schema-hints.js';
import type { Renames } from '../diff/changes.js';
import type { Query, SchemaHints } from '../plan/checks.js';
import { readMigrationsFolder } from '../migrate/folder.js';
import { replayMigrations } from '../migrate/replay.js';
import type { SchemaModel } from '../schema/model.js';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { resolveDatabaseSource } from './database-source.js';
import { loadSchema } from './schema.js';

export { databasePathFromUrl } from './database-source.js';

export type DiffSource =
  | { readonly kind: 'empty' }
  /** A schema file or folder (Prisma's discovery when the path is omitted). */
  | { readonly kind: 'schema'; readonly path?: string }
  /** A SQLite database file, opened read-only. `file:` URLs are accepted. */
  | { readonly kind: 'db'; readonly path: string }
  /** A migrations folder, replayed into an in-memory database. */
  | { readonly kind: 'migrations'; readonly path: string };

export interface ResolvedSource {
  readonly model: DatabaseModel;
  readonly schema?: SchemaModel;
  /** Open read-only connection for a `db` source; the caller closes it. */
  readonly connection?: DatabaseConnection;
  /** A `db` source introspected elsewhere (in a worker): how the checks read it. Unused when `connection` is set. */
  readonly live?: LiveDatabase;
  readonly renames?: Renames;
  readonly hints?: SchemaHints;
  readonly sources?: readonly { path: string; text: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What the safety checks and the planner need of the `from` database: row counts and the SQLite version. */
export interface LiveDatabase {
  readonly query: Query;
  /** A database read on another thread: starts `sql` there, for a later `query` of the same text to read. */
  readonly prefetch?: (sql: string) => void;
  /**
   * No more queries will come: the thread that reads it may close it and end now, while this one finishes (a worker's
   * teardown takes ~30 ms at 1,000 tables, and the process waits for it at exit). A later query still works.
   */
  readonly release?: () => void;
  readonly sqliteVersion: string;
}

export function liveDatabaseOf(source: ResolvedSource): LiveDatabase | undefined {
  const connection = source.connection;
  if (!connection) return source.live;
  return { query: (sql: string) => connection.query(sql), sqliteVersion: connection.capabilities.sqliteVersion };
}

export function resolveSource(source: DiffSource, cwd: string): ResolvedSource {
  switch (source.kind) {
    case 'empty':
      return { model: EMPTY_DATABASE, diagnostics: [] };
    case 'schema': {
      const loaded = loadSchema({ cwd, ...(source.path !== undefined ? { schema: source.path } : {}) });
      if (!loaded.schema || hasErrors(loaded.diagnostics)) return { model: EMPTY_DATABASE, sources: loaded.sources, diagnostics: loaded.diagnostics };
      return {
        model: databaseModelFromSchema(loaded.schema),
        schema: loaded.schema,
        renames: renamesFromSchema(loaded.schema),
        hints: schemaHints(loaded.schema),
        sources: loaded.sources,
        diagnostics: loaded.diagnostics,
      };
    }
    case 'db':
      return resolveDatabaseSource(source.path, cwd);
    case 'migrations': {
      const dir = path.resolve(cwd, source.path);
      if (!existsSync(dir)) {
        return { model: EMPTY_DATABASE, diagnostics: [diagnostic('M401', `The migrations folder \`${source.path}\` does not exist.`, { hint: 'Check the path, or use --from-empty for a project without migrations.' })] };
      }
      const folder = readMigrationsFolder(dir);
      if (hasErrors(folder.diagnostics)) return { model: EMPTY_DATABASE, diagnostics: folder.diagnostics };
      const replay = replayMigrations(folder.migrations);
      return { model: replay.model ?? EMPTY_DATABASE, diagnostics: [...folder.diagnostics, ...replay.diagnostics] };
    }
  }
}
