/**
 * Relations, beyond the pairing done in relations.ts (missing opposite fields, ambiguity, which side holds the key):
 * `fields` and `references` name existing scalar fields, have the same length and matching types, and reference a
 * unique criterion; the relation field's arity fits its scalars; SetNull only on optional scalars; a one-to-one
 * relation's scalars are unique; implicit many-to-many relations join models with a single-field id; relations
 * to `@@ignore`d models are ignored too.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Field, Model, RelationField } from '../model.js';
import { closest } from '../parse.js';
import { argumentSpan, nameList, type ValidationContext } from './context.js';
import { uniqueCriteria } from './keys.js';

export function validateRelations(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    for (const field of model.fields) {
      if (field.kind !== 'relation') continue;
      const target = ctx.models.get(field.target);
      if (!target) continue;
      out.push(...relationName(model, field));
      out.push(...ignoredTarget(model, field, target));
      if (field.arity !== 'list' && (field.fields !== undefined || field.references !== undefined)) {
        out.push(...foreignKey(model, field, target, ctx));
      }
    }
  }
  out.push(...oneToOneUniqueness(ctx));
  out.push(...manyToManyIds(ctx));
  return out;
}

function relationName(model: Model, field: RelationField): Diagnostic[] {
  if (field.relationName === undefined || field.relationName.trim() !== '') return [];
  return [diagnostic('V225', `The relation name of \`${model.name}.${field.name}\` is empty.`, { span: field.relationSpan ?? field.nameSpan, hint: 'Give the relation a name, or remove the empty string.' })];
}

function ignoredTarget(model: Model, field: RelationField, target: Model): Diagnostic[] {
  if (!target.ignored || field.ignored || model.ignored) return [];
  return [
    diagnostic('V240', `The relation field \`${model.name}.${field.name}\` points to \`${target.name}\`, which is \`@@ignore\`d.`, {
      span: field.nameSpan,
      related: [{ span: target.nameSpan, message: `\`${target.name}\` is ignored` }],
    }),
  ];
}

/** The side that holds the foreign key: its `fields` and `references`. */
function foreignKey(model: Model, field: RelationField, target: Model, ctx: ValidationContext): Diagnostic[] {
  const at = field.relationSpan ?? field.nameSpan;
  const fields = field.fields ?? [];
  const references = field.references ?? [];
  const out: Diagnostic[] = [];
  if (fields.length === 0) {
    out.push(diagnostic('V233', `The relation field \`${model.name}.${field.name}\` must list its scalar fields in \`fields: [...]\`.`, { span: at, hint: `For example \`@relation(fields: [${field.name}Id], references: [id])\`.` }));
  }
  if (references.length === 0) {
    out.push(diagnostic('V233', `The relation field \`${model.name}.${field.name}\` must list the referenced fields of \`${target.name}\` in \`references: [...]\`.`, { span: at, hint: 'For example `references: [id]`.' }));
  }
  if (out.length > 0) return out;

  const local = resolveNames(model, fields, 'fields', field, ctx, out);
  const remote = resolveNames(target, references, 'references', field, ctx, out);
  if (fields.length !== references.length) {
    out.push(
      diagnostic('V216', `\`${model.name}.${field.name}\` lists ${fields.length} field${fields.length === 1 ? '' : 's'} but ${references.length} reference${references.length === 1 ? '' : 's'}.`, {
        span: at,
      }),
    );
  }
  if (!local || !remote) return out;

  if (fields.length === references.length) {
    local.forEach((f, i) => {
      const r = remote[i]!;
      if (sameType(f, r)) return;
      out.push(
        diagnostic('V217', `\`${model.name}.${f.name}\` is ${typeName(f)}, but the field it references, \`${target.name}.${r.name}\`, is ${typeName(r)}.`, {
          span: ctx.narrow(argumentSpan(field, 'relation', 'fields', at), f.name),
          hint: `Make \`${f.name}\` ${typeName(r)} as well.`,
        }),
      );
    });
  }
  const referenced = new Set(references);
  if (!uniqueCriteria(target).some((c) => c.length === referenced.size && c.every((n) => referenced.has(n)))) {
    out.push(
      diagnostic('V218', `\`${model.name}.${field.name}\` references ${nameList(references)} of \`${target.name}\`, which ${references.length === 1 ? 'is' : 'are'} not unique.`, {
        span: ctx.narrow(argumentSpan(field, 'relation', 'references', at), references[0]!),
        hint: references.length === 1 ? `Reference the id, or add \`@unique\` to \`${target.name}.${references[0]}\`.` : `Reference the id, or add \`@@unique([${references.join(', ')}])\` to \`${target.name}\`.`,
      }),
    );
  }
  const optional = local.filter((f) => f.arity === 'optional');
  if (field.arity === 'required' && optional.length > 0) {
    out.push(
      diagnostic('V242', `The relation field \`${model.name}.${field.name}\` is required, but its scalar field${optional.length === 1 ? '' : 's'} ${nameList(optional.map((f) => f.name))} ${optional.length === 1 ? 'is' : 'are'} optional.`, {
        span: field.typeSpan,
        hint: `Make the relation optional (\`${field.name} ${field.target}?\`), or make ${nameList(optional.map((f) => f.name))} required.`,
      }),
    );
  }
  const required = local.filter((f) => f.arity === 'required');
  const setNullAllowed = ctx.caps.setNullOnRequired && ctx.relationMode === 'foreignKeys';
  for (const action of ['onDelete', 'onUpdate'] as const) {
    if (field[action] !== 'SetNull' || required.length === 0 || setNullAllowed) continue;
    out.push(
      diagnostic('V220', `\`${action}: SetNull\` on \`${model.name}.${field.name}\` cannot set the required field${required.length === 1 ? '' : 's'} ${nameList(required.map((f) => f.name))} to NULL.`, {
        span: argumentSpan(field, 'relation', action, at),
      }),
    );
  }
  return out;
}

/** Resolves field names to scalar fields, reporting unknown and relation fields. Undefined when any did not resolve. */
function resolveNames(
  model: Model,
  names: readonly string[],
  argument: 'fields' | 'references',
  field: RelationField,
  ctx: ValidationContext,
  out: Diagnostic[],
): Field[] | undefined {
  const resolved: Field[] = [];
  let ok = true;
  const argSpan = argumentSpan(field, 'relation', argument, field.relationSpan ?? field.nameSpan);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      ok = false;
      out.push(diagnostic('V227', `\`${argument}\` of \`${field.name}\` lists \`${name}\` more than once.`, { span: argSpan, hint: 'Remove the repeated field.' }));
      continue;
    }
    seen.add(name);
    const f = ctx.field(model, name);
    if (!f) {
      ok = false;
      if (ctx.isUnresolved(model, name)) continue;
      const suggestion = closest(name, model.fields.filter((x) => x.kind !== 'relation').map((x) => x.name));
      out.push(
        diagnostic('V227', `\`${argument}\` of \`${field.name}\` names \`${name}\`, but ${model.kind} \`${model.name}\` has no such field.`, {
          span: ctx.narrow(argSpan, name),
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : argument === 'fields' ? `Add a scalar field \`${name}\` to \`${model.name}\` to hold the foreign key.` : undefined,
        }),
      );
      continue;
    }
    if (f.kind === 'relation') {
      ok = false;
      out.push(
        diagnostic('V227', `\`${argument}\` of \`${field.name}\` names the relation field \`${model.name}.${name}\`; it must name scalar fields.`, {
          span: ctx.narrow(argSpan, name),
          hint: argument === 'fields' ? 'List the scalar fields that hold the foreign key.' : 'Reference the id or another unique scalar field.',
        }),
      );
      continue;
    }
    resolved.push(f);
  }
  return ok ? resolved : undefined;
}

function sameType(a: Field, b: Field): boolean {
  if (a.kind === 'scalar' && b.kind === 'scalar') return a.type === b.type;
  if (a.kind === 'enum' && b.kind === 'enum') return a.enumName === b.enumName;
  if (a.kind === 'unsupported' && b.kind === 'unsupported') return a.sqlType === b.sqlType;
  return false;
}

function typeName(f: Field): string {
  switch (f.kind) {
    case 'scalar':
      return `\`${f.type}\``;
    case 'enum':
      return `the enum \`${f.enumName}\``;
    case 'unsupported':
      return `\`Unsupported("${f.sqlType}")\``;
    default:
      return 'not a scalar';
  }
}

/** In a one-to-one relation the foreign key side's fields must be unique, or two rows could point to one. */
function oneToOneUniqueness(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of ctx.schema.relations) {
    if (r.kind !== 'OneToOne' || r.fields.length === 0) continue;
    const model = ctx.models.get(r.referencing.model);
    const field = model && ctx.field(model, r.referencing.field);
    if (!model || !field || field.kind !== 'relation') continue;
    if (r.fields.some((n) => !ctx.field(model, n))) continue;
    const fields = new Set(r.fields);
    if (uniqueCriteria(model).some((c) => c.length === fields.size && c.every((n) => fields.has(n)))) continue;
    out.push(
      diagnostic('V221', `The one-to-one relation \`${model.name}.${field.name}\` needs ${r.fields.length === 1 ? `\`${r.fields[0]}\` to be unique` : `[${r.fields.join(', ')}] to be unique together`}.`, {
        span: field.relationSpan ?? field.nameSpan,
        hint:
          r.fields.length === 1
            ? `Add \`@unique\` to \`${model.name}.${r.fields[0]}\`, or make the other side a list for a one-to-many relation.`
            : `Add \`@@unique([${r.fields.join(', ')}])\` to \`${model.name}\`, or make the other side a list for a one-to-many relation.`,
      }),
    );
  }
  return out;
}

/** The join table of an implicit many-to-many relation references each side's single-field id. */
function manyToManyIds(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of ctx.schema.relations) {
    if (r.kind !== 'ManyToMany') continue;
    for (const [side, other] of [
      [r.a, r.b],
      [r.b, r.a],
    ] as const) {
      const model = ctx.models.get(side.model);
      const target = ctx.models.get(other.model);
      const field = model && ctx.field(model, side.field);
      if (!model || !target || !field) continue;
      if (!ctx.caps.implicitManyToMany) {
        out.push(diagnostic('V232', `Implicit many-to-many relations are not supported by ${ctx.caps.displayName}.`, { span: field.nameSpan }));
        continue;
      }
      const pk = target.primaryKey;
      if (target.kind === 'model' && pk && pk.fields.length === 1) continue;
      if (target.kind === 'view') continue; // reported by the view rules
      out.push(
        diagnostic('V234', `The many-to-many relation field \`${model.name}.${field.name}\` points to \`${target.name}\`, which has no single-field \`@id\`.`, {
          span: field.nameSpan,
          hint: pk ? `An implicit join table references one id column. Use an explicit join model for \`${target.name}\`'s compound id.` : `Add an \`@id\` to \`${target.name}\`, or use an explicit join model.`,
        }),
      );
    }
  }
  return out;
}
