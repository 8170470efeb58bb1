/**
 * Writes: create (with client-side defaults and nested writes), update (with operators and nested writes),
 * and the scoped updateMany/deleteMany used by both top-level calls and nested writes. Functions here return
 * raw rows (column names, stored values); the delegate shapes them.
 */
import { encodeValue, writeNow } from './codecs.js';
import { quote, type Engine, type FieldRuntime, type ModelRuntime } from './engine.js';
import { ClientError, notFound } from './errors.js';
import { cuid, cuid2, nanoid, ulid, uuid4, uuid7 } from './ids.js';
import type { RelationMeta } from './meta.js';
import { nestedForParent, RAW, toOneTarget } from './nested.js';
import { isPlainObject, whereSql } from './where.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;
/** An extra SQL condition on the target table (alias t0), with its parameters. */
export interface Scope {
  readonly sql: string;
  readonly params: readonly unknown[];
}

function generated(e: Engine, f: FieldRuntime): unknown {
  switch (f.default) {
    case 'uuid4':
      return uuid4();
    case 'uuid7':
      return uuid7();
    case 'cuid':
      return cuid();
    case 'cuid2':
      return cuid2();
    case 'nanoid':
      return nanoid(f.size);
    case 'ulid':
      return ulid();
    case 'now':
      return writeNow(e.dateFormat);
    default:
      return f.updatedAt ? writeNow(e.dateFormat) : undefined;
  }
}

function run(e: Engine, m: ModelRuntime, sql: string, params: readonly unknown[], mode: 'get' | 'run' | 'all', raw = false): unknown {
  try {
    const s = e.stmt(sql, m.safeIntegers, raw && mode !== 'run');
    return mode === 'get' ? s.get(...params) : mode === 'all' ? s.all(...params) : s.run(...params);
  } catch (err) {
    throw e.translate(err, m);
  }
}

/** The first row matching a where (unique) object, optionally within a scope. */
export function findRow(e: Engine, m: ModelRuntime, where: unknown, scope?: Scope): Row | undefined {
  const params: unknown[] = [];
  const whereClause = scopedWhere(e, m, where, scope, params);
  const sql = `SELECT ${m.colsT0} FROM ${m.qTable} AS t0${whereClause} LIMIT 1`;
  return run(e, m, sql, params, 'get') as Row | undefined;
}

/** ` WHERE <where> AND <scope>` (or '' when both are empty); pushes the parameters in order. */
function scopedWhere(e: Engine, m: ModelRuntime, where: unknown, scope: Scope | undefined, params: unknown[]): string {
  const conds: string[] = [];
  const w = whereSql(e, m, where, 't0', params);
  if (w) conds.push(w);
  if (scope) {
    conds.push(scope.sql);
    params.push(...scope.params);
  }
  return conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
}

/** Target rows of relation `r` for the parent row: `t0.remote = parent.local`, or through the join table. */
export function scopeOf(e: Engine, m: ModelRuntime, r: RelationMeta, row: Row): Scope {
  const t = e.model(r.target);
  const values = r.local.map((lf) => row[m.byName.get(lf)!.column]);
  if (r.join) {
    const pk = t.byName.get(r.remote[0]!)!;
    return { sql: `EXISTS (SELECT 1 FROM ${quote(r.join.table)} AS j WHERE j.${quote(r.join.remoteColumn)} = t0.${pk.q} AND j.${quote(r.join.localColumn)} = ?)`, params: values };
  }
  return { sql: r.remote.map((rf) => `t0.${t.byName.get(rf)!.q} = ?`).join(' AND '), params: values };
}

/**
 * Inserts one row. `link` holds stored column values set by a parent (foreign keys). Returns the stored row (an
 * array in `raw` mode, for the generated mapper), or with `bulk` the run result (createMany). The INSERT text for
 * a set of columns is built once per model and kept by column bitmask.
 */
export function createRow(e: Engine, m: ModelRuntime, data: Obj, link?: Readonly<Record<string, unknown>>, bulk?: { skipDuplicates: boolean }, raw = false): Row {
  const fields = m.scalarList;
  // The generated per-model `pick` reads every scalar field by name (monomorphic loads, no reflection).
  const vals = m.pick(data);
  let defined = 0;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v === undefined) continue;
    vals[i] = encodeValue(fields[i]!, v, e.dateFormat, m.name);
    defined++;
  }
  let keys = 0;
  for (const key in data) if (data[key] !== undefined) keys++;
  let after: [RelationMeta, Obj][] | undefined;
  // Keys that are not scalar fields: relations (nested writes), or unknown fields.
  if (keys !== defined) {
    for (const key in data) {
      const v = data[key];
      if (v === undefined || m.byName.has(key)) continue;
      const r = m.relByName.get(key);
      if (!r) throw new ClientError('P2009', `Unknown field \`${key}\` in \`data\` for \`${m.name}\`.`, { model: m.name, fields: [key] });
      if (!isPlainObject(v)) throw new ClientError('P2009', `\`${m.name}.${key}\` takes a nested write object (create, connect, …).`, { model: m.name, fields: [key] });
      if (r.holdsFk) {
        const target = toOneTarget(e, m, r, v);
        const t = e.model(r.target);
        r.local.forEach((lf, i) => (vals[m.byName.get(lf)!.index] = target[t.byName.get(r.remote[i]!)!.column]));
      } else (after ??= []).push([r, v]);
    }
  }
  if (link) for (const name in link) vals[m.byName.get(name)!.index] = link[name];
  for (const f of m.generatedFields) if (vals[f.index] === undefined) vals[f.index] = generated(e, f);
  const params: unknown[] = [];
  // The statement key: a bitmask of the columns present and the mode (an integer for up to 27 columns).
  let mask = 0;
  let wide = '';
  for (let i = 0; i < vals.length; i++) {
    if (vals[i] === undefined) continue;
    params.push(vals[i]);
    if (i < 27) mask |= 1 << i;
    else wide += `,${i}`;
  }
  const mode = bulk ? (bulk.skipDuplicates ? 1 : 2) : after ? 3 : raw ? 4 : 5;
  const key: number | string = wide === '' ? mask * 8 + mode : `${mask},${mode}${wide}`;
  let stmt = m.insertStmts.get(key);
  if (stmt === undefined) {
    const cols = fields.filter((f) => vals[f.index] !== undefined);
    const insert = bulk?.skipDuplicates ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
    let sql = cols.length ? `${insert} ${m.qTable} (${cols.map((f) => f.q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})` : `${insert} ${m.qTable} DEFAULT VALUES`;
    if (!bulk) sql += ` RETURNING ${m.columnsSql}`;
    stmt = e.stmt(sql, m.safeIntegers, raw && !after && !bulk);
    if (m.insertStmts.size < 256) m.insertStmts.set(key, stmt);
  }
  if (bulk && after) throw new ClientError('P2009', `createMany on \`${m.name}\` cannot write relations.`, { model: m.name });
  let row: Row;
  try {
    row = (bulk ? stmt.run(...params) : stmt.get(...params)) as Row;
  } catch (err) {
    throw e.translate(err, m);
  }
  if (bulk) return row;
  if (after) for (const [r, ops] of after) nestedForParent(e, m, r, row, ops, false);
  return row;
}

/** SET clauses for update data (values and operators) on model `m`; nested relation writes are returned apart. */
export function setClauses(e: Engine, m: ModelRuntime, data: Obj, params: unknown[]): { sets: string[]; relations: [RelationMeta, Obj][] } {
  const sets: string[] = [];
  const relations: [RelationMeta, Obj][] = [];
  const raw = (data as Record<symbol, unknown>)[RAW] as Record<string, unknown> | undefined;
  if (raw) {
    for (const [name, v] of Object.entries(raw)) {
      sets.push(`${m.byName.get(name)!.q} = ?`);
      params.push(v);
    }
  }
  let touched = !!raw;
  for (const key in data) {
    const v = data[key];
    if (v === undefined) continue;
    touched = true;
    const f = m.byName.get(key);
    if (!f) {
      const r = m.relByName.get(key);
      if (!r) throw new ClientError('P2009', `Unknown field \`${key}\` in \`data\` for \`${m.name}\`.`, { model: m.name, fields: [key] });
      relations.push([r, v as Obj]);
      continue;
    }
    if (isPlainObject(v) && f.kind !== 'Json') {
      for (const op in v) {
        const x = v[op];
        if (x === undefined) continue;
        if (op === 'set') {
          sets.push(`${f.q} = ?`);
          params.push(encodeValue(f, x, e.dateFormat, m.name));
          continue;
        }
        const sym = op === 'increment' ? '+' : op === 'decrement' ? '-' : op === 'multiply' ? '*' : op === 'divide' ? '/' : undefined;
        if (!sym) throw new ClientError('P2009', `Unknown update operator \`${op}\` on \`${m.name}.${f.name}\`.`, { model: m.name, fields: [f.name] });
        sets.push(`${f.q} = ${f.q} ${sym} ?`);
        params.push(encodeValue(f, x, e.dateFormat, m.name));
      }
    } else {
      sets.push(`${f.q} = ?`);
      params.push(encodeValue(f, v, e.dateFormat, m.name));
    }
  }
  if (touched && m.hasUpdatedAt) {
    for (const f of m.scalarList) {
      if (f.updatedAt && data[f.name] === undefined) {
        sets.push(`${f.q} = ?`);
        params.push(writeNow(e.dateFormat));
      }
    }
  }
  return { sets, relations };
}

/** UPDATE … WHERE where [AND scope]; returns the number of rows changed. Nested relation writes are not allowed. */
export function updateRows(e: Engine, m: ModelRuntime, where: unknown, data: Obj, scope?: Scope): number {
  const params: unknown[] = [];
  const { sets, relations } = setClauses(e, m, data, params);
  if (relations.length) throw new ClientError('P2009', `updateMany on \`${m.name}\` cannot write relations (${relations.map(([r]) => r.name).join(', ')}).`, { model: m.name });
  const whereClause = scopedWhere(e, m, where, scope, params);
  if (sets.length === 0) return Number((run(e, m, `SELECT COUNT(*) AS n FROM ${m.qTable} AS t0${whereClause}`, params, 'get') as { n: number }).n);
  return (run(e, m, `UPDATE ${m.qTable} AS t0 SET ${sets.join(', ')}${whereClause}`, params, 'run') as { changes: number }).changes;
}

/** Updates the one row matching `where` (and scope), with nested writes; returns the updated row or undefined. */
export function updateOne(e: Engine, m: ModelRuntime, where: unknown, data: Obj, scope?: Scope): Row | undefined {
  const current = findRow(e, m, where, scope);
  if (!current) return undefined;
  const pkWhere: Obj = {};
  for (const p of m.pk) pkWhere[p] = m.byName.get(p)!.read(current[m.byName.get(p)!.column]);
  const params: unknown[] = [];
  const { sets, relations } = setClauses(e, m, data, params);
  const after: [RelationMeta, Obj][] = [];
  for (const [r, ops] of relations) {
    if (!r.holdsFk) {
      after.push([r, ops]);
      continue;
    }
    const t = e.model(r.target);
    const fkCols = r.local.map((lf) => m.byName.get(lf)!);
    const setFk = (target: Row | null): void => {
      fkCols.forEach((f, i) => {
        sets.push(`${f.q} = ?`);
        params.push(target === null ? null : target[t.byName.get(r.remote[i]!)!.column]);
      });
    };
    if (ops.connect !== undefined || ops.create !== undefined || ops.connectOrCreate !== undefined) setFk(toOneTarget(e, m, r, ops));
    const currentScope = scopeOf(e, m, r, current);
    if (ops.update !== undefined) {
      const u = ops.update as Obj;
      const d = ('data' in u && isPlainObject(u.data) ? u.data : u) as Obj;
      if (!updateOne(e, t, 'data' in u ? u.where : undefined, d, currentScope)) throw notFound(t.name, `A nested update from \`${m.name}.${r.name}\``);
    }
    if (ops.upsert !== undefined) {
      const u = ops.upsert as Obj;
      if (!updateOne(e, t, u.where, u.update as Obj, currentScope)) setFk(createRow(e, t, u.create as Obj));
    }
    if (ops.disconnect !== undefined && ops.disconnect !== false) {
      if (r.arity === 'one') throw new ClientError('P2014', `Cannot disconnect the required relation \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
      setFk(null);
    }
    if (ops.delete !== undefined && ops.delete !== false) {
      if (r.arity === 'one') throw new ClientError('P2014', `Cannot delete the required relation \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
      after.push([r, { delete: ops.delete }]);
      setFk(null);
    }
  }
  const pkParams: unknown[] = [];
  const pkCond = whereSql(e, m, pkWhere, 't0', pkParams);
  let row: Row;
  if (sets.length) {
    row = run(e, m, `UPDATE ${m.qTable} AS t0 SET ${sets.join(', ')} WHERE ${pkCond} RETURNING ${m.columnsSql}`, [...params, ...pkParams], 'get') as Row;
  } else row = current;
  for (const [r, ops] of after) {
    if (r.holdsFk) {
      // `delete` of a to-one relation held here: the foreign key is already cleared; delete the old target.
      const t = e.model(r.target);
      const w = ops.delete === true ? undefined : ops.delete;
      if (deleteRows(e, t, w, scopeOf(e, m, r, current)) === 0) throw notFound(t.name, `A nested delete from \`${m.name}.${r.name}\``);
    } else nestedForParent(e, m, r, row, ops, true);
  }
  return row;
}

/** DELETE … WHERE where [AND scope]; returns the number of rows deleted. */
export function deleteRows(e: Engine, m: ModelRuntime, where: unknown, scope?: Scope): number {
  const params: unknown[] = [];
  const whereClause = scopedWhere(e, m, where, scope, params);
  return (run(e, m, `DELETE FROM ${m.qTable} AS t0${whereClause}`, params, 'run') as { changes: number }).changes;
}

export { run };
