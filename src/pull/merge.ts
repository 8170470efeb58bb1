/**
 * The re-pull: an existing schema and a database → the same schema, changed only where the database differs.
 *
 * 1. A pull of the database is built with the user's names (models, fields, relation fields in use).
 * 2. Both schemas are laid out as databases (from-schema.ts) and diffed (diff.ts). The differences are exactly what
 *    a migration from the user's schema would change, so everything the database cannot tell (enums, `Json`,
 *    `uuid()` and `@updatedAt`, relation names, `///` comments, attribute order) is outside them and stays.
 *    Comparing two layouts (not the live database) also keeps out what no schema can express (a COLLATE, a CHECK).
 * 3. Each difference becomes an edit of the user's model: a field added, removed or retyped, an attribute added or
 *    removed. Relations are compared by the foreign key or join table they stand for.
 * The edits are applied to the text line by line (merge-text.ts), and the result is formatted.
 */
import { databaseModelFromSchema } from '../database/from-schema.js';
import type { Change } from '../diff/changes.js';
import type { DatabaseModel } from '../database/model.js';
import { diffDatabases } from '../diff/diff.js';
import { parseSchemaSources } from '../schema/load.js';
import { isColumnField, type ColumnField, type ForeignKeyRelation, type Model, type RelationField, type SchemaModel } from '../schema/model.js';
import { buildPulledSchema, type PullNaming } from './build.js';
import type { PulledModel, PulledRelation, PulledScalarField, PulledSchema } from './model.js';
import { emptyPlan, fieldPlanOf, relationWithActions, type MergePlan, type ModelPlan } from './merge-plan.js';
import { applyMergePlan } from './merge-text.js';
import { inferNamingStyle, type NamingStyle } from './names.js';
import { datasourceBlock, relationFieldText, renderPulledSchema, scalarFieldText } from './render.js';
import { pslString, typeText } from './types.js';

export interface MergeSummary {
  readonly addedModels: readonly string[];
  readonly removedModels: readonly string[];
  readonly changedModels: readonly string[];
}

export interface MergeResult {
  /** The new text of each file of the schema, formatted. */
  readonly texts: readonly string[];
  readonly summary: MergeSummary;
  readonly pulled: PulledSchema;
}

const lower = (s: string): string => s.toLowerCase();

/** `style` names what the database adds; by default, the naming the existing schema follows (inferNamingStyle). */
export function mergePull(existing: SchemaModel, db: DatabaseModel, style?: NamingStyle): MergeResult {
  const models = existing.models.filter((m) => m.kind === 'model');
  style ??= inferNamingStyle(models.flatMap((m) => [{ name: m.name, dbName: m.dbName, kind: 'model' as const }, ...m.fields.filter(isColumnField).map((f) => ({ name: f.name, dbName: f.dbName, kind: 'field' as const }))]));
  const naming: PullNaming = {
    style,
    models: new Map(models.map((m) => [lower(m.dbName), m.name])),
    fields: new Map(models.flatMap((m) => m.fields.filter(isColumnField).map((f) => [`${lower(m.dbName)}.${lower(f.dbName)}`, f.name] as const))),
    relationFields: new Map(models.map((m) => [lower(m.dbName), m.fields.filter((f) => f.kind === 'relation').map((f) => f.name)])),
    explicitTables: new Set(models.map((m) => lower(m.dbName))),
    takenNames: new Set([...existing.enums.map((e) => e.name), ...existing.views.map((v) => v.name), ...existing.compositeTypes.map((t) => t.name)]),
  };
  const pulled = buildPulledSchema(db, naming);
  const pulledSchema = parseSchemaSources([{ path: 'pulled.prisma', text: renderPulledSchema(pulled, datasourceBlock()) }]).schema;
  const changes = diffDatabases(databaseModelFromSchema(existing), databaseModelFromSchema(pulledSchema));
  const plan = planMerge(existing, models, pulled, db, changes);
  return { texts: applyMergePlan(existing, plan), summary: plan.summary, pulled };
}

function planMerge(existing: SchemaModel, models: readonly Model[], pulled: PulledSchema, db: DatabaseModel, changes: readonly Change[]): MergePlan {
  const plan = emptyPlan();
  const modelByTable = new Map(models.map((m) => [lower(m.dbName), m]));
  const pulledByTable = new Map(pulled.models.map((m) => [lower(m.table), m]));
  const addedColumns = new Set<string>();
  const live = (table: string): { model: Model; pulled: PulledModel; plan: ModelPlan } | undefined => {
    const model = modelByTable.get(lower(table));
    const p = pulledByTable.get(lower(table));
    if (!model || !p || plan.removedModels.has(model)) return undefined;
    return { model, pulled: p, plan: plan.modelPlan(model) };
  };

  // Models by table, before the column and index changes (which skip the models that go). A table the user's schema
  // held as an implicit many-to-many join table, and that the database no longer shapes as one, becomes a model.
  for (const p of pulled.models) if (!modelByTable.has(lower(p.table))) plan.newModels.push(p);
  for (const m of models) if (!pulledByTable.has(lower(m.dbName))) plan.removedModels.add(m);
  for (const c of changes) {
    switch (c.kind) {
      case 'AddColumn': {
        const at = live(c.table);
        const field = at && scalarOf(at.pulled, c.column.name);
        if (!at || !field) break;
        addedColumns.add(`${lower(c.table)}.${lower(c.column.name)}`);
        at.plan.insertAfter(previousField(at.model, db, c.table, c.column.name), scalarFieldText(field, at.pulled));
        break;
      }
      case 'DropColumn': {
        const at = live(c.table);
        const field = at && columnField(at.model, c.column.name);
        // A generated column is in the database but not in a pull: the user's field for it stays.
        if (!at || !field || dbHasColumn(db, c.table, c.column.name)) break;
        at.plan.removeField(field);
        break;
      }
      case 'AlterColumn': {
        const at = live(c.table);
        const field = at && columnField(at.model, c.to.name);
        const p = at && scalarOf(at.pulled, c.to.name);
        if (!at || !field || !p) break;
        alterColumn(at.plan, field, p, c.changes, existing);
        break;
      }
      case 'AlterPrimaryKey': {
        const at = live(c.table);
        if (at) alterPrimaryKey(at.model, at.pulled, at.plan);
        break;
      }
      case 'DropIndex': {
        const at = live(c.index.table);
        if (at) dropIndex(at.model, at.plan, c.index.name);
        break;
      }
      case 'AddIndex': {
        const at = live(c.index.table);
        const index = at?.pulled.indexes.find((i) => lower(i.name) === lower(c.index.name));
        if (!at || !index) break;
        if (index.field === undefined) at.plan.addBlock.push(index.text);
        else {
          const column = index.index.columns[0]!.name!;
          const field = columnField(at.model, column);
          if (field && !addedColumns.has(`${lower(c.index.table)}.${lower(column)}`)) fieldPlanOf(at.plan, field).add.push(index.text);
        }
        break;
      }
      default:
        break; // foreign keys: compared as relations below; renames: none are asked for
    }
  }
  mergeRelations(existing, models, pulled, live);
  for (const model of models) {
    const at = live(model.dbName);
    if (!at) continue;
    if (at.pulled.ignored && !model.ignored) {
      at.plan.ignore = 'add';
      at.plan.ignoreComment = at.pulled.comments;
    } else if (!at.pulled.ignored && model.ignored) at.plan.ignore = 'removeIfOurs';
  }
  // A view the schema declares (`view` blocks, Prisma's `views` preview) needs no comment.
  const declared = new Set(existing.views.map((v) => lower(v.dbName)));
  plan.views = pulled.views.filter((v) => !declared.has(lower(v.name)));
  return plan;
}

function scalarOf(model: PulledModel, column: string): PulledScalarField | undefined {
  return model.fields.find((f): f is PulledScalarField => f.kind === 'scalar' && lower(f.column) === lower(column));
}

function columnField(model: Model, column: string): ColumnField | undefined {
  return model.fields.find((f): f is ColumnField => isColumnField(f) && lower(f.dbName) === lower(column));
}

function dbHasColumn(db: DatabaseModel, table: string, column: string): boolean {
  return !!db.tables.find((t) => lower(t.name) === lower(table))?.columns.some((c) => lower(c.name) === lower(column));
}

/** The user's field of the nearest earlier column, or '' (the top of the model) when there is none. */
function previousField(model: Model, db: DatabaseModel, table: string, column: string): string {
  const columns = db.tables.find((t) => lower(t.name) === lower(table))?.columns ?? [];
  const at = columns.findIndex((c) => lower(c.name) === lower(column));
  for (let i = at - 1; i >= 0; i--) {
    const field = columnField(model, columns[i]!.name);
    if (field) return field.name;
  }
  return '';
}

function alterColumn(plan: ModelPlan, field: ColumnField, pulled: PulledScalarField, kinds: readonly string[], existing: SchemaModel): void {
  const fp = fieldPlanOf(plan, field);
  if (kinds.includes('nullability')) fp.arity = pulled.arity;
  if (kinds.includes('type')) {
    fp.type = typeText(pulled.type);
    fp.default = pulled.default ?? null;
    if (field.kind === 'scalar' && field.isUpdatedAt && !(pulled.type.kind === 'scalar' && pulled.type.type === 'DateTime')) fp.updatedAt = false;
  } else if (kinds.includes('default')) {
    fp.default = field.kind === 'enum' ? enumDefault(field, pulled, existing) : (pulled.default ?? null);
  }
}

/** A string default on an enum field is written as the enum value that stores it, when there is one. */
function enumDefault(field: Extract<ColumnField, { kind: 'enum' }>, pulled: PulledScalarField, existing: SchemaModel): string | null {
  const d = pulled.default;
  if (d === undefined) return null;
  if (!d.startsWith('"')) return d;
  const stored = JSON.parse(d) as string;
  const value = existing.enums.find((e) => e.name === field.enumName)?.values.find((v) => v.dbName === stored);
  return value ? value.name : `dbgenerated(${pslString(`'${stored.replace(/'/g, "''")}'`)})`;
}

function alterPrimaryKey(model: Model, pulled: PulledModel, plan: ModelPlan): void {
  for (const f of model.fields) {
    if (!isColumnField(f)) continue;
    const wanted = pulled.fields.find((p): p is PulledScalarField => p.kind === 'scalar' && lower(p.column) === lower(f.dbName));
    const isId = !!wanted?.id;
    if (f.isId !== isId) fieldPlanOf(plan, f).id = isId;
    const auto = f.default?.kind === 'Autoincrement';
    const wantsAuto = wanted?.default === 'autoincrement()';
    if (auto !== wantsAuto && (auto || wantsAuto)) fieldPlanOf(plan, f).default = wantsAuto ? 'autoincrement()' : (wanted?.default ?? null);
  }
  const block = model.blockAttributes.find((a) => a.name === 'id');
  if (block) plan.dropBlock.push(block);
  if (pulled.compoundId) plan.addBlock.push(pulled.compoundId);
}

function dropIndex(model: Model, plan: ModelPlan, name: string): void {
  const dbNameOf = (field: string): string => model.fields.find((f) => f.name === field)?.dbName ?? field;
  const named = (fields: readonly { name: string }[], map: string | undefined, suffix: string): boolean =>
    lower(map ?? `${model.dbName}_${fields.map((f) => dbNameOf(f.name)).join('_')}_${suffix}`) === lower(name);
  for (const u of model.uniques) {
    if (!named(u.fields, u.map, 'key')) continue;
    dropAttributeAt(model, plan, u.source, u.span.start.offset);
  }
  for (const ix of model.indexes) if (ix.kind === 'index' && named(ix.fields, ix.map, 'idx')) dropAttributeAt(model, plan, 'block', ix.span.start.offset);
}

function dropAttributeAt(model: Model, plan: ModelPlan, source: 'field' | 'block', offset: number): void {
  if (source === 'block') {
    const node = model.blockAttributes.find((a) => a.span.start.offset === offset);
    if (node) plan.dropBlock.push(node);
    return;
  }
  for (const f of model.fields) {
    const node = f.attributes.find((a) => a.span.start.offset === offset);
    if (node) fieldPlanOf(plan, f).dropNodes.push(node);
  }
}

/** Relations are matched by what they stand for in the database: the foreign key's columns, or the join table. */
function mergeRelations(
  existing: SchemaModel,
  models: readonly Model[],
  pulled: PulledSchema,
  live: (table: string) => { model: Model; pulled: PulledModel; plan: ModelPlan } | undefined,
): void {
  const byName = new Map(models.map((m) => [m.name, m]));
  const fieldOf = (model: string, field: string | undefined): RelationField | undefined => {
    const f = field === undefined ? undefined : byName.get(model)?.fields.find((x) => x.name === field);
    return f?.kind === 'relation' ? f : undefined;
  };
  const keyOf = (r: SchemaModel['relations'][number]): string => {
    if (r.kind === 'ManyToMany') return `m2m:${lower(r.joinTable)}`;
    const m = byName.get(r.referencing.model);
    const cols = r.fields.map((f) => lower(m?.fields.find((x) => x.name === f)?.dbName ?? f));
    return `fk:${lower(m?.dbName ?? r.referencing.model)}(${cols.join(',')})`;
  };
  const wanted = new Map(pulled.relations.map((r) => [r.key, r]));
  const kept = new Set<string>();
  const keepForeignKeysless = existing.datasource?.relationMode === 'prisma';
  for (const r of existing.relations) {
    const key = keyOf(r);
    const p = wanted.get(key);
    const sides = r.kind === 'ManyToMany' ? [r.a, r.b] : [r.referencing, r.referenced];
    if (p && samePair(r, p, byName)) {
      kept.add(key);
      if (r.kind !== 'ManyToMany') syncForeignKeyRelation(r, p, fieldOf, live);
      continue;
    }
    if (r.kind !== 'ManyToMany' && keepForeignKeysless) continue;
    for (const side of sides) {
      const model = byName.get(side.model);
      const field = fieldOf(side.model, side.field);
      const at = model && live(model.dbName);
      if (at && field) at.plan.removeField(field);
    }
  }
  for (const r of pulled.relations) {
    if (kept.has(r.key)) continue;
    for (const side of r.sides) {
      const at = live(side.table);
      if (at) at.plan.appendFields.push(relationFieldText(side.field));
    }
  }
}

/** The same two tables on the same sides (a key that now points elsewhere is another relation). */
function samePair(r: SchemaModel['relations'][number], p: PulledRelation, byName: ReadonlyMap<string, Model>): boolean {
  const table = (model: string): string => lower(byName.get(model)?.dbName ?? model);
  const [x, y] = r.kind === 'ManyToMany' ? [r.a.model, r.b.model] : [r.referencing.model, r.referenced.model];
  if (table(x) !== lower(p.sides[0].table) || table(y) !== lower(p.sides[1].table)) return false;
  if (r.kind === 'ManyToMany') return true;
  const target = byName.get(r.referenced.model);
  const refs = r.references.map((f) => lower(target?.fields.find((x) => x.name === f)?.dbName ?? f));
  const wanted = (p.sides[0].field.references ?? []).map((f) => lower(target?.fields.find((x) => x.name === f)?.dbName ?? f));
  return refs.join(',') === wanted.join(',');
}

/**
 * Arity, referential actions and `@ignore` of a relation that is still there. An arity changes only where the user's
 * would now be invalid (a required relation over a column that became nullable, a one-to-one relation over columns
 * that are no longer unique): an optional relation over required columns, or a list over unique ones, is the user's
 * choice, which the database cannot see.
 */
function syncForeignKeyRelation(
  r: ForeignKeyRelation,
  p: PulledRelation,
  fieldOf: (model: string, field: string | undefined) => RelationField | undefined,
  live: (table: string) => { model: Model; pulled: PulledModel; plan: ModelPlan } | undefined,
): void {
  const [forward, back] = p.sides;
  const own = fieldOf(r.referencing.model, r.referencing.field);
  const at = live(forward.table);
  if (own && at) {
    const arity = own.arity === 'required' && forward.field.arity === 'optional' ? 'optional' : own.arity;
    const relation = relationWithActions(own, arity, forward.field);
    if (arity !== own.arity) fieldPlanOf(at.plan, own).arity = arity;
    if (relation !== undefined) fieldPlanOf(at.plan, own).relation = relation;
    if (own.ignored !== forward.field.ignored) fieldPlanOf(at.plan, own).ignore = forward.field.ignored;
  }
  const other = fieldOf(r.referenced.model, r.referenced.field);
  const there = live(back.table);
  if (other && there) {
    if (other.arity === 'optional' && back.field.arity === 'list') fieldPlanOf(there.plan, other).arity = 'list';
    if (other.ignored !== back.field.ignored) fieldPlanOf(there.plan, other).ignore = back.field.ignored;
  }
}

