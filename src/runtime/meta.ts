/**
 * The metadata a generated client hands to the runtime: tables, columns, codecs, keys and relations, with every
 * decision already made by the generator. The runtime never inspects the schema or the database.
 */

export type ScalarKind = 'String' | 'Int' | 'Float' | 'Boolean' | 'BigInt' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes' | 'Enum';

/** Defaults the client applies (Prisma-level), and `db` for defaults the database applies. */
export type DefaultKind = 'uuid4' | 'uuid7' | 'cuid' | 'cuid2' | 'nanoid' | 'ulid' | 'now' | 'db' | 'autoincrement';

export interface FieldMeta {
  readonly name: string;
  /** The column name (`@map`); the field name when absent. */
  readonly column?: string;
  readonly kind: ScalarKind;
  /** Nullable; false when absent. */
  readonly optional?: boolean;
  readonly default?: DefaultKind;
  /** `nanoid(n)` length. */
  readonly size?: number;
  readonly updatedAt?: boolean;
  readonly enumValues?: readonly string[];
}

export interface RelationMeta {
  readonly name: string;
  /** The target model's name. */
  readonly target: string;
  /** `one`/`optional`: a to-one relation; `many`: a to-many relation. */
  readonly arity: 'one' | 'optional' | 'many';
  /**
   * How the two sides join: `local[i]` (fields of this model) = `remote[i]` (fields of the target). For a relation
   * whose foreign key is on this side, `local` are the foreign-key fields; for an implicit m-n relation, `local`
   * and `remote` are the two primary keys and `join` names the join table.
   */
  readonly local: readonly string[];
  readonly remote: readonly string[];
  /** True when this side holds the foreign key (`fields`/`references` are on this side). */
  readonly holdsFk: boolean;
  readonly join?: { readonly table: string; readonly localColumn: 'A' | 'B'; readonly remoteColumn: 'A' | 'B' };
}

export interface ModelMeta {
  readonly name: string;
  readonly table: string;
  /** Scalar fields, in schema order. */
  readonly fields: readonly FieldMeta[];
  /** Primary key fields. */
  readonly pk: readonly string[];
  /** Every unique key (the primary key first), with its client name (`a_b` for compound keys). */
  readonly uniques: readonly { readonly name: string; readonly fields: readonly string[] }[];
  readonly relations: readonly RelationMeta[];
  /** Statements reading this model return integers as bigint (it has BigInt fields). */
  readonly safeIntegers: boolean;
  /** Maps a full row read in raw mode (an array of every column, in `fields` order, as `columnsSql` selects them). */
  readonly map: (row: readonly unknown[]) => unknown;
  /** Reads every scalar field of a data object by name, in `fields` order (undefined when absent). Generated. */
  readonly pick: (data: Record<string, unknown>) => unknown[];
  /** The select list for a full row, with Decimal columns cast to TEXT. */
  readonly columnsSql: string;
}

export interface SchemaMeta {
  readonly models: Readonly<Record<string, ModelMeta>>;
  /** The DateTime write format chosen by the generator. */
  readonly dateTimeFormat: 'iso' | 'unixepoch-ms';
}
