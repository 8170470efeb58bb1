/**
 * One model's accessor (`client.user`): Prisma's operations, synchronous. Fixed-shape calls take fast paths with
 * statements prepared once (findUnique by primary key, findMany with plain equalities, create and update without
 * nested writes); everything else builds SQL from the arguments and reuses the prepared statement cached under
 * that SQL text.
 */
import { aggregate, count, groupBy } from './aggregate.js';
import type { Engine, ModelRuntime, Statement } from './engine.js';
import { encodeValue, writeNow } from './codecs.js';
import { ClientError, notFound } from './errors.js';
import { FindManyPlans } from './find-plan.js';
import { findMany, selectRecords, shapeOf, shapeRows, type FindArgs } from './read.js';
import { isPlainObject, whereSql } from './where.js';
import { createRow, deleteRows, run, setClauses, updateOne, updateRows } from './write.js';

type Obj = Record<string, unknown>;
type Row = Record<string, unknown>;

/** A prepared `update` by primary key for one data shape: `fields[i]` with operator `ops[i]` (undefined: a value). */
interface UpdatePlan {
  readonly stmt: Statement;
  /** How many @updatedAt fields the statement stamps with now (parameters after the data's). */
  readonly stamps: number;
  readonly fields: readonly string[];
  readonly ops: readonly (string | undefined)[];
}

export class ModelDelegate {
  private pkStmt: Statement | undefined;
  private deleteStmt: Statement | undefined;
  private readonly updatePlans = new Map<string, UpdatePlan>();
  private lastUpdate: UpdatePlan | undefined;
  private readonly pkName: string | undefined;
  private readonly pkFast: boolean;
  private readonly findPlans: FindManyPlans;

  constructor(
    private readonly e: Engine,
    private readonly m: ModelRuntime,
  ) {
    this.pkName = m.pk.length === 1 ? m.pk[0] : undefined;
    const kind = this.pkName ? m.byName.get(this.pkName)!.kind : undefined;
    this.pkFast = kind === 'Int' || kind === 'String' || kind === 'BigInt';
    this.findPlans = new FindManyPlans(e, m);
  }

  /** The primary-key value when `where` is exactly `{ pk: scalar }`, else undefined. */
  private pkOnly(where: unknown): unknown {
    if (!this.pkFast || typeof where !== 'object' || where === null) return undefined;
    const w = where as Obj;
    const v = w[this.pkName!];
    const t = typeof v;
    if (t !== 'number' && t !== 'string' && t !== 'bigint') return undefined;
    let n = 0;
    for (const k in w) if (w[k] !== undefined && ++n > 1) return undefined;
    return v;
  }

  findUnique(args: Obj): unknown {
    if (args.select == null) {
      const id = this.pkOnly(args.where);
      if (id !== undefined) {
        this.pkStmt ??= this.e.stmt(this.m.findByPkSql!, this.m.safeIntegers, true);
        const row = this.pkStmt.get(id) as unknown[] | undefined;
        if (row === undefined) return null;
        if (args.include == null) return this.m.map(row);
        // include without _count: the parent by primary key, then one query per relation.
        const shape = shapeOf(this.m, undefined, args.include);
        if (shape.counts === null) return shapeRows(this.e, this.m, shape, [row])[0];
      }
    }
    if (!isPlainObject(args.where)) throw new ClientError('P2009', `findUnique on \`${this.m.name}\` needs \`where\`.`, { model: this.m.name });
    return findMany(this.e, this.m, args as FindArgs, 1)[0] ?? null;
  }

  findUniqueOrThrow(args: Obj): unknown {
    const r = this.findUnique(args);
    if (r === null) throw notFound(this.m.name, 'findUniqueOrThrow');
    return r;
  }

  findFirst(args: Obj = {}): unknown {
    const take = typeof args.take === 'number' && args.take < 0 ? -1 : 1;
    return findMany(this.e, this.m, args as FindArgs, take)[0] ?? null;
  }

  findFirstOrThrow(args: Obj = {}): unknown {
    const r = this.findFirst(args);
    if (r === null) throw notFound(this.m.name, 'findFirstOrThrow');
    return r;
  }

  findMany(args: Obj = {}): unknown[] {
    return this.findPlans.run(args) ?? findMany(this.e, this.m, args as FindArgs);
  }

  /** Re-reads a written row with `select`/`include` applied. */
  private shaped(row: Row, args: Obj): unknown {
    if (args.select == null && args.include == null) return this.m.mapObject(row);
    const params: unknown[] = [];
    const where = whereSql(this.e, this.m, this.pkWhere(row), 't0', params);
    return selectRecords(this.e, this.m, shapeOf(this.m, args.select, args.include), { where, params, order: [] }).records[0] ?? null;
  }

  private pkWhere(row: Row): Obj {
    const w: Obj = {};
    for (const p of this.m.pk) {
      const f = this.m.byName.get(p)!;
      w[p] = f.read(row[f.column]);
    }
    return w;
  }

  private hasRelations(data: unknown): boolean {
    if (!isPlainObject(data)) throw new ClientError('P2009', `\`data\` for \`${this.m.name}\` must be an object.`, { model: this.m.name });
    for (const r of this.m.relations) if ((data as Obj)[r.name] !== undefined) return true;
    return false;
  }

  create(args: Obj): unknown {
    const data = args.data as Obj;
    if (!this.hasRelations(data) && args.select == null && args.include == null) return this.m.map(createRow(this.e, this.m, data, undefined, undefined, true) as unknown as unknown[]);
    return this.e.atomic(() => this.shaped(createRow(this.e, this.m, data), args));
  }

  createMany(args: Obj): { count: number } {
    const list = Array.isArray(args.data) ? (args.data as Obj[]) : [args.data as Obj];
    const bulk = { skipDuplicates: args.skipDuplicates === true };
    return this.e.atomic(() => {
      let n = 0;
      for (const d of list) n += (createRow(this.e, this.m, d, undefined, bulk) as unknown as { changes: number }).changes;
      return { count: n };
    });
  }

  update(args: Obj): unknown {
    const data = args.data as Obj;
    if (args.select == null && args.include == null) {
      const id = this.pkOnly(args.where);
      if (id !== undefined) {
        const row = this.updateByPk(id, data);
        if (row !== undefined) {
          if (row === null) throw notFound(this.m.name, 'update');
          return this.m.map(row);
        }
      }
    }
    if (!this.hasRelations(data)) {
      if (args.select == null && args.include == null) return this.m.map(this.updateDirect(args.where, data, true) as unknown as unknown[]);
      return this.shaped(this.updateDirect(args.where, data, false), args);
    }
    return this.e.atomic(() => {
      const row = updateOne(this.e, this.m, args.where, data);
      if (!row) throw notFound(this.m.name, 'update');
      return this.shaped(row, args);
    });
  }

  /**
   * `update` by primary key with scalar data: one pass over `data` collects the parameters; the UPDATE … RETURNING
   * statement is prepared once per data shape (fields and operators, in order). Returns the raw row, null when no
   * row matched, or undefined when the data does not fit (relations, empty data, unknown keys).
   */
  private updateByPk(id: unknown, data: unknown): unknown[] | null | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    const m = this.m;
    const d = data as Obj;
    const params: unknown[] = [];
    // The same shape as the previous call (the common case in a loop) is recognised step by step, without building
    // a signature string: building and hashing one cost more than the rest of the call together.
    const last = this.lastUpdate;
    let same = last !== undefined;
    let n = 0;
    for (const k in d) {
      const v = d[k];
      if (v === undefined) continue;
      const f = m.byName.get(k);
      if (f === undefined) return undefined;
      if (v !== null && typeof v === 'object' && f.kind !== 'Json' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
        for (const op in v as Obj) {
          const x = (v as Obj)[op];
          if (x === undefined) continue;
          if (op !== 'set' && op !== 'increment' && op !== 'decrement' && op !== 'multiply' && op !== 'divide') return undefined;
          if (same && (last!.fields[n] !== k || last!.ops[n] !== op)) same = false;
          n++;
          params.push(encodeValue(f, x, this.e.dateFormat, m.name));
        }
      } else {
        if (same && (last!.fields[n] !== k || last!.ops[n] !== undefined)) same = false;
        n++;
        params.push(encodeValue(f, v, this.e.dateFormat, m.name));
      }
    }
    if (n === 0) return undefined;
    const plan = same && n === last!.fields.length ? last! : this.updatePlanFor(d);
    for (let i = 0; i < plan.stamps; i++) params.push(writeNow(this.e.dateFormat));
    params.push(id);
    try {
      return (plan.stmt.get(...params) as unknown[] | undefined) ?? null;
    } catch (err) {
      throw this.e.translate(err, m);
    }
  }

  /** The prepared UPDATE for the shape of `data` (already checked by updateByPk), cached by signature. */
  private updatePlanFor(d: Obj): UpdatePlan {
    const m = this.m;
    const fields: string[] = [];
    const ops: (string | undefined)[] = [];
    for (const k in d) {
      const v = d[k];
      if (v === undefined) continue;
      if (v !== null && typeof v === 'object' && m.byName.get(k)!.kind !== 'Json' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
        for (const op in v as Obj) {
          if ((v as Obj)[op] === undefined) continue;
          fields.push(k);
          ops.push(op);
        }
      } else {
        fields.push(k);
        ops.push(undefined);
      }
    }
    const sig = fields.map((f, i) => (ops[i] === undefined ? f : `${f}.${ops[i]}`)).join('\u0000');
    let plan = this.updatePlans.get(sig);
    if (plan === undefined) {
      const { sets } = setClauses(this.e, m, d, []);
      const pk = m.byName.get(m.pk[0]!)!;
      plan = {
        stmt: this.e.stmt(`UPDATE ${m.qTable} AS t0 SET ${sets.join(', ')} WHERE t0.${pk.q} = ? RETURNING ${m.columnsSql}`, m.safeIntegers, true),
        // setClauses stamps the @updatedAt fields that `data` leaves out, after the data's own SET clauses.
        stamps: m.scalarList.filter((f) => f.updatedAt && d[f.name] === undefined).length,
        fields,
        ops,
      };
      if (this.updatePlans.size < 256) this.updatePlans.set(sig, plan);
    }
    this.lastUpdate = plan;
    return plan;
  }

  /** One UPDATE … RETURNING for updates without nested writes. */
  private updateDirect(where: unknown, data: Obj, raw: boolean): Row {
    const row = updateReturning(this.e, this.m, where, data, [], raw);
    if (row === undefined) throw notFound(this.m.name, 'update');
    return row;
  }

  updateMany(args: Obj): { count: number } {
    return { count: updateRows(this.e, this.m, args.where, args.data as Obj) };
  }

  upsert(args: Obj): unknown {
    return this.e.atomic(() => {
      const row = updateOne(this.e, this.m, args.where, args.update as Obj) ?? createRow(this.e, this.m, args.create as Obj);
      return this.shaped(row, args);
    });
  }

  delete(args: Obj): unknown {
    if (args.select != null || args.include != null) {
      return this.e.atomic(() => {
        const before = this.findUnique({ where: args.where, select: args.select, include: args.include });
        if (before === null) throw notFound(this.m.name, 'delete');
        deleteRows(this.e, this.m, args.where);
        return before;
      });
    }
    const id = this.pkOnly(args.where);
    if (id !== undefined) {
      // By primary key: one statement prepared once.
      this.deleteStmt ??= this.e.stmt(`DELETE FROM ${this.m.qTable} AS t0 WHERE t0.${this.m.byName.get(this.pkName!)!.q} = ? RETURNING ${this.m.columnsSql}`, this.m.safeIntegers, true);
      let row: unknown[] | undefined;
      try {
        row = this.deleteStmt.get(id) as unknown[] | undefined;
      } catch (err) {
        throw this.e.translate(err, this.m);
      }
      if (row === undefined) throw notFound(this.m.name, 'delete');
      return this.m.map(row);
    }
    const params: unknown[] = [];
    const w = whereSql(this.e, this.m, args.where, 't0', params);
    const row = run(this.e, this.m, `DELETE FROM ${this.m.qTable} AS t0${w ? ` WHERE ${w}` : ''} RETURNING ${this.m.columnsSql}`, params, 'get', true) as unknown[] | undefined;
    if (row === undefined) throw notFound(this.m.name, 'delete');
    return this.m.map(row);
  }

  deleteMany(args: Obj = {}): { count: number } {
    return { count: deleteRows(this.e, this.m, args.where) };
  }

  count(args: Obj = {}): unknown {
    return count(this.e, this.m, args);
  }

  aggregate(args: Obj): unknown {
    return aggregate(this.e, this.m, args);
  }

  groupBy(args: Obj): unknown {
    return groupBy(this.e, this.m, args);
  }
}

/** UPDATE … SET … WHERE where RETURNING *: one statement; undefined when no row matched. */
function updateReturning(e: Engine, m: ModelRuntime, where: unknown, data: Obj, params: unknown[], raw: boolean): Row | undefined {
  const { sets } = setClauses(e, m, data, params);
  const w = whereSql(e, m, where, 't0', params);
  if (sets.length === 0) {
    return run(e, m, `SELECT ${m.columnsSql} FROM ${m.qTable} AS t0${w ? ` WHERE ${w}` : ''} LIMIT 1`, params, 'get', raw) as Row | undefined;
  }
  return run(e, m, `UPDATE ${m.qTable} AS t0 SET ${sets.join(', ')}${w ? ` WHERE ${w}` : ''} RETURNING ${m.columnsSql}`, params, 'get', raw) as Row | undefined;
}
