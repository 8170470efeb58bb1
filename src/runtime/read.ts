/**
 * Reads: findMany and friends, `select`/`include` shaping and relation loading. Relations load with one query
 * per relation per level (never N+1): the parents' keys are bound as one JSON array (`IN (SELECT value FROM
 * json_each(?))`), which keeps the SQL text constant so the prepared statement is reused, or as `= ?` for one key.
 */
import { compositeKey, keyOf, quote, type Engine, type FieldRuntime, type ModelRuntime } from './engine.js';
import { ClientError } from './errors.js';
import type { RelationMeta } from './meta.js';
import { isPlainObject, orderBySql, relationJoin, whereSql } from './where.js';

type Obj = Record<string, unknown>;
/** A row: an array in raw mode (full rows), an object keyed by column name otherwise (subset selects). */
type Row = any;

export interface Shape {
  /** null: every scalar, mapped by the generated mapper. */
  readonly scalars: readonly FieldRuntime[] | null;
  readonly relations: readonly [RelationMeta, Obj][];
  readonly counts: readonly RelationMeta[] | null;
}

export const FULL_SHAPE: Shape = { scalars: null, relations: [], counts: null };

export function shapeOf(m: ModelRuntime, select: unknown, include: unknown): Shape {
  if (select !== undefined && select !== null && include !== undefined && include !== null) {
    throw new ClientError('P2009', `Use either \`select\` or \`include\` on \`${m.name}\`, not both.`, { model: m.name });
  }
  const spec = (select ?? include) as Obj | undefined | null;
  if (!spec) return FULL_SHAPE;
  const scalars: FieldRuntime[] = [];
  const relations: [RelationMeta, Obj][] = [];
  let counts: RelationMeta[] | null = null;
  for (const key in spec) {
    const v = spec[key];
    if (v === undefined || v === false || v === null) continue;
    const f = m.byName.get(key);
    if (f) {
      if (select) scalars.push(f);
      continue;
    }
    const r = m.relByName.get(key);
    if (r) {
      relations.push([r, v === true ? {} : (v as Obj)]);
      continue;
    }
    if (key === '_count') {
      const sel = isPlainObject(v) && isPlainObject(v.select) ? v.select : undefined;
      counts = m.relations.filter((x) => x.arity === 'many' && (sel === undefined || !!sel[x.name]));
      continue;
    }
    throw new ClientError('P2009', `Unknown field \`${key}\` in \`${select ? 'select' : 'include'}\` on \`${m.name}\`.`, { model: m.name, fields: [key] });
  }
  return { scalars: select ? scalars : null, relations, counts };
}

export interface Query {
  /** FROM clause (the model's table is always `t0`). */
  from?: string;
  where: string;
  params: unknown[];
  order: readonly string[];
  limit?: number;
  offset?: number;
  /** Extra select-list items (relation keys), named `__k0`, `__k1`, … */
  keys?: readonly string[];
  /** Per-parent take/skip: partition by the key expressions with a window function. */
  perParent?: { take?: number; skip?: number };
}

export interface Selected {
  readonly rows: Row[];
  readonly records: Obj[];
  /** Where the extra key columns start in raw rows (`__k0`, …), or undefined in object mode. */
  readonly keyBase: number | undefined;
}

/** Runs a query for model `m` with the given shape; returns the rows and the shaped records. */
export function selectRecords(e: Engine, m: ModelRuntime, shape: Shape, q: Query): Selected {
  const raw = shape.scalars === null;
  const sql = selectSql(e, m, shape, q);
  let rows: Row[];
  try {
    rows = e.stmt(sql, m.safeIntegers, raw).all(...q.params) as Row[];
  } catch (err) {
    throw e.translate(err, m);
  }
  return { rows, records: shapeRows(e, m, shape, rows), keyBase: raw ? m.scalarList.length + (shape.counts?.length ?? 0) : undefined };
}

/** The SELECT statement of a query (raw rows when the shape reads every scalar). */
export function selectSql(e: Engine, m: ModelRuntime, shape: Shape, q: Query): string {
  const cols: string[] = [];
  if (shape.scalars === null) cols.push(m.colsT0);
  else {
    const needed = new Set<FieldRuntime>(shape.scalars);
    for (const [r] of shape.relations) for (const lf of r.local) needed.add(m.byName.get(lf)!);
    for (const f of needed) cols.push(f.kind === 'Decimal' ? `CAST(t0.${f.q} AS TEXT) AS ${f.q}` : `t0.${f.q}`);
  }
  if (shape.counts) {
    for (const r of shape.counts) {
      const { from, on } = relationJoin(e, m, r, 't0', 't1');
      cols.push(`(SELECT COUNT(*) FROM ${from} WHERE ${on}) AS ${quote(`_count.${r.name}`)}`);
    }
  }
  q.keys?.forEach((k, i) => cols.push(`${k} AS "__k${i}"`));
  let sql: string;
  const from = q.from ?? `${m.qTable} AS t0`;
  const where = q.where ? ` WHERE ${q.where}` : '';
  if (q.perParent && (q.perParent.take !== undefined || q.perParent.skip !== undefined)) {
    const order = q.order.length ? ` ORDER BY ${q.order.join(', ')}` : '';
    const inner = `SELECT ${cols.join(', ')}, ROW_NUMBER() OVER (PARTITION BY ${q.keys!.join(', ')}${order}) AS "__rn" FROM ${from}${where}`;
    const skip = q.perParent.skip ?? 0;
    const conds = [`"__rn" > ${skip | 0}`];
    if (q.perParent.take !== undefined) conds.push(`"__rn" <= ${(skip + q.perParent.take) | 0}`);
    sql = `SELECT * FROM (${inner}) WHERE ${conds.join(' AND ')} ORDER BY "__rn"`;
  } else {
    sql = `SELECT ${cols.join(', ')} FROM ${from}${where}`;
    if (q.order.length) sql += ` ORDER BY ${q.order.join(', ')}`;
    // LIMIT/OFFSET are inlined as integer literals: a bound LIMIT keeps SQLite from its top-N sort (2x slower).
    if (q.limit !== undefined || q.offset !== undefined) sql += limitSql(q.limit, q.offset);
  }
  return sql;
}

export function limitSql(limit: number | undefined, offset: number | undefined): string {
  const l = limit === undefined ? -1 : integer(limit, 'take');
  const o = offset === undefined ? 0 : integer(offset, 'skip');
  return o ? ` LIMIT ${l} OFFSET ${o}` : ` LIMIT ${l}`;
}

function integer(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ClientError('P2009', `\`${name}\` must be an integer, got ${String(v)}.`);
  return v;
}

export function shapeRows(e: Engine, m: ModelRuntime, shape: Shape, rows: Row[]): Obj[] {
  const records = new Array<Obj>(rows.length);
  const scalars = shape.scalars;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let rec: Obj;
    if (scalars === null) rec = m.map(row) as Obj;
    else {
      rec = {};
      for (const f of scalars) rec[f.name] = f.read(row[f.column]);
    }
    if (shape.counts) {
      const c: Obj = {};
      const base = m.scalarList.length;
      shape.counts.forEach((r, j) => (c[r.name] = Number(scalars === null ? row[base + j] : row[`_count.${r.name}`])));
      rec._count = c;
    }
    records[i] = rec;
  }
  for (const [r, args] of shape.relations) loadRelation(e, m, r, rows, records, args, scalars === null);
  return records;
}

/** Loads relation `r` for every parent in one query and attaches it to the parents' records. */
function loadRelation(e: Engine, m: ModelRuntime, r: RelationMeta, parents: Row[], records: Obj[], args: Obj, raw: boolean): void {
  const t = e.model(r.target);
  const localCols = r.local.map((lf) => (raw ? m.byName.get(lf)!.index : m.byName.get(lf)!.column));
  const index = new Map<unknown, Obj[]>();
  const keys: unknown[][] = [];
  for (let i = 0; i < parents.length; i++) {
    const rec = records[i]!;
    rec[r.name] = r.arity === 'many' ? [] : null;
    const row = parents[i]!;
    if (localCols.some((c) => row[c] === null || row[c] === undefined)) continue;
    const k = compositeKey(row, localCols);
    let list = index.get(k);
    if (!list) {
      list = [];
      index.set(k, list);
      keys.push(localCols.map((c) => row[c]));
    }
    list.push(rec);
  }
  if (keys.length === 0) return;
  const params: unknown[] = [];
  let from: string | undefined;
  let keyExprs: string[];
  if (r.join) {
    const remotePk = t.byName.get(r.remote[0]!)!;
    from = `${t.qTable} AS t0 JOIN ${quote(r.join.table)} AS j0 ON j0.${quote(r.join.remoteColumn)} = t0.${remotePk.q}`;
    keyExprs = [`j0.${quote(r.join.localColumn)}`];
  } else {
    keyExprs = r.remote.map((rf) => `t0.${t.byName.get(rf)!.q}`);
  }
  const conds = [keysCondition(keyExprs, keys, params)];
  if (r.arity === 'many' && args.where !== undefined) {
    const w = whereSql(e, t, args.where, 't0', params);
    if (w) conds.push(w);
  }
  const order = r.arity === 'many' && args.orderBy !== undefined ? orderBySql(t, args.orderBy, 't0') : [];
  const take = typeof args.take === 'number' ? args.take : undefined;
  const skip = typeof args.skip === 'number' ? args.skip : undefined;
  const single = keys.length === 1;
  const q: Query = { where: conds.join(' AND '), params, order };
  if (from) q.from = from;
  if (single) {
    // One parent key: every row belongs to it, so no key column and no matching.
    if (r.arity === 'many' && (take !== undefined || skip !== undefined)) {
      q.limit = take;
      q.offset = skip;
    }
    const children = selectRecords(e, t, shapeOf(t, args.select, args.include), q).records;
    const owners = index.values().next().value!;
    owners.forEach((owner, i) => (owner[r.name] = r.arity === 'many' ? (i === 0 ? children : [...children]) : (children[0] ?? null)));
    return;
  }
  q.keys = keyExprs;
  if (r.arity === 'many') q.perParent = { take, skip };
  const { rows, records: children, keyBase } = selectRecords(e, t, shapeOf(t, args.select, args.include), q);
  const keyCols = keyExprs.map((_, i) => (keyBase === undefined ? `__k${i}` : keyBase + i));
  for (let i = 0; i < rows.length; i++) {
    const owners = index.get(compositeKey(rows[i]!, keyCols));
    if (!owners) continue;
    const child = children[i]!;
    for (const owner of owners) {
      if (r.arity === 'many') (owner[r.name] as Obj[]).push(child);
      else owner[r.name] = child;
    }
  }
}

/** `expr = ?`, `expr IN (SELECT value FROM json_each(?))`, or OR-ed tuples for compound keys. */
export function keysCondition(exprs: readonly string[], keys: readonly unknown[][], params: unknown[]): string {
  if (exprs.length === 1) {
    const expr = exprs[0]!;
    if (keys.length === 1) {
      params.push(keys[0]![0]);
      return `${expr} = ?`;
    }
    const values = keys.map((k) => k[0]);
    if (values.every((v) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string')) {
      params.push(`[${values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(',')}]`);
      return `${expr} IN (SELECT value FROM json_each(?))`;
    }
    for (const v of values) params.push(v);
    return `${expr} IN (${values.map(() => '?').join(', ')})`;
  }
  const ors: string[] = [];
  for (const k of keys) {
    ors.push(`(${exprs.map((x) => `${x} = ?`).join(' AND ')})`);
    params.push(...k);
  }
  return `(${ors.join(' OR ')})`;
}

export interface FindArgs {
  where?: unknown;
  orderBy?: unknown;
  cursor?: unknown;
  take?: number;
  skip?: number;
  distinct?: string | readonly string[];
  select?: unknown;
  include?: unknown;
}

/** findMany with every option: where, orderBy, cursor, take (negative: from the end), skip, distinct, select, include. */
export function findMany(e: Engine, m: ModelRuntime, args: FindArgs = {}, takeOverride?: number): Obj[] {
  const params: unknown[] = [];
  const conds: string[] = [];
  const w = whereSql(e, m, args.where, 't0', params);
  if (w) conds.push(w);
  let order = args.orderBy !== undefined ? orderBySql(m, args.orderBy, 't0') : [];
  let take = takeOverride ?? args.take;
  let reverse = false;
  if (take !== undefined && take < 0) {
    // Prisma: a negative take reads backwards from the end (or from the cursor).
    take = -take;
    reverse = true;
    if (order.length === 0) order = m.pk.map((p) => `t0.${m.byName.get(p)!.q} ASC`);
    order = order.map(flipDirection);
  }
  if (args.cursor !== undefined) {
    const c = cursorCondition(e, m, args.cursor, args.orderBy, reverse, params);
    if (c === undefined) return [];
    conds.push(c.sql);
    if (order.length === 0 || c.tieBreak.length) order = [...order, ...c.tieBreak.map((x) => (reverse ? flipDirection(x) : x))];
  }
  const distinct = args.distinct === undefined ? undefined : typeof args.distinct === 'string' ? [args.distinct] : args.distinct;
  const shape = shapeOf(m, args.select, args.include);
  const q: Query = { where: conds.join(' AND '), params, order };
  if (!distinct) {
    if (take !== undefined) q.limit = take;
    if (args.skip !== undefined) q.offset = args.skip;
  }
  let { records } = distinct ? selectDistinct(e, m, shape, q, distinct) : selectRecords(e, m, shape, q);
  if (distinct) records = records.slice(args.skip ?? 0, take === undefined ? undefined : (args.skip ?? 0) + take);
  if (reverse) records.reverse();
  return records;
}

function flipDirection(item: string): string {
  return item.endsWith(' DESC') ? item.slice(0, -5) + ' ASC' : item.endsWith(' ASC') ? item.slice(0, -4) + ' DESC' : item + ' DESC';
}

function selectDistinct(e: Engine, m: ModelRuntime, shape: Shape, q: Query, distinct: readonly string[]): { records: Obj[] } {
  const fields = distinct.map((d) => {
    const f = m.byName.get(d);
    if (!f) throw new ClientError('P2009', `Unknown field \`${d}\` in \`distinct\` on \`${m.name}\`.`, { model: m.name, fields: [d] });
    return f;
  });
  // With `select`, read the distinct fields too, and drop them from the records afterwards.
  const extra = shape.scalars === null ? [] : fields.filter((f) => !shape.scalars!.includes(f));
  const { rows, records } = selectRecords(e, m, extra.length ? { ...shape, scalars: [...shape.scalars!, ...extra] } : shape, q);
  const cols = fields.map((f) => (shape.scalars === null ? f.index : f.column));
  const seen = new Set<unknown>();
  const keep: Obj[] = [];
  rows.forEach((row, i) => {
    const k = compositeKey(row, cols);
    if (seen.has(k)) return;
    seen.add(k);
    const rec = records[i]!;
    for (const f of extra) delete rec[f.name];
    keep.push(rec);
  });
  return { records: keep };
}

/** Rows at or after the cursor row in the given order (the cursor row's values are read first). */
function cursorCondition(e: Engine, m: ModelRuntime, cursor: unknown, orderBy: unknown, reverse: boolean, params: unknown[]): { sql: string; tieBreak: string[] } | undefined {
  const p: unknown[] = [];
  const w = whereSql(e, m, cursor, 't0', p);
  const row = e.stmt(`SELECT ${m.scalarList.map((f) => `t0.${f.q}`).join(', ')} FROM ${m.qTable} AS t0${w ? ` WHERE ${w}` : ''} LIMIT 1`, m.safeIntegers).get(...p) as Row | undefined;
  if (!row) return undefined;
  const items: { f: FieldRuntime; desc: boolean }[] = [];
  for (const o of Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []) {
    for (const key in o as Obj) {
      const v = (o as Obj)[key];
      const f = m.byName.get(key);
      if (f && v !== undefined) items.push({ f, desc: (isPlainObject(v) ? v.sort : v) === 'desc' });
    }
  }
  const tieBreak: string[] = [];
  for (const pk of m.pk) {
    if (!items.some((i) => i.f.name === pk)) {
      const f = m.byName.get(pk)!;
      items.push({ f, desc: false });
      tieBreak.push(`t0.${f.q} ASC`);
    }
  }
  const ors: string[] = [];
  for (let i = 0; i <= items.length; i++) {
    const ands: string[] = [];
    for (let k = 0; k < i; k++) {
      ands.push(`t0.${items[k]!.f.q} IS ?`);
      params.push(row[items[k]!.f.column]);
    }
    if (i < items.length) {
      const it = items[i]!;
      const after = it.desc !== reverse ? '<' : '>';
      ands.push(`t0.${it.f.q} ${after} ?`);
      params.push(row[it.f.column]);
    }
    ors.push(`(${ands.join(' AND ')})`);
  }
  return { sql: `(${ors.join(' OR ')})`, tieBreak };
}

export { keyOf };
