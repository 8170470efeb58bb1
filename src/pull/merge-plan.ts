/**
 * The edits a re-pull makes to the user's models, collected per model and per field before any text is touched, so
 * that two reasons to edit one field (a new default and a new `@unique`) become one edit.
 */
import type { AttributeNode } from '../schema/ast.js';
import { argumentText } from '../schema/attributes.js';
import type { Field, FieldArity, Model, RelationField } from '../schema/model.js';
import type { MergeSummary } from './merge.js';
import type { PulledModel, PulledRelationField, PulledView } from './model.js';

export interface FieldPlan {
  /** The new type, without `?`/`[]`. */
  type?: string;
  arity?: FieldArity;
  /** Set (true) or remove (false) the field's `@id`. */
  id?: boolean;
  /** Replace the `@default` with this argument, or remove it (null). */
  default?: string | null;
  /** Remove `@updatedAt` (the column is no longer a DateTime). */
  updatedAt?: false;
  /** Replace the `@relation(…)` attribute with this text. */
  relation?: string;
  /** Set or remove `@ignore`. */
  ignore?: boolean;
  /** Attributes to remove (a `@unique` whose index is gone). */
  readonly dropNodes: AttributeNode[];
  /** Attributes to add, as text. */
  readonly add: string[];
}

export interface ModelPlan {
  readonly model: Model;
  readonly removedFields: Set<Field>;
  readonly fields: Map<Field, FieldPlan>;
  /** New field lines after the named field ('' for the top of the model). */
  readonly inserts: Map<string, string[]>;
  /** New relation field lines, after the last field. */
  readonly appendFields: string[];
  readonly dropBlock: AttributeNode[];
  readonly addBlock: string[];
  /** `add`: the table lost its last unique criterion; `removeIfOurs`: it has one again (only our own `@@ignore` goes). */
  ignore?: 'add' | 'removeIfOurs';
  /** The comment lines that explain an added `@@ignore`. */
  ignoreComment?: readonly string[];
  removeField(field: Field): void;
  insertAfter(field: string, line: string): void;
}

export interface MergePlan {
  readonly models: Map<Model, ModelPlan>;
  readonly removedModels: Set<Model>;
  readonly newModels: PulledModel[];
  views: readonly PulledView[];
  modelPlan(model: Model): ModelPlan;
  readonly summary: MergeSummary;
}

export function emptyPlan(): MergePlan {
  const models = new Map<Model, ModelPlan>();
  const removedModels = new Set<Model>();
  const newModels: PulledModel[] = [];
  const plan: MergePlan = {
    models,
    removedModels,
    newModels,
    views: [],
    modelPlan(model) {
      let p = models.get(model);
      if (!p) {
        p = modelPlan(model);
        models.set(model, p);
      }
      return p;
    },
    get summary(): MergeSummary {
      return {
        addedModels: newModels.map((m) => m.name),
        removedModels: [...removedModels].map((m) => m.name),
        changedModels: [...models.values()].filter((p) => !removedModels.has(p.model) && isChanging(p)).map((p) => p.model.name),
      };
    },
  };
  return plan;
}

function modelPlan(model: Model): ModelPlan {
  const inserts = new Map<string, string[]>();
  const removedFields = new Set<Field>();
  return {
    model,
    removedFields,
    fields: new Map(),
    inserts,
    appendFields: [],
    dropBlock: [],
    addBlock: [],
    removeField(field) {
      removedFields.add(field);
    },
    insertAfter(field, line) {
      inserts.set(field, [...(inserts.get(field) ?? []), line]);
    },
  };
}

function isChanging(p: ModelPlan): boolean {
  return p.removedFields.size > 0 || p.fields.size > 0 || p.inserts.size > 0 || p.appendFields.length > 0 || p.dropBlock.length > 0 || p.addBlock.length > 0 || p.ignore === 'add';
}

export function fieldPlanOf(plan: ModelPlan, field: Field): FieldPlan {
  let p = plan.fields.get(field);
  if (!p) {
    p = { dropNodes: [], add: [] };
    plan.fields.set(field, p);
  }
  return p;
}

/**
 * The user's `@relation(…)` with the referential actions the database has, or undefined when they already mean the
 * same (Prisma's defaults depend on the field's arity: Restrict or SetNull on delete, Cascade on update). Every
 * other argument, and an action that is still right, stays as written.
 */
export function relationWithActions(field: RelationField, arity: FieldArity, pulled: PulledRelationField): string | undefined {
  const node = field.attributes.find((a) => a.name === 'relation');
  const defaults = { onDelete: arity === 'required' ? 'Restrict' : 'SetNull', onUpdate: 'Cascade' } as const;
  const pulledDefaults = { onDelete: pulled.arity === 'required' ? 'Restrict' : 'SetNull', onUpdate: 'Cascade' } as const;
  let changed = false;
  const args = [...(node?.args ?? [])].map(argumentText);
  for (const action of ['onDelete', 'onUpdate'] as const) {
    const current = field[action] ?? defaults[action];
    const wanted = pulled[action] ?? pulledDefaults[action];
    if (current === wanted) continue;
    changed = true;
    const at = (node?.args ?? []).findIndex((a) => a.name === action);
    const text = wanted === defaults[action] ? undefined : `${action}: ${wanted}`;
    if (at === -1 && text !== undefined) args.push(text);
    else if (at !== -1) args[at] = text ?? '';
  }
  return changed ? `@relation(${args.filter((a) => a !== '').join(', ')})` : undefined;
}
