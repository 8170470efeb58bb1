/**
 * Features that exist in the schema language but not for every provider. On SQLite: no `@db.*` native types, no
 * scalar lists, no composite types, no `@@fulltext`, no `clustered:`, no `length:`, no sorted or named primary
 * keys, no named foreign keys, no `@@schema`. Other providers are checked for the same capabilities, without
 * native type details.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { endOffsetOf, startOffsetOf } from '../../diagnostics/span.js';
import type { AttributeNode } from '../ast.js';
import type { Field, Model } from '../model.js';
import { isColumnField } from '../model.js';
import { findArgument, findAttribute, type ValidationContext } from './context.js';

export function validateProviderFeatures(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { caps } = ctx;
  const provider = caps.displayName;
  if (!caps.compositeTypes) {
    for (const t of ctx.schema.compositeTypes) {
      out.push(diagnostic('V214', `The composite type \`${t.name}\` is not supported by ${provider}: \`type\` blocks exist only for MongoDB.`, { span: t.nameSpan }));
    }
  }
  if (!caps.enums) {
    for (const e of ctx.schema.enums) out.push(diagnostic('V232', `Enums are not supported by ${provider}.`, { span: e.nameSpan, hint: 'Use a `String` field instead.' }));
  }
  for (const model of [...ctx.schema.models, ...ctx.schema.views]) {
    for (const field of model.fields) fieldFeatures(model, field, ctx, out);
    out.push(...keyFeatures(model, ctx));
    const schemaAttr = findAttribute(model.blockAttributes, 'schema');
    if (schemaAttr && !caps.multiSchema) {
      out.push(diagnostic('V232', `\`@@schema\` is not supported by ${provider}.`, { span: schemaAttr.span, hint: 'Remove it.' }));
    }
    const shardKey = findAttribute(model.blockAttributes, 'shardKey') ?? fieldAttribute(model, 'shardKey');
    if (shardKey) out.push(...shardKeys(shardKey.span, ctx));
  }
  return out;
}

/** Pushes onto `out` (this runs for every field: no array per field). */
function fieldFeatures(model: Model, field: Field, ctx: ValidationContext, out: Diagnostic[]): void {
  const { caps } = ctx;
  const provider = caps.displayName;
  if (isColumnField(field) && field.arity === 'list' && !caps.scalarLists) {
    out.push(
      diagnostic('V212', `The field \`${model.name}.${field.name}\` is a list, and ${provider} has no list columns.`, {
        span: field.typeSpan,
        ...(caps.provider === 'sqlite' ? {} : { hint: 'Use a related model, or a `Json` field.' }),
      }),
    );
  }
  if (field.kind === 'scalar' && field.type === 'Json' && field.arity === 'list' && caps.scalarLists && !caps.jsonLists) {
    out.push(diagnostic('V212', `The field \`${model.name}.${field.name}\` is a list of \`Json\`, which ${provider} does not support.`, { span: field.typeSpan, hint: 'Store the list inside one `Json` value.' }));
  }
  if (isColumnField(field) && field.nativeType) {
    const nt = field.nativeType;
    if (!caps.nativeTypes) {
      out.push(diagnostic('V213', `Native type \`@${nt.prefix}.${nt.name}\` on \`${model.name}.${field.name}\`: ${provider} has no native types.`, { span: nt.span }));
    } else if (ctx.schema.datasource && nt.prefix !== ctx.schema.datasource.name) {
      const fixed = `@${ctx.schema.datasource.name}.${nt.name}`;
      out.push(
        diagnostic('V224', `The prefix of \`@${nt.prefix}.${nt.name}\` must be the datasource's name, \`${ctx.schema.datasource.name}\`.`, {
          span: nt.span,
          hint: `Write \`${fixed}\`.`,
        }),
      );
    }
  }
  if (field.kind === 'scalar' && field.type === 'Json' && !caps.json) {
    out.push(diagnostic('V232', `\`Json\` fields are not supported by ${provider}.`, { span: field.typeSpan }));
  }
  if (field.kind === 'scalar' && field.type === 'Decimal' && !caps.decimal) {
    out.push(diagnostic('V232', `\`Decimal\` fields are not supported by ${provider}.`, { span: field.typeSpan }));
  }
}

function keyFeatures(model: Model, ctx: ValidationContext): Diagnostic[] {
  const { caps } = ctx;
  const provider = caps.displayName;
  const out: Diagnostic[] = [];
  const unsupported = (what: string, span: Diagnostic['span'], hint: string) => out.push(diagnostic('V232', `${what} is not supported by ${provider}.`, { span, hint }));
  const pk = model.primaryKey;
  const keys = [...(pk ? [pk] : []), ...model.uniques, ...model.indexes];
  for (const key of keys) {
    const attr = attributeAt(model, key.span);
    if (key.clustered !== undefined && !caps.clustering) unsupported('`clustered:`', argSpan(attr, 'clustered') ?? key.span, 'Remove `clustered:`; clustering exists only on SQL Server.');
    const lengths = key.fields.filter((f) => f.length !== undefined);
    const topLength = argSpan(attr, 'length');
    if (caps.indexLength) out.push(...lengthOnlyOnText(model, key.fields, ctx));
    else if (lengths.length > 0 || topLength) {
      unsupported('`length:`', topLength ?? lengths[0]!.span, 'Remove `length:`; index prefix lengths exist only on MySQL.');
    }
  }
  if (pk && !caps.primaryKeySort && (pk.fields.some((f) => f.sort !== undefined) || argSpan(attributeAt(model, pk.span), 'sort'))) {
    unsupported('`sort:` on a primary key', pk.span, 'Remove `sort:` from the id; an index may be sorted instead.');
  }
  if (pk && pk.fields.length > 1 && !caps.compoundIds) unsupported('A compound id', pk.span, 'Use a single-field `@id` and a `@@unique` over the fields.');
  if (pk && pk.source === 'field' && caps.idColumn !== undefined) {
    const idField = model.fields.find((f) => f.name === pk.fields[0]?.name);
    if (idField && idField.dbName !== caps.idColumn) unsupported(`An id not stored in \`${caps.idColumn}\``, idField.nameSpan, `Add \`@map("${caps.idColumn}")\` to the id field.`);
  }
  if (pk?.map !== undefined && !caps.namedPrimaryKeys) {
    unsupported('A database name (`map:`) for the primary key', argSpan(attributeAt(model, pk.span), 'map') ?? pk.span, 'Remove `map:`; SQLite primary keys have no name.');
  }
  for (const index of model.indexes) {
    const attr = attributeAt(model, index.span);
    if (index.kind === 'fulltext' && !caps.fullTextIndex) unsupported('`@@fulltext`', index.span, 'Use `@@index` instead.');
    if (index.type !== undefined && index.type !== 'BTree' && !caps.indexTypes) unsupported(`The index type \`${index.type}\``, argSpan(attr, 'type') ?? index.span, 'Remove `type:`.');
  }
  for (const field of model.fields) {
    if (field.kind === 'relation' && field.fkName !== undefined && !caps.namedForeignKeys) {
      unsupported('A database name (`map:`) for a foreign key', argSpan(findAttribute(field.attributes, 'relation'), 'map') ?? field.nameSpan, 'Remove `map:`; SQLite foreign keys have no name.');
    }
  }
  return out;
}

/** On MySQL, `length:` prefixes only `String` and `Bytes` columns. */
function lengthOnlyOnText(model: Model, fields: readonly { name: string; length?: number; span: Diagnostic['span'] }[], ctx: ValidationContext): Diagnostic[] {
  return fields.flatMap((f) => {
    if (f.length === undefined) return [];
    const field = ctx.field(model, f.name);
    if (!field || field.kind === 'unsupported' || (field.kind === 'scalar' && (field.type === 'String' || field.type === 'Bytes'))) return [];
    return [diagnostic('V225', `\`length:\` on \`${model.name}.${f.name}\`: only \`String\` and \`Bytes\` fields take a prefix length.`, { span: f.span })];
  });
}

function shardKeys(span: Diagnostic['span'], ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!ctx.previewFeatures.has('shardKeys')) {
    out.push(diagnostic('V239', 'Shard keys need the `shardKeys` preview feature.', { span, hint: 'Add `previewFeatures = ["shardKeys"]` to the generator block.' }));
  }
  if (!ctx.caps.shardKeys) out.push(diagnostic('V232', `Shard keys are not supported by ${ctx.caps.displayName}.`, { span, hint: 'Remove the shard key; shard keys exist only on MySQL (PlanetScale).' }));
  return out;
}

/** The first field attribute with this name on any field of the model. */
function fieldAttribute(model: Model, name: string): AttributeNode | undefined {
  for (const f of model.fields) {
    const a = findAttribute(f.attributes, name);
    if (a) return a;
  }
  return undefined;
}

/** The attribute node a key came from (field `@id`/`@unique` or block `@@…`), found by its span. */
function attributeAt(model: Model, span: Diagnostic['span']): AttributeNode | undefined {
  if (!span) return undefined;
  // Offsets, not positions: an OffsetSpan computes its line and column on each read (span.ts).
  const at = startOffsetOf(span);
  const same = (a: AttributeNode) => startOffsetOf(a.span) === at && a.span.file === span.file;
  const block = model.blockAttributes.find(same);
  if (block) return block;
  for (const f of model.fields) {
    // A field attribute lies inside its field's span.
    if (f.span.file !== span.file || startOffsetOf(f.span) > at || endOffsetOf(f.span) < at) continue;
    const a = f.attributes.find(same);
    if (a) return a;
  }
  return undefined;
}

function argSpan(attr: AttributeNode | undefined, name: string): Diagnostic['span'] {
  return findArgument(attr, name)?.span;
}
