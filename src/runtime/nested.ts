/**
 * Nested writes: create/connect/connectOrCreate through a to-one relation held on this side, and every nested
 * operation on relations whose rows point at this one (to-many, the back side of 1-1, implicit m-n).
 */
import { quote, type Engine, type ModelRuntime } from './engine.js';
import { ClientError, notFound } from './errors.js';
import type { RelationMeta } from './meta.js';
import { isPlainObject, whereSql } from './where.js';
import { createRow, deleteRows, findRow, run, scopeOf, updateOne, updateRows, type Scope } from './write.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Resolves the target of a to-one relation held on this side: connect, create or connectOrCreate. */
export function toOneTarget(e: Engine, m: ModelRuntime, r: RelationMeta, ops: Obj): Row {
  const t = e.model(r.target);
  if (ops.connect !== undefined) {
    const row = findRow(e, t, ops.connect);
    if (!row) throw new ClientError('P2025', `No \`${t.name}\` record was found for a nested connect on \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
    return row;
  }
  if (ops.connectOrCreate !== undefined) {
    const c = ops.connectOrCreate as Obj;
    return findRow(e, t, c.where) ?? createRow(e, t, c.create as Obj);
  }
  if (ops.create !== undefined) return createRow(e, t, ops.create as Obj);
  throw new ClientError('P2009', `\`${m.name}.${r.name}\` needs create, connect or connectOrCreate.`, { model: m.name, fields: [r.name] });
}

/** Column values a child gets from its parent: the child's foreign key = the parent's referenced fields. */
function linkFor(m: ModelRuntime, r: RelationMeta, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  r.remote.forEach((rf, i) => (out[rf] = row[m.byName.get(r.local[i]!)!.column]));
  return out;
}

function joinInsert(e: Engine, m: ModelRuntime, r: RelationMeta, row: Row, child: Row): void {
  const t = e.model(r.target);
  const j = r.join!;
  const local = row[m.byName.get(r.local[0]!)!.column];
  const remote = child[t.byName.get(r.remote[0]!)!.column];
  run(e, m, `INSERT OR IGNORE INTO ${quote(j.table)} (${quote(j.localColumn)}, ${quote(j.remoteColumn)}) VALUES (?, ?)`, [local, remote], 'run');
}

/** Nested writes for a relation whose rows point at this one (to-many, the back side of 1-1, and m-n). */
export function nestedForParent(e: Engine, m: ModelRuntime, r: RelationMeta, row: Row, ops: Obj, isUpdate: boolean): void {
  const t = e.model(r.target);
  const scope = scopeOf(e, m, r, row);
  const attach = (child: Row): void => {
    if (r.join) joinInsert(e, m, r, row, child);
  };
  const connectOne = (where: unknown): void => {
    if (r.join) {
      const child = findRow(e, t, where);
      if (!child) throw new ClientError('P2025', `No \`${t.name}\` record was found for a nested connect on \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
      joinInsert(e, m, r, row, child);
    } else if (updateRows(e, t, where, linkRaw(linkFor(m, r, row))) === 0) {
      throw new ClientError('P2025', `No \`${t.name}\` record was found for a nested connect on \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
    }
  };
  const createOne = (data: Obj): void => attach(createRow(e, t, data, r.join ? undefined : linkFor(m, r, row)));
  for (const op in ops) {
    const v = ops[op];
    if (v === undefined) continue;
    switch (op) {
      case 'create':
        for (const d of list(v)) createOne(d as Obj);
        break;
      case 'createMany':
        for (const d of list((v as Obj).data)) createOne(d as Obj);
        break;
      case 'connect':
        for (const w of list(v)) connectOne(w);
        break;
      case 'connectOrCreate':
        for (const c of list(v) as Obj[]) {
          const existing = findRow(e, t, c.where);
          if (existing) connectOne(c.where);
          else createOne(c.create as Obj);
        }
        break;
      case 'set':
      case 'disconnect':
        if (!isUpdate) break;
        if (r.arity !== 'many' && op === 'disconnect') {
          if (v === false) break;
          disconnect(e, m, r, t, scope, v === true ? undefined : v);
          break;
        }
        if (op === 'set') disconnect(e, m, r, t, scope, undefined);
        for (const w of list(v)) op === 'set' ? connectOne(w) : disconnect(e, m, r, t, scope, w);
        break;
      case 'delete':
        if (r.arity !== 'many') {
          if (v !== false && deleteRows(e, t, v === true ? undefined : v, scope) === 0) throw notFound(t.name, `A nested delete from \`${m.name}.${r.name}\``);
        } else for (const w of list(v)) if (deleteRows(e, t, w, scope) === 0) throw notFound(t.name, `A nested delete from \`${m.name}.${r.name}\``);
        break;
      case 'deleteMany':
        for (const w of list(v)) deleteRows(e, t, w, scope);
        break;
      case 'update':
        if (r.arity !== 'many') {
          const o = v as Obj;
          const hasWhere = isPlainObject(o.data) && ('where' in o || 'data' in o);
          const data = (hasWhere ? o.data : o) as Obj;
          if (!updateOne(e, t, hasWhere ? o.where : undefined, data, scope)) throw notFound(t.name, `A nested update from \`${m.name}.${r.name}\``);
        } else for (const u of list(v) as Obj[]) if (!updateOne(e, t, u.where, u.data as Obj, scope)) throw notFound(t.name, `A nested update from \`${m.name}.${r.name}\``);
        break;
      case 'updateMany':
        for (const u of list(v) as Obj[]) updateRows(e, t, u.where, u.data as Obj, scope);
        break;
      case 'upsert':
        for (const u of list(v) as Obj[]) {
          if (!updateOne(e, t, u.where, u.update as Obj, scope)) createOne(u.create as Obj);
        }
        break;
      default:
        throw new ClientError('P2009', `Unknown nested write \`${op}\` on \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
    }
  }
}

/** Encoded values that are already stored values (foreign keys copied from a parent row). */
export const RAW = Symbol('raw');
function linkRaw(link: Record<string, unknown>): Obj {
  return { [RAW]: link } as unknown as Obj;
}

function disconnect(e: Engine, m: ModelRuntime, r: RelationMeta, t: ModelRuntime, scope: Scope, where: unknown): void {
  if (r.join) {
    const params: unknown[] = [row0(scope)];
    const pk = t.byName.get(r.remote[0]!)!;
    const w = where === undefined ? '' : whereSql(e, t, where, 't0', params);
    run(e, m, `DELETE FROM ${quote(r.join.table)} WHERE ${quote(r.join.localColumn)} = ?${w ? ` AND ${quote(r.join.remoteColumn)} IN (SELECT t0.${pk.q} FROM ${t.qTable} AS t0 WHERE ${w})` : ''}`, params, 'run');
    return;
  }
  const fkFields = r.remote.map((rf) => t.byName.get(rf)!);
  if (fkFields.some((f) => !f.optional)) {
    throw new ClientError('P2014', `Cannot disconnect \`${m.name}.${r.name}\`: the relation is required on \`${t.name}\`.`, { model: t.name, fields: fkFields.map((f) => f.name) });
  }
  const nulls: Record<string, unknown> = {};
  for (const f of fkFields) nulls[f.name] = null;
  updateRows(e, t, where, linkRaw(nulls), scope);
}

function row0(scope: Scope): unknown {
  return scope.params[0];
}

