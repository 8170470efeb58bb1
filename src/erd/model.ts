/**
 * The diagram model: what an entity-relationship diagram shows, decided once from a SchemaModel so that every
 * renderer (dot, mermaid, svg, html) only lays out and prints. Pure and plain: no layout, no text escaping.
 *
 * - An entity is a model or a view; its attributes are the columns (scalar, enum and `Unsupported` fields). The
 *   relation fields are not listed: the relations are the edges.
 * - An edge is a relation. It runs from the referenced side (the parent: the "one") to the referencing side (the
 *   side holding the foreign key), so that a layered layout puts parents before children. A many-to-many edge runs
 *   from side `A` to side `B` of its join table, and names the table.
 * - An enum is shown with its values; attributes of an enum type name it.
 */
import type { Enum, Model, Relation, SchemaModel } from '../schema/model.js';
import { assertNever } from '../assert.js';

/** PK: part of the primary key. FK: part of a foreign key. UK: unique on its own (`@unique`, `@@unique([x])`). */
export type KeyMarker = 'PK' | 'FK' | 'UK';

export interface ErdAttribute {
  readonly name: string;
  /** The column name when `@map` renames it. */
  readonly dbName?: string;
  /** The type as written, without the modifier: `String`, `Role`, `Unsupported("circle")`. */
  readonly type: string;
  readonly optional: boolean;
  readonly list: boolean;
  /** The type names an enum of the schema. */
  readonly isEnum: boolean;
  readonly markers: readonly KeyMarker[];
  readonly docs?: string;
}

export interface ErdEntity {
  readonly name: string;
  /** The table name when `@@map` renames it. */
  readonly dbName?: string;
  readonly kind: 'model' | 'view';
  readonly attributes: readonly ErdAttribute[];
  /** Unique constraints over two or more fields (`@@unique([a, b])`), which no single marker can show. */
  readonly compositeUniques: readonly (readonly string[])[];
  readonly docs?: string;
  /** `@@ignore`: the model is in the database but not in the client. */
  readonly ignored: boolean;
  /** `neighbour`: drawn only because it is related to a selected entity (`--models`), with its key columns only. */
  readonly role?: 'neighbour';
  /** How many columns a neighbour does not show. */
  readonly hiddenAttributes?: number;
}

/** How many rows one end of an edge may have: `min` 0 or 1, `max` one or many. */
export interface EdgeEnd {
  readonly entity: string;
  /** The relation field on this side (absent when the schema has none, which validation reports). */
  readonly field?: string;
  /** The columns this end joins on: the foreign key's fields, or the referenced fields. Empty for many-to-many. */
  readonly columns: readonly string[];
  readonly min: 0 | 1;
  readonly max: 1 | 'many';
}

export type Cardinality = 'OneToOne' | 'OneToMany' | 'ManyToMany';

export interface ErdEdge {
  /** The relation's name (explicit, or Prisma's `AToB`). Unique per model pair, not across the schema. */
  readonly name: string;
  readonly cardinality: Cardinality;
  /** The parent: the referenced side, or side `A` of a many-to-many. */
  readonly from: EdgeEnd;
  /** The child: the side holding the foreign key, or side `B` of a many-to-many. */
  readonly to: EdgeEnd;
  /** The implicit join table of a many-to-many relation (`_AToB`). */
  readonly joinTable?: string;
  readonly onDelete?: string;
}

export interface ErdEnum {
  readonly name: string;
  readonly dbName?: string;
  readonly values: readonly { readonly name: string; readonly dbName?: string; readonly docs?: string }[];
  readonly docs?: string;
}

export interface Diagram {
  readonly entities: readonly ErdEntity[];
  readonly edges: readonly ErdEdge[];
  readonly enums: readonly ErdEnum[];
}

/** The whole schema as a diagram: every model and view, every paired relation, every enum. */
export function buildDiagram(schema: SchemaModel): Diagram {
  const enumNames = new Set(schema.enums.map((e) => e.name));
  const models = [...schema.models, ...schema.views];
  const foreignKeys = foreignKeyFields(schema.relations);
  return {
    entities: models.map((m) => toEntity(m, enumNames, foreignKeys.get(m.name) ?? new Set())),
    edges: schema.relations.map((r) => toEdge(r, models)),
    enums: schema.enums.map(toEnum),
  };
}

function foreignKeyFields(relations: readonly Relation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of relations) {
    if (r.kind === 'ManyToMany') continue;
    const set = out.get(r.referencing.model) ?? new Set<string>();
    for (const f of r.fields) set.add(f);
    out.set(r.referencing.model, set);
  }
  return out;
}

function toEntity(model: Model, enumNames: ReadonlySet<string>, foreignKeys: ReadonlySet<string>): ErdEntity {
  const pk = new Set(model.primaryKey?.fields.map((f) => f.name) ?? []);
  const unique = new Set(model.uniques.filter((u) => u.fields.length === 1 && u.where === undefined).map((u) => u.fields[0]!.name));
  const attributes: ErdAttribute[] = [];
  for (const field of model.fields) {
    let type: string;
    switch (field.kind) {
      case 'scalar':
        type = field.type;
        break;
      case 'enum':
        type = field.enumName;
        break;
      case 'unsupported':
        type = `Unsupported("${field.sqlType}")`;
        break;
      case 'relation':
      case 'composite':
        continue;
      default:
        assertNever(field);
    }
    const markers: KeyMarker[] = [];
    if (pk.has(field.name)) markers.push('PK');
    if (foreignKeys.has(field.name)) markers.push('FK');
    if (unique.has(field.name) && !(pk.has(field.name) && pk.size === 1)) markers.push('UK');
    attributes.push({
      name: field.name,
      ...(field.dbName !== field.name ? { dbName: field.dbName } : {}),
      type,
      optional: field.arity === 'optional',
      list: field.arity === 'list',
      isEnum: field.kind === 'enum' && enumNames.has(type),
      markers,
      ...(field.docs ? { docs: field.docs } : {}),
    });
  }
  return {
    name: model.name,
    ...(model.dbName !== model.name ? { dbName: model.dbName } : {}),
    kind: model.kind,
    attributes,
    compositeUniques: model.uniques.filter((u) => u.fields.length > 1).map((u) => u.fields.map((f) => f.name)),
    ...(model.docs ? { docs: model.docs } : {}),
    ignored: model.ignored,
  };
}

function toEdge(relation: Relation, models: readonly Model[]): ErdEdge {
  if (relation.kind === 'ManyToMany') {
    const end = (e: { model: string; field: string }): EdgeEnd => ({ entity: e.model, field: e.field, columns: [], min: 0, max: 'many' });
    return { name: relation.name, cardinality: 'ManyToMany', from: end(relation.a), to: end(relation.b), joinTable: relation.joinTable };
  }
  const child = models.find((m) => m.name === relation.referencing.model);
  // The parent row is required when every foreign-key field is; an optional one makes the parent "zero or one".
  const required = relation.fields.every((name) => child?.fields.find((f) => f.name === name)?.arity === 'required');
  return {
    name: relation.name,
    cardinality: relation.kind,
    from: {
      entity: relation.referenced.model,
      ...(relation.referenced.field !== undefined ? { field: relation.referenced.field } : {}),
      columns: relation.references,
      min: required ? 1 : 0,
      max: 1,
    },
    to: { entity: relation.referencing.model, field: relation.referencing.field, columns: relation.fields, min: 0, max: relation.kind === 'OneToOne' ? 1 : 'many' },
    onDelete: relation.onDelete,
  };
}

function toEnum(e: Enum): ErdEnum {
  return {
    name: e.name,
    ...(e.dbName !== e.name ? { dbName: e.dbName } : {}),
    values: e.values.map((v) => ({ name: v.name, ...(v.dbName !== v.name ? { dbName: v.dbName } : {}), ...(v.docs ? { docs: v.docs } : {}) })),
    ...(e.docs ? { docs: e.docs } : {}),
  };
}

/** The enums that the entities' attributes use, in the diagram's order. */
export function enumsUsedBy(entities: readonly ErdEntity[], enums: readonly ErdEnum[]): ErdEnum[] {
  const used = new Set(entities.flatMap((e) => e.attributes.filter((a) => a.isEnum).map((a) => a.type)));
  return enums.filter((e) => used.has(e.name));
}

/** The type with Prisma's modifier: `String?`, `Int[]`. */
export function attributeType(a: ErdAttribute): string {
  return `${a.type}${a.list ? '[]' : a.optional ? '?' : ''}`;
}
