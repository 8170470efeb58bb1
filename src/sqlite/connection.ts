/**
 * The one door to the database (DESIGN.md §5b). Introspection and migrations talk to this interface only, so
 * that the embedded default (better-sqlite3 on a local file, open.ts) is one implementation and a distributed
 * SQLite engine can be another later without touching diff/ or plan/.
 */

export type Row = Record<string, unknown>;

export interface Capabilities {
  /** Whether `PRAGMA foreign_keys=OFF` before a transaction takes effect (false on Cloudflare D1). */
  readonly canDisableForeignKeys: boolean;
  /** The SQLite library version, as `sqlite_version()` reports it (e.g. "3.50.4"). */
  readonly sqliteVersion: string;
  /** Tables the engine keeps for itself and that introspection must hide (besides `sqlite_*`). */
  readonly internalTables: readonly string[];
}

export interface AtomicOptions {
  /** Turn foreign keys off around the unit (before BEGIN, restored after), for table rebuilds. */
  readonly foreignKeysOff?: boolean;
  /** Run `PRAGMA foreign_key_check` before COMMIT and abort on any violation. Default true. */
  readonly checkForeignKeys?: boolean;
}

export interface DatabaseConnection {
  /** Runs a read-only query and returns every row. */
  query(sql: string, params?: readonly unknown[]): Row[];
  /** Runs statements as one all-or-nothing unit. Throws (after rolling back) when a statement fails. */
  runAtomic(statements: readonly string[], options?: AtomicOptions): void;
  /** Writes a consistent copy of the database to a new file (`VACUUM INTO`). Optional: remote engines may not. */
  backupTo?(file: string): void;
  readonly capabilities: Capabilities;
  /** The file path, or ':memory:'. */
  readonly path: string;
  close(): void;
}
