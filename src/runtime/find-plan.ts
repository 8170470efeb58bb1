/**
 * The fast path of `findMany` for the call a loop makes over and over: `where` with plain equalities on scalar
 * fields, at most one `orderBy` on a scalar field, and literal `take`/`skip`. Such a call is recognised field by
 * field against the previous call's shape, without building SQL text or hashing it: its statement was prepared
 * once, from the same SQL the general path builds. Anything else returns undefined and takes the general path.
 */
import { encodeValue } from './codecs.js';
import type { Engine, FieldRuntime, ModelRuntime, Statement } from './engine.js';
import { FULL_SHAPE, selectSql } from './read.js';
import { isPlainObject, orderBySql, whereSql } from './where.js';

type Obj = Record<string, unknown>;

/** One argument shape, prepared: the where fields in order, the ordering, the literal take and skip. */
interface FindPlan {
  readonly stmt: Statement;
  readonly fields: readonly FieldRuntime[];
  readonly orderField: string | undefined;
  readonly orderDir: unknown;
  readonly take: number | undefined;
  readonly skip: number | undefined;
}

const PLAN_LIMIT = 64;

export class FindManyPlans {
  private readonly plans = new Map<string, FindPlan>();
  private last: FindPlan | undefined;
  /** Scratch list of the where fields of the current call (reused: no allocation per call). */
  private readonly seen: FieldRuntime[] = [];

  constructor(
    private readonly e: Engine,
    private readonly m: ModelRuntime,
  ) {}

  /** The records, or undefined when the arguments are not of the simple shape. */
  run(args: Obj): Obj[] | undefined {
    let where: unknown;
    let orderBy: unknown;
    let take: unknown;
    let skip: unknown;
    for (const k in args) {
      const v = args[k];
      if (v === undefined) continue;
      if (k === 'where') where = v;
      else if (k === 'orderBy') orderBy = v;
      else if (k === 'take') take = v;
      else if (k === 'skip') skip = v;
      else return undefined;
    }
    if (!isLimit(take) || !isLimit(skip)) return undefined;
    let orderField: string | undefined;
    let orderDir: unknown;
    if (orderBy !== undefined) {
      if (!isPlainObject(orderBy)) return undefined;
      for (const k in orderBy) {
        const d = orderBy[k];
        if (d === undefined) continue;
        if (orderField !== undefined || (d !== 'asc' && d !== 'desc') || !this.m.byName.has(k)) return undefined;
        orderField = k;
        orderDir = d;
      }
    }
    const params: unknown[] = [];
    const seen = this.seen;
    seen.length = 0;
    if (where !== undefined) {
      if (!isPlainObject(where)) return undefined;
      for (const k in where) {
        const v = where[k];
        if (v === undefined) continue;
        const f = this.m.byName.get(k);
        // Equality on a scalar: `null` (IS NULL), filters, lists and Json values take the general path.
        if (f === undefined || f.kind === 'Json' || v === null || (typeof v === 'object' && !(v instanceof Date))) return undefined;
        seen.push(f);
        params.push(encodeValue(f, v, this.e.dateFormat, this.m.name));
      }
    }
    let plan = this.last;
    if (plan === undefined || !sameShape(plan, seen, orderField, orderDir, take, skip)) {
      plan = this.planFor(where as Obj | undefined, orderBy, take, skip, orderField, orderDir);
    }
    let rows: unknown[][];
    try {
      rows = plan.stmt.all(...params) as unknown[][];
    } catch (err) {
      throw this.e.translate(err, this.m);
    }
    const map = this.m.map;
    const records = new Array<Obj>(rows.length);
    for (let i = 0; i < rows.length; i++) records[i] = map(rows[i] as never) as Obj;
    return records;
  }

  /** Prepares (or finds) the statement for this shape, with the SQL the general path would build. */
  private planFor(where: Obj | undefined, orderBy: unknown, take: number | undefined, skip: number | undefined, orderField: string | undefined, orderDir: unknown): FindPlan {
    const fields = [...this.seen];
    const key = `${fields.map((f) => f.name).join(',')}|${orderField ?? ''} ${String(orderDir ?? '')}|${take ?? ''}|${skip ?? ''}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      const scratch: unknown[] = [];
      const sql = selectSql(this.e, this.m, FULL_SHAPE, {
        where: whereSql(this.e, this.m, where, 't0', scratch),
        params: scratch,
        order: orderBy === undefined ? [] : orderBySql(this.m, orderBy, 't0'),
        ...(take !== undefined ? { limit: take } : {}),
        ...(skip !== undefined ? { offset: skip } : {}),
      });
      plan = { stmt: this.e.stmt(sql, this.m.safeIntegers, true), fields, orderField, orderDir, take, skip };
      if (this.plans.size >= PLAN_LIMIT) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, plan);
    }
    this.last = plan;
    return plan;
  }
}

/** take/skip that the general path inlines as they are: absent, or a non-negative integer (negative take reads backwards). */
function isLimit(v: unknown): v is number | undefined {
  return v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
}

function sameShape(plan: FindPlan, fields: readonly FieldRuntime[], orderField: string | undefined, orderDir: unknown, take: number | undefined, skip: number | undefined): boolean {
  if (plan.take !== take || plan.skip !== skip || plan.orderField !== orderField || plan.orderDir !== orderDir || plan.fields.length !== fields.length) return false;
  for (let i = 0; i < fields.length; i++) if (plan.fields[i] !== fields[i]) return false;
  return true;
}
