/**
 * Keys and indexes: every model needs a unique criterion over required fields; ids hold required fields; every
 * field an `@@id`, `@@unique`, `@@index` or `@@fulltext` lists exists, is a scalar field, and is listed once.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import type { IndexField, Model } from '../model.js';
import { closest } from '../parse.js';
import type { ValidationContext } from './context.js';

/** A key or index as written, with the attribute it came from (`@@unique`, `@id`, …). */
export interface KeyLike {
  readonly attribute: string;
  readonly fields: readonly IndexField[];
  readonly span: Span;
}

/** Every key and index of a model, with its attribute name, in declaration order of kind. */
export function keysOf(model: Model): KeyLike[] {
  const keys: KeyLike[] = [];
  if (model.primaryKey) keys.push({ attribute: model.primaryKey.source === 'block' ? '@@id' : '@id', fields: model.primaryKey.fields, span: model.primaryKey.span });
  for (const u of model.uniques) keys.push({ attribute: u.source === 'block' ? '@@unique' : '@unique', fields: u.fields, span: u.span });
  for (const i of model.indexes) keys.push({ attribute: i.kind === 'fulltext' ? '@@fulltext' : '@@index', fields: i.fields, span: i.span });
  return keys;
}

export function validateKeys(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    let referencesOk = true;
    for (const key of keysOf(model)) {
      const problems = checkFieldReferences(model, key, ctx);
      if (problems.length > 0) referencesOk = false;
      out.push(...problems);
    }
    const idProblems = checkIdArity(model, ctx);
    out.push(...idProblems);
    // A model whose keys name unknown fields, or whose id holds an optional field, already has an error that explains it.
    if (model.kind === 'model' && !model.ignored && referencesOk && idProblems.length === 0 && !hasStrictUniqueCriterion(model, ctx)) {
      out.push(
        diagnostic('V208', `The model \`${model.name}\` has no unique criterion over required fields.`, {
          span: model.nameSpan,
          ...(looseCriteria(model).length > 0
            ? { hint: `Make the fields of ${looseCriteria(model).join(' or ')} required, or add an \`@id\` (or \`@@ignore\` the model).` }
            : {}),
        }),
      );
    }
  }
  return out;
}

function checkFieldReferences(model: Model, key: KeyLike, ctx: ValidationContext): Diagnostic[] {
  if (key.attribute === '@id' || key.attribute === '@unique') return [];
  if (key.fields.length === 0) {
    return [diagnostic('V225', `The list of fields of \`${key.attribute}\` on \`${model.name}\` is empty.`, { span: key.span, hint: 'Name at least one field.' })];
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const ref of key.fields) {
    if (seen.has(ref.name)) {
      out.push(diagnostic('V227', `\`${key.attribute}\` lists the field \`${ref.name}\` more than once.`, { span: ref.span, hint: 'Remove the repeated field.' }));
      continue;
    }
    seen.add(ref.name);
    const field = ctx.field(model, ref.name);
    if (!field) {
      if (ctx.isUnresolved(model, ref.name)) continue;
      const suggestion = closest(ref.name, model.fields.filter((f) => f.kind !== 'relation').map((f) => f.name));
      out.push(
        diagnostic('V227', `\`${key.attribute}\` on ${model.kind} \`${model.name}\` refers to the unknown field \`${ref.name}\`.`, {
          span: ref.span,
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : undefined,
        }),
      );
      continue;
    }
    if (field.kind === 'relation') {
      const scalars = field.fields ?? [];
      out.push(
        diagnostic('V227', `\`${key.attribute}\` refers to the relation field \`${ref.name}\`; keys and indexes hold scalar fields only.`, {
          span: ref.span,
          hint: scalars.length > 0 ? `Did you mean \`${key.attribute}([${scalars.join(', ')}])\`?` : 'List the scalar fields that hold the foreign key.',
        }),
      );
    }
  }
  return out;
}

function checkIdArity(model: Model, ctx: ValidationContext): Diagnostic[] {
  const pk = model.primaryKey;
  if (!pk) return [];
  const out: Diagnostic[] = [];
  for (const ref of pk.fields) {
    const field = ctx.field(model, ref.name);
    if (!field || field.kind === 'relation' || field.arity === 'required') continue;
    out.push(
      diagnostic('V228', `The id of ${model.kind} \`${model.name}\` includes \`${field.name}\`, which is ${field.arity === 'list' ? 'a list' : 'optional'}.`, {
        span: pk.source === 'field' ? field.typeSpan : ref.span,
        hint: field.arity === 'list' ? 'An id field holds one value: remove `[]`.' : 'Make the field required: remove the `?`.',
      }),
    );
  }
  return out;
}

/** The fields of the id and of each unique constraint (unresolved keys included: they are reported elsewhere). */
export function uniqueCriteria(model: Model): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  if (model.primaryKey) out.push(model.primaryKey.fields.map((f) => f.name));
  for (const u of model.uniques) out.push(u.fields.map((f) => f.name));
  return out;
}

/** Whether some id or unique constraint holds only required, supported scalar fields. */
function hasStrictUniqueCriterion(model: Model, ctx: ValidationContext): boolean {
  return uniqueCriteria(model).some(
    (fields) =>
      fields.length > 0 &&
      fields.every((name) => {
        const f = ctx.field(model, name);
        if (!f) return ctx.isUnresolved(model, name);
        return f.kind !== 'relation' && f.kind !== 'unsupported' && f.arity === 'required';
      }),
  );
}

function looseCriteria(model: Model): string[] {
  return uniqueCriteria(model)
    .filter((c) => c.length > 0)
    .map((c) => (c.length === 1 ? `\`${c[0]}\`` : `[${c.join(', ')}]`));
}
