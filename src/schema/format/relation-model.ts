/**
 * The relations of a schema as Prisma's parser database sees them, for the formatter to complete: every model's
 * fields and keys, and each 1-1 or 1-n relation with whichever of its two sides is written. Undefined when the
 * schema does not resolve (an unknown type, attribute or field, a duplicate name…): Prisma adds nothing then.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Argument, AttributeNode, BlockNode, Expr, FieldNode, SchemaFileAst } from '../ast.js';
import { BLOCK_ATTRIBUTES, bindAttribute, decodeFieldNames, decodeIndexFields, FIELD_ATTRIBUTES, type AttributeSignature } from '../attributes.js';
import { isScalarType, type FieldArity } from '../model.js';

export interface ResolvedField {
  readonly name: string;
  readonly node: FieldNode;
  readonly arity: FieldArity;
  readonly kind: 'relation' | 'scalar' | 'enum' | 'composite' | 'unsupported';
  readonly typeName: string;
  /** On relation fields. */
  readonly relation?: { readonly name?: string; readonly fields?: string[]; readonly references?: string[]; readonly attribute?: AttributeNode };
  /** A native type attribute (`@db.VarChar(10)`), copied onto the scalar fields added for a relation. */
  readonly nativeType?: AttributeNode;
}

export interface ResolvedModel {
  readonly name: string;
  readonly file: number;
  readonly block: BlockNode;
  readonly fields: ResolvedField[];
  readonly ignored: boolean;
  /** The primary key, then each unique constraint (field `@unique` first, then `@@unique`), as field names. */
  readonly uniqueCriteria: string[][];
  /** Unique constraints only (for telling 1-1 from 1-n). */
  readonly uniqueIndexes: string[][];
}

export interface Side {
  readonly model: ResolvedModel;
  readonly field: ResolvedField;
}

/** A 1-1 or 1-n relation; the referencing model holds (or should hold) the foreign key. */
export interface InlineRelation {
  readonly oneToOne: boolean;
  readonly referencing: ResolvedModel;
  readonly referenced: ResolvedModel;
  readonly forward?: Side;
  readonly back?: Side;
}

/** The 1-1 and 1-n relations of the files of one schema, in Prisma's order; undefined when it does not resolve. */
export function resolveInlineRelations(files: readonly SchemaFileAst[]): InlineRelation[] | undefined {
  const models = resolveModels(files);
  return models && inferRelations(models);
}

// ── Resolution: the schema as Prisma's parser database sees it, or undefined when it would report errors ──────

function resolveModels(files: readonly SchemaFileAst[]): ResolvedModel[] | undefined {
  const blocks = files.flatMap((ast, file) => ast.items.flatMap((item) => (item.kind === 'Block' ? [{ block: item, file }] : [])));
  const types: TypeTable = new Map();
  for (const { block } of blocks) {
    if (block.keyword === 'datasource' || block.keyword === 'generator') continue;
    if (types.has(block.name)) return undefined;
    const values = block.members.flatMap((m) => (m.kind === 'EnumValue' ? [m.name] : []));
    types.set(block.name, block.keyword === 'enum' ? { kind: 'enum', values } : { kind: block.keyword === 'type' ? 'composite' : 'model' });
  }
  const modelBlocks = blocks.filter(({ block }) => block.keyword === 'model' || block.keyword === 'view');
  const models: ResolvedModel[] = [];
  for (const { block, file } of modelBlocks) {
    const model = resolveModel(block, file, types);
    if (!model) return undefined;
    models.push(model);
  }
  // Relation arguments name fields of both models: check them once every model is known.
  for (const model of models) {
    for (const field of model.fields) {
      if (!field.relation) continue;
      const target = models.find((m) => m.name === field.typeName)!;
      if (!namesScalarFields(model, field.relation.fields) || !namesScalarFields(target, field.relation.references)) return undefined;
    }
  }
  return models;
}

function namesScalarFields(model: ResolvedModel, names: readonly string[] | undefined): boolean {
  return (names ?? []).every((n) => model.fields.some((f) => f.name === n && f.kind !== 'relation'));
}

type TypeInfo = { readonly kind: 'model' | 'composite' } | { readonly kind: 'enum'; readonly values: readonly string[] };
type TypeTable = Map<string, TypeInfo>;

function resolveModel(block: BlockNode, file: number, types: TypeTable): ResolvedModel | undefined {
  const fields: ResolvedField[] = [];
  const uniqueIndexes: string[][] = [];
  const columnNames = new Set<string>();
  let primaryKey: string[] | undefined;
  for (const member of block.members) {
    if (member.kind !== 'Field') continue;
    if (fields.some((f) => f.name === member.name)) return undefined;
    const field = resolveField(member, types);
    if (!field) return undefined;
    fields.push(field);
    if (field.kind !== 'relation') {
      // Two fields stored in one column (`@map`) are a resolution error for Prisma too.
      const column = mappedName(member) ?? member.name;
      if (columnNames.has(column)) return undefined;
      columnNames.add(column);
    }
    if (member.attributes.some((a) => a.name === 'id')) {
      if (primaryKey) return undefined;
      primaryKey = [member.name];
    }
    if (member.attributes.some((a) => a.name === 'unique')) uniqueIndexes.push([member.name]);
  }
  const blockAttributes = block.members.flatMap((m) => (m.kind === 'BlockAttribute' ? [m.attribute] : []));
  let ignored = false;
  const seen = new Set<string>();
  for (const attribute of blockAttributes) {
    const args = bind(attribute, BLOCK_ATTRIBUTES);
    if (!args) return undefined;
    if (!['unique', 'index', 'fulltext'].includes(attribute.name)) {
      if (seen.has(attribute.name)) return undefined;
      seen.add(attribute.name);
    }
    if (attribute.name === 'ignore') ignored = true;
    if (!['id', 'unique', 'index', 'fulltext', 'shardKey'].includes(attribute.name)) continue;
    const names = decodeIndexFields(args.get('fields'), 'fields', [])?.map((f) => f.name);
    if (!names || !names.every((n) => fields.some((f) => f.name === n && f.kind !== 'relation'))) return undefined;
    if (attribute.name === 'id') {
      if (primaryKey) return undefined;
      primaryKey = names;
    }
    if (attribute.name === 'unique') uniqueIndexes.push(names);
  }
  return { name: block.name, file, block, fields, ignored, uniqueCriteria: [...(primaryKey ? [primaryKey] : []), ...uniqueIndexes], uniqueIndexes };
}

/** Attributes Prisma's parser database rejects on a relation field, and on a scalar field. */
const NOT_ON_RELATION_FIELDS = new Set(['id', 'default', 'map', 'unique', 'updatedAt', 'shardKey']);

function resolveField(node: FieldNode, types: TypeTable): ResolvedField | undefined {
  const type = node.type;
  const arity: FieldArity = type.list ? 'list' : type.optional ? 'optional' : 'required';
  const declared = types.get(type.name);
  const kind =
    type.unsupported !== undefined
      ? 'unsupported'
      : isScalarType(type.name)
        ? 'scalar'
        : declared?.kind === 'model'
          ? 'relation'
          : declared?.kind === 'enum'
            ? 'enum'
            : declared?.kind === 'composite'
              ? 'composite'
              : undefined;
  if (!kind || (type.list && type.optional)) return undefined;
  const seen = new Set<string>();
  let nativeType: AttributeNode | undefined;
  let relationArgs: ReadonlyMap<string, Argument> | undefined;
  let relationAttribute: AttributeNode | undefined;
  for (const attribute of node.attributes) {
    const native = attribute.name.includes('.');
    const key = native ? '.native' : attribute.name;
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (native) {
      if (kind !== 'scalar') return undefined;
      nativeType = attribute;
      continue;
    }
    if (kind === 'relation' ? NOT_ON_RELATION_FIELDS.has(attribute.name) : attribute.name === 'relation') return undefined;
    if (attribute.name === 'updatedAt' && type.name !== 'DateTime') return undefined;
    const args = bind(attribute, FIELD_ATTRIBUTES);
    if (!args) return undefined;
    if (attribute.name === 'default' && !defaultFits(args.get('value')!.value, type.name, type.list, declared)) return undefined;
    if (attribute.name === 'relation') {
      relationArgs = args;
      relationAttribute = attribute;
    }
  }
  const base = { name: node.name, node, arity, kind, typeName: type.name, ...(nativeType ? { nativeType } : {}) } as const;
  if (kind !== 'relation') return base;
  const nameArg = relationArgs?.get('name');
  if (nameArg && nameArg.value.kind !== 'String') return undefined;
  const fields = names(relationArgs?.get('fields'));
  const references = names(relationArgs?.get('references'));
  if (fields === null || references === null) return undefined;
  return {
    ...base,
    relation: {
      ...(nameArg?.value.kind === 'String' ? { name: nameArg.value.value } : {}),
      ...(fields ? { fields } : {}),
      ...(references ? { references } : {}),
      ...(relationAttribute ? { attribute: relationAttribute } : {}),
    },
  };
}

function mappedName(node: FieldNode): string | undefined {
  const value = node.attributes.find((a) => a.name === 'map')?.args[0]?.value;
  return value?.kind === 'String' ? value.value : undefined;
}

/** Whether a default value has the kind of literal the field's type takes (a function call always may). */
function defaultFits(value: Expr, typeName: string, list: boolean, declared: TypeInfo | undefined): boolean {
  if (value.kind === 'Call') return true;
  if (list) return value.kind === 'Array' && value.items.every((item) => defaultFits(item, typeName, false, declared));
  if (declared?.kind === 'enum') return value.kind === 'Constant' && declared.values.includes(value.name);
  switch (typeName) {
    case 'Int':
    case 'BigInt':
      return value.kind === 'Number' && !/[.eE]/.test(value.raw);
    case 'Float':
    case 'Decimal':
      return value.kind === 'Number';
    case 'Boolean':
      return value.kind === 'Boolean';
    case 'String':
    case 'DateTime':
    case 'Json':
    case 'Bytes':
      return value.kind === 'String';
    default:
      return true;
  }
}

/** Field names of a `fields`/`references` argument: undefined when absent, null when not a list of names. */
function names(arg: Argument | undefined): string[] | undefined | null {
  if (!arg) return undefined;
  return decodeFieldNames(arg, 'fields', [])?.map((f) => f.name) ?? null;
}

function bind(attribute: AttributeNode, table: Record<string, AttributeSignature>): ReadonlyMap<string, Argument> | undefined {
  const problems: Diagnostic[] = [];
  const args = bindAttribute(attribute, table, '', problems);
  return problems.length === 0 ? args : undefined;
}

// ── Pairing and classification (Prisma's rules, in Prisma's order) ─────────────────────────────────────────

function inferRelations(models: readonly ResolvedModel[]): InlineRelation[] {
  const relations: InlineRelation[] = [];
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const model of models) {
    for (const field of model.fields) {
      if (!field.relation) continue;
      const target = byName.get(field.typeName)!;
      const self = target === model;
      const opposite = target.fields.find(
        (f) => f.relation && f.typeName === model.name && !(self && f === field) && f.relation.name === field.relation!.name,
      );
      const relation = classify({ model, field }, target, opposite);
      if (relation) relations.push(relation);
    }
  }
  return relations;
}

/** The relation a field starts, or undefined when it is the second side of one already met (or many-to-many). */
function classify(side: Side, target: ResolvedModel, opposite: ResolvedField | undefined): InlineRelation | undefined {
  const { model, field } = side;
  const inline = (oneToOne: boolean, back?: ResolvedField): InlineRelation => ({
    oneToOne,
    referencing: model,
    referenced: target,
    forward: side,
    ...(back ? { back: { model: target, field: back } } : {}),
  });
  const after = (other: ResolvedField): boolean => model.name > target.name || (model.name === target.name && field.name > other.name);
  if (!opposite) {
    if (field.arity === 'list') return { oneToOne: false, referencing: target, referenced: model, back: side };
    const fields = field.relation!.fields;
    const unique = fields !== undefined && model.uniqueIndexes.some((u) => u.length === fields.length && u.every((n, i) => n === fields[i]));
    return inline(unique);
  }
  if (field.arity === 'list') return undefined; // many-to-many, or the list side of a 1-n met from its other side
  if (opposite.arity === 'list') return inline(false, opposite);
  if (field.arity === 'required') {
    if (opposite.arity === 'required' && after(opposite)) return undefined;
    return inline(true, opposite);
  }
  if (opposite.arity === 'required') return undefined;
  if (field.relation!.fields) return inline(true, opposite);
  if (opposite.relation!.fields || after(opposite)) return undefined;
  return inline(true, opposite);
}
