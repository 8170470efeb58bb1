/**
 * Lowers syntax trees (one per file) into the SchemaModel: resolves type names, binds and decodes attributes,
 * normalises keys and indexes, and pairs relations. Problems that prevent a node from being lowered are
 * reported here; semantic rules over the lowered model live in validate/.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { AssignmentNode, AttributeNode, BlockNode, EnumValueNode, Expr, FieldNode, SchemaFileAst } from './ast.js';
import {
  BLOCK_ATTRIBUTES,
  ENUM_BLOCK_ATTRIBUTES,
  ENUM_VALUE_ATTRIBUTES,
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
import type {
  CompositeType,
  ConfigProperty,
  ConfigValue,
  Datasource,
  DefaultValue,
  Enum,
  EnumValue,
  Field,
  FieldArity,
  Generator,
  IndexDefinition,
  IndexField,
  Model,
  NativeType,
  PrimaryKey,
  SchemaModel,
  SourceFile,
  UniqueConstraint,
} from './model.js';
import { isScalarType, SCALAR_TYPES } from './model.js';
import { closest } from './parse.js';
import { pairRelations } from './relations.js';

export interface LowerResult {
  readonly schema: SchemaModel;
  readonly diagnostics: Diagnostic[];
}

/** Fields dropped because their type did not resolve, so that later checks do not report them again. */
const unresolvedFields = new WeakMap<SchemaModel, ReadonlySet<string>>();
export function isUnresolvedField(schema: SchemaModel, model: string, field: string): boolean {
  return unresolvedFields.get(schema)?.has(`${model}.${field}`) ?? false;
}

interface TypeNames {
  readonly models: ReadonlySet<string>;
  readonly enums: ReadonlySet<string>;
  readonly composites: ReadonlySet<string>;
}

export function lowerSchema(files: readonly SourceFile[]): LowerResult {
  const diagnostics: Diagnostic[] = [];
  const blocks: BlockNode[] = files.flatMap((f) => f.ast.items.filter((i): i is BlockNode => i.kind === 'Block'));

  const names: TypeNames = {
    models: new Set(blocks.filter((b) => b.keyword === 'model' || b.keyword === 'view').map((b) => b.name)),
    enums: new Set(blocks.filter((b) => b.keyword === 'enum').map((b) => b.name)),
    composites: new Set(blocks.filter((b) => b.keyword === 'type').map((b) => b.name)),
  };
  reportDuplicateBlocks(blocks, diagnostics);

  const unresolved = new Set<string>();
  const datasources: Datasource[] = [];
  const generators: Generator[] = [];
  const models: Model[] = [];
  const views: Model[] = [];
  const enums: Enum[] = [];
  const compositeTypes: CompositeType[] = [];
  for (const block of blocks) {
    switch (block.keyword) {
      case 'datasource':
        datasources.push(lowerDatasource(block, diagnostics));
        break;
      case 'generator':
        generators.push(lowerGenerator(block, diagnostics));
        break;
      case 'model':
      case 'view': {
        const model = lowerModel(block, names, diagnostics, unresolved);
        (block.keyword === 'model' ? models : views).push(model);
        break;
      }
      case 'enum':
        enums.push(lowerEnum(block, diagnostics));
        break;
      case 'type':
        compositeTypes.push(lowerCompositeType(block, names, diagnostics, unresolved));
        break;
    }
  }
  if (datasources.length > 1) {
    for (const extra of datasources.slice(1)) {
      diagnostics.push(
        diagnostic('V202', `A schema has one datasource, but \`${extra.name}\` is another one.`, {
          span: extra.nameSpan,
          related: [{ span: datasources[0]!.nameSpan, message: `the first datasource, \`${datasources[0]!.name}\`` }],
        }),
      );
    }
  }
  const { relations, diagnostics: relationDiagnostics } = pairRelations([...models, ...views], unresolved);
  diagnostics.push(...relationDiagnostics);
  const schema: SchemaModel = {
    files,
    ...(datasources[0] ? { datasource: datasources[0] } : {}),
    generators,
    models,
    views,
    enums,
    compositeTypes,
    relations,
  };
  unresolvedFields.set(schema, unresolved);
  return { schema, diagnostics };
}

function reportDuplicateBlocks(blocks: readonly BlockNode[], diagnostics: Diagnostic[]): void {
  // Models, views, enums and types share one namespace; datasources and generators have their own.
  const first = new Map<string, BlockNode>();
  for (const b of blocks) {
    const space = b.keyword === 'datasource' || b.keyword === 'generator' ? b.keyword : 'type';
    const key = `${space}:${b.name}`;
    const earlier = first.get(key);
    if (earlier) {
      diagnostics.push(
        diagnostic('V205', `The ${b.keyword} \`${b.name}\` is already defined as ${article(earlier.keyword)} ${earlier.keyword}.`, {
          span: b.nameSpan,
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
    } else first.set(key, b);
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function docsOf(lines: readonly string[]): { docs?: string } {
  return lines.length > 0 ? { docs: lines.join('\n') } : {};
}

// ── datasource / generator ───────────────────────────────────────────────────────────────────────────────

function configValue(expr: Expr): ConfigValue {
  switch (expr.kind) {
    case 'String':
      return { kind: 'String', value: expr.value };
    case 'Boolean':
      return { kind: 'Boolean', value: expr.value };
    case 'Number':
      return { kind: 'Number', text: expr.raw };
    case 'Array':
      return { kind: 'Array', items: expr.items.map(configValue) };
    case 'Call':
      if (expr.name === 'env' && expr.args.length === 1 && expr.args[0]!.value.kind === 'String' && expr.args[0]!.name === undefined) {
        return { kind: 'Env', variable: expr.args[0]!.value.value };
      }
      return { kind: 'Other', text: exprText(expr) };
    default:
      return { kind: 'Other', text: exprText(expr) };
  }
}

function configProperties(block: BlockNode, diagnostics: Diagnostic[]): ConfigProperty[] {
  const seen = new Map<string, AssignmentNode>();
  const out: ConfigProperty[] = [];
  for (const m of block.members) {
    if (m.kind === 'BlockAttribute') {
      diagnostics.push(diagnostic('V224', `Attributes are not allowed in a ${block.keyword} block.`, { span: m.attribute.span }));
      continue;
    }
    if (m.kind !== 'Assignment') continue;
    const earlier = seen.get(m.name);
    if (earlier) {
      diagnostics.push(
        diagnostic(block.keyword === 'datasource' ? 'V231' : 'V230', `The key \`${m.name}\` is defined twice in ${block.keyword} \`${block.name}\`.`, {
          span: m.nameSpan,
          hint: 'Remove one of them.',
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
      continue;
    }
    seen.set(m.name, m);
    out.push({ key: m.name, value: configValue(m.value), span: m.span, valueSpan: m.value.span });
  }
  return out;
}

const DATASOURCE_KEYS = ['provider', 'url', 'directUrl', 'shadowDatabaseUrl', 'relationMode', 'referentialIntegrity', 'extensions', 'schemas'];

function lowerDatasource(block: BlockNode, diagnostics: Diagnostic[]): Datasource {
  const properties = configProperties(block, diagnostics);
  const get = (key: string): ConfigProperty | undefined => properties.find((p) => p.key === key);
  for (const p of properties) {
    if (!DATASOURCE_KEYS.includes(p.key)) {
      const suggestion = closest(p.key, DATASOURCE_KEYS);
      diagnostics.push(
        diagnostic('V231', `Unknown property \`${p.key}\` in datasource \`${block.name}\`.`, {
          span: p.span,
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Known properties: ${DATASOURCE_KEYS.map((k) => `\`${k}\``).join(', ')}.`,
        }),
      );
    }
  }
  const providerProp = get('provider');
  let provider = '';
  if (!providerProp) {
    diagnostics.push(diagnostic('V231', `The datasource \`${block.name}\` has no \`provider\`.`, { span: block.nameSpan, hint: 'Add `provider = "sqlite"`.' }));
  } else if (providerProp.value.kind === 'String') {
    provider = providerProp.value.value;
  } else {
    diagnostics.push(
      diagnostic('V231', 'The datasource `provider` must be a string literal.', {
        span: providerProp.valueSpan,
        hint: providerProp.value.kind === 'Env' ? 'Prisma does not read the provider from the environment: write `provider = "sqlite"`.' : 'Write `provider = "sqlite"`.',
      }),
    );
  }
  const mode = get('relationMode') ?? get('referentialIntegrity');
  let relationMode: Datasource['relationMode'] = 'foreignKeys';
  if (mode) {
    if (mode.value.kind === 'String' && (mode.value.value === 'prisma' || mode.value.value === 'foreignKeys')) relationMode = mode.value.value;
    else diagnostics.push(diagnostic('V231', '`relationMode` must be "foreignKeys" or "prisma".', { span: mode.valueSpan }));
  }
  const url = get('url');
  return {
    name: block.name,
    provider,
    ...(url ? { url: url.value } : {}),
    relationMode,
    properties,
    span: block.span,
    nameSpan: block.nameSpan,
  };
}

function lowerGenerator(block: BlockNode, diagnostics: Diagnostic[]): Generator {
  const properties = configProperties(block, diagnostics);
  const provider = properties.find((p) => p.key === 'provider');
  const output = properties.find((p) => p.key === 'output');
  if (!provider) {
    diagnostics.push(diagnostic('V230', `The generator \`${block.name}\` has no \`provider\`.`, { span: block.nameSpan, hint: 'Add `provider = "codegen"` (or the generator you use).' }));
  }
  const preview = properties.find((p) => p.key === 'previewFeatures');
  const previewFeatures: string[] = [];
  if (preview) {
    if (preview.value.kind === 'String') {
      // Prisma also takes a single name without brackets.
      previewFeatures.push(preview.value.value);
    } else if (preview.value.kind === 'Array' && preview.value.items.every((i) => i.kind === 'String')) {
      for (const i of preview.value.items) if (i.kind === 'String') previewFeatures.push(i.value);
    } else {
      diagnostics.push(diagnostic('V230', '`previewFeatures` must be a list of strings.', { span: preview.valueSpan, hint: 'For example `previewFeatures = ["views"]`.' }));
    }
  }
  return {
    name: block.name,
    ...(provider ? { provider: provider.value } : {}),
    ...(output ? { output: output.value } : {}),
    previewFeatures,
    properties,
    ...docsOf(block.docs),
    span: block.span,
    nameSpan: block.nameSpan,
  };
}

// ── enums ────────────────────────────────────────────────────────────────────────────────────────────────

function lowerEnum(block: BlockNode, diagnostics: Diagnostic[]): Enum {
  const values: EnumValue[] = [];
  const seen = new Map<string, EnumValueNode>();
  let dbName = block.name;
  const seenAttrs = new Set<string>();
  for (const m of block.members) {
    if (m.kind === 'BlockAttribute') {
      const a = m.attribute;
      if (!a.block) continue;
      const bound = bindAttribute(a, ENUM_BLOCK_ATTRIBUTES, `on enum \`${block.name}\``, diagnostics);
      if (!bound || reportRepeated(a, seenAttrs, diagnostics)) continue;
      if (a.name === 'map') {
        const v = mapName(bound, diagnostics);
        if (v !== undefined) dbName = v;
      }
      continue;
    }
    if (m.kind === 'Assignment') {
      diagnostics.push(diagnostic('P103', `\`${m.name} = …\` is not valid in an enum.`, { span: m.span, hint: 'An enum lists one value name per line.' }));
      continue;
    }
    if (m.kind !== 'EnumValue') continue;
    const earlier = seen.get(m.name);
    if (earlier) {
      diagnostics.push(
        diagnostic('V207', `The value \`${m.name}\` is defined twice in enum \`${block.name}\`.`, {
          span: m.nameSpan,
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
      continue;
    }
    seen.set(m.name, m);
    let valueDbName = m.name;
    const valueAttrs = new Set<string>();
    for (const a of m.attributes) {
      const bound = bindAttribute(a, ENUM_VALUE_ATTRIBUTES, `on enum value \`${m.name}\``, diagnostics);
      if (!bound || reportRepeated(a, valueAttrs, diagnostics)) continue;
      const v = mapName(bound, diagnostics);
      if (v !== undefined) valueDbName = v;
    }
    values.push({ name: m.name, dbName: valueDbName, ...docsOf(m.docs), span: m.span });
  }
  if (values.length === 0) {
    diagnostics.push(diagnostic('V236', `The enum \`${block.name}\` has no values.`, { span: block.nameSpan, hint: 'Add at least one value, one per line.' }));
  }
  return { name: block.name, dbName, values, ...docsOf(block.docs), span: block.span, nameSpan: block.nameSpan };
}

function mapName(bound: BoundArguments, diagnostics: Diagnostic[]): string | undefined {
  const arg = bound.get('name');
  const v = decodeString(arg, 'The name in `@map`', diagnostics);
  if (v !== undefined && v.trim() === '') {
    diagnostics.push(diagnostic('V225', 'The name in `@map` must not be empty.', { span: arg!.value.span }));
    return undefined;
  }
  return v;
}

function reportRepeated(a: AttributeNode, seen: Set<string>, diagnostics: Diagnostic[]): boolean {
  const key = a.name;
  if (seen.has(key)) {
    diagnostics.push(diagnostic('V226', `\`${a.block ? '@@' : '@'}${a.name}\` is given more than once.`, { span: a.nameSpan }));
    return true;
  }
  seen.add(key);
  return false;
}

// ── models and views ─────────────────────────────────────────────────────────────────────────────────────

interface FieldKeys {
  id?: PrimaryKey;
  unique?: UniqueConstraint;
}

function lowerModel(block: BlockNode, names: TypeNames, diagnostics: Diagnostic[], unresolved: Set<string>): Model {
  const fields: Field[] = [];
  const seen = new Map<string, FieldNode>();
  const uniques: UniqueConstraint[] = [];
  const indexes: IndexDefinition[] = [];
  let primaryKey: PrimaryKey | undefined;
  const fieldIds: PrimaryKey[] = [];
  for (const m of block.members) {
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
  for (const m of block.members) {
    if (m.kind !== 'BlockAttribute') continue;
    const a = m.attribute;
    blockAttributes.push(a);
    const bound = bindAttribute(a, BLOCK_ATTRIBUTES, `on ${block.keyword} \`${block.name}\``, diagnostics);
    if (!bound) continue;
    if (['map', 'id', 'ignore', 'schema', 'shardKey'].includes(a.name) && reportRepeated(a, seenAttrs, diagnostics)) continue;
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
        primaryKey = { fields: f, source: 'block', span: a.span, ...opt({ name, map, clustered }) };
        break;
      }
      case 'unique': {
        const f = decodeIndexFields(bound.get('fields'), 'The fields of `@@unique`', diagnostics);
        if (!f) break;
        const name = decodeString(bound.get('name'), 'The `name` of `@@unique`', diagnostics);
        const map = decodeString(bound.get('map'), 'The `map` of `@@unique`', diagnostics);
        const clustered = decodeBoolean(bound.get('clustered'), '`clustered`', diagnostics);
        const where = decodeWhere(bound.get('where'), diagnostics);
        uniques.push({ fields: f, source: 'block', span: a.span, ...opt({ name, map, clustered, where }) });
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
        indexes.push({ kind: a.name, fields: f, span: a.span, ...opt({ name, map, clustered, type, where }) });
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
  return {
    kind: block.keyword === 'view' ? 'view' : 'model',
    name: block.name,
    dbName,
    fields,
    ...(primaryKey ? { primaryKey } : {}),
    uniques,
    indexes,
    ignored,
    ...(schemaName !== undefined ? { schema: schemaName } : {}),
    ...docsOf(block.docs),
    span: block.span,
    nameSpan: block.nameSpan,
    blockAttributes,
  };
}

/** Copies the defined entries only (optional properties stay absent, never `undefined`). */
function opt<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
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
  const seenAttrs = new Set<string>();

  for (const a of node.attributes) {
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
    const bound = bindAttribute(a, FIELD_ATTRIBUTES, `on field \`${node.name}\``, diagnostics);
    if (!bound) continue;
    if (reportRepeated(a, seenAttrs, diagnostics)) continue;
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
        keys.id = { fields: [key.field], source: 'field', span: a.span, ...opt({ map: key.map, clustered: key.clustered }) };
        break;
      }
      case 'unique': {
        isUnique = true;
        const key = keyArgs(bound, node, a, diagnostics);
        const where = decodeWhere(bound.get('where'), diagnostics);
        keys.unique = { fields: [key.field], source: 'field', span: a.span, ...opt({ map: key.map, clustered: key.clustered, where }) };
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
        relation = { span: a.span, ...opt({ name, fields, references, onDelete, onUpdate, fkName }) };
        break;
      }
      case 'shardKey':
        break;
    }
  }

  // Built property by property rather than with object spreads: this runs once per field, and spreads are slow in
  // code that V8 has not optimised yet, which is all of it in a one-shot `codegen validate`.
  const field: Record<string, unknown> = { kind, name: node.name, dbName, arity, ignored };
  if (node.docs.length > 0) field.docs = node.docs.join('\n');
  field.span = node.span;
  field.nameSpan = node.nameSpan;
  field.typeSpan = t.span;
  field.attributes = node.attributes;
  switch (kind) {
    case 'scalar':
      field.type = t.name;
      field.isUpdatedAt = isUpdatedAt;
      break;
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
  return {
    field: { name: node.name, span: node.nameSpan, ...opt({ sort, length }) },
    ...opt({ map, clustered }),
  };
}

function lowerCompositeType(block: BlockNode, names: TypeNames, diagnostics: Diagnostic[], unresolved: Set<string>): CompositeType {
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
  return { name: block.name, fields, ...docsOf(block.docs), span: block.span, nameSpan: block.nameSpan };
}

export type { SchemaFileAst };
