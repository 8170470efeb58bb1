/**
 * Names: Prisma's rules are errors (V222: `-` in names, reserved words, scalar type names); clashes with the
 * generated client only are warnings (V244), because Prisma accepts them (see ../client-names.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { clientNameConflicts, clientTypeNames, modelRenameHint } from '../client-names.js';
import { SCALAR_TYPES } from '../model.js';
import type { ValidationContext } from './context.js';

/** Prisma's reserved model and enum names (psl `reserved_model_names.rs`, prisma-client's denylist). */
const PRISMA_RESERVED = [
  'PrismaClient', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
  'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in',
  'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
];

const PRISMA_RESERVED_NAMES = new Set(PRISMA_RESERVED);
const SCALARS = new Set<string>(SCALAR_TYPES);

interface TypeDeclaration {
  readonly kind: 'model' | 'view' | 'enum' | 'type';
  readonly name: string;
  readonly dbName: string;
  readonly nameSpan: Span;
}

export function validateNames(ctx: ValidationContext): Diagnostic[] {
  const { schema } = ctx;
  const declarations: TypeDeclaration[] = [
    ...schema.models.map((m) => ({ kind: 'model' as const, name: m.name, dbName: m.dbName, nameSpan: m.nameSpan })),
    ...schema.views.map((m) => ({ kind: 'view' as const, name: m.name, dbName: m.dbName, nameSpan: m.nameSpan })),
    ...schema.enums.map((e) => ({ kind: 'enum' as const, name: e.name, dbName: e.dbName, nameSpan: e.nameSpan })),
    ...schema.compositeTypes.map((t) => ({ kind: 'type' as const, name: t.name, dbName: t.name, nameSpan: t.nameSpan })),
  ];
  const out: Diagnostic[] = [];
  for (const d of declarations) out.push(...reservedTypeName(d));
  out.push(...clientClashes(ctx));
  const blocks = [...schema.models, ...schema.views, ...schema.compositeTypes];
  for (const block of blocks) {
    for (const field of block.fields) if (field.name.includes('-')) out.push(dashError('field', field.name, field.nameSpan));
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
  if (!PRISMA_RESERVED_NAMES.has(d.name)) return [];
  return [diagnostic('V222', `The ${d.kind} name \`${d.name}\` is reserved: it is a reserved word.`, { span: d.nameSpan, hint: renameHint(d) })];
}

/** Warnings (V244) for the names the generated client renames or cannot use; Prisma accepts all of them. */
function clientClashes(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of clientTypeNames(ctx.schema)) {
    if (t.clash === undefined) continue;
    out.push(
      diagnostic('V244', `The ${t.kind} name \`${t.name}\` is ${t.clash}: the generated client names its type \`${t.typeName}\`.`, {
        span: t.nameSpan,
        hint: modelRenameHint(t),
      }),
    );
  }
  for (const c of clientNameConflicts(ctx.schema)) {
    out.push(diagnostic('V244', `${c.message} \`codegen generate\` stops here (G508).`, { span: c.span, hint: c.hint, ...(c.related ? { related: c.related } : {}) }));
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
  return d.kind === 'type' ? 'Rename the type.' : modelRenameHint({ kind: d.kind, dbName: d.dbName });
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
