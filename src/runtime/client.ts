/**
 * createClient: opens (never creates, unless asked) the database, builds one delegate per model, and adds
 * `$transaction` (savepoints when nested), `$queryRaw`/`$executeRaw` tagged templates with bound parameters,
 * and `$close`.
 */
import Database from 'better-sqlite3';
import { writeDate, type DateTimeFormat } from './codecs.js';
import { ModelDelegate } from './delegate.js';
import { Engine } from './engine.js';
import type { SchemaMeta } from './meta.js';

export interface ClientOptions {
  /** Create the database file when it does not exist (default false: a missing file is an error). */
  readonly create?: boolean;
  /** Open read-only. */
  readonly readonly?: boolean;
  /** Override the generator's DateTime write format. */
  readonly dateTimeFormat?: DateTimeFormat;
  /** busy_timeout in milliseconds (default 5000). */
  readonly timeout?: number;
}

export interface ClientBase {
  /** Runs `fn` in a transaction (a savepoint when one is already open); rolls back when it throws. */
  $transaction<T>(fn: (tx: this) => T): T;
  /** `$queryRaw\`SELECT … WHERE id = ${id}\``: values are bound as parameters. Returns the rows. */
  $queryRaw<T = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): T[];
  /** `$executeRaw\`UPDATE …\``: values are bound as parameters. Returns the number of changed rows. */
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): number;
  $queryRawUnsafe<T = Record<string, unknown>>(sql: string, ...values: unknown[]): T[];
  $executeRawUnsafe(sql: string, ...values: unknown[]): number;
  /** Closes the connection. */
  $close(): void;
  /** The underlying better-sqlite3 connection. */
  readonly $db: Database.Database;
}

function bindable(v: unknown, format: DateTimeFormat): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return writeDate(v, format);
  if (v === undefined) return null;
  return v;
}

/** Builds a client over `meta`; `accessors` maps accessor names (`user`) to model names (`User`). */
export function createClientFromMeta(meta: SchemaMeta, accessors: Readonly<Record<string, string>>, db: Database.Database | string, options: ClientOptions = {}): ClientBase & Record<string, ModelDelegate> {
  const conn =
    typeof db === 'string'
      ? new Database(db, { fileMustExist: !options.create && db !== ':memory:', readonly: options.readonly ?? false, timeout: options.timeout ?? 5000 })
      : db;
  const engine = new Engine(conn, meta, options.dateTimeFormat ?? meta.dateTimeFormat);
  const format = engine.dateFormat;
  const raw = (strings: TemplateStringsArray, values: unknown[]): [string, unknown[]] => [strings.join('?'), values.map((v) => bindable(v, format))];
  const client = {
    $transaction<T>(fn: (tx: unknown) => T): T {
      return engine.atomic(() => fn(client));
    },
    $queryRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const [sql, params] = raw(strings, values);
      return engine.stmt(sql).all(...params);
    },
    $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const [sql, params] = raw(strings, values);
      return engine.stmt(sql).run(...params).changes;
    },
    $queryRawUnsafe(sql: string, ...values: unknown[]) {
      return engine.stmt(sql).all(...values.map((v) => bindable(v, format)));
    },
    $executeRawUnsafe(sql: string, ...values: unknown[]) {
      return engine.stmt(sql).run(...values.map((v) => bindable(v, format))).changes;
    },
    $close() {
      conn.close();
    },
    $db: conn,
  } as unknown as ClientBase & Record<string, ModelDelegate>;
  for (const [accessor, model] of Object.entries(accessors)) {
    (client as Record<string, unknown>)[accessor] = new ModelDelegate(engine, engine.model(model));
  }
  return client;
}
