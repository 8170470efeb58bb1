/**
 * Pairs relation fields into relations and classifies them (1-1, 1-n, implicit m-n), with Prisma's rules for
 * relation names, join tables and default referential actions.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { ForeignKeyRelation, ManyToManyRelation, Model, ReferentialAction, Relation, RelationField } from './model.js';
import { defined } from '../defined.js';

interface Side {
  readonly model: Model;
  readonly field: RelationField;
}

/** Prisma's generated relation name: the two model names in alphabetical order, joined by `To`. */
export function defaultRelationName(a: string, b: string): string {
  return a < b ? `${a}To${b}` : `${b}To${a}`;
}

export function pairRelations(models: readonly Model[], unresolved: ReadonlySet<string>): { relations: Relation[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const relations: Relation[] = [];
  const modelsWithUnresolved = new Set([...unresolved].map((u) => u.slice(0, u.indexOf('.'))));
  // Group relation fields by the unordered model pair and the relation name.
  const groups = new Map<string, Side[]>();
  const order: string[] = [];
  for (const model of models) {
    // Indexed: this visits every field, and `for … of` costs an iterator step per field in unoptimised code.
    const fields = model.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field.kind !== 'relation') continue;
      const ordered = model.name < field.target;
      const key = `${ordered ? model.name : field.target}\u0000${ordered ? field.target : model.name}\u0000${field.relationName ?? ''}`;
      let list = groups.get(key);
      if (!list) {
        list = [];
        groups.set(key, list);
        order.push(key);
      }
      list.push({ model, field });
    }
  }

  for (const key of order) {
    const sides = groups.get(key)!;
    const first = sides[0]!;
    const explicitName = first.field.relationName;
    if (sides.length > 2) {
      const pair = first.model.name === first.field.target ? `\`${first.model.name}\` to itself` : `\`${first.model.name}\` and \`${first.field.target}\``;
      for (const s of sides) {
        diagnostics.push(
          diagnostic(
            'V219',
            explicitName === undefined
              ? `Ambiguous relation between ${pair}: \`${s.model.name}.${s.field.name}\` is one of ${sides.length} relation fields without a name.`
              : `The relation \`${explicitName}\` has ${sides.length} fields; a relation connects exactly two.`,
            { span: s.field.nameSpan },
          ),
        );
      }
      continue;
    }
    if (sides.length === 2 && explicitName === undefined && first.model.name === first.field.target) {
      // Prisma cannot tell whether two unnamed fields of a model pointing to itself are one relation or two.
      const [a, b] = sides as [Side, Side];
      for (const s of [a, b]) {
        diagnostics.push(
          diagnostic('V219', `Ambiguous self-relation: the fields \`${a.field.name}\` and \`${b.field.name}\` of \`${s.model.name}\` both point to \`${s.model.name}\` without a relation name.`, {
            span: s.field.nameSpan,
            hint: `If they are the two sides of one relation, give both the same name: \`@relation("${s.model.name}Tree")\`.`,
          }),
        );
      }
      continue;
    }
    if (sides.length === 1) {
      const s = first;
      // A field whose opposite failed to resolve is not reported twice.
      if (!modelsWithUnresolved.has(s.field.target)) {
        const isSelf = s.model.name === s.field.target;
        diagnostics.push(
          diagnostic(
            'V215',
            isSelf
              ? `The self-relation field \`${s.model.name}.${s.field.name}\` has no opposite field.`
              : `The relation field \`${s.field.name}\` on model \`${s.model.name}\` is missing an opposite relation field on the model \`${s.field.target}\`.`,
            {
              span: s.field.nameSpan,
              hint: isSelf
                ? `Add the other side on \`${s.model.name}\` with the same relation name, for example \`${lowerFirst(s.model.name)}s ${s.model.name}[]${explicitName ? ` @relation("${explicitName}")` : ''}\`. \`codegen format\` adds it.`
                : `Add a field of type \`${s.model.name}\`${s.field.arity === 'list' ? '[] or `' + s.model.name + '?`' : '[]'} to \`${s.field.target}\`${explicitName ? ` with \`@relation("${explicitName}")\`` : ''}, or run \`codegen format\` to add it.`,
            },
          ),
        );
      }
      continue;
    }
    const [s1, s2] = sides as [Side, Side];
    const relation = classify(s1, s2, explicitName, diagnostics);
    if (relation) relations.push(relation);
  }
  return { relations, diagnostics };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function classify(s1: Side, s2: Side, explicitName: string | undefined, diagnostics: Diagnostic[]): Relation | undefined {
  const isSelf = s1.model.name === s2.model.name;
  const name = explicitName ?? defaultRelationName(s1.model.name, s1.field.target);
  const list1 = s1.field.arity === 'list';
  const list2 = s2.field.arity === 'list';
  if (list1 && list2) {
    for (const s of [s1, s2]) {
      if (s.field.fields || s.field.references || s.field.onDelete || s.field.onUpdate) {
        diagnostics.push(
          diagnostic('V234', `The implicit many-to-many relation field \`${s.model.name}.${s.field.name}\` must not set \`fields\`, \`references\`, \`onDelete\` or \`onUpdate\`.`, {
            span: s.field.relationSpan ?? s.field.nameSpan,
            hint: 'Remove them: Prisma manages the join table. For your own join table, declare an explicit model.',
          }),
        );
      }
    }
    // Column A references the first model alphabetically; for self relations, the first field name.
    const [a, b] = (isSelf ? s1.field.name <= s2.field.name : s1.model.name <= s2.model.name) ? [s1, s2] : [s2, s1];
    const relation: ManyToManyRelation = {
      kind: 'ManyToMany',
      name,
      explicitName: explicitName !== undefined,
      isSelf,
      joinTable: `_${name}`,
      a: { model: a.model.name, field: a.field.name },
      b: { model: b.model.name, field: b.field.name },
    };
    return relation;
  }
  // One side must hold the foreign key: the one with `fields`/`references`, never the list side.
  const holds = (s: Side): boolean => s.field.fields !== undefined || s.field.references !== undefined;
  let referencing: Side;
  let referenced: Side;
  if (list1 || list2) {
    [referenced, referencing] = list1 ? [s1, s2] : [s2, s1];
    if (holds(referenced)) {
      diagnostics.push(
        diagnostic('V233', `The list field \`${referenced.model.name}.${referenced.field.name}\` cannot hold the foreign key (\`fields\`/\`references\`).`, {
          span: referenced.field.relationSpan ?? referenced.field.nameSpan,
          hint: `Move \`fields\` and \`references\` to \`${referencing.model.name}.${referencing.field.name}\`.`,
        }),
      );
      return undefined;
    }
    if (!holds(referencing)) {
      diagnostics.push(missingFieldsDiagnostic(referencing));
      return undefined;
    }
  } else {
    const h1 = holds(s1);
    const h2 = holds(s2);
    if (h1 && h2) {
      diagnostics.push(
        diagnostic('V233', `Both sides of the one-to-one relation \`${name}\` define \`fields\` and \`references\`.`, {
          span: s2.field.relationSpan ?? s2.field.nameSpan,
          hint: 'Keep them on the side that holds the foreign key only.',
          related: [{ span: s1.field.relationSpan ?? s1.field.nameSpan, message: 'the other side' }],
        }),
      );
      return undefined;
    }
    if (!h1 && !h2) {
      diagnostics.push(
        diagnostic('V233', `The one-to-one relation between \`${s1.model.name}.${s1.field.name}\` and \`${s2.model.name}.${s2.field.name}\` needs \`fields\` and \`references\` on one side.`, {
          span: s2.field.nameSpan,
          hint: `Add \`@relation(fields: [${lowerFirst(s2.field.target)}Id], references: [id])\` on the side that should hold the foreign key.`,
          related: [{ span: s1.field.nameSpan, message: 'the other side' }],
        }),
      );
      return undefined;
    }
    [referencing, referenced] = h1 ? [s1, s2] : [s2, s1];
    if (referenced.field.arity === 'required') {
      diagnostics.push(
        diagnostic('V233', `The side of a one-to-one relation without the foreign key must be optional: make \`${referenced.model.name}.${referenced.field.name}\` optional (\`${referenced.field.target}?\`).`, {
          span: referenced.field.typeSpan,
          hint: `Write \`${referenced.field.name} ${referenced.field.target}?\`.`,
        }),
      );
    }
  }
  const fields = referencing.field.fields ?? [];
  const references = referencing.field.references ?? [];
  const fkRelation: ForeignKeyRelation = defined({
    kind: list1 || list2 ? 'OneToMany' : 'OneToOne',
    name,
    explicitName: explicitName !== undefined,
    isSelf,
    referencing: { model: referencing.model.name, field: referencing.field.name },
    referenced: { model: referenced.model.name, field: referenced.field.name },
    fields,
    references,
    onDelete: referencing.field.onDelete ?? defaultOnDelete(referencing.field),
    onUpdate: referencing.field.onUpdate ?? 'Cascade',
    fkName: referencing.field.fkName,
  });
  return fkRelation;
}

function missingFieldsDiagnostic(s: Side): Diagnostic {
  return diagnostic('V233', `The relation field \`${s.model.name}.${s.field.name}\` must define \`fields\` and \`references\`.`, {
    span: s.field.nameSpan,
    hint: `For example \`${s.field.name} ${s.field.target}${s.field.arity === 'optional' ? '?' : ''} @relation(fields: [${s.field.name}Id], references: [id])\`, with a scalar field \`${s.field.name}Id\`.`,
  });
}

/** Prisma's default: Restrict when the relation is required, SetNull when it is optional. */
export function defaultOnDelete(field: RelationField): ReferentialAction {
  return field.arity === 'required' ? 'Restrict' : 'SetNull';
}
