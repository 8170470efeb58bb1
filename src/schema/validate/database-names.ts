/**
 * Database names (`@map`, `@@map`) must not collide: two models on one table, two fields on one column, two enums
 * with one name, two enum values stored as the same text.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { Model } from '../model.js';
import { findArgument, findAttribute, type ValidationContext } from './context.js';

export function validateDatabaseNames(ctx: ValidationContext): Diagnostic[] {
  const { schema } = ctx;
  const out: Diagnostic[] = [];
  const tables = new Map<string, { name: string; span: Span; what: string }>();
  for (const m of [...schema.models, ...schema.views]) {
    const key = `${m.schema ?? ''}\u0000${m.dbName}`;
    const earlier = tables.get(key);
    const span = mapSpan(m) ?? m.nameSpan;
    if (earlier) {
      out.push(
        diagnostic('V237', `The ${m.kind} \`${m.name}\` uses the table name "${m.dbName}", which ${earlier.what} already uses.`, {
          span,
          hint: 'Change one of the `@@map` names.',
          related: [{ span: earlier.span, message: earlier.what }],
        }),
      );
    } else tables.set(key, { name: m.name, span, what: `the ${m.kind} \`${m.name}\`` });
  }
  // Implicit many-to-many join tables live in the same namespace.
  for (const r of schema.relations) {
    if (r.kind !== 'ManyToMany') continue;
    const earlier = tables.get(`\u0000${r.joinTable}`);
    const model = ctx.models.get(r.a.model);
    const field = model && ctx.field(model, r.a.field);
    if (earlier && field) {
      out.push(
        diagnostic('V237', `The join table "${r.joinTable}" of the many-to-many relation \`${r.name}\` has the same name as the table of ${earlier.what}.`, {
          span: field.nameSpan,
          hint: 'Name the relation differently with `@relation("…")` on both sides, or change the `@@map`.',
        }),
      );
    }
  }
  for (const m of [...schema.models, ...schema.views]) out.push(...columnClashes(m));
  out.push(...enumClashes(ctx));
  return out;
}

function mapSpan(m: Model): Span | undefined {
  return findAttribute(m.blockAttributes, 'map')?.span;
}

function columnClashes(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const columns = new Map<string, string>();
  for (const f of m.fields) {
    if (f.kind === 'relation') continue;
    const earlier = columns.get(f.dbName);
    if (earlier !== undefined) {
      const mapped = findArgument(findAttribute(f.attributes, 'map'), 'name', true);
      out.push(
        diagnostic('V237', `The field \`${f.name}\` of ${m.kind} \`${m.name}\` uses the column name "${f.dbName}", which the field \`${earlier}\` already uses.`, {
          span: mapped?.span ?? f.nameSpan,
          hint: 'Change one of the `@map` names.',
        }),
      );
    } else columns.set(f.dbName, f.name);
  }
  return out;
}

function enumClashes(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, string>();
  for (const e of ctx.schema.enums) {
    const earlier = names.get(e.dbName);
    if (earlier !== undefined) {
      out.push(
        diagnostic('V237', `The enum \`${e.name}\` has the database name "${e.dbName}", which the enum \`${earlier}\` already has.`, {
          span: e.nameSpan,
          hint: 'Change one of the `@@map` names.',
        }),
      );
    } else names.set(e.dbName, e.name);
    const stored = new Map<string, string>();
    for (const v of e.values) {
      const first = stored.get(v.dbName);
      if (first !== undefined) {
        out.push(
          diagnostic('V237', `The values \`${first}\` and \`${v.name}\` of enum \`${e.name}\` are both stored as "${v.dbName}".`, {
            span: v.span,
            hint: 'Give each value its own `@map` name: the generated client could not tell them apart.',
          }),
        );
      } else stored.set(v.dbName, v.name);
    }
  }
  return out;
}
