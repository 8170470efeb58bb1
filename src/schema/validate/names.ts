/**
 * Names that the generated client cannot use: reserved words, `-` in names, and names that clash with what the
 * client generates (model accessors, per-model input types, filter combinators).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { SCALAR_TYPES } from '../model.js';
import type { ValidationContext } from './context.js';

/** Prisma's reserved model and enum names (psl `reserved_model_names.rs`, prisma-client's denylist). */
const PRISMA_RESERVED = [
  'PrismaClient', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in',
  'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
];

/**
 * Type names the generated client refers to, which a model or enum of the same name would shadow: TypeScript's
 * primitive type names and the global types that field types and inputs are written with.
 */
export const CLIENT_RESERVED = [
  'any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown',
  'Array', 'Date', 'Omit', 'Partial', 'Pick', 'Promise', 'Readonly', 'Record', 'Uint8Array',
];

/** The per-model types of the generated client, as `<Model><suffix>`. */
export const CLIENT_TYPE_SUFFIXES = ['Create', 'Update', 'WhereInput', 'WhereUniqueInput', 'OrderBy', 'Select', 'Include'];

/** Field names that clash with the filter combinators of `<Model>WhereInput`. */
export const RESERVED_FIELD_NAMES = ['AND', 'OR', 'NOT'];

const RESERVED_TYPE_NAMES = new Set([...PRISMA_RESERVED, ...CLIENT_RESERVED]);
const SCALARS = new Set<string>(SCALAR_TYPES);

interface TypeDeclaration {
  readonly kind: 'model' | 'view' | 'enum' | 'type';
  readonly name: string;
  readonly nameSpan: Span;
}

export function validateNames(ctx: ValidationContext): Diagnostic[] {
  const { schema } = ctx;
  const declarations: TypeDeclaration[] = [
    ...schema.models.map((m) => ({ kind: 'model' as const, name: m.name, nameSpan: m.nameSpan })),
    ...schema.views.map((m) => ({ kind: 'view' as const, name: m.name, nameSpan: m.nameSpan })),
    ...schema.enums.map((e) => ({ kind: 'enum' as const, name: e.name, nameSpan: e.nameSpan })),
    ...schema.compositeTypes.map((t) => ({ kind: 'type' as const, name: t.name, nameSpan: t.nameSpan })),
  ];
  const out: Diagnostic[] = [];
  for (const d of declarations) out.push(...reservedTypeName(d));
  out.push(...clientClashes(declarations));
  const blocks = [...schema.models, ...schema.views, ...schema.compositeTypes];
  for (const block of blocks) {
    for (const field of block.fields) {
      if (field.name.includes('-')) out.push(dashError('field', field.name, field.nameSpan));
      if (RESERVED_FIELD_NAMES.includes(field.name)) {
        out.push(
          diagnostic('V222', `The field name \`${field.name}\` is reserved: it would clash with the \`${field.name}\` filter of the generated client.`, {
            span: field.nameSpan,
            hint: `Rename the field, and keep the column name with \`@map("${field.name}")\`.`,
          }),
        );
      }
    }
  }
  for (const e of schema.enums) {
    for (const v of e.values) if (v.name.includes('-')) out.push(dashError('enum value', v.name, v.span));
  }
  return out;
}

function reservedTypeName(d: TypeDeclaration): Diagnostic[] {
  if (d.name.includes('-')) return [dashError(d.kind, d.name, d.nameSpan)];
  if (SCALARS.has(d.name)) {
    return [diagnostic('V222', `\`${d.name}\` is a scalar type and cannot be the name of ${article(d.kind)} ${d.kind}.`, { span: d.nameSpan, hint: renameHint(d) })];
  }
  if (!RESERVED_TYPE_NAMES.has(d.name)) return [];
  const why = PRISMA_RESERVED.includes(d.name) ? 'a reserved word' : 'a type name the generated client uses';
  return [diagnostic('V222', `The ${d.kind} name \`${d.name}\` is reserved: it is ${why}.`, { span: d.nameSpan, hint: renameHint(d) })];
}

/** Two models with the same accessor (`User` and `user`), or a name equal to a generated type (`UserCreate`). */
function clientClashes(declarations: readonly TypeDeclaration[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const accessors = new Map<string, TypeDeclaration>();
  const models = new Map<string, TypeDeclaration>();
  for (const d of declarations) {
    if (d.kind !== 'model' && d.kind !== 'view') continue;
    const accessor = lowerFirst(d.name);
    const earlier = accessors.get(accessor);
    if (earlier && earlier.name !== d.name) {
      out.push(
        diagnostic('V222', `The ${d.kind} \`${d.name}\` and the ${earlier.kind} \`${earlier.name}\` would both be \`client.${accessor}\` in the generated client.`, {
          span: d.nameSpan,
          hint: renameHint(d),
          related: [{ span: earlier.nameSpan, message: `the ${earlier.kind} \`${earlier.name}\`` }],
        }),
      );
    } else if (!earlier) accessors.set(accessor, d);
    models.set(d.name, d);
  }
  for (const d of declarations) {
    // `UserCreate` clashes when a model `User` exists.
    const suffix = CLIENT_TYPE_SUFFIXES.find((s) => d.name.length > s.length && d.name.endsWith(s) && models.has(d.name.slice(0, -s.length)));
    const owner = suffix ? models.get(d.name.slice(0, -suffix.length)) : undefined;
    if (!owner || owner === d) continue;
    out.push(
      diagnostic('V222', `The ${d.kind} name \`${d.name}\` clashes with the type \`${d.name}\` that the generated client declares for the ${owner.kind} \`${owner.name}\`.`, {
        span: d.nameSpan,
        hint: renameHint(d),
        related: [{ span: owner.nameSpan, message: `the ${owner.kind} \`${owner.name}\`` }],
      }),
    );
  }
  return out;
}

function dashError(kind: string, name: string, span: Span): Diagnostic {
  return diagnostic('V222', `The ${kind} name \`${name}\` contains \`-\`, which is not allowed in ${kind} names.`, {
    span,
    hint: `Write it as \`${name.replace(/-+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}\`${kind === 'enum value' ? ', and keep the stored value with `@map("…")`' : ''}.`,
  });
}

function renameHint(d: TypeDeclaration): string {
  return d.kind === 'model' || d.kind === 'view'
    ? `Rename the ${d.kind}, and keep the table name with \`@@map("${d.name}")\`.`
    : d.kind === 'enum'
      ? `Rename the enum, and keep the database name with \`@@map("${d.name}")\`.`
      : 'Rename the type.';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
