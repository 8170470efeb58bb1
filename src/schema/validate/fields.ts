/** Field attributes that only fit some fields: `@updatedAt` on DateTime, `@ignore` where it means something. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Field } from '../model.js';
import { findAttribute, type ValidationContext } from './context.js';

export function validateFieldAttributes(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    for (const field of model.fields) {
      if (field.attributes.length === 0) continue;
      const updatedAt = findAttribute(field.attributes, 'updatedAt');
      if (updatedAt && field.kind !== 'relation' && !isDateTime(field)) {
        out.push(
          diagnostic('V211', `\`@updatedAt\` on \`${model.name}.${field.name}\`, which is ${describeType(field)}.`, {
            span: updatedAt.span,
            hint: field.arity === 'list' ? '`@updatedAt` sets one timestamp: use it on a `DateTime` field that is not a list.' : undefined,
          }),
        );
      }
      const ignore = findAttribute(field.attributes, 'ignore');
      if (ignore && model.ignored) {
        out.push(
          diagnostic('V224', `\`@ignore\` on \`${model.name}.${field.name}\` has no effect: the whole ${model.kind} is ignored.`, {
            span: ignore.span,
            hint: 'Remove `@ignore` from the field (Prisma rejects it here).',
          }),
        );
      }
    }
  }
  return out;
}

function isDateTime(field: Field): boolean {
  return field.kind === 'scalar' && field.type === 'DateTime' && field.arity !== 'list';
}

function describeType(field: Field): string {
  if (field.arity === 'list') return 'a list';
  switch (field.kind) {
    case 'scalar':
      return `a \`${field.type}\``;
    case 'enum':
      return `the enum \`${field.enumName}\``;
    case 'unsupported':
      return 'an `Unsupported` field';
    default:
      return 'not a `DateTime`';
  }
}
