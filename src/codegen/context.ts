/**
 * buildTemplateContext: SchemaModel → TemplateContext (plain JSON, versioned; see context-types.ts). Every
 * decision is made here so that templates only loop and interpolate.
 */
import { parseAnnotations } from '../schema/annotations.js';
import { accessorName, clientModels, clientTypeNames, identityOf } from '../schema/client-names.js';
import type { ColumnField, Enum, Model, Relation, RelationField, SchemaModel } from '../schema/model.js';
import { isColumnField } from '../schema/model.js';
import type {
  EnumContext,
  FieldContext,
  GeneratorContext,
  ModelContext,
  RelationFieldContext,
  ScalarKind,
  TemplateContext,
  UniqueKeyContext,
} from './context-types.js';
import { TEMPLATE_CONTEXT_VERSION } from './context-types.js';
import { fieldTypes, isNumericKind, quoteIdent, readExpression } from './ts-types.js';

export interface ContextOptions {
  readonly generator?: GeneratorContext;
  readonly runtimeImport?: string;
}

export const RUNTIME_IMPORT = '@spacepos/codegen/runtime';

function documented(docs: string | undefined): { docs: string | null; docLines: string[]; annotations: ReturnType<typeof parseAnnotations> } {
  // Most fields have no `///` comment: skip the splitting (it runs for every field of every model).
  if (!docs) return { docs: docs ?? null, docLines: [], annotations: [] };
  const annotations = parseAnnotations(docs);
  const docLines = (docs ?? '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => !/^\s*@/.test(l))
    .map((l) => l.replace(/\*\//g, '*\\/'));
  while (docLines.length && docLines[docLines.length - 1] === '') docLines.pop();
  return { docs: docs ?? null, docLines, annotations };
}

function defaultOf(field: ColumnField): { kind: string | null; size?: number } {
  const d = field.default;
  if (!d) return { kind: null };
  switch (d.kind) {
    case 'Uuid':
      return { kind: d.version === 7 ? 'uuid7' : 'uuid4' };
    case 'Cuid':
      return { kind: d.version === 2 ? 'cuid2' : 'cuid' };
    case 'Nanoid':
      return { kind: 'nanoid', ...(d.length !== undefined ? { size: d.length } : {}) };
    case 'Ulid':
      return { kind: 'ulid' };
    case 'Now':
      return { kind: 'now' };
    case 'Autoincrement':
      return { kind: 'autoincrement' };
    default:
      return { kind: 'db' };
  }
}

function kindOf(field: ColumnField): ScalarKind | undefined {
  if (field.kind === 'enum') return 'Enum';
  if (field.kind === 'scalar') return field.type;
  return undefined;
}

export function buildTemplateContext(schema: SchemaModel, options: ContextOptions = {}): TemplateContext {
  const models = clientModels(schema);
  const byName = new Map(models.map((m) => [m.name, m]));
  const enums = new Map(schema.enums.map((e) => [e.name, e]));
  const dateTimeFormat = options.generator?.dateTimeFormat ?? 'iso';
  const generator: GeneratorContext = options.generator ?? { name: null, dateTimeFormat, options: {} };
  // TypeScript type names: the schema names, except where they would clash in the generated module (`object` → `object_`).
  const types: TypeNames = new Map(clientTypeNames(schema).map((t) => [t.name, t.typeName]));
  const relationsByEnd = indexRelationEnds(schema.relations);
  const modelContexts = models.map((m) => modelContext(m, byName, enums, types, relationsByEnd));
  const joinTables = schema.relations
    .filter((r) => r.kind === 'ManyToMany' && byName.has(r.a.model) && byName.has(r.b.model))
    .map((r) => (r.kind === 'ManyToMany' ? { table: r.joinTable, relation: r.name, a: r.a.model, b: r.b.model } : undefined)!);
  return {
    version: TEMPLATE_CONTEXT_VERSION,
    generatorPackage: '@spacepos/codegen',
    runtimeImport: options.runtimeImport ?? RUNTIME_IMPORT,
    generator,
    datasource: schema.datasource ? { provider: schema.datasource.provider } : null,
    enums: schema.enums.map((e) => enumContext(e, types)),
    models: modelContexts,
    joinTables,
  };
}

/** Schema name → TypeScript type name, for the client's models and the enums. */
type TypeNames = ReadonlyMap<string, string>;

function enumContext(e: Enum, types: TypeNames): EnumContext {
  return { name: e.name, typeName: types.get(e.name)!, ...documented(e.docs), values: e.values.map((v) => ({ name: v.name, dbName: v.dbName, ...documented(v.docs) })) };
}

/** Relations by each end's `model.field` key (the first relation naming that end wins), for O(1) lookups per field. */
type RelationsByEnd = ReadonlyMap<string, Relation>;
const endKey = (model: string, field: string | undefined): string => `${model}\u0000${field ?? ''}`;

function indexRelationEnds(relations: readonly Relation[]): RelationsByEnd {
  const out = new Map<string, Relation>();
  const add = (model: string, field: string | undefined, r: Relation): void => {
    if (field === undefined) return;
    const key = endKey(model, field);
    if (!out.has(key)) out.set(key, r);
  };
  for (const r of relations) {
    if (r.kind === 'ManyToMany') {
      add(r.a.model, r.a.field, r);
      add(r.b.model, r.b.field, r);
    } else {
      add(r.referencing.model, r.referencing.field, r);
      add(r.referenced.model, r.referenced.field, r);
    }
  }
  return out;
}

function modelContext(m: Model, models: ReadonlyMap<string, Model>, enums: ReadonlyMap<string, Enum>, types: TypeNames, relationsByEnd: RelationsByEnd): ModelContext {
  const columns = m.fields.filter(isColumnField).filter((f) => !f.ignored && f.kind !== 'unsupported');
  const safeIntegers = columns.some((f) => f.kind === 'scalar' && f.type === 'BigInt');
  const relations = relationContexts(m, models, types, relationsByEnd);
  const enumType = (enumName: string | null): string | null => (enumName === null ? null : types.get(enumName)!);
  const fkFields = new Set(relations.flatMap((r) => r.foreignKeyFields));
  const pk = identityOf(m);
  const fields: FieldContext[] = columns.map((f, index) => {
    const kind = kindOf(f)!;
    const enumName = f.kind === 'enum' ? f.enumName : null;
    const optional = f.arity !== 'required';
    const ts = fieldTypes(kind, enumType(enumName), optional);
    const def = defaultOf(f);
    const isUpdatedAt = f.kind === 'scalar' && f.isUpdatedAt;
    const enumValues = enumName ? (enums.get(enumName)?.values.map((v) => v.dbName) ?? []) : undefined;
    // Runtime metadata, compact: `column` only when mapped, `optional` only when true.
    const meta: Record<string, unknown> = { name: f.name };
    if (f.dbName !== f.name) meta.column = f.dbName;
    meta.kind = kind;
    if (optional) meta.optional = true;
    if (def.kind) meta.default = def.kind;
    if (def.size !== undefined) meta.size = def.size;
    if (isUpdatedAt) meta.updatedAt = true;
    if (enumValues) meta.enumValues = enumValues;
    return {
      name: f.name,
      column: f.dbName,
      kind,
      schemaType: f.kind === 'enum' ? f.enumName : (f as { type: string }).type,
      enumName,
      enumTypeName: enumType(enumName),
      optional,
      isId: pk.includes(f.name) && !!m.primaryKey,
      isUnique: f.isUnique,
      isUpdatedAt,
      isNumeric: isNumericKind(kind),
      isForeignKey: fkFields.has(f.name),
      default: def.kind,
      tsType: ts.tsType,
      whereType: ts.whereType,
      createType: ts.createType,
      createOptional: optional || def.kind !== null || isUpdatedAt,
      updateType: ts.updateType,
      readExpr: readExpression(kind, index, optional, safeIntegers),
      meta,
      ...documented(f.docs),
    };
  });
  const fieldByName = new Map(fields.map((f) => [f.name, f]));
  const uniqueKeys: UniqueKeyContext[] = [];
  const seen = new Set<string>();
  const addKey = (names: readonly string[], explicit?: string): void => {
    const name = explicit ?? names.join('_');
    if (seen.has(name) || names.some((n) => !fieldByName.has(n))) return;
    seen.add(name);
    const parts = names.map((n) => `${n}: ${fieldByName.get(n)!.kind === 'Json' ? '$R.JsonValue' : fieldTypes(fieldByName.get(n)!.kind, enumType(fieldByName.get(n)!.enumName), false).inputType}`);
    uniqueKeys.push({ name, fields: names, tsType: names.length === 1 ? `{ ${parts[0]} }` : `{ ${name}: { ${parts.join('; ')} } }` });
  };
  if (m.primaryKey) addKey(m.primaryKey.fields.map((f) => f.name), m.primaryKey.name);
  for (const u of m.uniques) if (!u.where) addKey(u.fields.map((f) => f.name), u.name);
  const scalarNames = fields.map((f) => JSON.stringify(f.name));
  const numeric = fields.filter((f) => f.isNumeric).map((f) => JSON.stringify(f.name));
  return {
    name: m.name,
    typeName: types.get(m.name)!,
    accessor: accessorName(m.name),
    table: m.dbName,
    ...documented(m.docs),
    fields,
    relations,
    primaryKey: pk,
    uniqueKeys,
    safeIntegers,
    columnsSql: fields.map((f) => (f.kind === 'Decimal' ? `CAST(${quoteIdent(f.column)} AS TEXT) AS ${quoteIdent(f.column)}` : quoteIdent(f.column))).join(', '),
    numericFieldUnion: numeric.length ? numeric.join(' | ') : 'never',
    scalarFieldUnion: scalarNames.length ? scalarNames.join(' | ') : 'never',
    createInputType: createInputType(fields, relations),
    hasManyRelations: relations.some((r) => r.arity === 'many'),
  };
}

/** The create input: scalars and relations, with an XOR between a required relation and its foreign-key fields. */
function createInputType(fields: readonly FieldContext[], relations: readonly RelationFieldContext[]): string {
  const xor = relations.filter((r) => r.holdsForeignKey && r.arity === 'one');
  // A foreign-key field shared by two relations cannot take part in an XOR: keep both sides optional then.
  const count = new Map<string, number>();
  for (const r of relations) for (const f of r.foreignKeyFields) count.set(f, (count.get(f) ?? 0) + 1);
  const exclusive = xor.filter((r) => r.foreignKeyFields.every((f) => count.get(f) === 1));
  const inXor = new Set(exclusive.flatMap((r) => [r.name, ...r.foreignKeyFields]));
  const prop = (name: string, type: string, optional: boolean): string => `${name}${optional ? '?' : ''}: ${type}`;
  const base: string[] = [];
  for (const f of fields) if (!inXor.has(f.name)) base.push(prop(f.name, f.createType, f.createOptional));
  for (const r of relations) if (!inXor.has(r.name)) base.push(prop(r.name, r.createType, true));
  let type = `{ ${base.join('; ')} }`;
  for (const r of exclusive) {
    const fks = r.foreignKeyFields.map((n) => fields.find((f) => f.name === n)!);
    const unchecked = [...fks.map((f) => prop(f.name, f.createType, f.createOptional)), `${r.name}?: never`];
    const checked = [`${r.name}: ${r.createType}`, ...fks.map((f) => `${f.name}?: never`)];
    type += ` & ({ ${unchecked.join('; ')} } | { ${checked.join('; ')} })`;
  }
  return type;
}

function relationContexts(m: Model, models: ReadonlyMap<string, Model>, types: TypeNames, relationsByEnd: RelationsByEnd): RelationFieldContext[] {
  const out: RelationFieldContext[] = [];
  for (const field of m.fields) {
    if (field.kind !== 'relation' || field.ignored) continue;
    const target = models.get(field.target);
    if (!target) continue;
    const relation = relationsByEnd.get(endKey(m.name, field.name));
    const ctx = relation ? relationContext(relation, m, field, target, types.get(target.name)!) : undefined;
    if (ctx) out.push(ctx);
  }
  return out;
}

function relationContext(relation: Relation, m: Model, field: RelationField, target: Model, T: string): RelationFieldContext {
  const arity: RelationFieldContext['arity'] = field.arity === 'list' ? 'many' : field.arity === 'optional' ? 'optional' : 'one';
  let holdsFk = false;
  let local: string[];
  let remote: string[];
  let back: string | undefined;
  let backFks: readonly string[] = [];
  let join: Record<string, unknown> | undefined;
  if (relation.kind === 'ManyToMany') {
    const isA = relation.a.model === m.name && relation.a.field === field.name;
    back = isA ? relation.b.field : relation.a.field;
    local = identityOf(m);
    remote = identityOf(target);
    join = { table: relation.joinTable, localColumn: isA ? 'A' : 'B', remoteColumn: isA ? 'B' : 'A' };
  } else if (relation.referencing.model === m.name && relation.referencing.field === field.name) {
    holdsFk = true;
    local = [...relation.fields];
    remote = [...relation.references];
    back = relation.referenced.field;
  } else {
    local = [...relation.references];
    remote = [...relation.fields];
    back = relation.referencing.field;
    backFks = relation.fields;
  }
  const omit = back ? [back, ...backFks].map((k) => JSON.stringify(k)).join(' | ') : undefined;
  const C = omit ? `$R.DOmit<${T}CreateInput, ${omit}>` : `${T}CreateInput`;
  const D = omit ? `Omit<${T}UpdateInput, ${omit}>` : `${T}UpdateInput`;
  const U = `${T}WhereUniqueInput`;
  const W = `${T}WhereInput`;
  const many = arity === 'many';
  const meta: Record<string, unknown> = { name: field.name, target: target.name, arity, local, remote, holdsFk };
  if (join) meta.join = join;
  return {
    name: field.name,
    target: target.name,
    targetType: T,
    arity,
    relationKind: relation.kind,
    relationName: relation.name,
    holdsForeignKey: holdsFk,
    isSelf: relation.isSelf,
    foreignKeyFields: holdsFk ? local : [],
    joinTable: relation.kind === 'ManyToMany' ? relation.joinTable : null,
    payloadType: `$R.Rel<${T}Payload, '${arity}'>`,
    selectType: many ? `boolean | $R.FindManyArgs<${T}Types>` : `boolean | { select?: ${T}Select | null; include?: ${T}Include | null }`,
    whereType: many ? `$R.ToManyFilter<${W}>` : `$R.ToOneFilter<${W}> | ${W}${arity === 'optional' ? ' | null' : ''}`,
    createType: many ? `$R.ToManyCreate<${C}, ${U}>` : `$R.ToOneCreate<${C}, ${U}>`,
    updateType: many ? `$R.ToManyUpdate<${C}, ${U}, ${D}, ${W}>` : `$R.ToOneUpdate<${C}, ${U}, ${D}, ${W}>`,
    meta,
    ...documented(field.docs),
  };
}
