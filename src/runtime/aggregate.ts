/** count, aggregate (_count, _min, _max, _sum, _avg) and groupBy, each as one statement. */
import { readDecimal } from './codecs.js';
import type { Engine, FieldRuntime, ModelRuntime } from './engine.js';
import { ClientError } from './errors.js';
import { limitSql } from './read.js';
import { isPlainObject, orderBySql, whereSql } from './where.js';

type Obj = Record<string, unknown>;
const OPS = ['_count', '_min', '_max', '_sum', '_avg'] as const;
type Op = (typeof OPS)[number];

function field(m: ModelRuntime, name: string): FieldRuntime {
  const f = m.byName.get(name);
  if (!f) throw new ClientError('P2009', `Unknown field \`${name}\` on \`${m.name}\`.`, { model: m.name, fields: [name] });
  return f;
}

/** `FROM "T" AS t0 WHERE …` or, with take/skip/orderBy, a subquery that applies them first. */
function source(e: Engine, m: ModelRuntime, args: Obj, params: unknown[]): string {
  const w = whereSql(e, m, args.where, 't0', params);
  const base = `${m.qTable} AS t0${w ? ` WHERE ${w}` : ''}`;
  if (args.take === undefined && args.skip === undefined) return base;
  const order = args.orderBy !== undefined ? orderBySql(m, args.orderBy, 't0') : [];
  return `(SELECT t0.* FROM ${base}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}${limitSql(args.take as number | undefined, args.skip as number | undefined)}) AS t0`;
}

export function count(e: Engine, m: ModelRuntime, args: Obj = {}): unknown {
  const params: unknown[] = [];
  const from = source(e, m, args, params);
  const sel = args.select;
  if (!isPlainObject(sel)) {
    const r = e.stmt(`SELECT COUNT(*) AS n FROM ${from}`, m.safeIntegers).get(...params) as { n: number | bigint };
    return Number(r.n);
  }
  const items = Object.keys(sel).filter((k) => sel[k]);
  const cols = items.map((k, i) => (k === '_all' ? `COUNT(*) AS "c${i}"` : `COUNT(t0.${field(m, k).q}) AS "c${i}"`));
  const row = e.stmt(`SELECT ${cols.join(', ') || 'COUNT(*) AS "c0"'} FROM ${from}`, m.safeIntegers).get(...params) as Obj;
  const out: Obj = {};
  items.forEach((k, i) => (out[k] = Number(row[`c${i}`])));
  return out;
}

interface Agg {
  readonly op: Op;
  readonly key: string;
  readonly sql: string;
  readonly f?: FieldRuntime;
}

function aggregates(m: ModelRuntime, args: Obj): Agg[] {
  const out: Agg[] = [];
  for (const op of OPS) {
    const spec = args[op];
    if (spec === undefined || spec === false) continue;
    if (op === '_count' && spec === true) {
      out.push({ op, key: '', sql: 'COUNT(*)' });
      continue;
    }
    if (!isPlainObject(spec)) continue;
    for (const k in spec) {
      if (!spec[k]) continue;
      if (op === '_count' && k === '_all') {
        out.push({ op, key: k, sql: 'COUNT(*)' });
        continue;
      }
      const f = field(m, k);
      const fn = op === '_count' ? 'COUNT' : op === '_min' ? 'MIN' : op === '_max' ? 'MAX' : op === '_sum' ? (f.kind === 'Float' ? 'SUM' : 'SUM') : 'AVG';
      const col = `t0.${f.q}`;
      out.push({ op, key: k, f, sql: f.kind === 'Decimal' && op !== '_count' ? `CAST(${fn}(${col}) AS TEXT)` : `${fn}(${col})` });
    }
  }
  return out;
}

function readAgg(a: Agg, v: unknown): unknown {
  if (a.op === '_count') return Number(v);
  if (v === null || v === undefined) return null;
  if (a.op === '_avg') return Number(v);
  const f = a.f!;
  if (f.kind === 'Decimal') return readDecimal(v);
  if (a.op === '_sum') return f.kind === 'BigInt' ? BigInt(v as bigint) : Number(v);
  return f.read(v);
}

function place(out: Obj, a: Agg, v: unknown): void {
  if (a.key === '') {
    out[a.op] = v;
    return;
  }
  const group = (out[a.op] ??= {}) as Obj;
  group[a.key] = v;
}

export function aggregate(e: Engine, m: ModelRuntime, args: Obj): Obj {
  const params: unknown[] = [];
  const from = source(e, m, args, params);
  const aggs = aggregates(m, args);
  if (aggs.length === 0) return {};
  const row = e.stmt(`SELECT ${aggs.map((a, i) => `${a.sql} AS "a${i}"`).join(', ')} FROM ${from}`, m.safeIntegers).get(...params) as Obj;
  const out: Obj = {};
  aggs.forEach((a, i) => place(out, a, readAgg(a, row[`a${i}`])));
  return out;
}

export function groupBy(e: Engine, m: ModelRuntime, args: Obj): Obj[] {
  const by = (Array.isArray(args.by) ? args.by : [args.by]).map((b) => field(m, String(b)));
  if (by.length === 0) throw new ClientError('P2009', `groupBy on \`${m.name}\` needs \`by\`.`, { model: m.name });
  const params: unknown[] = [];
  const w = whereSql(e, m, args.where, 't0', params);
  const aggs = aggregates(m, args);
  const cols = [...by.map((f) => (f.kind === 'Decimal' ? `CAST(t0.${f.q} AS TEXT) AS ${f.q}` : `t0.${f.q}`)), ...aggs.map((a, i) => `${a.sql} AS "a${i}"`)];
  let sql = `SELECT ${cols.join(', ')} FROM ${m.qTable} AS t0${w ? ` WHERE ${w}` : ''} GROUP BY ${by.map((f) => `t0.${f.q}`).join(', ')}`;
  if (isPlainObject(args.having)) {
    const h = havingSql(e, m, args.having, params);
    if (h) sql += ` HAVING ${h}`;
  }
  const order: string[] = [];
  for (const o of Array.isArray(args.orderBy) ? args.orderBy : args.orderBy ? [args.orderBy] : []) {
    for (const key in o as Obj) {
      const v = (o as Obj)[key];
      if (OPS.includes(key as Op) && isPlainObject(v)) {
        for (const k in v) order.push(`${aggSql(m, key as Op, k)} ${v[k] === 'desc' ? 'DESC' : 'ASC'}`);
      } else order.push(...orderBySql(m, { [key]: v }, 't0'));
    }
  }
  if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
  if (args.take !== undefined || args.skip !== undefined) sql += limitSql(args.take as number | undefined, args.skip as number | undefined);
  const rows = e.stmt(sql, m.safeIntegers).all(...params) as Obj[];
  return rows.map((row) => {
    const out: Obj = {};
    for (const f of by) out[f.name] = f.read(row[f.column]);
    aggs.forEach((a, i) => place(out, a, readAgg(a, row[`a${i}`])));
    return out;
  });
}

function aggSql(m: ModelRuntime, op: Op, key: string): string {
  if (op === '_count' && key === '_all') return 'COUNT(*)';
  const f = field(m, key);
  const fn = { _count: 'COUNT', _min: 'MIN', _max: 'MAX', _sum: 'SUM', _avg: 'AVG' }[op];
  return `${fn}(t0.${f.q})`;
}

/** HAVING: `{ field: filter }` on grouped fields, or `{ field: { _avg: { gt: 1 } } }` on aggregates. */
function havingSql(e: Engine, m: ModelRuntime, having: Obj, params: unknown[]): string {
  const parts: string[] = [];
  for (const key in having) {
    const v = having[key];
    if (v === undefined) continue;
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      const subs = (Array.isArray(v) ? v : [v]).map((x) => havingSql(e, m, x as Obj, params) || '1');
      parts.push(key === 'OR' ? `(${subs.join(' OR ')})` : key === 'NOT' ? `NOT (${subs.join(' AND ')})` : subs.join(' AND '));
      continue;
    }
    const f = field(m, key);
    if (isPlainObject(v) && OPS.some((op) => op in v)) {
      for (const op of OPS) {
        const filter = v[op];
        if (!isPlainObject(filter)) continue;
        for (const cmp in filter) {
          const sym = { equals: '=', lt: '<', lte: '<=', gt: '>', gte: '>=', not: '<>' }[cmp];
          if (!sym) throw new ClientError('P2009', `Unsupported having filter \`${cmp}\`.`, { model: m.name, fields: [key] });
          parts.push(`${aggSql(m, op, f.name)} ${sym} ?`);
          params.push(filter[cmp]);
        }
      }
    } else {
      const w = whereSql(e, m, { [key]: v }, 't0', params);
      if (w) parts.push(w);
    }
  }
  return parts.join(' AND ');
}
