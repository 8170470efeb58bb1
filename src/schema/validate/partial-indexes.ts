/**
 * Partial indexes (`where:` on `@unique`, `@@unique` and `@@index`): a preview feature in Prisma, supported on
 * SQLite, PostgreSQL, CockroachDB and SQL Server. The condition must name the model's fields with values that fit.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Field, IndexWhere, Model } from '../model.js';
import type { ValidationContext } from './context.js';

export function validatePartialIndexes(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const model of ctx.schema.models) {
    const wheres = [...model.uniques, ...model.indexes].flatMap((k) => (k.where ? [k.where] : []));
    for (const where of wheres) {
      if (!ctx.previewFeatures.has('partialIndexes')) {
        out.push(
          diagnostic('V239', 'Partial indexes (`where:`) need the `partialIndexes` preview feature.', {
            span: where.span,
            hint: 'Add `previewFeatures = ["partialIndexes"]` to the generator block.',
          }),
        );
      }
      if (!ctx.caps.partialIndexes) {
        out.push(diagnostic('V232', `Partial indexes (\`where:\`) are not supported by ${ctx.caps.displayName}.`, { span: where.span, hint: 'Remove the `where:` argument.' }));
        continue;
      }
      out.push(...checkCondition(model, where, ctx));
    }
  }
  return out;
}

function checkCondition(model: Model, where: IndexWhere, ctx: ValidationContext): Diagnostic[] {
  if (where.kind === 'Raw') {
    return where.sql.trim() === '' ? [diagnostic('V225', 'The condition in `where: raw("…")` is empty.', { span: where.span, hint: 'Write the SQL condition, for example `raw("deletedAt IS NULL")`.' })] : [];
  }
  const out: Diagnostic[] = [];
  for (const c of where.conditions) {
    const field = ctx.field(model, c.field);
    if (!field) {
      if (!ctx.isUnresolved(model, c.field)) {
        out.push(diagnostic('V227', `The \`where:\` condition names the unknown field \`${c.field}\` of \`${model.name}\`.`, { span: c.value.span }));
      }
      continue;
    }
    const problem = valueProblem(field, c.value.kind);
    if (problem) out.push(diagnostic('V225', `The \`where:\` condition on \`${c.field}\`: ${problem}`, { span: c.value.span }));
  }
  return out;
}

/** Why a condition value does not fit the field, or undefined when it does. */
function valueProblem(field: Field, value: string): string | undefined {
  if (value === 'Null') return undefined;
  if (field.kind === 'relation') return 'conditions can only compare scalar fields.';
  if (field.kind === 'enum') return value === 'EnumValue' ? undefined : 'compare an enum field with one of its values.';
  if (field.kind !== 'scalar') return undefined;
  const fits: Record<string, readonly string[]> = {
    String: ['String'],
    Boolean: ['Boolean'],
    Int: ['Number'],
    BigInt: ['Number'],
    Float: ['Number'],
    Decimal: ['Number', 'String'],
    DateTime: ['String'],
  };
  const allowed = fits[field.type];
  if (!allowed || allowed.includes(value)) return undefined;
  return `the field is of type \`${field.type}\`, but the value is ${value === 'EnumValue' ? 'a name' : `a ${value.toLowerCase()}`}.`;
}
