/**
 * Referential actions: each must be supported by the provider (with foreign keys) or by Prisma's emulation
 * (`relationMode = "prisma"`); only the side that holds the foreign key sets them; and with emulation, actions
 * must not cascade around a cycle (Prisma's rule: one relation on the cycle sets both actions to `NoAction`).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ForeignKeyRelation, ReferentialAction, RelationField } from '../model.js';
import { argumentSpan, type ValidationContext } from './context.js';

export function validateReferentialActions(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const allowed = ctx.relationMode === 'prisma' ? ctx.caps.emulatedActions : ctx.caps.foreignKeyActions;
  const manyToManyFields = new Set(
    ctx.schema.relations.flatMap((r) => (r.kind === 'ManyToMany' ? [`${r.a.model}.${r.a.field}`, `${r.b.model}.${r.b.field}`] : [])),
  );
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    for (const field of model.fields) {
      if (field.kind !== 'relation') continue;
      const holdsKey = field.fields !== undefined || field.references !== undefined;
      for (const action of ['onDelete', 'onUpdate'] as const) {
        const value = field[action];
        if (value === undefined) continue;
        const span = argumentSpan(field, 'relation', action, field.relationSpan ?? field.nameSpan);
        if (!holdsKey && !manyToManyFields.has(`${model.name}.${field.name}`)) {
          out.push(
            diagnostic('V235', `\`${model.name}.${field.name}\` sets \`${action}\`, but it does not hold the foreign key.`, {
              span,
              hint: 'Set referential actions on the side with `fields` and `references`.',
            }),
          );
          continue;
        }
        if (!allowed.includes(value)) out.push(unsupportedAction(value, action, allowed, span, ctx));
      }
    }
  }
  if (ctx.relationMode === 'prisma' || ctx.caps.referenceCycleDetection) out.push(...cycles(ctx));
  return out;
}

function unsupportedAction(value: ReferentialAction, action: string, allowed: readonly ReferentialAction[], span: Diagnostic['span'], ctx: ValidationContext): Diagnostic {
  const emulated = ctx.relationMode === 'prisma';
  return diagnostic('V235', `\`${action}: ${value}\` is not supported ${emulated ? 'with `relationMode = "prisma"`' : 'with foreign keys'} on ${ctx.caps.displayName}.`, {
    span,
    hint: `Use one of ${allowed.map((a) => `\`${a}\``).join(', ')}${emulated && value === 'NoAction' && allowed.includes('Restrict') ? ' (`Restrict` is the emulated equivalent of `NoAction`)' : ''}.`,
  });
}

/** Whether an action makes Prisma's emulation touch the child rows (anything but NoAction). */
function triggers(r: ForeignKeyRelation): boolean {
  return r.onDelete !== 'NoAction' || r.onUpdate !== 'NoAction';
}

/**
 * Prisma's cycle rule for emulated relations: starting from each relation, follow relations whose actions
 * trigger, from the referenced model onwards; reaching the start model again (or the relation being a
 * self-relation) is an error on the starting relation.
 */
function cycles(ctx: ValidationContext): Diagnostic[] {
  const complete = ctx.schema.relations.filter((r): r is ForeignKeyRelation => r.kind !== 'ManyToMany' && r.referenced.field !== undefined);
  const from = new Map<string, ForeignKeyRelation[]>();
  for (const r of complete) {
    const list = from.get(r.referencing.model) ?? [];
    list.push(r);
    from.set(r.referencing.model, list);
  }
  const out: Diagnostic[] = [];
  for (const start of complete) {
    const found = findCycle(start, from);
    if (!found) continue;
    const model = ctx.models.get(start.referencing.model);
    const field = model && ctx.field(model, start.referencing.field);
    if (!field || field.kind !== 'relation') continue;
    out.push(cycleDiagnostic(start, field, found));
  }
  return out;
}

function findCycle(start: ForeignKeyRelation, from: ReadonlyMap<string, ForeignKeyRelation[]>): ForeignKeyRelation[] | undefined {
  const parent = start.referencing.model;
  const visited = new Set<ForeignKeyRelation>();
  const stack: { relation: ForeignKeyRelation; path: ForeignKeyRelation[] }[] = [{ relation: start, path: [start] }];
  while (stack.length > 0) {
    const { relation, path } = stack.pop()!;
    visited.add(relation);
    if (!triggers(relation)) continue;
    if (relation === start && relation.isSelf) return path;
    const next = relation.referenced.model;
    if (next === parent) return path;
    for (const r of from.get(next) ?? []) if (!visited.has(r) && !r.isSelf) stack.push({ relation: r, path: [...path, r] });
  }
  return undefined;
}

function cycleDiagnostic(start: ForeignKeyRelation, field: RelationField, path: readonly ForeignKeyRelation[]): Diagnostic {
  const implicit = [
    ...(field.onDelete === undefined && start.onDelete !== 'NoAction' ? [`onDelete: ${start.onDelete}`] : []),
    ...(field.onUpdate === undefined && start.onUpdate !== 'NoAction' ? [`onUpdate: ${start.onUpdate}`] : []),
  ];
  const defaults = implicit.length > 0 ? ` (by default ${implicit.join(' and ')})` : '';
  const message = start.isSelf
    ? `The self-relation \`${start.referencing.model}.${start.referencing.field}\` has referential actions that would cascade into its own table${defaults}; with \`relationMode = "prisma"\` one side of a self-relation must use \`NoAction\`.`
    : `Referential actions cascade around a cycle: ${path.map((r) => `${r.referencing.model}.${r.referencing.field}`).join(' → ')} → ${start.referencing.model}${defaults}.`;
  return diagnostic('V243', message, {
    span: field.relationSpan ?? field.nameSpan,
  });
}
