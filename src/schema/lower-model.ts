/** Lowering of `model`, `view` and `type` blocks: fields, their attributes, keys and indexes. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { AttributeNode, BlockNode, FieldNode } from './ast.js';
import {
  BLOCK_ATTRIBUTES,
  FIELD_ATTRIBUTES,
  bindAttribute,
  decodeBoolean,
  decodeDefaultExpr,
  decodeFieldNames,
  decodeIndexFields,
  decodeInteger,
  decodeReferentialAction,
  decodeSort,
  decodeString,
  decodeWhere,
  exprText,
  type BoundArguments,
} from './attributes.js';
import { docsOf, mapName, reportRepeated, type TypeNames } from './lower-shared.js';
import type { CompositeType, DefaultValue, Field, FieldArity, IndexDefinition, IndexField, Model, NativeType, PrimaryKey, UniqueConstraint } from './model.js';
import { isScalarType, SCALAR_TYPES } from './model.js';
import { closest } from './suggest.js';
import { defined } from '../defined.js';

interface FieldKeys {
  id?: PrimaryKey;
  unique?: UniqueConstraint;
}

/** Block attributes a model may have once. */
const SINGLE_BLOCK_ATTRIBUTES = new Set(['map', 'id', 'ignore', 'schema', 'shardKey']);

export function lowerModel(block: BlockNode, names: TypeNames, diagnostics: Diagnostic[], unresolved: Set<string>): Model {
  const fields: Field[] = [];
  const seen = new Map<string, FieldNode>();
  const uniques: UniqueConstraint[] = [];
  const indexes: IndexDefinition[] = [];
  let primaryKey: PrimaryKey | undefined;
  const fieldIds: PrimaryKey[] = [];
  // Indexed loops over members and attributes here: `for … of` makes an iterator and a result object per step in
  // code that V8 has not optimised yet, which is all of it in a one-shot `codegen validate`.
  const members = block.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.kind !== 'Field') continue;
    const earlier = seen.get(m.name);
    if (earlier) {
      diagnostics.push(
        diagnostic('V206', `The field \`${m.name}\` is defined twice in ${block.keyword} \`${block.name}\`.`, {
          span: m.nameSpan,
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
      continue;
    }
    seen.set(m.name, m);
    const keys: FieldKeys = {};
    const field = lowerField(m, [block.keyword, block.name], names, diagnostics, keys);
    if (!field) {
      unresolved.add(`${block.name}.${m.name}`);
      continue;
    }
    fields.push(field);
    if (keys.id) fieldIds.push(keys.id);
    if (keys.unique) uniques.push(keys.unique);
  }

  let dbName = block.name;
  let ignored = false;
  let schemaName: string | undefined;
  const blockAttributes: AttributeNode[] = [];
  const seenAttrs = new Set<string>();
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.kind !== 'BlockAttribute') continue;
    const a = m.attribute;
    blockAttributes.push(a);
    const bound = bindAttribute(a, BLOCK_ATTRIBUTES, () => `on ${block.keyword} \`${block.name}\``, diagnostics);
    if (!bound) continue;
    if (SINGLE_BLOCK_ATTRIBUTES.has(a.name) && reportRepeated(a, seenAttrs, diagnostics)) continue;
    switch (a.name) {
      case 'map': {
        const v = mapName(bound, diagnostics);
        if (v !== undefined) dbName = v;
        break;
      }
      case 'ignore':
        ignored = true;
        break;
      case 'schema':
        schemaName = decodeString(bound.get('name'), 'The schema name', diagnostics);
        break;
      case 'id': {
        const f = decodeIndexFields(bound.get('fields'), 'The fields of `@@id`', diagnostics);
        if (!f) break;
        const name = decodeString(bound.get('name'), 'The `name` of `@@id`', diagnostics);
        const map = decodeString(bound.get('map'), 'The `map` of `@@id`', diagnostics);
        const clustered = decodeBoolean(bound.get('clustered'), '`clustered`', diagnostics);
        primaryKey = defined({ fields: f, source: 'block', span: a.span, name, map, clustered });
        break;
      }
      case 'unique': {
        const f = decodeIndexFields(bound.get('fields'), 'The fields of `@@unique`', diagnostics);
        if (!f) break;
        const name = decodeString(bound.get('name'), 'The `name` of `@@unique`', diagnostics);
        const map = decodeString(bound.get('map'), 'The `map` of `@@unique`', diagnostics);
        const clustered = decodeBoolean(bound.get('clustered'), '`clustered`', diagnostics);
        const where = decodeWhere(bound.get('where'), diagnostics);
        uniques.push(defined({ fields: f, source: 'block', span: a.span, name, map, clustered, where }));
        break;
      }
      case 'index':
      case 'fulltext': {
        const f = decodeIndexFields(bound.get('fields'), `The fields of \`@@${a.name}\``, diagnostics);
        if (!f) break;
        const name = decodeString(bound.get('name'), 'The `name` of `@@index`', diagnostics);
        const map = decodeString(bound.get('map'), `The \`map\` of \`@@${a.name}\``, diagnostics);
        const clustered = decodeBoolean(bound.get('clustered'), '`clustered`', diagnostics);
        const typeArg = bound.get('type');
        const type = typeArg ? (typeArg.value.kind === 'Constant' ? typeArg.value.name : undefined) : undefined;
        if (typeArg && type === undefined) diagnostics.push(diagnostic('V225', 'The index `type` must be a name such as `Hash`.', { span: typeArg.value.span }));
        const where = decodeWhere(bound.get('where'), diagnostics);
        indexes.push(defined({ kind: a.name, fields: f, span: a.span, name, map, clustered, type, where }));
        break;
      }
    }
  }
  if (fieldIds.length > 0) {
    if (primaryKey || fieldIds.length > 1) {
      const extra = primaryKey ? fieldIds : fieldIds.slice(1);
      for (const id of extra) {
        diagnostics.push(
          diagnostic('V229', `The ${block.keyword} \`${block.name}\` has more than one id.`, {
            span: id.span,
            related: primaryKey ? [{ span: primaryKey.span, message: 'the compound id' }] : [{ span: fieldIds[0]!.span, message: 'the first id' }],
          }),
        );
      }
    }
    primaryKey ??= fieldIds[0];
  }
  return defined({
    kind: block.keyword === 'view' ? 'view' : 'model',
    name: block.name,
    dbName,
    fields,
    primaryKey,
    uniques,
    indexes,
    ignored,
    schema: schemaName,
    docs: docsOf(block.docs),
    span: block.span,
    nameSpan: block.nameSpan,
    blockAttributes,
  });
}

const RELATION_FIELD_ATTRIBUTES = new Set(['relation', 'ignore']);

/** `owner` names the containing block for messages: `[keyword, name]`, formatted only when there is an error. */
function lowerField(node: FieldNode, owner: readonly [string, string], names: TypeNames, diagnostics: Diagnostic[], keys: FieldKeys): Field | undefined {
  const t = node.type;
  if (t.name === '') return undefined; // reported by the parser
  const arity: FieldArity = t.list ? 'list' : t.optional ? 'optional' : 'required';
  type Kind = 'scalar' | 'enum' | 'relation' | 'unsupported' | 'composite';
  let kind: Kind;
  if (t.name === 'Unsupported' && t.unsupported !== undefined) kind = 'unsupported';
  else if (isScalarType(t.name)) kind = 'scalar';
  else if (names.models.has(t.name)) kind = 'relation';
  else if (names.enums.has(t.name)) kind = 'enum';
  else if (names.composites.has(t.name)) kind = 'composite';
  else {
    const all = [...SCALAR_TYPES, ...names.models, ...names.enums, ...names.composites];
    const suggestion = closest(t.name, all);
    diagnostics.push(
      diagnostic('V204', `Unknown type \`${t.name}\` on field \`${node.name}\` of ${owner[0]} \`${owner[1]}\`.`, {
        span: t.span,
        hint: suggestion
          ? `Did you mean \`${suggestion}\`?`
          : t.name === 'Unsupported'
            ? 'Write the database type as a string: `Unsupported("circle")`.'
            : 'Use a scalar type (String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes), or declare a model or enum with this name.',
      }),
    );
    return undefined;
  }

  let dbName = node.name;
  let ignored = false;
  let defaultValue: DefaultValue | undefined;
  let isId = false;
  let isUnique = false;
  let isUpdatedAt = false;
  let nativeType: NativeType | undefined;
  let relation: { name?: string; fields?: string[]; references?: string[]; onDelete?: ReturnType<typeof decodeReferentialAction>; onUpdate?: ReturnType<typeof decodeReferentialAction>; fkName?: string; span: Span } | undefined;
  let seenAttrs: Set<string> | undefined; // made on the first attribute: most fields have none

  const attributes = node.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i]!;
    if (a.name.includes('.')) {
      // `@db.VarChar(20)`: the prefix must be the datasource's name, which validation checks.
      const dot = a.name.indexOf('.');
      if (nativeType) {
        diagnostics.push(diagnostic('V226', `The field \`${node.name}\` has more than one native type.`, { span: a.nameSpan, hint: 'Keep one `@db.*` attribute.' }));
        continue;
      }
      nativeType = { prefix: a.name.slice(0, dot), name: a.name.slice(dot + 1), args: a.args.map((x) => exprText(x.value)), span: a.span };
      continue;
    }
    if (kind === 'relation' && !RELATION_FIELD_ATTRIBUTES.has(a.name) && Object.hasOwn(FIELD_ATTRIBUTES, a.name)) {
      diagnostics.push(
        diagnostic('V224', `\`@${a.name}\` is not allowed on the relation field \`${node.name}\`.`, {
          span: a.nameSpan,
          hint: a.name === 'id' || a.name === 'unique' || a.name === 'default' || a.name === 'map'
            ? `Put \`@${a.name}\` on the scalar field that holds the foreign key instead.`
            : undefined,
        }),
      );
      continue;
    }
    const bound = bindAttribute(a, FIELD_ATTRIBUTES, () => `on field \`${node.name}\``, diagnostics);
    if (!bound) continue;
    if (reportRepeated(a, (seenAttrs ??= new Set()), diagnostics)) continue;
    switch (a.name) {
      case 'map': {
        const v = mapName(bound, diagnostics);
        if (v !== undefined) dbName = v;
        break;
      }
      case 'ignore':
        ignored = true;
        break;
      case 'updatedAt':
        isUpdatedAt = true;
        break;
      case 'default': {
        const value = bound.get('value')!;
        const map = decodeString(bound.get('map'), 'The `map` of `@default`', diagnostics);
        defaultValue = decodeDefaultExpr(value.value, diagnostics, map);
        break;
      }
      case 'id': {
        isId = true;
        const key = keyArgs(bound, node, a, diagnostics);
        keys.id = defined({ fields: [key.field], source: 'field', span: a.span, map: key.map, clustered: key.clustered });
        break;
      }
      case 'unique': {
        isUnique = true;
        const key = keyArgs(bound, node, a, diagnostics);
        const where = decodeWhere(bound.get('where'), diagnostics);
        keys.unique = defined({ fields: [key.field], source: 'field', span: a.span, map: key.map, clustered: key.clustered, where });
        break;
      }
      case 'relation': {
        if (kind !== 'relation') {
          diagnostics.push(
            diagnostic('V224', `\`@relation\` is only allowed on relation fields, and \`${node.name}\` is not one.`, {
              span: a.nameSpan,
              hint: 'Put `@relation(fields: [...], references: [...])` on the field whose type is the related model.',
            }),
          );
          break;
        }
        const nameArg = bound.get('name');
        const name = decodeString(nameArg, 'The relation name', diagnostics);
        const fields = decodeFieldNames(bound.get('fields'), '`fields`', diagnostics)?.map((f) => f.name);
        const references = decodeFieldNames(bound.get('references'), '`references`', diagnostics)?.map((f) => f.name);
        const onDelete = decodeReferentialAction(bound.get('onDelete'), 'onDelete', diagnostics);
        const onUpdate = decodeReferentialAction(bound.get('onUpdate'), 'onUpdate', diagnostics);
        const fkName = decodeString(bound.get('map'), 'The `map` of `@relation`', diagnostics);
        relation = defined({ span: a.span, name, fields, references, onDelete, onUpdate, fkName });
        break;
      }
      case 'shardKey':
        break;
    }
  }

  if (kind === 'scalar') {
    // The common case as one literal (with or without docs), in the model's property order: an object that grows
    // property by property moves its properties out of line, an extra allocation on most of the schema's fields.
    const scalar: Record<string, unknown> =
      node.docs.length > 0
        ? { kind, name: node.name, dbName, arity, ignored, docs: node.docs.join('\n'), span: node.span, nameSpan: node.nameSpan, typeSpan: t.span, attributes: node.attributes, type: t.name, isUpdatedAt, isId, isUnique }
        : { kind, name: node.name, dbName, arity, ignored, span: node.span, nameSpan: node.nameSpan, typeSpan: t.span, attributes: node.attributes, type: t.name, isUpdatedAt, isId, isUnique };
    if (defaultValue) scalar.default = defaultValue;
    if (nativeType) scalar.nativeType = nativeType;
    return scalar as unknown as Field;
  }
  // The other kinds property by property rather than with object spreads: this runs once per field, and spreads are
  // slow in code that V8 has not optimised yet, which is all of it in a one-shot `codegen validate`.
  const field: Record<string, unknown> = { kind, name: node.name, dbName, arity, ignored };
  if (node.docs.length > 0) field.docs = node.docs.join('\n');
  field.span = node.span;
  field.nameSpan = node.nameSpan;
  field.typeSpan = t.span;
  field.attributes = node.attributes;
  switch (kind) {
    case 'enum':
      field.enumName = t.name;
      break;
    case 'unsupported':
      field.sqlType = t.unsupported!;
      break;
    case 'composite':
      field.typeName = t.name;
      if (defaultValue) field.default = defaultValue;
      return field as unknown as Field;
    case 'relation':
      field.target = t.name;
      if (relation) {
        field.relationSpan = relation.span;
        if (relation.name !== undefined) field.relationName = relation.name;
        if (relation.fields !== undefined) field.fields = relation.fields;
        if (relation.references !== undefined) field.references = relation.references;
        if (relation.onDelete !== undefined) field.onDelete = relation.onDelete;
        if (relation.onUpdate !== undefined) field.onUpdate = relation.onUpdate;
        if (relation.fkName !== undefined) field.fkName = relation.fkName;
      }
      return field as unknown as Field;
  }
  field.isId = isId;
  field.isUnique = isUnique;
  if (defaultValue) field.default = defaultValue;
  if (nativeType) field.nativeType = nativeType;
  return field as unknown as Field;
}

/** The arguments of a field-level `@id`/`@unique`: `map`, `sort`, `length`, `clustered`. */
function keyArgs(bound: BoundArguments, node: FieldNode, a: AttributeNode, diagnostics: Diagnostic[]): { field: IndexField; map?: string; clustered?: boolean } {
  const sortArg = bound.get('sort');
  const sort = sortArg ? decodeSort(sortArg.value, diagnostics) : undefined;
  const length = decodeInteger(bound.get('length'), '`length`', diagnostics);
  const map = decodeString(bound.get('map'), `The \`map\` of \`@${a.name}\``, diagnostics);
  const clustered = decodeBoolean(bound.get('clustered'), '`clustered`', diagnostics);
  return defined({ field: defined({ name: node.name, span: node.nameSpan, sort, length }), map, clustered });
}

export function lowerCompositeType(block: BlockNode, names: TypeNames, diagnostics: Diagnostic[], unresolved: Set<string>): CompositeType {
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const m of block.members) {
    if (m.kind === 'BlockAttribute') {
      diagnostics.push(diagnostic('V224', 'Block attributes are not allowed in a composite type.', { span: m.attribute.span }));
      continue;
    }
    if (m.kind !== 'Field') continue;
    if (seen.has(m.name)) {
      diagnostics.push(diagnostic('V206', `The field \`${m.name}\` is defined twice in type \`${block.name}\`.`, { span: m.nameSpan }));
      continue;
    }
    seen.add(m.name);
    const f = lowerField(m, ['type', block.name], names, diagnostics, {});
    if (f) fields.push(f);
    else unresolved.add(`${block.name}.${m.name}`);
  }
  return defined({ name: block.name, fields, docs: docsOf(block.docs), span: block.span, nameSpan: block.nameSpan });
}
