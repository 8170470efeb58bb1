/**
 * WhereInput → SQL. Every value is bound as a parameter and every identifier is quoted. Relation filters become
 * correlated EXISTS subqueries (some/every/none, is/isNot), so a filter is always one statement.
 */
import { encodeValue } from './codecs.js';
import { quote, type Engine, type FieldRuntime, type ModelRuntime } from './engine.js';
import { ClientError } from './errors.js';
import type { RelationMeta } from './meta.js';

type Obj = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !(v instanceof Uint8Array) && !Array.isArray(v);
}

/** SQL for a where object over `alias` (empty string when it has no condition). */
export function whereSql(e: Engine, m: ModelRuntime, where: unknown, alias: string, params: unknown[], depth = 0): string {
  if (where === undefined || where === null) return '';
  if (!isPlainObject(where)) throw new ClientError('P2009', `\`where\` on \`${m.name}\` must be an object.`, { model: m.name });
  const parts: string[] = [];
  for (const key in where) {
    const value = where[key];
    if (value === undefined) continue;
    const f = m.byName.get(key);
    if (f !== undefined) {
      const s = fieldCondition(e, m, f, `${alias}.${f.q}`, value, params);
      if (s) parts.push(s);
      continue;
    }
    switch (key) {
      case 'AND': {
        for (const w of toList(value)) {
          const s = whereSql(e, m, w, alias, params, depth);
          if (s) parts.push(s);
        }
        continue;
      }
      case 'OR': {
        const list = toList(value).map((w) => whereSql(e, m, w, alias, params, depth) || '1');
        parts.push(list.length ? `(${list.join(' OR ')})` : '0');
        continue;
      }
      case 'NOT': {
        for (const w of toList(value)) {
          const s = whereSql(e, m, w, alias, params, depth);
          if (s) parts.push(`NOT (${s})`);
        }
        continue;
      }
    }
    const r = m.relByName.get(key);
    if (r !== undefined) {
      parts.push(relationCondition(e, m, r, alias, value, params, depth));
      continue;
    }
    const compound = m.uniqueByName.get(key);
    if (compound !== undefined && isPlainObject(value)) {
      for (const name of compound) {
        const cf = m.byName.get(name)!;
        const s = fieldCondition(e, m, cf, `${alias}.${cf.q}`, value[name], params);
        if (s) parts.push(s);
      }
      continue;
    }
    throw new ClientError('P2009', `Unknown field \`${key}\` in \`where\` on \`${m.name}\`.`, { model: m.name, fields: [key] });
  }
  return parts.length === 1 ? parts[0]! : parts.join(' AND ');
}

function toList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function enc(e: Engine, m: ModelRuntime, f: FieldRuntime, v: unknown): unknown {
  return encodeValue(f, v, e.dateFormat, m.name);
}

/** A condition on one column: a bare value means `equals`. */
export function fieldCondition(e: Engine, m: ModelRuntime, f: FieldRuntime, col: string, value: unknown, params: unknown[]): string {
  if (value === undefined) return '';
  if (value === null) return `${col} IS NULL`;
  if (!isPlainObject(value) || f.kind === 'Json') {
    if (f.kind === 'Json' && isPlainObject(value) && ('equals' in value || 'not' in value)) return filterCondition(e, m, f, col, value, params);
    params.push(enc(e, m, f, value));
    return `${col} = ?`;
  }
  return filterCondition(e, m, f, col, value, params);
}

function filterCondition(e: Engine, m: ModelRuntime, f: FieldRuntime, col: string, filter: Obj, params: unknown[]): string {
  const insensitive = filter.mode === 'insensitive';
  const parts: string[] = [];
  for (const op in filter) {
    const v = filter[op];
    if (v === undefined || op === 'mode') continue;
    switch (op) {
      case 'equals':
        if (v === null) parts.push(`${col} IS NULL`);
        else {
          params.push(enc(e, m, f, v));
          parts.push(insensitive ? `${col} = ? COLLATE NOCASE` : `${col} = ?`);
        }
        break;
      case 'not':
        if (v === null) parts.push(`${col} IS NOT NULL`);
        else if (isPlainObject(v) && f.kind !== 'Json') parts.push(`NOT (${filterCondition(e, m, f, col, insensitive ? { mode: 'insensitive', ...v } : v, params)})`);
        else {
          params.push(enc(e, m, f, v));
          // Prisma: `not: x` does not match NULL rows.
          parts.push(`${col} ${insensitive ? '<> ? COLLATE NOCASE' : '<> ?'}`);
        }
        break;
      case 'in':
      case 'notIn': {
        const list = v as unknown[];
        if (list.length === 0) {
          parts.push(op === 'in' ? '0' : '1');
          break;
        }
        for (const x of list) params.push(enc(e, m, f, x));
        parts.push(`${col} ${op === 'in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(', ')})`);
        break;
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        params.push(enc(e, m, f, v));
        parts.push(`${col} ${op === 'lt' ? '<' : op === 'lte' ? '<=' : op === 'gt' ? '>' : '>='} ?`);
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        const s = String(v);
        if (insensitive) {
          const esc = s.replace(/[\\%_]/g, (c) => `\\${c}`);
          params.push(op === 'contains' ? `%${esc}%` : op === 'startsWith' ? `${esc}%` : `%${esc}`);
          parts.push(`${col} LIKE ? ESCAPE '\\'`);
        } else if (op === 'contains') {
          params.push(s);
          parts.push(`instr(${col}, ?) > 0`);
        } else if (op === 'startsWith') {
          params.push(s, s);
          parts.push(`substr(${col}, 1, length(?)) = ?`);
        } else {
          params.push(s, s);
          parts.push(`substr(${col}, -length(?)) = ?`);
        }
        break;
      }
      default:
        throw new ClientError('P2009', `Unknown filter \`${op}\` on \`${m.name}.${f.name}\`.`, { model: m.name, fields: [f.name] });
    }
  }
  if (parts.length === 0) return '';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

/** `t1."fk" = t0."pk"` (and the join table for m-n) for the target rows of relation `r` of the row at `alias`. */
export function relationJoin(e: Engine, m: ModelRuntime, r: RelationMeta, alias: string, inner: string): { from: string; on: string } {
  const t = e.model(r.target);
  if (r.join) {
    const j = `j${inner.slice(1)}`;
    const localPk = m.byName.get(r.local[0]!)!;
    const remotePk = t.byName.get(r.remote[0]!)!;
    return {
      from: `${t.qTable} AS ${inner} JOIN ${quote(r.join.table)} AS ${j} ON ${j}.${quote(r.join.remoteColumn)} = ${inner}.${remotePk.q}`,
      on: `${j}.${quote(r.join.localColumn)} = ${alias}.${localPk.q}`,
    };
  }
  const on = r.local.map((lf, i) => `${inner}.${t.byName.get(r.remote[i]!)!.q} = ${alias}.${m.byName.get(lf)!.q}`).join(' AND ');
  return { from: `${t.qTable} AS ${inner}`, on };
}

function relationCondition(e: Engine, m: ModelRuntime, r: RelationMeta, alias: string, value: unknown, params: unknown[], depth: number): string {
  const t = e.model(r.target);
  const inner = `t${depth + 1}`;
  const { from, on } = relationJoin(e, m, r, alias, inner);
  const exists = (w: unknown, negateInner = false): string => {
    const cond = whereSql(e, t, w, inner, params, depth + 1);
    const c = cond ? (negateInner ? ` AND NOT (${cond})` : ` AND ${cond}`) : negateInner ? ' AND 0' : '';
    return `EXISTS (SELECT 1 FROM ${from} WHERE ${on}${c})`;
  };
  if (r.arity === 'many') {
    if (!isPlainObject(value)) throw new ClientError('P2009', `A to-many relation filter on \`${m.name}.${r.name}\` takes some/every/none.`, { model: m.name, fields: [r.name] });
    const parts: string[] = [];
    if (value.some !== undefined) parts.push(exists(value.some));
    if (value.none !== undefined) parts.push(`NOT ${exists(value.none)}`);
    if (value.every !== undefined) parts.push(`NOT ${exists(value.every, true)}`);
    return parts.length ? parts.join(' AND ') : '1';
  }
  if (value === null) return nullRelation(m, r, alias, from, on, true);
  if (!isPlainObject(value)) throw new ClientError('P2009', `Invalid filter on \`${m.name}.${r.name}\`.`, { model: m.name, fields: [r.name] });
  if ('is' in value || 'isNot' in value) {
    const parts: string[] = [];
    if (value.is === null) parts.push(nullRelation(m, r, alias, from, on, true));
    else if (value.is !== undefined) parts.push(exists(value.is));
    if (value.isNot === null) parts.push(nullRelation(m, r, alias, from, on, false));
    else if (value.isNot !== undefined) parts.push(`NOT ${exists(value.isNot)}`);
    return parts.length ? parts.join(' AND ') : '1';
  }
  return exists(value);
}

function nullRelation(m: ModelRuntime, r: RelationMeta, alias: string, from: string, on: string, isNull: boolean): string {
  if (r.holdsFk) {
    const cols = r.local.map((lf) => `${alias}.${m.byName.get(lf)!.q} IS ${isNull ? '' : 'NOT '}NULL`);
    return cols.join(isNull ? ' OR ' : ' AND ');
  }
  return `${isNull ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${from} WHERE ${on})`;
}

/** ORDER BY items for `orderBy` (an object or a list of objects), with `{ sort, nulls }` support. */
export function orderBySql(m: ModelRuntime, orderBy: unknown, alias: string): string[] {
  const out: string[] = [];
  for (const o of toList(orderBy)) {
    if (!isPlainObject(o)) continue;
    for (const key in o) {
      const v = o[key];
      if (v === undefined) continue;
      const f = m.byName.get(key);
      if (!f) throw new ClientError('P2009', `Cannot order \`${m.name}\` by \`${key}\`: only scalar fields are supported.`, { model: m.name, fields: [key] });
      const sort = isPlainObject(v) ? v.sort : v;
      const nulls = isPlainObject(v) ? v.nulls : undefined;
      const dir = sort === 'desc' ? 'DESC' : 'ASC';
      out.push(`${alias}.${f.q} ${dir}${nulls === 'first' ? ' NULLS FIRST' : nulls === 'last' ? ' NULLS LAST' : ''}`);
    }
  }
  return out;
}
