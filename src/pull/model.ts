/**
 * What a pull produces before it is printed: models with their fields and attributes, each element carrying the
 * database object it describes (table, column, index, foreign key), so that a re-pull can pick the elements that
 * changed and leave the rest of the user's schema alone. Attribute arguments are already schema text.
 */
import type { Index } from '../database/model.js';
import type { FieldArity, ReferentialAction } from '../schema/model.js';
import type { PulledType } from './types.js';

export interface PulledScalarField {
  readonly kind: 'scalar';
  readonly name: string;
  readonly column: string;
  readonly type: PulledType;
  readonly arity: Exclude<FieldArity, 'list'>;
  /** `@id` on the field (a one-column primary key). */
  readonly id: boolean;
  /** The argument of `@default(…)`. */
  readonly default?: string;
}

export interface PulledRelationField {
  readonly kind: 'relation';
  readonly name: string;
  /** The model on the other side. */
  readonly target: string;
  readonly arity: FieldArity;
  readonly relationName?: string;
  /** On the side that holds the foreign key: field names of this model and of the target. */
  readonly fields?: readonly string[];
  readonly references?: readonly string[];
  /** Only when they differ from Prisma's defaults (Restrict/SetNull on delete, Cascade on update). */
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** `@ignore`: the target model is ignored. */
  readonly ignored: boolean;
  /** The relation this field belongs to (PulledRelation.key). */
  readonly relation: string;
}

export type PulledField = PulledScalarField | PulledRelationField;

/** An index or unique constraint, as a field attribute (`@unique`) or a block attribute (`@@index([…])`). */
export interface PulledIndex {
  readonly index: Index;
  /** The name the schema gives it (from-schema.ts): the index's own for `map:`, else Prisma's default name. */
  readonly name: string;
  /** Set when it is written on a field: the field's name; `text` is then the field attribute. */
  readonly field?: string;
  /** `@unique(map: "x")` or `@@index([a, b(sort: Desc)], map: "x")`. */
  readonly text: string;
}

export interface PulledModel {
  readonly name: string;
  readonly table: string;
  /** `//` comment lines above the block (the text after `// `). */
  readonly comments: readonly string[];
  readonly fields: readonly PulledField[];
  /** `@@id([…])` for a compound primary key. */
  readonly compoundId?: string;
  readonly indexes: readonly PulledIndex[];
  readonly ignored: boolean;
  /** `//` comment lines at the end of the block: what the schema cannot express about the table. */
  readonly notes: readonly string[];
}

/** A relation between two models: a foreign key, or an implicit many-to-many join table. */
export interface PulledRelation {
  /** `fk:<table>(<columns>)` or `m2m:<join table>` (lower case). */
  readonly key: string;
  readonly kind: 'ForeignKey' | 'ManyToMany';
  /** For a foreign key: [the side that holds it, the referenced side]; for many-to-many: [side A, side B]. */
  readonly sides: readonly [PulledRelationSide, PulledRelationSide];
}

export interface PulledRelationSide {
  readonly table: string;
  readonly model: string;
  readonly field: PulledRelationField;
}

export interface PulledView {
  readonly name: string;
  readonly comment: readonly string[];
}

export interface PulledSchema {
  readonly models: readonly PulledModel[];
  readonly relations: readonly PulledRelation[];
  /** The tables read as implicit many-to-many join tables (no model of their own). */
  readonly joinTables: readonly string[];
  /** One `//` comment block per view (lines after `// `). */
  readonly views: readonly PulledView[];
}

/** Marks that start the comments a pull writes, so that a re-pull can recognise (and replace) its own. */
export const COMMENT_MARKS = {
  ignored: 'Ignored:',
  databaseOnly: 'Database only:',
  view: 'View ',
} as const;
