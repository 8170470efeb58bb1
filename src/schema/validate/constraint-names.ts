/**
 * Constraint names: the database names of indexes, unique constraints, primary keys and foreign keys (given with
 * `map:` or derived as Prisma does: `Table_col_idx`, `Table_col_key`, `Table_pkey`, `Table_col_fkey`) must be unique
 * in the namespace the database uses; and the client names of compound keys (`a_b`, or `name:`) must be unique per
 * model and must not shadow a field.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { IndexField, Model } from '../model.js';
import type { Capabilities } from './capabilities.js';
import type { ValidationContext } from './context.js';

interface NamedConstraint {
  readonly name: string;
  readonly explicit: boolean;
  readonly what: string;
  readonly span: Span;
}

export function validateConstraintNames(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const globalIndexes = new Map<string, NamedConstraint>();
  const globalForeignKeys = new Map<string, NamedConstraint>();
  for (const model of ctx.schema.models) {
    const modelIndexes = ctx.caps.indexNameScope === 'global' ? globalIndexes : new Map<string, NamedConstraint>();
    for (const c of indexConstraints(model, ctx.caps)) out.push(...claim(modelIndexes, c, ctx.caps.indexNameScope === 'global' ? 'all tables' : `the table of \`${model.name}\``));
    if (ctx.caps.foreignKeyNameScope !== 'none') {
      const modelFks = ctx.caps.foreignKeyNameScope === 'global' ? globalForeignKeys : new Map<string, NamedConstraint>();
      for (const c of foreignKeyConstraints(model, ctx)) out.push(...claim(modelFks, c, ctx.caps.foreignKeyNameScope === 'global' ? 'all foreign keys' : `the foreign keys of \`${model.name}\``));
    }
    out.push(...clientNames(model));
  }
  return out;
}

function claim(names: Map<string, NamedConstraint>, c: NamedConstraint, scope: string): Diagnostic[] {
  const earlier = names.get(c.name);
  if (!earlier) {
    names.set(c.name, c);
    return [];
  }
  return [
    diagnostic('V223', `The ${c.what} would be named "${c.name}", but ${earlier.what} already has that name; names must be unique across ${scope}.`, {
      span: c.span,
      hint: c.explicit ? 'Choose another `map:` name.' : 'Give one of them another name with `map: "…"`.',
      related: [{ span: earlier.span, message: earlier.what }],
    }),
  ];
}

/** Prisma's default constraint name: `Table_col1_col2` + suffix, cut to the provider's identifier length. */
export function defaultConstraintName(table: string, columns: readonly string[], suffix: string, maxLength: number): string {
  const base = columns.length > 0 ? `${table}_${columns.join('_')}` : table;
  const room = maxLength - suffix.length;
  return (base.length > room ? base.slice(0, room) : base) + suffix;
}

function columnsOf(model: Model, fields: readonly (IndexField | string)[]): string[] {
  return fields.map((f) => {
    const name = typeof f === 'string' ? f : f.name;
    return model.fields.find((x) => x.name === name)?.dbName ?? name;
  });
}

function indexConstraints(model: Model, caps: Capabilities): NamedConstraint[] {
  const out: NamedConstraint[] = [];
  const max = caps.maxIdentifierLength;
  const pk = model.primaryKey;
  if (pk && caps.primaryKeyNamesInIndexScope) {
    out.push({ name: pk.map ?? defaultConstraintName(model.dbName, [], '_pkey', max), explicit: pk.map !== undefined, what: `primary key of \`${model.name}\``, span: pk.span });
  }
  for (const u of model.uniques) {
    const name = u.map ?? defaultConstraintName(model.dbName, columnsOf(model, u.fields), '_key', max);
    out.push({ name, explicit: u.map !== undefined, what: `unique constraint on \`${model.name}\`(${u.fields.map((f) => f.name).join(', ')})`, span: u.span });
  }
  for (const i of model.indexes) {
    const explicit = i.map ?? i.name;
    const name = explicit ?? defaultConstraintName(model.dbName, columnsOf(model, i.fields), '_idx', max);
    out.push({ name, explicit: explicit !== undefined, what: `index on \`${model.name}\`(${i.fields.map((f) => f.name).join(', ')})`, span: i.span });
  }
  return out;
}

function foreignKeyConstraints(model: Model, ctx: ValidationContext): NamedConstraint[] {
  const out: NamedConstraint[] = [];
  for (const f of model.fields) {
    if (f.kind !== 'relation' || !f.fields || f.fields.length === 0) continue;
    const target = ctx.models.get(f.target);
    if (target?.kind === 'view') continue; // no foreign key is created towards a view
    const name = f.fkName ?? defaultConstraintName(model.dbName, columnsOf(model, f.fields), '_fkey', ctx.caps.maxIdentifierLength);
    out.push({ name, explicit: f.fkName !== undefined, what: `foreign key of \`${model.name}.${f.name}\``, span: f.relationSpan ?? f.nameSpan });
  }
  return out;
}

/** The client names of compound ids and unique constraints (`a_b`, or `name:`), used as keys of `WhereUniqueInput`. */
function clientNames(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const keys = [
    ...(model.primaryKey && model.primaryKey.source === 'block' ? [{ attribute: '@@id', ...model.primaryKey }] : []),
    ...model.uniques.filter((u) => u.source === 'block').map((u) => ({ attribute: '@@unique', ...u })),
  ];
  const fieldNames = new Set(model.fields.map((f) => f.name));
  // Keys over the same fields share their default client name harmlessly (Prisma dedupes them).
  const taken = new Map<string, { fields: string; custom: boolean; what: string }>();
  for (const key of keys) {
    if (key.name === undefined && key.fields.length < 2) continue;
    const clientName = key.name ?? key.fields.map((f) => f.name).join('_');
    if (fieldNames.has(clientName) && !(key.name === undefined && key.fields.length === 1)) {
      out.push(
        diagnostic('V222', `The ${key.name !== undefined ? 'name' : 'client name'} \`${clientName}\` of \`${key.attribute}\` on \`${model.name}\` is also the name of a field.`, {
          span: key.span,
          hint: `Give the key another name: \`${key.attribute}([${key.fields.map((f) => f.name).join(', ')}], name: "…")\`.`,
        }),
      );
    }
    const fields = key.fields.map((f) => f.name).join(', ');
    const custom = key.name !== undefined;
    const earlier = taken.get(clientName);
    if (earlier && (custom || earlier.custom || earlier.fields !== fields)) {
      out.push(
        diagnostic('V223', `The client name \`${clientName}\` of \`${key.attribute}\` on \`${model.name}\` is already used by ${earlier.what}.`, {
          span: key.span,
          hint: 'Give one of them another `name:`.',
        }),
      );
    } else if (!earlier) taken.set(clientName, { fields, custom, what: `\`${key.attribute}([${fields}])\`` });
  }
  return out;
}
