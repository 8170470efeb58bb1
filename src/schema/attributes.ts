/**
 * Attribute signatures and argument binding: which attributes exist where, which arguments each accepts, and
 * how arguments decode into typed values. Reports unknown attributes, unknown/duplicate/missing arguments.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Argument, AttributeNode, Expr } from './ast.js';
import type { DefaultValue, IndexField, IndexWhere, ReferentialAction, SortOrder } from './model.js';
import { REFERENTIAL_ACTIONS } from './model.js';
import { closest } from './parse.js';
import { defined } from '../defined.js';

export interface AttributeSignature {
  /** The name of the argument that may be given without a name (`@@index([a])` → `fields`). */
  readonly positional?: string;
  readonly named: readonly string[];
  /** Whether the positional argument is required. */
  readonly required?: boolean;
}

const KEY_ARGS = ['map', 'length', 'sort', 'clustered'];

export const FIELD_ATTRIBUTES: Record<string, AttributeSignature> = {
  id: { named: KEY_ARGS },
  default: { positional: 'value', named: ['value', 'map'], required: true },
  unique: { named: [...KEY_ARGS, 'where'] },
  relation: { positional: 'name', named: ['name', 'fields', 'references', 'onDelete', 'onUpdate', 'map'] },
  map: { positional: 'name', named: ['name'], required: true },
  updatedAt: { named: [] },
  ignore: { named: [] },
  shardKey: { named: [] },
};

export const BLOCK_ATTRIBUTES: Record<string, AttributeSignature> = {
  id: { positional: 'fields', named: ['fields', 'name', ...KEY_ARGS], required: true },
  unique: { positional: 'fields', named: ['fields', 'name', ...KEY_ARGS, 'where'], required: true },
  index: { positional: 'fields', named: ['fields', 'name', 'map', 'type', 'clustered', 'where', 'length', 'sort', 'ops'], required: true },
  fulltext: { positional: 'fields', named: ['fields', 'map'], required: true },
  map: { positional: 'name', named: ['name'], required: true },
  ignore: { named: [] },
  schema: { positional: 'name', named: ['name'], required: true },
  shardKey: { positional: 'fields', named: ['fields'], required: true },
};

export const ENUM_VALUE_ATTRIBUTES: Record<string, AttributeSignature> = {
  map: { positional: 'name', named: ['name'], required: true },
};

export const ENUM_BLOCK_ATTRIBUTES: Record<string, AttributeSignature> = {
  map: { positional: 'name', named: ['name'], required: true },
  schema: { positional: 'name', named: ['name'], required: true },
};

export type BoundArguments = ReadonlyMap<string, Argument>;

/** Always empty (see bindAttribute). */
const NO_ARGUMENTS = new Map<string, Argument>();

/** Binds an attribute's arguments to its signature. Returns undefined (with diagnostics) for an unknown attribute. */
export function bindAttribute(
  attribute: AttributeNode,
  table: Record<string, AttributeSignature>,
  /** Where the attribute stands, for the message (`on field \`id\``); may be a function, as it is needed only on error. */
  where: string | (() => string),
  diagnostics: Diagnostic[],
): BoundArguments | undefined {
  const prefix = attribute.block ? '@@' : '@';
  const signature = Object.hasOwn(table, attribute.name) ? table[attribute.name] : undefined;
  if (!signature) {
    const suggestion = closest(attribute.name, Object.keys(table));
    diagnostics.push(
      diagnostic('V224', `Unknown attribute \`${prefix}${attribute.name}\` ${typeof where === 'string' ? where : where()}.`, {
        span: attribute.nameSpan,
        hint: suggestion
          ? `Did you mean \`${prefix}${suggestion}\`?`
          : `Attributes allowed here: ${Object.keys(table).map((k) => `\`${prefix}${k}\``).join(', ')}.`,
      }),
    );
    return undefined;
  }
  // Most attributes have no arguments (`@id`, `@unique`, `@updatedAt`): those share one empty map, which the loop
  // below never writes to.
  const bound = attribute.args.length > 0 ? new Map<string, Argument>() : NO_ARGUMENTS;
  let ok = true;
  const args = attribute.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let key = arg.name;
    if (key === undefined) {
      if (!signature.positional) {
        diagnostics.push(diagnostic('V225', `\`${prefix}${attribute.name}\` takes no unnamed argument.`, { span: arg.span }));
        ok = false;
        continue;
      }
      key = signature.positional;
    } else if (!signature.named.includes(key)) {
      const suggestion = closest(key, signature.named);
      diagnostics.push(
        diagnostic('V225', `Unknown argument \`${key}\` for \`${prefix}${attribute.name}\`.`, {
          span: arg.nameSpan ?? arg.span,
          hint: suggestion
            ? `Did you mean \`${suggestion}\`?`
            : signature.named.length > 0
              ? `Arguments allowed: ${signature.named.map((n) => `\`${n}\``).join(', ')}.`
              : `\`${prefix}${attribute.name}\` takes no arguments.`,
        }),
      );
      ok = false;
      continue;
    }
    if (bound.has(key)) {
      diagnostics.push(diagnostic('V225', `The argument \`${key}\` is given twice to \`${prefix}${attribute.name}\`.`, { span: arg.span, hint: 'Remove one of them.' }));
      ok = false;
      continue;
    }
    bound.set(key, arg);
  }
  if (signature.required && signature.positional && !bound.has(signature.positional)) {
    // After a bad argument, the missing one is usually the same mistake: report it only once.
    if (ok) {
      diagnostics.push(
        diagnostic('V225', `\`${prefix}${attribute.name}\` needs its \`${signature.positional}\` argument.`, {
          span: attribute.span,
          hint: requiredHint(prefix + attribute.name),
        }),
      );
    }
    return undefined;
  }
  return bound;
}

function requiredHint(attribute: string): string {
  switch (attribute) {
    case '@default':
      return 'For example `@default(0)`, `@default(now())` or `@default(uuid())`.';
    case '@map':
    case '@@map':
      return `For example \`${attribute}("db_name")\`.`;
    default:
      return `For example \`${attribute}([fieldA, fieldB])\`.`;
  }
}

// ── Decoders: each returns undefined after pushing a diagnostic ──────────────────────────────────────────

export function decodeString(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): string | undefined {
  if (!arg) return undefined;
  if (arg.value.kind === 'String') return arg.value.value;
  diagnostics.push(diagnostic('V225', `${what} must be a string, for example "name".`, { span: arg.value.span }));
  return undefined;
}

export function decodeBoolean(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): boolean | undefined {
  if (!arg) return undefined;
  if (arg.value.kind === 'Boolean') return arg.value.value;
  diagnostics.push(diagnostic('V225', `${what} must be \`true\` or \`false\`.`, { span: arg.value.span }));
  return undefined;
}

export function decodeInteger(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): number | undefined {
  if (!arg) return undefined;
  if (arg.value.kind === 'Number' && /^\d+$/.test(arg.value.raw)) return Number(arg.value.raw);
  diagnostics.push(diagnostic('V225', `${what} must be a whole number.`, { span: arg.value.span }));
  return undefined;
}

export function decodeSort(expr: Expr, diagnostics: Diagnostic[]): SortOrder | undefined {
  if (expr.kind === 'Constant' && (expr.name === 'Asc' || expr.name === 'Desc')) return expr.name;
  diagnostics.push(diagnostic('V225', '`sort` must be `Asc` or `Desc`.', { span: expr.span }));
  return undefined;
}

/** A list of field names: `[a, b]` or a single name `a`. */
export function decodeFieldNames(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): { name: string; span: Span }[] | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  const items = v.kind === 'Array' ? v.items : [v];
  const out: { name: string; span: Span }[] = [];
  for (const item of items) {
    if (item.kind === 'Constant') out.push({ name: item.name, span: item.span });
    else {
      diagnostics.push(diagnostic('V225', `${what} must be a list of field names, for example \`[authorId]\`.`, { span: item.span }));
      return undefined;
    }
  }
  return out;
}

/** The fields of an index or key: `[a, b(sort: Desc, length: 10)]`, with per-field arguments. */
export function decodeIndexFields(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): IndexField[] | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  // Prisma also accepts a single field without brackets: `@@index(userId)`.
  const items = v.kind === 'Array' ? v.items : v.kind === 'Constant' || v.kind === 'Call' ? [v] : undefined;
  if (!items) {
    diagnostics.push(diagnostic('V225', `${what} must be a list of fields in brackets, for example \`[email]\`.`, { span: v.span }));
    return undefined;
  }
  const out: IndexField[] = [];
  for (const item of items) {
    if (item.kind === 'Constant') {
      out.push({ name: item.name, span: item.span });
      continue;
    }
    if (item.kind === 'Call') {
      let sort: SortOrder | undefined;
      let length: number | undefined;
      let ops: string | undefined;
      for (const a of item.args) {
        if (a.name === 'sort') sort = decodeSort(a.value, diagnostics);
        else if (a.name === 'length') length = decodeInteger(a, '`length`', diagnostics);
        else if (a.name === 'ops') ops = a.value.kind === 'Constant' || a.value.kind === 'Call' ? exprText(a.value) : undefined;
        else {
          diagnostics.push(
            diagnostic('V225', a.name ? `Unknown argument \`${a.name}\` for the field \`${item.name}\`.` : `The field \`${item.name}\` takes named arguments only.`, {
              span: a.span,
              hint: 'A field in an index takes `sort: Asc|Desc`, `length: n` or `ops: …`.',
            }),
          );
        }
      }
      out.push(defined({ name: item.name, span: item.span, sort: sort || undefined, length, ops: ops || undefined }));
      continue;
    }
    diagnostics.push(diagnostic('V225', `${what} must list field names, not ${describeExpr(item)}.`, { span: item.span }));
    return undefined;
  }
  return out;
}

export function decodeReferentialAction(arg: Argument | undefined, what: string, diagnostics: Diagnostic[]): ReferentialAction | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  if (v.kind === 'Constant' && (REFERENTIAL_ACTIONS as readonly string[]).includes(v.name)) return v.name as ReferentialAction;
  const suggestion = v.kind === 'Constant' ? closest(v.name, REFERENTIAL_ACTIONS) : undefined;
  diagnostics.push(
    diagnostic('V235', `Invalid referential action ${v.kind === 'Constant' ? `\`${v.name}\`` : describeExpr(v)} for \`${what}\`.`, {
      span: v.span,
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Use one of ${REFERENTIAL_ACTIONS.map((a) => `\`${a}\``).join(', ')}.`,
    }),
  );
  return undefined;
}

export function decodeWhere(arg: Argument | undefined, diagnostics: Diagnostic[]): IndexWhere | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  if (v.kind === 'Call' && v.name === 'raw' && v.args.length === 1 && v.args[0]!.value.kind === 'String') {
    return { kind: 'Raw', sql: v.args[0]!.value.value, span: v.span };
  }
  if (v.kind === 'Object') {
    const conditions: { field: string; value: DefaultValue | { kind: 'Null'; span: Span } }[] = [];
    for (const entry of v.entries) {
      if (!entry.name) continue;
      if (entry.value.kind === 'Null') {
        conditions.push({ field: entry.name, value: { kind: 'Null', span: entry.value.span } });
        continue;
      }
      const value = decodeDefaultExpr(entry.value, diagnostics);
      if (!value) return undefined;
      conditions.push({ field: entry.name, value });
    }
    return { kind: 'Object', conditions, span: v.span };
  }
  diagnostics.push(
    diagnostic('V225', '`where` must be `raw("sql condition")` or an object such as `{ active: true }`.', { span: v.span }),
  );
  return undefined;
}

const DEFAULT_FUNCTIONS = ['autoincrement', 'now', 'uuid', 'cuid', 'nanoid', 'ulid', 'dbgenerated', 'sequence', 'auto'];

/** Decodes the value of `@default(…)`. Type checks against the field happen in validation. */
export function decodeDefaultExpr(expr: Expr, diagnostics: Diagnostic[], map?: string): DefaultValue | undefined {
  const span = expr.span;
  const base = { span, ...(map !== undefined ? { map } : {}) };
  switch (expr.kind) {
    case 'String':
      return { kind: 'String', value: expr.value, ...base };
    case 'Number':
      return { kind: 'Number', text: expr.raw, ...base };
    case 'Boolean':
      return { kind: 'Boolean', value: expr.value, ...base };
    case 'Constant':
      return { kind: 'EnumValue', name: expr.name, ...base };
    case 'Array': {
      const items: DefaultValue[] = [];
      for (const item of expr.items) {
        const d = decodeDefaultExpr(item, diagnostics);
        if (!d) return undefined;
        items.push(d);
      }
      return { kind: 'List', items, ...base };
    }
    case 'Null':
      diagnostics.push(diagnostic('V209', '`null` is not a default value.', { span, hint: 'Remove `@default(null)`: an optional field is NULL when no value is given.' }));
      return undefined;
    case 'Object':
      diagnostics.push(diagnostic('V209', 'An object is not a default value.', { span, hint: 'For a `Json` default, write the JSON as a string: `@default("{}")`.' }));
      return undefined;
    case 'Call':
      return decodeDefaultCall(expr, diagnostics, base);
  }
}

function decodeDefaultCall(expr: Extract<Expr, { kind: 'Call' }>, diagnostics: Diagnostic[], base: { span: Span; map?: string }): DefaultValue | undefined {
  const args = expr.args;
  const noArgs = (): boolean => {
    if (args.length === 0) return true;
    diagnostics.push(diagnostic('V209', `\`${expr.name}()\` takes no arguments.`, { span: expr.span }));
    return false;
  };
  const intArg = (allowed: readonly number[] | undefined, fallback: number | undefined): number | undefined | false => {
    if (args.length === 0) return fallback;
    const a = args[0]!;
    if (args.length > 1 || a.name !== undefined || a.value.kind !== 'Number' || !/^\d+$/.test(a.value.raw)) {
      diagnostics.push(diagnostic('V209', `Invalid argument for \`${expr.name}()\`.`, { span: a.span, hint: allowed ? `Use ${allowed.map((n) => `\`${expr.name}(${n})\``).join(' or ')}.` : undefined }));
      return false;
    }
    const n = Number(a.value.raw);
    if (allowed && !allowed.includes(n)) {
      diagnostics.push(
        diagnostic('V209', `\`${expr.name}(${n})\` is not supported.`, { span: a.span, hint: `Use ${allowed.map((v) => `\`${expr.name}(${v})\``).join(' or ')}.` }),
      );
      return false;
    }
    return n;
  };
  switch (expr.name) {
    case 'autoincrement':
      return noArgs() ? { kind: 'Autoincrement', ...base } : undefined;
    case 'now':
      return noArgs() ? { kind: 'Now', ...base } : undefined;
    case 'ulid':
      return noArgs() ? { kind: 'Ulid', ...base } : undefined;
    case 'uuid': {
      const v = intArg([4, 7], 4);
      return v === false ? undefined : { kind: 'Uuid', version: v as 4 | 7, ...base };
    }
    case 'cuid': {
      const v = intArg([1, 2], 1);
      return v === false ? undefined : { kind: 'Cuid', version: v as 1 | 2, ...base };
    }
    case 'nanoid': {
      const v = intArg(undefined, undefined);
      if (v === false) return undefined;
      if (v !== undefined && (v < 2 || v > 255)) {
        diagnostics.push(diagnostic('V209', 'The length of `nanoid(n)` must be between 2 and 255.', { span: expr.span }));
        return undefined;
      }
      return { kind: 'Nanoid', ...(v !== undefined ? { length: v } : {}), ...base };
    }
    case 'dbgenerated': {
      if (args.length === 0) return { kind: 'DbGenerated', ...base };
      const a = args[0]!;
      if (args.length > 1 || a.value.kind !== 'String') {
        diagnostics.push(diagnostic('V209', '`dbgenerated()` takes one string: the SQL expression.', { span: expr.span, hint: 'For example `@default(dbgenerated("(datetime(\'now\'))"))`.' }));
        return undefined;
      }
      if (a.value.value.trim() === '') {
        diagnostics.push(diagnostic('V209', 'The SQL in `dbgenerated("")` must not be empty.', { span: a.span, hint: 'Write `dbgenerated()` without an argument, or give the SQL expression.' }));
        return undefined;
      }
      return { kind: 'DbGenerated', sql: a.value.value, ...base };
    }
    case 'sequence':
    case 'auto':
      return { kind: 'OtherFunction', name: expr.name, ...base };
    default: {
      const suggestion = closest(expr.name, DEFAULT_FUNCTIONS);
      diagnostics.push(
        diagnostic('V209', `Unknown function \`${expr.name}()\` in \`@default\`.`, {
          span: expr.nameSpan,
          hint: suggestion ? `Did you mean \`${suggestion}()\`?` : 'Known functions: `autoincrement()`, `now()`, `uuid()`, `cuid()`, `nanoid()`, `ulid()`, `dbgenerated("…")`.',
        }),
      );
      return undefined;
    }
  }
}

export function describeExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'String':
      return 'a string';
    case 'Number':
      return 'a number';
    case 'Boolean':
      return 'a boolean';
    case 'Null':
      return '`null`';
    case 'Constant':
      return `\`${expr.name}\``;
    case 'Array':
      return 'a list';
    case 'Call':
      return `\`${expr.name}(…)\``;
    case 'Object':
      return 'an object';
  }
}

/** An expression as canonical source text (used for config values and ops). */
export function exprText(expr: Expr): string {
  switch (expr.kind) {
    case 'String':
      return expr.raw;
    case 'Number':
      return expr.raw;
    case 'Boolean':
      return String(expr.value);
    case 'Null':
      return 'null';
    case 'Constant':
      return expr.name;
    case 'Array':
      return `[${expr.items.map(exprText).join(', ')}]`;
    case 'Call':
      return `${expr.name}(${expr.args.map(argumentText).join(', ')})`;
    case 'Object':
      return `{ ${expr.entries.map(argumentText).join(', ')} }`;
  }
}

export function argumentText(arg: Argument): string {
  return arg.name !== undefined ? `${arg.name}: ${exprText(arg.value)}` : exprText(arg.value);
}
