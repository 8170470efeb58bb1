/**
 * Seeded schema evolution: from a generated schema v1, a v2 with a few typical changes (columns added, dropped,
 * retyped, made optional or required, defaults changed, indexes and uniques added or dropped, models and
 * relations added or removed, enum values changed, tables renamed through @@map). Every v2 is valid for Prisma.
 */
import { Random } from './random.ts';
import { addRelation, defaultFor, GEN_SCALARS, type GenField, type GenModel, type GenSchema } from './schema-generator.ts';

export type EvolutionKind =
  | 'addOptionalField'
  | 'addRequiredWithDefault'
  | 'addRequiredWithoutDefault'
  | 'dropField'
  | 'changeType'
  | 'makeOptional'
  | 'makeRequired'
  | 'changeDefault'
  | 'addUnique'
  | 'dropUnique'
  | 'addIndex'
  | 'dropIndex'
  | 'addModel'
  | 'dropModel'
  | 'addRelation'
  | 'dropRelation'
  | 'changeOnDelete'
  | 'addEnumValue'
  | 'removeEnumValue'
  | 'remapTable'
  | 'remapColumn';

export const EVOLUTIONS: readonly EvolutionKind[] = [
  'addOptionalField',
  'addRequiredWithDefault',
  'addRequiredWithoutDefault',
  'dropField',
  'changeType',
  'makeOptional',
  'makeRequired',
  'changeDefault',
  'addUnique',
  'dropUnique',
  'addIndex',
  'dropIndex',
  'addModel',
  'dropModel',
  'addRelation',
  'dropRelation',
  'changeOnDelete',
  'addEnumValue',
  'removeEnumValue',
  'remapTable',
  'remapColumn',
];

export interface Evolution {
  readonly schema: GenSchema;
  /** What was applied, for messages: `dropField M3.alpha`. */
  readonly applied: readonly string[];
}

function clone(schema: GenSchema): GenSchema {
  return JSON.parse(JSON.stringify(schema)) as GenSchema;
}

/** Fields a relation uses as its foreign key, which evolution must leave alone. */
function relationFieldNames(schema: GenSchema, model: GenModel): Set<string> {
  return new Set(schema.relations.filter((r) => r.from === model.name && r.kind !== 'm-n').map((r) => `${r.field}Id`));
}

/** Removes a field and the indexes and uniques that name it (they would not validate without it). */
function removeField(model: GenModel, name: string): void {
  model.fields = model.fields.filter((f) => f.name !== name);
  model.indexes = model.indexes.filter((i) => !i.fields.includes(name));
  model.uniques = model.uniques.filter((u) => !u.includes(name));
}

function isKey(model: GenModel, field: GenField): boolean {
  return model.id.kind === 'single' ? model.id.field === field.name : model.id.fields.includes(field.name);
}

/** Plain fields that evolution may change: not keys, not foreign keys, not in a unique or index. */
function plainFields(schema: GenSchema, model: GenModel): GenField[] {
  const fks = relationFieldNames(schema, model);
  const indexed = new Set([...model.uniques.flat(), ...model.indexes.flatMap((i) => i.fields)]);
  return model.fields.filter((f) => !isKey(model, f) && !fks.has(f.name) && !indexed.has(f.name));
}

export function evolveSchema(v1: GenSchema, seed: number, steps = 2): Evolution {
  const rng = new Random(seed);
  const schema = clone(v1);
  const applied: string[] = [];
  let guard = 0;
  // Suffixes for new names: deterministic per seed.
  let counter = seed % 1000;
  while (applied.length < steps && guard++ < 50) {
    const kind = rng.pick(EVOLUTIONS);
    const done = apply(rng, schema, kind, () => counter++);
    if (done) applied.push(done);
  }
  return { schema, applied };
}

function apply(rng: Random, schema: GenSchema, kind: EvolutionKind, next: () => number): string | undefined {
  if (schema.models.length === 0 && kind !== 'addModel') return undefined;
  const model = schema.models.length ? rng.pick(schema.models) : undefined;
  switch (kind) {
    case 'addOptionalField':
    case 'addRequiredWithDefault':
    case 'addRequiredWithoutDefault': {
      if (!model) return undefined;
      const type = rng.pick(GEN_SCALARS.filter((t) => t !== 'Bytes' || kind !== 'addRequiredWithDefault'));
      const f: GenField = { name: `added${next()}`, type, optional: kind === 'addOptionalField' };
      if (kind === 'addRequiredWithDefault') {
        const d = defaultFor(rng, type, schema.enums);
        if (d === undefined) return undefined;
        f.default = d;
      }
      model.fields.push(f);
      return `${kind} ${model.name}.${f.name}`;
    }
    case 'dropField': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      model.fields = model.fields.filter((x) => x !== f);
      return `dropField ${model.name}.${f.name}`;
    }
    case 'changeType': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model).filter((f) => !f.type.startsWith('enum:'));
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      const to = rng.pick(GEN_SCALARS.filter((t) => t !== f.type));
      f.type = to;
      delete f.default;
      delete f.updatedAt;
      if (!f.optional) f.optional = rng.chance(0.5);
      if (!f.optional) {
        const d = defaultFor(rng, to, schema.enums);
        if (d === undefined) f.optional = true;
        else f.default = d;
      }
      return `changeType ${model.name}.${f.name} → ${to}`;
    }
    case 'makeOptional': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model).filter((f) => !f.optional && !f.updatedAt);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      f.optional = true;
      return `makeOptional ${model.name}.${f.name}`;
    }
    case 'makeRequired': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model).filter((f) => f.optional);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      f.optional = false;
      if (rng.chance(0.7)) {
        const d = defaultFor(rng, f.type, schema.enums);
        if (d !== undefined) f.default = d;
      }
      return `makeRequired ${model.name}.${f.name}${f.default ? ' with default' : ''}`;
    }
    case 'changeDefault': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model).filter((f) => !f.updatedAt);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      const d = defaultFor(rng, f.type, schema.enums);
      if (d === undefined || d === f.default) {
        if (f.default === undefined || !f.optional) return undefined;
        delete f.default;
        return `dropDefault ${model.name}.${f.name}`;
      }
      f.default = d;
      return `changeDefault ${model.name}.${f.name}`;
    }
    case 'addUnique': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model).filter((f) => (f.type === 'String' || f.type === 'Int') && !f.unique);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      f.unique = true;
      return `addUnique ${model.name}.${f.name}`;
    }
    case 'dropUnique': {
      if (!model) return undefined;
      const fks = relationFieldNames(schema, model);
      const f = model.fields.find((x) => x.unique && !fks.has(x.name));
      if (!f) {
        if (model.uniques.length === 0) return undefined;
        model.uniques.pop();
        return `dropCompoundUnique ${model.name}`;
      }
      delete f.unique;
      return `dropUnique ${model.name}.${f.name}`;
    }
    case 'addIndex': {
      if (!model) return undefined;
      const candidates = model.fields.filter((f) => f.type !== 'Json' && !isKey(model, f));
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      if (model.indexes.some((i) => i.fields.length === 1 && i.fields[0] === f.name)) return undefined;
      model.indexes.push({ fields: [f.name], desc: rng.chance(0.3) });
      return `addIndex ${model.name}.${f.name}`;
    }
    case 'dropIndex': {
      if (!model || model.indexes.length === 0) return undefined;
      model.indexes.splice(rng.int(0, model.indexes.length - 1), 1);
      return `dropIndex ${model.name}`;
    }
    case 'addModel': {
      const name = `Added${next()}`;
      schema.models.push({
        name,
        id: { kind: 'single', field: 'id' },
        fields: [
          { name: 'id', type: 'Int', optional: false, default: 'autoincrement()' },
          { name: 'label', type: 'String', optional: true },
        ],
        uniques: [],
        indexes: [],
      });
      if (rng.chance(0.5) && schema.models.length > 1) addRelation(rng, schema, schema.models[schema.models.length - 1]!, rng.pick(schema.models));
      return `addModel ${name}`;
    }
    case 'dropModel': {
      if (!model || schema.models.length < 2) return undefined;
      schema.models = schema.models.filter((m) => m !== model);
      const dropped = schema.relations.filter((r) => r.from === model.name || r.to === model.name);
      schema.relations = schema.relations.filter((r) => !dropped.includes(r));
      for (const r of dropped) {
        if (r.kind === 'm-n' || r.from === model.name) continue;
        const from = schema.models.find((m) => m.name === r.from);
        if (from) removeField(from, `${r.field}Id`);
      }
      return `dropModel ${model.name}`;
    }
    case 'addRelation': {
      if (!model) return undefined;
      const before = schema.relations.length;
      addRelation(rng, schema, model, rng.pick(schema.models));
      const r = schema.relations[schema.relations.length - 1];
      if (schema.relations.length === before || !r) return undefined;
      // A new required foreign key on a table with rows cannot be filled: keep added ones optional.
      if (r.kind !== 'm-n') {
        r.optional = true;
        const fk = model.fields.find((f) => f.name === `${r.field}Id`);
        if (fk) fk.optional = true;
        if (r.onDelete && r.onDelete !== 'SetNull' && rng.chance(0.5)) r.onDelete = 'SetNull';
      }
      return `addRelation ${r.kind} ${r.from}→${r.to}`;
    }
    case 'dropRelation': {
      if (schema.relations.length === 0) return undefined;
      const r = rng.pick(schema.relations);
      schema.relations = schema.relations.filter((x) => x !== r);
      if (r.kind !== 'm-n') {
        const from = schema.models.find((m) => m.name === r.from);
        if (from) removeField(from, `${r.field}Id`);
      }
      return `dropRelation ${r.kind} ${r.from}→${r.to}`;
    }
    case 'changeOnDelete': {
      const candidates = schema.relations.filter((r) => r.kind !== 'm-n');
      if (candidates.length === 0) return undefined;
      const r = rng.pick(candidates);
      const options = r.optional ? (['Cascade', 'Restrict', 'NoAction', 'SetNull'] as const) : (['Cascade', 'Restrict', 'NoAction'] as const);
      const to = rng.pick(options.filter((o) => o !== r.onDelete));
      r.onDelete = to;
      return `changeOnDelete ${r.from}.${r.field} → ${to}`;
    }
    case 'addEnumValue': {
      if (schema.enums.length === 0) return undefined;
      const e = rng.pick(schema.enums);
      const v = `ADDED${next()}`;
      e.values.push(v);
      return `addEnumValue ${e.name}.${v}`;
    }
    case 'removeEnumValue': {
      if (schema.enums.length === 0) return undefined;
      const e = rng.pick(schema.enums);
      if (e.values.length < 2) return undefined;
      const v = e.values[e.values.length - 1]!;
      const inUse = schema.models.some((m) => m.fields.some((f) => f.type === `enum:${e.name}` && f.default === v));
      if (inUse) return undefined;
      e.values.pop();
      return `removeEnumValue ${e.name}.${v}`;
    }
    case 'remapTable': {
      if (!model) return undefined;
      model.map = `${model.name.toLowerCase()}_v${next()}`;
      return `remapTable ${model.name} → ${model.map}`;
    }
    case 'remapColumn': {
      if (!model) return undefined;
      const candidates = plainFields(schema, model);
      if (candidates.length === 0) return undefined;
      const f = rng.pick(candidates);
      f.map = `${f.name}_v${next()}`;
      return `remapColumn ${model.name}.${f.name} → ${f.map}`;
    }
  }
}
