/**
 * `@default` values must fit the field's type, and `autoincrement()` must fit the provider: on SQLite only the
 * single-field integer id auto-increments (`INTEGER PRIMARY KEY AUTOINCREMENT`).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ColumnField, DefaultValue, Model, ScalarType } from '../model.js';
import { isColumnField } from '../model.js';
import type { ValidationContext } from './context.js';
import { isValidBase64, isValidDecimal, isValidJson, isValidRfc3339, isI64 } from './literals.js';

export function validateDefaults(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    for (const field of model.fields) {
      if (!isColumnField(field) || !field.default) continue;
      out.push(...checkDefault(field, field.default, ctx));
      if (field.default.map !== undefined && !ctx.caps.namedDefaults) {
        out.push(
          diagnostic('V232', `\`@default(…, map: …)\` names a default constraint, which ${ctx.caps.displayName} does not have.`, {
            span: field.default.span,
            hint: 'Remove the `map:` argument (default constraint names exist only on SQL Server).',
          }),
        );
      }
    }
    if (model.kind === 'model') out.push(...checkAutoincrement(model, ctx));
  }
  return out;
}

function checkDefault(field: ColumnField, value: DefaultValue, ctx: ValidationContext): Diagnostic[] {
  if (value.kind === 'DbGenerated') return [];
  if (field.kind === 'unsupported') {
    return [invalid(value, `Only \`@default(dbgenerated("…"))\` can be used on the \`Unsupported\` field \`${field.name}\`.`, 'Write the database default as SQL: `@default(dbgenerated("…"))`.')];
  }
  if (value.kind === 'List') {
    if (field.arity !== 'list') return [invalid(value, `The default of the non-list field \`${field.name}\` cannot be a list.`)];
    return value.items.flatMap((item) => checkDefault(field, item, ctx));
  }
  if (field.kind === 'enum') {
    const e = ctx.enums.get(field.enumName);
    if (value.kind !== 'EnumValue') return [invalid(value, `Expected a value of enum \`${field.enumName}\` as the default of \`${field.name}\`, but found ${describe(value)}.`, e ? `For example \`@default(${e.values[0]?.name ?? 'VALUE'})\`.` : undefined)];
    if (e && !e.values.some((v) => v.name === value.name)) {
      return [invalid(value, `\`${value.name}\` is not a value of enum \`${field.enumName}\`.`, `Use one of ${e.values.map((v) => `\`${v.name}\``).join(', ')}.`)];
    }
    return [];
  }
  return checkScalarDefault(field.name, field.type, value, ctx);
}

/** The type each default function produces. */
const FUNCTION_TYPES: Partial<Record<DefaultValue['kind'], { name: string; types: readonly ScalarType[] }>> = {
  Autoincrement: { name: 'autoincrement()', types: ['Int', 'BigInt'] },
  Now: { name: 'now()', types: ['DateTime'] },
  Uuid: { name: 'uuid()', types: ['String'] },
  Cuid: { name: 'cuid()', types: ['String'] },
  Nanoid: { name: 'nanoid()', types: ['String'] },
  Ulid: { name: 'ulid()', types: ['String'] },
};

function checkScalarDefault(fieldName: string, type: ScalarType, value: DefaultValue, ctx: ValidationContext): Diagnostic[] {
  const fn = FUNCTION_TYPES[value.kind];
  if (value.kind === 'Autoincrement' && (type === 'Int' || type === 'BigInt') && !ctx.caps.autoincrementTypes.includes(type)) {
    return ctx.caps.autoincrementTypes.length === 0
      ? [diagnostic('V232', `\`autoincrement()\` is not supported by ${ctx.caps.displayName}.`, { span: value.span })]
      : [invalid(value, `On ${ctx.caps.displayName}, \`autoincrement()\` fits only ${ctx.caps.autoincrementTypes.map((t) => `\`${t}\``).join(' and ')} fields.`, 'Make the field a `BigInt`, or use `sequence()` for an `Int`.')];
  }
  if (fn) {
    return fn.types.includes(type) ? [] : [invalid(value, `\`${fn.name}\` cannot be the default of \`${fieldName}\`, a field of type \`${type}\`.`, `\`${fn.name}\` fits ${fn.types.map((t) => `\`${t}\``).join(' and ')} fields.`)];
  }
  if (value.kind === 'OtherFunction') return checkProviderFunction(fieldName, type, value, ctx);
  const mismatch = (): Diagnostic[] => [invalid(value, `Expected a \`${type}\` value as the default of \`${fieldName}\`, but found ${describe(value)}.`, exampleFor(type))];
  switch (type) {
    case 'String':
      return value.kind === 'String' ? [] : mismatch();
    case 'Boolean':
      return value.kind === 'Boolean' ? [] : mismatch();
    case 'Int':
    case 'BigInt':
      if (value.kind !== 'Number') return mismatch();
      return isI64(value.text) ? [] : [invalid(value, `\`${value.text}\` is not a valid ${type} default: it must be a whole number that fits in 64 bits.`)];
    case 'Float':
      return value.kind === 'Number' ? [] : mismatch();
    case 'Decimal':
      if (value.kind === 'Number') return [];
      if (value.kind !== 'String') return mismatch();
      return isValidDecimal(value.value) ? [] : [invalid(value, `"${value.value}" is not a valid decimal number.`, 'For example `@default("10.50")` or `@default(10.5)`.')];
    case 'DateTime':
      if (value.kind !== 'String') return mismatch();
      return isValidRfc3339(value.value) ? [] : [invalid(value, `"${value.value}" is not an RFC 3339 date and time.`, 'Write the full date, time and offset, for example `@default("2024-01-31T12:00:00Z")`, or use `@default(now())`.')];
    case 'Json':
      if (value.kind !== 'String') return mismatch();
      return isValidJson(value.value) ? [] : [invalid(value, `The default of \`${fieldName}\` is not valid JSON.`, 'Write the JSON as an escaped string, for example `@default("{\\"a\\": 1}")` or `@default("[]")`.')];
    case 'Bytes':
      if (value.kind !== 'String') return mismatch();
      return isValidBase64(value.value) ? [] : [invalid(value, `"${value.value}" is not valid base64.`, 'Write the bytes in base64, for example `@default("aGVsbG8=")`.')];
  }
}

function checkProviderFunction(fieldName: string, type: ScalarType, value: Extract<DefaultValue, { kind: 'OtherFunction' }>, ctx: ValidationContext): Diagnostic[] {
  const name = value.name as 'sequence' | 'auto';
  if (!ctx.caps.defaultFunctions.includes(name)) {
    return name === 'auto'
      ? [diagnostic('V232', '`auto()` exists only on MongoDB.', { span: value.span, hint: 'Use `autoincrement()`, `uuid()` or `cuid()` instead.' })]
      : [invalid(value, `Unknown function \`${name}()\` in \`@default\`.`, '`sequence()` exists only on CockroachDB; use `autoincrement()`.')];
  }
  if (name === 'sequence' && type !== 'Int' && type !== 'BigInt') {
    return [invalid(value, `\`sequence()\` cannot be the default of \`${fieldName}\`, a field of type \`${type}\`.`)];
  }
  return [];
}

function checkAutoincrement(model: Model, ctx: ValidationContext): Diagnostic[] {
  const fields = model.fields.filter((f): f is ColumnField => isColumnField(f) && f.default?.kind === 'Autoincrement');
  if (fields.length === 0) return [];
  const out: Diagnostic[] = [];
  // Where only the id may auto-increment, a second one is already reported as not being the id.
  if (fields.length > 1 && !ctx.caps.autoincrementMultiple && ctx.caps.autoincrementOnNonId) {
    out.push(
      diagnostic('V210', `The model \`${model.name}\` uses \`autoincrement()\` on more than one field; ${ctx.caps.displayName} allows one per table.`, {
        span: fields[1]!.default!.span,
        related: [{ span: fields[0]!.default!.span, message: 'the first one' }],
      }),
    );
  }
  if (ctx.caps.autoincrementNeedsIndex) {
    const leading = new Set([model.primaryKey, ...model.uniques, ...model.indexes].map((k) => k?.fields[0]?.name));
    for (const f of fields) {
      if (leading.has(f.name)) continue;
      out.push(diagnostic('V210', `\`autoincrement()\` on \`${model.name}.${f.name}\`: ${ctx.caps.displayName} auto-increments only a field that leads a key or an index.`, { span: f.default!.span, hint: `Add \`@unique\` to \`${f.name}\`, or an index that starts with it.` }));
    }
  }
  if (ctx.caps.autoincrementOnNonId) return out;
  const pk = model.primaryKey;
  for (const f of fields) {
    const isSingleId = pk !== undefined && pk.fields.length === 1 && pk.fields[0]!.name === f.name;
    if (isSingleId) continue;
    out.push(
      diagnostic('V210', `\`autoincrement()\` on \`${model.name}.${f.name}\`: ${ctx.caps.displayName} auto-increments only the single-field id.`, {
        span: f.default!.span,
      }),
    );
  }
  return out;
}

function invalid(value: DefaultValue, message: string, hint?: string): Diagnostic {
  return diagnostic('V209', message, { span: value.span, ...(hint ? { hint } : {}) });
}

function describe(value: DefaultValue): string {
  switch (value.kind) {
    case 'String':
      return `the string "${value.value}"`;
    case 'Number':
      return `the number ${value.text}`;
    case 'Boolean':
      return `\`${value.value}\``;
    case 'EnumValue':
      return `\`${value.name}\``;
    case 'List':
      return 'a list';
    default:
      return 'a function';
  }
}

function exampleFor(type: ScalarType): string {
  const examples: Record<ScalarType, string> = {
    String: '`@default("text")`',
    Boolean: '`@default(false)`',
    Int: '`@default(0)`',
    BigInt: '`@default(0)`',
    Float: '`@default(1.5)`',
    Decimal: '`@default("10.50")`',
    DateTime: '`@default(now())`',
    Json: '`@default("{}")`',
    Bytes: '`@default("aGVsbG8=")`',
  };
  return `For example ${examples[type]}.`;
}
