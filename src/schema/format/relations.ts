/**
 * What `prisma format` adds to relations written incompletely, as text insertions into the source, the way Prisma
 * does it before laying the text out:
 * - the missing side of a relation: `posts Post[]` on `User` gets `user User? @relation(fields: [userId],
 *   references: [id])` on `Post`, and a field written on one side only gets its back-relation field;
 * - the scalar fields a relation needs (`userId Int?`), typed like the referenced fields;
 * - a missing `@relation(fields: […], references: […])`, or the missing one of the two arguments.
 *
 * Prisma does this only when the schema resolves (every type, attribute and referenced field is known); so do we
 * (relation-model.ts pairs and classifies the relations with Prisma's rules).
 */
import type { SchemaFileAst } from '../ast.js';
import type { FieldArity } from '../model.js';
import { printAttribute } from './expressions.js';
import { camelCase, pluralize } from './inflect.js';
import { resolveInlineRelations, type InlineRelation, type ResolvedField, type ResolvedModel } from './relation-model.js';

/** Text to insert at an offset of one file (files by their index in the input). */
export interface Insertion {
  readonly file: number;
  readonly offset: number;
  readonly text: string;
}

/** The insertions, by file and offset; none when the schema does not resolve. */
export function missingRelationParts(files: readonly SchemaFileAst[]): Insertion[] {
  const relations = resolveInlineRelations(files);
  if (!relations) return [];
  const fieldBits: Insertion[] = [];
  for (const relation of relations) fieldBits.push(...missingRelationFields(relation), ...missingScalarFields(relation));
  const attributeBits = relations.flatMap(missingRelationAttribute);
  const argumentBits = relations.flatMap(missingRelationArguments);
  // A stable sort: insertions at the same place keep the order Prisma adds them in.
  return [...fieldBits, ...attributeBits, ...argumentBits].sort((a, b) => a.file - b.file || a.offset - b.offset);
}

/** The text of one file with its insertions made. */
export function insertParts(text: string, insertions: readonly Insertion[]): string {
  let out = '';
  let at = 0;
  for (const insertion of insertions) {
    out += text.slice(at, insertion.offset) + insertion.text;
    at = insertion.offset;
  }
  return out + text.slice(at);
}

// ── The insertions ─────────────────────────────────────────────────────────────────────────────────────────

/** Right before the closing brace of a model. */
function endOf(model: ResolvedModel): number {
  return model.block.span.end.offset - 1;
}

function arityMark(arity: FieldArity): string {
  return arity === 'optional' ? '?' : arity === 'list' ? '[]' : '';
}

interface InferredScalar {
  readonly name: string;
  readonly arity: FieldArity;
  readonly blueprint: ResolvedField;
}

/** The scalar fields a relation needs on the referencing side: one per field of the referenced model's first key. */
function inferredScalars(relation: InlineRelation): InferredScalar[] {
  const key = relation.referenced.uniqueCriteria[0] ?? [];
  return key.map((fieldName) => {
    const name = lowerFirst(relation.referenced.name) + upperFirst(fieldName);
    const blueprint = relation.referenced.fields.find((f) => f.name === fieldName)!;
    const existing = relation.referencing.fields.find((f) => f.name === name && f.kind !== 'relation');
    return { name, arity: existing?.arity ?? relation.forward?.field.arity ?? 'optional', blueprint };
  });
}

function fieldsArgument(relation: InlineRelation): string {
  return `fields: [${inferredScalars(relation)
    .map((f) => f.name)
    .join(', ')}]`;
}

function referencesArgument(relation: InlineRelation): string {
  const given = relation.forward?.field.relation?.references;
  const strictKey = relation.referenced.uniqueCriteria.find((key) =>
    key.every((n) => {
      const f = relation.referenced.fields.find((x) => x.name === n)!;
      return f.arity !== 'optional' && f.kind !== 'unsupported';
    }),
  );
  return `references: [${(given ?? strictKey ?? []).join(', ')}]`;
}

function missingRelationFields(relation: InlineRelation): Insertion[] {
  const out: Insertion[] = [];
  const { referencing, referenced } = relation;
  if (!relation.back) {
    const arity = relation.oneToOne ? '?' : '[]';
    const name = relation.oneToOne ? camelCase(referencing.name) : pluralize(camelCase(referencing.name));
    out.push({ file: referenced.file, offset: endOf(referenced), text: `${name} ${referencing.name}${arity} ${referencing.ignored ? '@ignore' : ''}\n` });
  }
  if (!relation.forward) {
    const optional = inferredScalars(relation).some((f) => f.arity === 'optional');
    out.push({
      file: referencing.file,
      offset: endOf(referencing),
      text: `${camelCase(referenced.name)} ${referenced.name}${optional ? '?' : ''} @relation(${fieldsArgument(relation)}, ${referencesArgument(relation)})\n`,
    });
  }
  return out;
}

function missingScalarFields(relation: InlineRelation): Insertion[] {
  if (relation.forward?.field.relation?.fields) return [];
  const out: Insertion[] = [];
  for (const scalar of inferredScalars(relation)) {
    if (relation.referencing.fields.some((f) => f.name === scalar.name && f.kind !== 'relation')) continue;
    // Prisma stops at the first referenced field that is not a built-in scalar (an enum, say).
    if (scalar.blueprint.kind !== 'scalar') break;
    const nativeType = scalar.blueprint.nativeType ? printAttribute(scalar.blueprint.nativeType) : '';
    out.push({
      file: relation.referencing.file,
      offset: endOf(relation.referencing),
      text: `${scalar.name} ${scalar.blueprint.typeName}${arityMark(scalar.arity)} ${nativeType}\n`,
    });
  }
  return out;
}

function missingRelationAttribute(relation: InlineRelation): Insertion[] {
  const forward = relation.forward;
  if (!forward || forward.field.relation?.attribute) return [];
  return [{ file: forward.model.file, offset: forward.field.node.type.span.end.offset, text: ` @relation(${fieldsArgument(relation)}, ${referencesArgument(relation)})` }];
}

function missingRelationArguments(relation: InlineRelation): Insertion[] {
  const forward = relation.forward;
  const attribute = forward?.field.relation?.attribute;
  if (!forward || !attribute) return [];
  const extra = [
    ...(forward.field.relation?.fields ? [] : [fieldsArgument(relation)]),
    ...(forward.field.relation?.references ? [] : [referencesArgument(relation)]),
  ];
  if (extra.length === 0) return [];
  const text = extra.join(', ');
  if (attribute.args.length > 0) return [{ file: forward.model.file, offset: attribute.span.end.offset - 1, text: `, ${text}` }];
  // `@relation()`: Prisma appends `(…)` after the empty parentheses, which it then cannot read; we fill them.
  return [{ file: forward.model.file, offset: attribute.span.end.offset - (attribute.hasParens ? 1 : 0), text: attribute.hasParens ? text : `(${text})` }];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
