/**
 * Type-level machinery shared by every generated client: filters, nested-write inputs, argument shapes and the
 * result narrowing (a result type follows `select`/`include` as Prisma's does). Generated code declares one small
 * set of types per model and plugs them into `Delegate<Types>`, so the generated output stays small.
 */

export type SortOrder = 'asc' | 'desc';
export interface SortOrderInput {
  sort: SortOrder;
  nulls?: 'first' | 'last';
}
/** `orderBy` over scalar fields `F`. */
export type OrderBy<F extends string> = { [K in F]?: SortOrder | SortOrderInput };
/** `select` flags for scalar fields `F`. */
export type ScalarFlags<F extends string> = { [K in F]?: boolean };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type QueryMode = 'default' | 'insensitive';
export type OneOrMany<T> = T | readonly T[];
/** Omit that distributes over a union (so XOR-style inputs keep their branches). */
export type DOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// ── Filters ──────────────────────────────────────────────────────────────────────────────────────
/** `equals`, `in`, `notIn`, comparisons and `not`. `T` includes `null` for optional fields. */
export interface Filter<T> {
  equals?: T;
  in?: readonly NonNullable<T>[];
  notIn?: readonly NonNullable<T>[];
  lt?: NonNullable<T>;
  lte?: NonNullable<T>;
  gt?: NonNullable<T>;
  gte?: NonNullable<T>;
  not?: T | Filter<T>;
}
export interface StringFilter<T extends string | null = string> extends Filter<T> {
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  mode?: QueryMode;
  not?: T | StringFilter<T>;
}
export interface EqualityFilter<T> {
  equals?: T;
  not?: T | EqualityFilter<T>;
}
export type DateInput = Date | string;

/** `AND`, `OR` and `NOT` over a model's where input `W`. */
export interface WhereLogic<W> {
  AND?: W | W[];
  OR?: W[];
  NOT?: W | W[];
}

export interface ToManyFilter<W> {
  some?: W;
  every?: W;
  none?: W;
}
export interface ToOneFilter<W> {
  is?: W | null;
  isNot?: W | null;
}

// ── Update operators ─────────────────────────────────────────────────────────────────────────────
export interface SetOp<T> {
  set?: T;
}
export interface NumberOps<T> {
  set?: T;
  increment?: NonNullable<T>;
  decrement?: NonNullable<T>;
  multiply?: NonNullable<T>;
  divide?: NonNullable<T>;
}

// ── Nested writes ───────────────────────────────────────────────────────────────────────────────
export interface ConnectOrCreate<C, U> {
  where: U;
  create: C;
}
/** Nested writes in `create` for a to-one relation. */
export interface ToOneCreate<C, U> {
  create?: C;
  connect?: U;
  connectOrCreate?: ConnectOrCreate<C, U>;
}
/** Nested writes in `create` for a to-many relation. */
export interface ToManyCreate<C, U> {
  create?: OneOrMany<C>;
  createMany?: { data: OneOrMany<C>; skipDuplicates?: boolean };
  connect?: OneOrMany<U>;
  connectOrCreate?: OneOrMany<ConnectOrCreate<C, U>>;
}
/** Nested writes in `update` for a to-one relation (`disconnect`/`delete` only where the relation is optional). */
export interface ToOneUpdate<C, U, D, W> extends ToOneCreate<C, U> {
  update?: D;
  upsert?: { create: C; update: D; where?: W };
  disconnect?: boolean | W;
  delete?: boolean | W;
}
/** Nested writes in `update` for a to-many relation. */
export interface ToManyUpdate<C, U, D, W> extends ToManyCreate<C, U> {
  set?: OneOrMany<U>;
  disconnect?: OneOrMany<U>;
  delete?: OneOrMany<U>;
  update?: OneOrMany<{ where: U; data: D }>;
  updateMany?: OneOrMany<{ where: W; data: D }>;
  deleteMany?: OneOrMany<W>;
  upsert?: OneOrMany<{ where: U; create: C; update: D }>;
}

// ── Result narrowing ────────────────────────────────────────────────────────────────────────────
export type Arity = 'one' | 'optional' | 'many';
/** A relation in a payload: the target's payload and how many there are. */
export interface Rel<P, A extends Arity> {
  payload: P;
  arity: A;
}
export interface Payload {
  scalars: object;
  relations: object;
}

type Falsy = false | undefined | null;
type PickTruthy<S> = { [K in keyof S as S[K] extends Falsy ? never : K]: S[K] };

export type GetResult<P extends Payload, A> = A extends { select: infer S }
  ? S extends object
    ? SelectResult<P, S>
    : P['scalars']
  : A extends { include: infer I }
    ? I extends object
      ? P['scalars'] & IncludeResult<P, I>
      : P['scalars']
    : P['scalars'];

type RelResult<R, V> =
  R extends Rel<infer T extends Payload, infer Ar>
    ? Ar extends 'many'
      ? GetResult<T, V>[]
      : Ar extends 'optional'
        ? GetResult<T, V> | null
        : GetResult<T, V>
    : never;

type ManyKeys<P extends Payload> = { [K in keyof P['relations']]: P['relations'][K] extends Rel<Payload, 'many'> ? K : never }[keyof P['relations']];
type CountResult<P extends Payload, V> = V extends { select: infer S }
  ? { [K in keyof PickTruthy<S>]: number }
  : { [K in ManyKeys<P>]: number };

export type SelectResult<P extends Payload, S> = {
  [K in keyof PickTruthy<S>]: K extends keyof P['relations']
    ? RelResult<P['relations'][K], S[K]>
    : K extends '_count'
      ? CountResult<P, S[K]>
      : K extends keyof P['scalars']
        ? P['scalars'][K]
        : never;
};
export type IncludeResult<P extends Payload, I> = {
  [K in keyof PickTruthy<I>]: K extends keyof P['relations'] ? RelResult<P['relations'][K], I[K]> : K extends '_count' ? CountResult<P, I[K]> : never;
};

/** Keys whose inferred (literal) type shapes the result; every other key is checked against its declared type. */
type Shaping = 'select' | 'include' | 'by' | '_count' | '_min' | '_max' | '_sum' | '_avg';
/**
 * Rejects keys that the argument type does not have (as Prisma's `SelectSubset`), and checks `data`, `where`,
 * `orderBy` and friends against their declared types, so that object literals get excess-property errors.
 */
export type Exact<A, W> = { [K in keyof A]: K extends keyof W ? (K extends Shaping ? A[K] : W[K]) : never };

// ── Per-model type bundle and the delegate ─────────────────────────────────────────────────────
export interface ModelTypes {
  payload: Payload;
  where: object;
  whereUnique: object;
  orderBy: object;
  select: object;
  include: object;
  create: object;
  createMany: object;
  update: object;
  updateMany: object;
  scalarField: string;
  /** Fields that `_sum`/`_avg` apply to. */
  numericField: string;
}

type Sel<T extends ModelTypes> = { select?: T['select'] | null; include?: T['include'] | null };
export type FindUniqueArgs<T extends ModelTypes> = { where: T['whereUnique'] } & Sel<T>;
export type FindManyArgs<T extends ModelTypes> = {
  where?: T['where'];
  orderBy?: OneOrMany<T['orderBy']>;
  cursor?: T['whereUnique'];
  take?: number;
  skip?: number;
  distinct?: OneOrMany<T['scalarField']>;
} & Sel<T>;
export type CreateArgs<T extends ModelTypes> = { data: T['create'] } & Sel<T>;
export type CreateManyArgs<T extends ModelTypes> = { data: OneOrMany<T['createMany']>; skipDuplicates?: boolean };
export type UpdateArgs<T extends ModelTypes> = { where: T['whereUnique']; data: T['update'] } & Sel<T>;
export type UpdateManyArgs<T extends ModelTypes> = { where?: T['where']; data: T['updateMany'] };
export type UpsertArgs<T extends ModelTypes> = { where: T['whereUnique']; create: T['create']; update: T['update'] } & Sel<T>;
export type DeleteArgs<T extends ModelTypes> = { where: T['whereUnique'] } & Sel<T>;
export type DeleteManyArgs<T extends ModelTypes> = { where?: T['where'] };
export type CountArgs<T extends ModelTypes> = Omit<FindManyArgs<T>, 'select' | 'include' | 'distinct'> & {
  select?: { _all?: boolean } & { [K in T['scalarField']]?: boolean };
};

type FieldFlags<F extends string> = { [K in F]?: boolean };
export interface AggregateSpec<T extends ModelTypes> {
  _count?: true | ({ _all?: boolean } & FieldFlags<T['scalarField']>);
  _min?: FieldFlags<T['scalarField']>;
  _max?: FieldFlags<T['scalarField']>;
  _sum?: FieldFlags<T['numericField']>;
  _avg?: FieldFlags<T['numericField']>;
}
export type AggregateArgs<T extends ModelTypes> = Omit<FindManyArgs<T>, 'select' | 'include' | 'distinct'> & AggregateSpec<T>;

type Scalars<T extends ModelTypes> = T['payload']['scalars'];
type Get<O, K> = K extends keyof O ? O[K] : never;
type SumOf<V> = V extends bigint ? bigint | null : V extends string ? string | null : number | null;
type AggValue<T extends ModelTypes, Op, K> = Op extends '_avg' ? number | null : Op extends '_sum' ? SumOf<NonNullable<Get<Scalars<T>, K>>> : Get<Scalars<T>, K> | null;
type AggPart<T extends ModelTypes, Op, S> = Op extends '_count'
  ? S extends true
    ? number
    : { [K in keyof PickTruthy<S>]: number }
  : { [K in keyof PickTruthy<S>]: AggValue<T, Op, K> };
export type AggregateResult<T extends ModelTypes, A> = {
  [Op in keyof A & ('_count' | '_min' | '_max' | '_sum' | '_avg')]: AggPart<T, Op, A[Op]>;
};
export type CountResultOf<A> = A extends { select: infer S } ? (S extends object ? { [K in keyof PickTruthy<S>]: number } : number) : number;

export type GroupByArgs<T extends ModelTypes> = {
  by: OneOrMany<T['scalarField']>;
  where?: T['where'];
  having?: Record<string, unknown>;
  orderBy?: OneOrMany<Record<string, unknown>>;
  take?: number;
  skip?: number;
} & AggregateSpec<T>;
type ByFields<A> = A extends { by: infer B } ? (B extends readonly (infer F)[] ? F : B) : never;
export type GroupByResult<T extends ModelTypes, A> = { [K in ByFields<A> & keyof Scalars<T>]: Scalars<T>[K] } & AggregateResult<T, A>;

export interface BatchPayload {
  count: number;
}

export interface Delegate<T extends ModelTypes> {
  findUnique<A extends FindUniqueArgs<T>>(args: Exact<A, FindUniqueArgs<T>>): GetResult<T['payload'], A> | null;
  findUniqueOrThrow<A extends FindUniqueArgs<T>>(args: Exact<A, FindUniqueArgs<T>>): GetResult<T['payload'], A>;
  findFirst<A extends FindManyArgs<T>>(args?: Exact<A, FindManyArgs<T>>): GetResult<T['payload'], A> | null;
  findFirstOrThrow<A extends FindManyArgs<T>>(args?: Exact<A, FindManyArgs<T>>): GetResult<T['payload'], A>;
  findMany<A extends FindManyArgs<T>>(args?: Exact<A, FindManyArgs<T>>): GetResult<T['payload'], A>[];
  create<A extends CreateArgs<T>>(args: Exact<A, CreateArgs<T>>): GetResult<T['payload'], A>;
  createMany(args: CreateManyArgs<T>): BatchPayload;
  update<A extends UpdateArgs<T>>(args: Exact<A, UpdateArgs<T>>): GetResult<T['payload'], A>;
  updateMany(args: UpdateManyArgs<T>): BatchPayload;
  upsert<A extends UpsertArgs<T>>(args: Exact<A, UpsertArgs<T>>): GetResult<T['payload'], A>;
  delete<A extends DeleteArgs<T>>(args: Exact<A, DeleteArgs<T>>): GetResult<T['payload'], A>;
  deleteMany(args?: DeleteManyArgs<T>): BatchPayload;
  count<A extends CountArgs<T>>(args?: Exact<A, CountArgs<T>>): CountResultOf<A>;
  aggregate<A extends AggregateArgs<T>>(args: Exact<A, AggregateArgs<T>>): AggregateResult<T, A>;
  groupBy<A extends GroupByArgs<T>>(args: Exact<A, GroupByArgs<T>>): GroupByResult<T, A>[];
}
