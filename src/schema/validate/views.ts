/**
 * Views (a preview feature): read-only models over a database view that Migrate never creates. They have no
 * primary key and no indexes, and cannot take part in implicit many-to-many relations (no join table can point at
 * them).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ValidationContext } from './context.js';

export function validateViews(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const views = ctx.schema.views;
  if (views.length === 0) return out;
  if (!ctx.previewFeatures.has('views')) {
    for (const v of views) {
      out.push(
        diagnostic('V239', `The view \`${v.name}\` needs the \`views\` preview feature.`, {
          span: v.nameSpan,
          hint: 'Add `previewFeatures = ["views"]` to the generator block.',
        }),
      );
    }
  }
  for (const v of views) {
    if (v.primaryKey) {
      out.push(diagnostic('V238', `The view \`${v.name}\` has a primary key; views cannot have one.`, { span: v.primaryKey.span, hint: 'Use `@unique` (or `@@unique`) to identify rows of a view.' }));
    }
    for (const index of v.indexes) {
      out.push(diagnostic('V238', `The view \`${v.name}\` has an index; views cannot have indexes.`, { span: index.span, hint: 'Remove the index; index the underlying tables instead.' }));
    }
  }
  for (const r of ctx.schema.relations) {
    if (r.kind !== 'ManyToMany') continue;
    for (const side of [r.a, r.b]) {
      const model = ctx.models.get(side.model);
      const other = ctx.models.get(side === r.a ? r.b.model : r.a.model);
      if (model?.kind !== 'view' && other?.kind !== 'view') continue;
      const field = model && ctx.field(model, side.field);
      if (!field) continue;
      out.push(
        diagnostic('V238', `\`${side.model}.${side.field}\` is part of an implicit many-to-many relation with a view; views cannot take part in one.`, {
          span: field.nameSpan,
          hint: 'Use an explicit relation model instead, or a one-to-many relation.',
        }),
      );
    }
  }
  return out;
}
