/**
 * The SchemaModel: the resolved, typed schema that every later stage consumes (database layout, validation,
 * diff, codegen). Plain readonly data; names are resolved, literals decoded, relations paired.
 */
import type { Span } from '../diagnostics/span.js';
import type { AttributeNode, SchemaFileAst } from './ast.js';

export const SCALAR_TYPES = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

export function isScalarType(name: string): name is ScalarType {
  return (SCALAR_TYPES as readonly string[]).includes(name);
}

export type FieldArity = 'required' | 'optional' | 'list';

export const REFERENTIAL_ACTIONS = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault'] as const;
export type ReferentialAction = (typeof REFERENTIAL_ACTIONS)[number];

export type SortOrder = 'Asc' | 'Desc';

/** A value in a datasource or generator block. */
export type ConfigValue =
  | { readonly kind: 'String'; readonly value: string }
  | { readonly kind: 'Env'; readonly variable: string }
  | { readonly kind: 'Array'; readonly items: readonly ConfigValue[] }
  | { readonly kind: 'Boolean'; readonly value: boolean }
  | { readonly kind: 'Number'; readonly text: string }
  /** Anything else, kept as written (for example `pgvector(map: "vector")`). */
  | { readonly kind: 'Other'; readonly text: string };

export interface ConfigProperty {
  readonly key: string;
  readonly value: ConfigValue;
  readonly span: Span;
  readonly valueSpan: Span;
}

export interface Datasource {
  readonly name: string;
  /** As written: `sqlite`, `postgresql`, … */
  readonly provider: string;
  readonly url?: ConfigValue;
  readonly relationMode: 'foreignKeys' | 'prisma';
  readonly properties: readonly ConfigProperty[];
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface Generator {
  readonly name: string;
  readonly provider?: ConfigValue;
  readonly output?: ConfigValue;
  readonly previewFeatures: readonly string[];
  /** Every key of the block, `provider` and `output` included, in order. */
  readonly properties: readonly ConfigProperty[];
  readonly docs?: string;
  readonly span: Span;
  readonly nameSpan: Span;
}

/** A default value, decoded. Every variant keeps the span of the argument it came from. */
export type DefaultValue = (
  | { readonly kind: 'Autoincrement' }
  | { readonly kind: 'Now' }
  | { readonly kind: 'Uuid'; readonly version: 4 | 7 }
  | { readonly kind: 'Cuid'; readonly version: 1 | 2 }
  | { readonly kind: 'Nanoid'; readonly length?: number }
  | { readonly kind: 'Ulid' }
  /** `dbgenerated("sql")`; an empty call means the database has a default we do not describe. */
  | { readonly kind: 'DbGenerated'; readonly sql?: string }
  /** A function of another provider (`sequence()`, `auto()`), kept by name. */
  | { readonly kind: 'OtherFunction'; readonly name: string }
  | { readonly kind: 'String'; readonly value: string }
  /** Kept as text so that BigInt and Decimal never pass through a float. */
  | { readonly kind: 'Number'; readonly text: string }
  | { readonly kind: 'Boolean'; readonly value: boolean }
  | { readonly kind: 'EnumValue'; readonly name: string }
  | { readonly kind: 'List'; readonly items: readonly DefaultValue[] }
) & { readonly span: Span; readonly map?: string };

export interface IndexField {
  readonly name: string;
  readonly sort?: SortOrder;
  readonly length?: number;
  readonly ops?: string;
  readonly span: Span;
}

/** A partial index condition: `where: raw("…")` or `where: { field: value }`. */
export type IndexWhere =
  | { readonly kind: 'Raw'; readonly sql: string; readonly span: Span }
  | {
      readonly kind: 'Object';
      readonly conditions: readonly { readonly field: string; readonly value: DefaultValue | { readonly kind: 'Null'; readonly span: Span } }[];
      readonly span: Span;
    };

export interface PrimaryKey {
  readonly fields: readonly IndexField[];
  /** The client name (`@@id(name: "likeId", …)`). */
  readonly name?: string;
  /** The database constraint name (`map:`). SQLite ignores it; Prisma keeps it. */
  readonly map?: string;
  readonly clustered?: boolean;
  readonly source: 'field' | 'block';
  readonly span: Span;
}

export interface UniqueConstraint {
  readonly fields: readonly IndexField[];
  readonly name?: string;
  readonly map?: string;
  readonly clustered?: boolean;
  readonly where?: IndexWhere;
  readonly source: 'field' | 'block';
  readonly span: Span;
}

export interface IndexDefinition {
  readonly kind: 'index' | 'fulltext';
  readonly fields: readonly IndexField[];
  readonly name?: string;
  readonly map?: string;
  readonly clustered?: boolean;
  readonly type?: string;
  readonly where?: IndexWhere;
  readonly span: Span;
}

interface FieldBase {
  readonly name: string;
  /** The column name: `@map("…")` or the field name. */
  readonly dbName: string;
  readonly arity: FieldArity;
  readonly ignored: boolean;
  readonly docs?: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly typeSpan: Span;
  /** The attributes as written, for diagnostics that point into them. */
  readonly attributes: readonly AttributeNode[];
}

export interface NativeType {
  /** The namespace as written (`db` in `@db.Text`): it must be the datasource's name. */
  readonly prefix: string;
  readonly name: string;
  readonly args: readonly string[];
  readonly span: Span;
}

interface ColumnFieldBase extends FieldBase {
  readonly default?: DefaultValue;
  /** `@id` on this field. */
  readonly isId: boolean;
  /** `@unique` on this field. */
  readonly isUnique: boolean;
  readonly nativeType?: NativeType;
}

export interface ScalarField extends ColumnFieldBase {
  readonly kind: 'scalar';
  readonly type: ScalarType;
  readonly isUpdatedAt: boolean;
}

export interface EnumField extends ColumnFieldBase {
  readonly kind: 'enum';
  readonly enumName: string;
}

export interface UnsupportedField extends ColumnFieldBase {
  readonly kind: 'unsupported';
  /** The database type, as written in `Unsupported("…")`. */
  readonly sqlType: string;
}

export interface RelationField extends FieldBase {
  readonly kind: 'relation';
  /** The model (or view) on the other side. */
  readonly target: string;
  /** `@relation("Name")` or `@relation(name: "Name")`. */
  readonly relationName?: string;
  readonly fields?: readonly string[];
  readonly references?: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** `map:` — the foreign key's database name. */
  readonly fkName?: string;
  readonly relationSpan?: Span;
}

/** A field whose type is a composite `type` block (MongoDB only; reported on SQLite). */
export interface CompositeField extends FieldBase {
  readonly kind: 'composite';
  readonly typeName: string;
  readonly default?: DefaultValue;
}

export type ColumnField = ScalarField | EnumField | UnsupportedField;
export type Field = ColumnField | RelationField | CompositeField;

export function isColumnField(field: Field): field is ColumnField {
  return field.kind === 'scalar' || field.kind === 'enum' || field.kind === 'unsupported';
}

export interface Model {
  readonly kind: 'model' | 'view';
  readonly name: string;
  /** The table name: `@@map("…")` or the model name. */
  readonly dbName: string;
  readonly fields: readonly Field[];
  readonly primaryKey?: PrimaryKey;
  readonly uniques: readonly UniqueConstraint[];
  readonly indexes: readonly IndexDefinition[];
  readonly ignored: boolean;
  /** `@@schema("…")` (multi-schema providers). */
  readonly schema?: string;
  readonly docs?: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly blockAttributes: readonly AttributeNode[];
}

export interface EnumValue {
  readonly name: string;
  /** The stored value: `@map("…")` or the name. */
  readonly dbName: string;
  readonly docs?: string;
  readonly span: Span;
}

export interface Enum {
  readonly name: string;
  readonly dbName: string;
  readonly values: readonly EnumValue[];
  readonly docs?: string;
  readonly span: Span;
  readonly nameSpan: Span;
}

/** A `type` block: composite types exist for MongoDB only. Kept so that it can be reported. */
export interface CompositeType {
  readonly name: string;
  readonly fields: readonly Field[];
  readonly docs?: string;
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface RelationEnd {
  readonly model: string;
  readonly field: string;
}

interface RelationBase {
  /** The relation's name: the explicit one, or Prisma's generated `AToB` (models in alphabetical order). */
  readonly name: string;
  readonly explicitName: boolean;
  readonly isSelf: boolean;
}

/** A one-to-one or one-to-many relation: one side holds the foreign key. */
export interface ForeignKeyRelation extends RelationBase {
  readonly kind: 'OneToOne' | 'OneToMany';
  /** The side with `fields`/`references`: it holds the foreign key. */
  readonly referencing: RelationEnd;
  /** The other side; absent when the schema lacks the back-relation field (a validation error). */
  readonly referenced: { readonly model: string; readonly field?: string };
  readonly fields: readonly string[];
  readonly references: readonly string[];
  /** Effective actions, with Prisma's defaults applied (Restrict/SetNull on delete, Cascade on update). */
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly fkName?: string;
}

/** An implicit many-to-many relation, stored in a join table `_AToB` with columns `A` and `B`. */
export interface ManyToManyRelation extends RelationBase {
  readonly kind: 'ManyToMany';
  readonly joinTable: string;
  /** Column `A` references this side's model (the first model alphabetically, or the first field for self relations). */
  readonly a: RelationEnd;
  readonly b: RelationEnd;
}

export type Relation = ForeignKeyRelation | ManyToManyRelation;

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly ast: SchemaFileAst;
}

export interface SchemaModel {
  readonly files: readonly SourceFile[];
  readonly datasource?: Datasource;
  readonly generators: readonly Generator[];
  readonly models: readonly Model[];
  readonly views: readonly Model[];
  readonly enums: readonly Enum[];
  readonly compositeTypes: readonly CompositeType[];
  readonly relations: readonly Relation[];
}

/** The provider, normalised: `postgres` and `postgresql` are the same. */
export function providerOf(schema: SchemaModel): string | undefined {
  const p = schema.datasource?.provider;
  return p === 'postgres' ? 'postgresql' : p;
}
