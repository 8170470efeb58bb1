/**
 * Foreign keys and join tables → relations, each with its two relation fields named deterministically.
 *
 * Names (`--naming prisma`, as `prisma db pull` names them; prisma-engines `relation_names.rs`):
 * - a relation between two models that share no other relation: the field on each side is named after the other
 *   model (`author User` … `Post Post[]`); a self relation is named `<Model>To<Model>`, its back field `other_<Model>`;
 * - an ambiguous relation (two relations between the same models, or a field name that would clash with a column) is
 *   named `<Model>_<columns>To<Target>`, and its fields `<Target>_<relation>` and `<Model>_<relation>`;
 * - a join table `_Name` gives the relation `Name` (none when it is the default `<A>To<B>`), fields named after the
 *   other model (`_A`/`_B` appended for a self relation, the table name for an ambiguous one).
 *
 * `--naming camel` names the field that holds the key after its column (`author_id` → `author`, else the target
 * model, camelCased), the back field after the model in the plural (`posts`), with `By<Field>` appended where the
 * pair is ambiguous (`postsByAuthor`, `postsByEditor`); such relations are named `<Model><Field>` (`PostAuthor`).
 *
 * A foreign key that the schema cannot express as a relation (its target is missing or not a model, it does not
 * reference a primary key or unique index, or the column types differ) is left out, with a note.
 */
import type { ForeignKey, ForeignKeyAction, Table } from '../database/model.js';
import { pluralize } from '../schema/format/inflect.js';
import type { ReferentialAction } from '../schema/model.js';
import type { JoinTable } from './join-tables.js';
import type { PulledRelation, PulledRelationField, PulledScalarField } from './model.js';
import { fieldNameFor, lowerFirst, uniqueName, upperFirst, type NamingStyle } from './names.js';

export interface TableInfo {
  readonly table: Table;
  readonly model: string;
  /** Scalar fields by lower-case column name. */
  readonly fields: ReadonlyMap<string, PulledScalarField>;
  readonly ignored: boolean;
  /** Field names in use in the model; the relation fields add theirs. */
  readonly taken: Set<string>;
}

export interface RelationsResult {
  readonly relations: PulledRelation[];
  /** Notes about foreign keys left out, by lower-case table name. */
  readonly notes: Map<string, string[]>;
}

interface InlineCandidate {
  readonly kind: 'ForeignKey';
  readonly from: TableInfo;
  readonly to: TableInfo;
  readonly fk: ForeignKey;
  readonly references: readonly string[];
}
interface JoinCandidate {
  readonly kind: 'ManyToMany';
  readonly join: JoinTable;
  readonly a: TableInfo;
  readonly b: TableInfo;
}
type Candidate = InlineCandidate | JoinCandidate;

const lower = (s: string): string => s.toLowerCase();
const ACTIONS: Record<ForeignKeyAction, ReferentialAction> = { 'NO ACTION': 'NoAction', RESTRICT: 'Restrict', CASCADE: 'Cascade', 'SET NULL': 'SetNull', 'SET DEFAULT': 'SetDefault' };

export function pullRelations(tables: readonly TableInfo[], joinTables: readonly JoinTable[], style: NamingStyle): RelationsResult {
  const byTable = new Map(tables.map((t) => [lower(t.table.name), t]));
  const notes = new Map<string, string[]>();
  const note = (table: string, text: string): void => {
    notes.set(lower(table), [...(notes.get(lower(table)) ?? []), text]);
  };
  const candidates: Candidate[] = [];
  for (const from of tables) {
    const seen: string[] = [];
    // SQLite numbers a table's foreign keys from the last declared; Prisma lists them in that order.
    for (const fk of [...from.table.foreignKeys].reverse()) {
      const checked = checkForeignKey(from, fk, byTable);
      if (typeof checked === 'string') {
        note(from.table.name, `${describeForeignKey(fk)} is not described: ${checked}.`);
        continue;
      }
      const identity = `${fk.columns.map(lower).join(',')}>${lower(fk.referencedTable)}(${checked.map(lower).join(',')})`;
      if (seen.includes(identity)) continue; // the same key declared twice
      seen.push(identity);
      candidates.push({ kind: 'ForeignKey', from, to: byTable.get(lower(fk.referencedTable))!, fk, references: checked });
    }
  }
  for (const join of joinTables) {
    const a = byTable.get(lower(join.a));
    const b = byTable.get(lower(join.b));
    if (a && b) candidates.push({ kind: 'ManyToMany', join, a, b });
  }

  const pairCount = new Map<string, number>();
  const pairOf = (c: Candidate): string => (c.kind === 'ForeignKey' ? pairKey(c.from, c.to) : pairKey(c.a, c.b));
  for (const c of candidates) pairCount.set(pairOf(c), (pairCount.get(pairOf(c)) ?? 0) + 1);
  const ambiguous = (c: Candidate): boolean => {
    if ((pairCount.get(pairOf(c)) ?? 0) > 1) return true;
    // A field named after the target would clash with one of the key's own columns.
    return c.kind === 'ForeignKey' && style === 'prisma' && c.fk.columns.some((col) => fieldOf(c.from, col) === c.to.model);
  };

  const relations = candidates.map((c) => (c.kind === 'ForeignKey' ? inlineRelation(c, ambiguous(c), style) : joinRelation(c, ambiguous(c), style)));
  return { relations, notes };
}

function pairKey(x: TableInfo, y: TableInfo): string {
  const [a, b] = [lower(x.table.name), lower(y.table.name)].sort();
  return `${a}\u0000${b}`;
}

function fieldOf(info: TableInfo, column: string): string {
  const field = info.fields.get(lower(column));
  if (!field) throw new Error(`pull: no field for column ${info.table.name}.${column}`);
  return field.name;
}

/** The referenced columns, or why the key cannot be a relation. */
function checkForeignKey(from: TableInfo, fk: ForeignKey, byTable: ReadonlyMap<string, TableInfo>): readonly string[] | string {
  const to = byTable.get(lower(fk.referencedTable));
  if (!to) return `the table "${fk.referencedTable}" does not exist or is not a model`;
  const references = fk.referencedColumns.length > 0 ? fk.referencedColumns : (to.table.primaryKey?.columns ?? []);
  if (references.length !== fk.columns.length) return `it does not name the referenced columns, and "${fk.referencedTable}" has no primary key of ${fk.columns.length} column(s)`;
  const missing = references.find((c) => !to.fields.has(lower(c)));
  if (missing !== undefined) return `"${fk.referencedTable}" has no column "${missing}"`;
  if (!isUniqueCriterion(to.table, references)) return `the referenced columns are neither the primary key nor a unique index of "${fk.referencedTable}"`;
  for (let i = 0; i < fk.columns.length; i++) {
    const own = from.fields.get(lower(fk.columns[i]!));
    const other = to.fields.get(lower(references[i]!))!;
    if (!own) return `the table has no column "${fk.columns[i]}"`;
    if (own.type.kind !== 'scalar' || other.type.kind !== 'scalar' || own.type.type !== other.type.type) {
      return `the type of "${own.column}" does not match the type of "${to.table.name}"."${other.column}"`;
    }
  }
  return references;
}

/** The primary key, or a unique index (not partial, no expressions) on exactly these columns, in any order. */
export function isUniqueCriterion(table: Table, columns: readonly string[]): boolean {
  const want = [...columns].map(lower).sort().join(',');
  const same = (names: readonly (string | undefined)[]): boolean => names.every((n) => n !== undefined) && [...names].map((n) => lower(n!)).sort().join(',') === want;
  if (table.primaryKey && same(table.primaryKey.columns)) return true;
  return table.indexes.some((i) => i.unique && i.where === undefined && same(i.columns.map((c) => c.name)));
}

function describeForeignKey(fk: ForeignKey): string {
  const refs = fk.referencedColumns.length ? `(${fk.referencedColumns.join(', ')})` : '';
  return `the foreign key (${fk.columns.join(', ')}) → "${fk.referencedTable}"${refs}`;
}

function inlineRelation(c: InlineCandidate, isAmbiguous: boolean, style: NamingStyle): PulledRelation {
  const { from, to, fk } = c;
  const self = from === to;
  const key = `fk:${lower(from.table.name)}(${fk.columns.map(lower).join(',')})`;
  const fieldNames = fk.columns.map((col) => fieldOf(from, col));
  const required = fk.columns.every((col) => from.fields.get(lower(col))!.arity === 'required');
  const oneToOne = isUniqueCriterion(from.table, fk.columns);
  let relationName: string | undefined;
  let forward: string;
  let back: string;
  if (style === 'prisma') {
    if (!isAmbiguous) {
      relationName = self ? `${from.model}To${to.model}` : undefined;
      forward = to.model;
      back = `${self ? 'other_' : ''}${from.model}`;
    } else {
      relationName = `${from.model}_${fieldNames.join('_')}To${to.model}`;
      forward = `${to.model}_${relationName}`;
      back = `${self ? 'other_' : ''}${from.model}_${relationName}`;
    }
    forward = uniqueName(forward, from.taken);
  } else {
    forward = uniqueName(forwardCamelName(c, fieldNames), from.taken);
    const base = lowerFirst(from.model);
    back = oneToOne ? base : pluralize(base);
    if (isAmbiguous || self) {
      back = `${back}By${upperFirst(forward)}`;
      relationName = `${from.model}${upperFirst(forward)}`;
    }
  }
  from.taken.add(forward);
  back = uniqueName(back, to.taken);
  to.taken.add(back);
  const onDelete = ACTIONS[fk.onDelete];
  const onUpdate = ACTIONS[fk.onUpdate];
  const forwardField: PulledRelationField = {
    kind: 'relation',
    name: forward,
    target: to.model,
    arity: required ? 'required' : 'optional',
    ...(relationName !== undefined ? { relationName } : {}),
    fields: fieldNames,
    references: c.references.map((col) => fieldOf(to, col)),
    ...(onDelete !== (required ? 'Restrict' : 'SetNull') ? { onDelete } : {}),
    ...(onUpdate !== 'Cascade' ? { onUpdate } : {}),
    ignored: to.ignored && !from.ignored,
    relation: key,
  };
  const backField: PulledRelationField = {
    kind: 'relation',
    name: back,
    target: from.model,
    arity: oneToOne ? 'optional' : 'list',
    ...(relationName !== undefined ? { relationName } : {}),
    ignored: from.ignored && !to.ignored,
    relation: key,
  };
  return {
    key,
    kind: 'ForeignKey',
    sides: [
      { table: from.table.name, model: from.model, field: forwardField },
      { table: to.table.name, model: to.model, field: backField },
    ],
  };
}

/** `author_id` → `author`, `authorId` → `author`; otherwise (or when taken by a column) the target model, camelCased. */
function forwardCamelName(c: InlineCandidate, fieldNames: readonly string[]): string {
  const fallback = lowerFirst(c.to.model);
  if (c.fk.columns.length !== 1) return fallback;
  const m = /^(.*?)_?(id|Id|ID)$/.exec(c.fk.columns[0]!);
  const base = m && m[1] ? fieldNameFor(m[1], 'camel') : undefined;
  return base && !c.from.taken.has(base) && !fieldNames.includes(base) ? base : fallback;
}

function joinRelation(c: JoinCandidate, isAmbiguous: boolean, style: NamingStyle): PulledRelation {
  const { join, a, b } = c;
  const self = a === b;
  const key = `m2m:${lower(join.table)}`;
  const relationName = isAmbiguous ? join.table.slice(1) : join.relationName;
  let onA: string;
  let onB: string;
  if (style === 'prisma') {
    const suffix = isAmbiguous ? join.table : '';
    onA = `${b.model}${suffix}${self ? '_A' : ''}`;
    onB = `${a.model}${suffix}${self ? '_B' : ''}`;
  } else {
    const suffix = isAmbiguous ? `By${upperFirst(fieldNameFor(join.table.slice(1), 'camel'))}` : '';
    onA = `${pluralize(lowerFirst(b.model))}${suffix}${self ? 'A' : ''}`;
    onB = `${pluralize(lowerFirst(a.model))}${suffix}${self ? 'B' : ''}`;
  }
  onA = uniqueName(onA, a.taken);
  a.taken.add(onA);
  onB = uniqueName(onB, b.taken);
  b.taken.add(onB);
  const field = (name: string, target: string): PulledRelationField => ({
    kind: 'relation',
    name,
    target,
    arity: 'list',
    ...(relationName !== undefined ? { relationName } : {}),
    ignored: false,
    relation: key,
  });
  return {
    key,
    kind: 'ManyToMany',
    sides: [
      { table: a.table.name, model: a.model, field: field(onA, b.model) },
      { table: b.table.name, model: b.model, field: field(onB, a.model) },
    ],
  };
}
