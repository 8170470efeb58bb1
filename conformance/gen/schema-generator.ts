/**
 * A seeded generator of valid SQLite schemas, as a spec (easy to evolve) rendered to schema text. Used by the
 * conformance run (differential tests against Prisma), the round-trip property tests and the benchmarks.
 * Every generated schema must be valid for Prisma 7 on SQLite.
 */
import { Random } from './random.ts';

export type GenScalar = 'String' | 'Boolean' | 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes';
export const GEN_SCALARS: readonly GenScalar[] = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'];

export interface GenField {
  name: string;
  map?: string;
  /** A scalar, or `enum:Name`. */
  type: GenScalar | `enum:${string}`;
  optional: boolean;
  /** The argument of `@default(…)`, as written. */
  default?: string;
  unique?: boolean;
  updatedAt?: boolean;
  doc?: string;
}

export interface GenModel {
  name: string;
  map?: string;
  /** The id: one field, or a compound `@@id`. */
  id: { kind: 'single'; field: string } | { kind: 'compound'; fields: string[] };
  fields: GenField[];
  uniques: string[][];
  indexes: { fields: string[]; desc?: boolean }[];
  doc?: string;
}

export interface GenEnum {
  name: string;
  values: string[];
}

export interface GenRelation {
  kind: '1-1' | '1-n' | 'm-n';
  /** The model holding the foreign key (for m-n: side A in declaration, not necessarily column A). */
  from: string;
  to: string;
  name?: string;
  /** The relation field on `from`, and its back field on `to`. */
  field: string;
  backField: string;
  optional: boolean;
  onDelete?: 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';
}

export interface GenSchema {
  models: GenModel[];
  enums: GenEnum[];
  relations: GenRelation[];
}

export interface GenOptions {
  readonly models: number;
  readonly enums?: number;
  /** Relations per model, on average. */
  readonly relationDensity?: number;
  /** Use the features Prisma puts behind flags or that stress the differ (Unsupported, Json, Decimal). Default true. */
  readonly allTypes?: boolean;
}

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'nova', 'oscar', 'papa', 'quartz', 'romeo', 'sierra', 'tango', 'umbra', 'victor', 'whiskey', 'xray', 'yankee', 'zulu'];

function fieldName(rng: Random, taken: Set<string>): string {
  for (;;) {
    const base = rng.pick(WORDS) + (rng.chance(0.5) ? rng.pick(['Name', 'Count', 'At', 'Flag', 'Code', 'Size', 'Data', 'Note']) : '');
    const name = taken.has(base) ? `${base}${rng.int(2, 99)}` : base;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function defaultFor(rng: Random, type: GenField['type'], enums: GenEnum[]): string | undefined {
  if (type.startsWith('enum:')) {
    const e = enums.find((x) => `enum:${x.name}` === type);
    return e ? rng.pick(e.values) : undefined;
  }
  switch (type as GenScalar) {
    case 'String':
      return rng.pick(['""', '"draft"', '"it\'s"', '"a \\"quoted\\" word"']);
    case 'Boolean':
      return rng.pick(['true', 'false']);
    case 'Int':
      return rng.pick(['0', '1', '-5', '42']);
    case 'BigInt':
      return rng.pick(['0', '9007199254740993']);
    case 'Float':
      return rng.pick(['0', '1.5', '-0.25']);
    case 'Decimal':
      return rng.pick(['0', '10.50']);
    case 'DateTime':
      return rng.pick(['now()', 'now()', '"2020-01-01T00:00:00Z"']);
    case 'Json':
      return rng.pick(['"[]"', '"{}"']);
    case 'Bytes':
      return undefined;
  }
}

export function generateSchema(seed: number, options: GenOptions): GenSchema {
  const rng = new Random(seed);
  const enums: GenEnum[] = [];
  const enumCount = options.enums ?? rng.int(0, Math.min(3, Math.ceil(options.models / 4)));
  for (let i = 0; i < enumCount; i++) {
    const values = rng.shuffle(['ACTIVE', 'PAUSED', 'DONE', 'DRAFT', 'ARCHIVED', 'NEW']).slice(0, rng.int(1, 4));
    enums.push({ name: `Status${i}`, values });
  }
  const scalars = options.allTypes === false ? (['String', 'Int', 'Boolean', 'DateTime', 'Float'] as GenScalar[]) : GEN_SCALARS;
  const models: GenModel[] = [];
  for (let i = 0; i < options.models; i++) {
    const name = `M${i}${rng.pick(['', 'Item', 'Record', 'Entry'])}`;
    const taken = new Set<string>(['id']);
    const fields: GenField[] = [];
    const idType = rng.pick(['Int', 'Int', 'String', 'String', 'BigInt', 'Bytes'] as const);
    const compound = rng.chance(0.1);
    if (!compound) {
      const idField: GenField = { name: 'id', type: idType, optional: false };
      if (idType === 'Int' && rng.chance(0.8)) idField.default = 'autoincrement()';
      if (idType === 'String') idField.default = rng.pick(['uuid()', 'cuid()', 'uuid(7)', 'nanoid()', 'ulid()', 'cuid(2)']);
      fields.push(idField);
    }
    const count = rng.int(1, 7);
    for (let k = 0; k < count; k++) {
      const useEnum = enums.length > 0 && rng.chance(0.15);
      const type: GenField['type'] = useEnum ? `enum:${rng.pick(enums).name}` : rng.pick(scalars);
      const f: GenField = { name: fieldName(rng, taken), type, optional: rng.chance(0.35) };
      if (rng.chance(0.3)) {
        const d = defaultFor(rng, type, enums);
        if (d !== undefined) f.default = d;
      }
      if (type === 'DateTime' && !f.default && !f.optional && rng.chance(0.3)) f.updatedAt = true;
      if (rng.chance(0.1) && (type === 'String' || type === 'Int')) f.unique = true;
      if (rng.chance(0.15)) f.map = `${f.name}_col`;
      if (rng.chance(0.1)) f.doc = `The ${f.name} of this record.`;
      fields.push(f);
    }
    let id: GenModel['id'];
    if (compound) {
      const a: GenField = { name: 'partA', type: 'Int', optional: false };
      const b: GenField = { name: 'partB', type: 'String', optional: false };
      fields.unshift(a, b);
      id = { kind: 'compound', fields: ['partA', 'partB'] };
    } else id = { kind: 'single', field: 'id' };
    const required = fields.filter((f) => !f.optional && f.type !== 'Json' && f.type !== 'Bytes' && !f.unique && !(id.kind === 'single' && f.name === id.field));
    const uniques: string[][] = [];
    const indexes: GenModel['indexes'] = [];
    if (required.length >= 2 && rng.chance(0.2)) uniques.push(rng.shuffle(required).slice(0, 2).map((f) => f.name));
    const indexable = fields.filter((f) => f.type !== 'Json' && !(id.kind === 'single' && f.name === id.field));
    if (indexable.length >= 1 && rng.chance(0.3)) indexes.push({ fields: [rng.pick(indexable).name], desc: rng.chance(0.2) });
    models.push({
      name,
      ...(rng.chance(0.3) ? { map: `${name.toLowerCase()}_table` } : {}),
      id,
      fields,
      uniques,
      indexes,
      ...(rng.chance(0.2) ? { doc: `${name} holds generated data.` } : {}),
    });
  }
  const relations: GenRelation[] = [];
  const density = options.relationDensity ?? 0.6;
  const relationCount = Math.floor(options.models * density);
  for (let r = 0; r < relationCount && models.length > 0; r++) {
    const from = rng.pick(models);
    const to = rng.pick(models);
    addRelation(rng, { models, enums, relations }, from, to);
  }
  return { models, enums, relations };
}

/** Adds a random relation between two models when the models allow one. */
export function addRelation(rng: Random, schema: GenSchema, from: GenModel, to: GenModel): void {
  const kind = rng.pick(['1-n', '1-n', '1-1', 'm-n'] as const);
  const usedNames = new Set(schema.relations.filter((x) => (x.from === from.name && x.to === to.name) || (x.from === to.name && x.to === from.name)).map((x) => x.name ?? ''));
  // A number for the new names: the relation count, unless an evolution dropped a relation and it is taken.
  const taken = new Set([...schema.relations.flatMap((x) => [x.field, x.backField, x.name ?? '']), ...schema.models.flatMap((m) => m.fields.map((f) => f.name))]);
  let n = schema.relations.length;
  while (['rel', 'many', 'back', 'manyBack', 'R'].some((p) => taken.has(`${p}${n}`) || taken.has(`rel${n}Id`))) n++;
  const needsName = usedNames.size > 0 || from === to;
  const name = needsName ? `R${n}` : undefined;
  if (name === undefined && usedNames.has('')) return;
  if (kind === 'm-n') {
    if (from.id.kind !== 'single' || to.id.kind !== 'single') return;
    schema.relations.push({ kind, from: from.name, to: to.name, ...(name ? { name } : {}), field: `many${n}`, backField: `manyBack${n}`, optional: false });
    return;
  }
  if (to.id.kind !== 'single') return;
  const target = to.fields.find((f) => f.name === (to.id as { field: string }).field)!;
  const optional = rng.chance(0.5);
  const fkField: GenField = { name: `rel${n}Id`, type: target.type, optional, ...(kind === '1-1' ? { unique: true } : {}) };
  from.fields.push(fkField);
  const onDelete = rng.chance(0.5) ? rng.pick(optional ? (['Cascade', 'Restrict', 'NoAction', 'SetNull'] as const) : (['Cascade', 'Restrict', 'NoAction'] as const)) : undefined;
  schema.relations.push({
    kind,
    from: from.name,
    to: to.name,
    ...(name ? { name } : {}),
    field: `rel${n}`,
    backField: `back${n}`,
    optional,
    ...(onDelete ? { onDelete } : {}),
  });
}

export interface RenderOptions {
  /** Extra lines at the top of the schema (a generator block, say). */
  readonly header?: string;
  readonly previewFeatures?: readonly string[];
}

/** Renders a spec as schema text (not necessarily in canonical formatting). */
export function renderSchema(schema: GenSchema, options: RenderOptions = {}): string {
  const out: string[] = [];
  if (options.header) out.push(options.header);
  if (options.previewFeatures?.length) {
    out.push(`generator client {\n  provider        = "prisma-client"\n  output          = "./client"\n  previewFeatures = [${options.previewFeatures.map((f) => `"${f}"`).join(', ')}]\n}\n`);
  }
  out.push('datasource db {\n  provider = "sqlite"\n}\n');
  for (const m of schema.models) {
    const lines: string[] = [];
    if (m.doc) lines.push(`/// ${m.doc}`);
    lines.push(`model ${m.name} {`);
    for (const f of m.fields) {
      if (f.doc) lines.push(`  /// ${f.doc}`);
      const type = (f.type.startsWith('enum:') ? f.type.slice(5) : f.type) + (f.optional ? '?' : '');
      const attrs: string[] = [];
      if (m.id.kind === 'single' && m.id.field === f.name) attrs.push('@id');
      if (f.default !== undefined) attrs.push(`@default(${f.default})`);
      if (f.unique) attrs.push('@unique');
      if (f.updatedAt) attrs.push('@updatedAt');
      if (f.map) attrs.push(`@map("${f.map}")`);
      lines.push(`  ${f.name} ${type}${attrs.length ? ' ' + attrs.join(' ') : ''}`);
    }
    for (const r of schema.relations) {
      const nameArg = r.name ? `"${r.name}", ` : '';
      if (r.kind === 'm-n') {
        if (r.from === m.name) lines.push(`  ${r.field} ${r.to}[]${r.name ? ` @relation("${r.name}")` : ''}`);
        if (r.to === m.name) lines.push(`  ${r.backField} ${r.from}[]${r.name ? ` @relation("${r.name}")` : ''}`);
        continue;
      }
      if (r.from === m.name) {
        const to = schema.models.find((x) => x.name === r.to)!;
        const ref = (to.id as { field: string }).field;
        lines.push(`  ${r.field} ${r.to}${r.optional ? '?' : ''} @relation(${nameArg}fields: [${r.field}Id], references: [${ref}]${r.onDelete ? `, onDelete: ${r.onDelete}` : ''})`);
      }
      if (r.to === m.name) lines.push(`  ${r.backField} ${r.from}${r.kind === '1-1' ? '?' : '[]'}${r.name ? ` @relation("${r.name}")` : ''}`);
    }
    if (m.id.kind === 'compound') lines.push(`  @@id([${m.id.fields.join(', ')}])`);
    for (const u of m.uniques) lines.push(`  @@unique([${u.join(', ')}])`);
    for (const ix of m.indexes) lines.push(`  @@index([${ix.fields.map((f, i) => (i === 0 && ix.desc ? `${f}(sort: Desc)` : f)).join(', ')}])`);
    if (m.map) lines.push(`  @@map("${m.map}")`);
    lines.push('}\n');
    out.push(lines.join('\n'));
  }
  for (const e of schema.enums) out.push(`enum ${e.name} {\n${e.values.map((v) => `  ${v}`).join('\n')}\n}\n`);
  return out.join('\n');
}

/** Convenience: a generated schema as text. */
export function generateSchemaText(seed: number, options: GenOptions & RenderOptions): string {
  return renderSchema(generateSchema(seed, options), options);
}
