/**
 * The engine behind a generated client: the connection, a bounded cache of prepared statements keyed by SQL
 * text, the per-model lookup tables computed once at start-up, and the translation of SQLite errors into
 * typed client errors.
 */
import type Database from 'better-sqlite3';
import { readerFor, type DateTimeFormat } from './codecs.js';
import { ClientError } from './errors.js';
import type { FieldMeta, ModelMeta, RelationMeta, SchemaMeta } from './meta.js';

export type Statement = Database.Statement<unknown[], unknown>;

export interface FieldRuntime extends FieldMeta {
  readonly column: string;
  readonly optional: boolean;
  readonly updatedAt: boolean;
  /** Position in the model's full row (raw rows are arrays in `scalarList` order). */
  readonly index: number;
  /** The quoted column name. */
  readonly q: string;
  readonly read: (v: unknown) => unknown;
  /** Select-list item for this column (Decimal is cast to TEXT). */
  readonly sel: string;
}

export interface ModelRuntime extends ModelMeta {
  readonly qTable: string;
  readonly byName: ReadonlyMap<string, FieldRuntime>;
  readonly byColumn: ReadonlyMap<string, FieldRuntime>;
  readonly relByName: ReadonlyMap<string, RelationMeta>;
  readonly scalarList: readonly FieldRuntime[];
  readonly uniqueByName: ReadonlyMap<string, readonly string[]>;
  /** `SELECT <all columns> FROM "T" AS t0 WHERE "pk" = ?` for single-column primary keys. */
  readonly findByPkSql: string | undefined;
  readonly hasUpdatedAt: boolean;
  /** Every column qualified with the alias t0 (Decimal cast to TEXT). */
  readonly colsT0: string;
  /** Fields whose value the client generates when absent (uuid(), now(), @updatedAt, …). */
  readonly generatedFields: readonly FieldRuntime[];
  /** Prepared INSERT statements by mode and column set (see write.ts), at most 256. */
  readonly insertStmts: Map<number | string, Statement>;
  /** Maps a full row read in object mode (keys are column names). */
  readonly mapObject: (row: Record<string, unknown>) => unknown;
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const CACHE_LIMIT = 1000;

export class Engine {
  readonly models: Readonly<Record<string, ModelRuntime>>;
  /** Four caches: plain, safeIntegers, raw (rows as arrays), and both. */
  private readonly caches = [new Map<string, Statement>(), new Map<string, Statement>(), new Map<string, Statement>(), new Map<string, Statement>()];

  constructor(
    readonly db: Database.Database,
    meta: SchemaMeta,
    readonly dateFormat: DateTimeFormat,
  ) {
    const models: Record<string, ModelRuntime> = {};
    for (const [name, m] of Object.entries(meta.models)) models[name] = prepareModel(m);
    this.models = models;
  }

  model(name: string): ModelRuntime {
    return this.models[name]!;
  }

  /** A prepared statement for this SQL text: prepared once, kept in a bounded cache (oldest out first). */
  stmt(sql: string, safeIntegers = false, raw = false): Statement {
    const cache = this.caches[(safeIntegers ? 1 : 0) + (raw ? 2 : 0)]!;
    let s = cache.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql) as Statement;
      if (safeIntegers) s.safeIntegers(true);
      if (raw) s.raw(true);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `fn` in a transaction, or in a savepoint when one is already open. IMMEDIATE takes the write lock first:
   * a deferred transaction that reads (an upsert, a nested write) and then writes fails at once with SQLITE_BUSY,
   * without waiting on busy_timeout, when another process wrote in between (two app processes at launch).
   */
  atomic<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Translates a SQLite error into a typed client error naming the model and the fields. */
  translate(e: unknown, model: ModelRuntime): unknown {
    const err = e as { code?: string; message?: string };
    if (typeof err?.code !== 'string' || !err.code.startsWith('SQLITE_')) return e;
    const msg = err.message ?? '';
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const { table, fields } = this.columnsInMessage(msg, model);
      return new ClientError('P2002', `Unique constraint failed on \`${table}\` (${fields.join(', ')}).`, { model: table, fields, cause: e });
    }
    // RESTRICT actions fail with SQLITE_CONSTRAINT_TRIGGER and the same message as other foreign-key failures.
    if (err.code === 'SQLITE_CONSTRAINT_TRIGGER' && msg.includes('FOREIGN KEY')) {
      return new ClientError('P2003', `Foreign key constraint failed on \`${model.name}\`: a related record still references it (Restrict).`, { model: model.name, fields: [], cause: e });
    }
    if (err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      const fields = model.relations.filter((r) => r.holdsFk).flatMap((r) => r.local);
      return new ClientError('P2003', `Foreign key constraint failed on \`${model.name}\`${fields.length ? ` (one of: ${fields.join(', ')})` : ''}.`, {
        model: model.name,
        fields,
        cause: e,
      });
    }
    if (err.code === 'SQLITE_CONSTRAINT_NOTNULL') {
      const { table, fields } = this.columnsInMessage(msg, model);
      return new ClientError('P2011', `Null constraint violation on \`${table}\` (${fields.join(', ')}).`, { model: table, fields, cause: e });
    }
    return new ClientError('P2010', `Database error on \`${model.name}\`: ${msg} (${err.code}).`, { model: model.name, cause: e });
  }

  /** `UNIQUE constraint failed: User.email, User.name` → the model and its field names. */
  private columnsInMessage(msg: string, fallback: ModelRuntime): { table: string; fields: string[] } {
    const list = msg.slice(msg.indexOf(':') + 1).split(',').map((s) => s.trim()).filter(Boolean);
    let model = fallback;
    const fields: string[] = [];
    for (const item of list) {
      const dot = item.lastIndexOf('.');
      const table = item.slice(0, dot);
      const column = item.slice(dot + 1);
      const found = Object.values(this.models).find((m) => m.table === table);
      if (found) model = found;
      fields.push(model.byColumn.get(column)?.name ?? column);
    }
    return { table: model.name, fields };
  }
}

/**
 * Runtime views of the generated metadata. Every object is built with the same properties in the same order,
 * whatever the model, so that the shared runtime functions see one object shape (monomorphic property access)
 * instead of one per model.
 */
function prepareModel(m: ModelMeta): ModelRuntime {
  const scalarList: FieldRuntime[] = m.fields.map((meta, index) => {
    const column = meta.column ?? meta.name;
    const q = quote(column);
    return {
      name: meta.name,
      column,
      kind: meta.kind,
      optional: meta.optional ?? false,
      default: meta.default,
      size: meta.size,
      updatedAt: meta.updatedAt ?? false,
      enumValues: meta.enumValues,
      index,
      q,
      read: readerFor(meta.kind, m.safeIntegers),
      sel: meta.kind === 'Decimal' ? `CAST(${q} AS TEXT) AS ${q}` : q,
    };
  });
  const relations: RelationMeta[] = m.relations.map((r) => ({ name: r.name, target: r.target, arity: r.arity, local: r.local, remote: r.remote, holdsFk: r.holdsFk, join: r.join }));
  const byName = new Map(scalarList.map((f) => [f.name, f]));
  const qTable = quote(m.table);
  const pk = m.pk.length === 1 ? byName.get(m.pk[0]!) : undefined;
  return {
    name: m.name,
    table: m.table,
    fields: m.fields,
    pk: m.pk,
    uniques: m.uniques,
    relations,
    safeIntegers: m.safeIntegers,
    map: m.map,
    pick: m.pick,
    columnsSql: m.columnsSql,
    qTable,
    byName,
    byColumn: new Map(scalarList.map((f) => [f.column, f])),
    relByName: new Map(relations.map((r) => [r.name, r])),
    scalarList,
    uniqueByName: new Map(m.uniques.map((u) => [u.name, u.fields])),
    findByPkSql: pk ? `SELECT ${m.columnsSql} FROM ${qTable} AS t0 WHERE ${pk.q} = ?` : undefined,
    hasUpdatedAt: scalarList.some((f) => f.updatedAt),
    generatedFields: scalarList.filter((f) => f.updatedAt || (f.default !== undefined && f.default !== 'db' && f.default !== 'autoincrement')),
    insertStmts: new Map(),
    mapObject: (row) => m.map(scalarList.map((f) => row[f.column]) as never),
    colsT0: scalarList.map((f) => (f.kind === 'Decimal' ? `CAST(t0.${f.q} AS TEXT) AS ${f.q}` : `t0.${f.q}`)).join(', '),
  };
}

/** A normalised key for matching parent and child rows in JavaScript (bigint and number agree; bytes as hex). */
export function keyOf(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : `n${v}`;
  if (v instanceof Uint8Array) return `x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  return v;
}

/** The key of a row (an array in raw mode, an object otherwise) over the given positions or column names. */
export function compositeKey(row: any, columns: readonly (string | number)[]): unknown {
  if (columns.length === 1) return keyOf(row[columns[0]!]);
  let k = '';
  for (const c of columns) k += `${String(keyOf(row[c]))}\u0000`;
  return k;
}
