/**
 * The template context: what templates see. Plain JSON, every decision made (names cased, TypeScript types
 * resolved, SQL prepared, relations described). This shape is a versioned contract (docs/templates.md): add
 * fields freely; renaming or removing one bumps TEMPLATE_CONTEXT_VERSION.
 */
import type { Annotation } from '../schema/annotations.js';

export const TEMPLATE_CONTEXT_VERSION = 1;

export type ScalarKind = 'String' | 'Int' | 'Float' | 'Boolean' | 'BigInt' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes' | 'Enum';

export interface TemplateContext {
  readonly version: typeof TEMPLATE_CONTEXT_VERSION;
  /** The package that generated the code, and the module generated code imports at run time. */
  readonly generatorPackage: string;
  readonly runtimeImport: string;
  readonly generator: GeneratorContext;
  readonly datasource: { readonly provider: string } | null;
  readonly enums: readonly EnumContext[];
  readonly models: readonly ModelContext[];
  /** Implicit many-to-many join tables. */
  readonly joinTables: readonly { readonly table: string; readonly relation: string; readonly a: string; readonly b: string }[];
}

export interface GeneratorContext {
  /** The generator block's name, or null when generating without one. */
  readonly name: string | null;
  readonly dateTimeFormat: 'iso' | 'unixepoch-ms';
  /** Every other key of the generator block, as strings (arrays joined with ", "). */
  readonly options: Readonly<Record<string, string>>;
}

export interface Documented {
  /** The `///` comment text, or null. */
  readonly docs: string | null;
  /** The comment's lines without annotation-only lines, ready for a JSDoc block (empty when none). */
  readonly docLines: readonly string[];
  /** Parsed `/// @name(args)` annotations. */
  readonly annotations: readonly Annotation[];
}

export interface EnumContext extends Documented {
  readonly name: string;
  /** The TypeScript name of the enum's const and type: `name`, unless that would clash in the generated module (`Date` → `Date_`). */
  readonly typeName: string;
  readonly values: readonly ({ readonly name: string; readonly dbName: string } & Documented)[];
}

export interface FieldContext extends Documented {
  readonly name: string;
  readonly column: string;
  readonly kind: ScalarKind;
  /** The schema type as written: `String`, `DateTime`, or the enum's name. */
  readonly schemaType: string;
  readonly enumName: string | null;
  /** The enum's TypeScript type name (EnumContext.typeName), or null. */
  readonly enumTypeName: string | null;
  readonly optional: boolean;
  readonly isId: boolean;
  readonly isUnique: boolean;
  readonly isUpdatedAt: boolean;
  readonly isNumeric: boolean;
  /** Holds (part of) a foreign key. */
  readonly isForeignKey: boolean;
  /** The default as the client sees it: a Prisma-level generator, `db` (the database applies it), or null. */
  readonly default: string | null;
  /** TypeScript types: the row type, the where filter, the create value and the update value. */
  readonly tsType: string;
  readonly whereType: string;
  readonly createType: string;
  readonly createOptional: boolean;
  readonly updateType: string;
  /** The expression mapping a full row `r` (an array of the columns in field order) to this field's value. */
  readonly readExpr: string;
  /** Runtime metadata (JSON) for this field. */
  readonly meta: Readonly<Record<string, unknown>>;
}

export interface RelationFieldContext extends Documented {
  readonly name: string;
  /** The target model's schema name, and its TypeScript type name. */
  readonly target: string;
  readonly targetType: string;
  readonly arity: 'one' | 'optional' | 'many';
  readonly relationKind: 'OneToOne' | 'OneToMany' | 'ManyToMany';
  readonly relationName: string;
  readonly holdsForeignKey: boolean;
  readonly isSelf: boolean;
  /** Foreign-key fields on this side (empty unless holdsForeignKey). */
  readonly foreignKeyFields: readonly string[];
  readonly joinTable: string | null;
  /** TypeScript types for the payload, select, where, create and update positions. */
  readonly payloadType: string;
  readonly selectType: string;
  readonly whereType: string;
  readonly createType: string;
  readonly updateType: string;
  /** Runtime metadata (JSON) for this relation. */
  readonly meta: Readonly<Record<string, unknown>>;
}

export interface UniqueKeyContext {
  /** The client name: the field name, `a_b` for compound keys, or the `name:` argument. */
  readonly name: string;
  readonly fields: readonly string[];
  /** The TypeScript type of the key in a WhereUniqueInput: `{ id: number }` or `{ a_b: { a: number; b: string } }`. */
  readonly tsType: string;
}

export interface ModelContext extends Documented {
  readonly name: string;
  /**
   * The TypeScript name of the row type, and the prefix of the model's other types (`<typeName>WhereInput`): `name`,
   * unless that would clash in the generated module (`object` → `object_`, `UserSelect` next to `User` → `UserSelect_`).
   */
  readonly typeName: string;
  /** The client accessor: `client.user`. */
  readonly accessor: string;
  readonly table: string;
  readonly fields: readonly FieldContext[];
  readonly relations: readonly RelationFieldContext[];
  readonly primaryKey: readonly string[];
  readonly uniqueKeys: readonly UniqueKeyContext[];
  /** Integers come back as bigint from this model's statements (it has BigInt fields). */
  readonly safeIntegers: boolean;
  /** The select list for a full row (Decimal cast to TEXT), as SQL text. */
  readonly columnsSql: string;
  /** Fields that `_sum`/`_avg` accept, as a TypeScript union (`never` when none). */
  readonly numericFieldUnion: string;
  readonly scalarFieldUnion: string;
  /** The create input type (with XOR branches for required relations), as TypeScript. */
  readonly createInputType: string;
  readonly hasManyRelations: boolean;
}
