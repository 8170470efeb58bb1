/**
 * PulledSchema → schema text: the blocks are written plainly, then the canonical formatter (the same output as
 * `prisma format`) aligns them. Pure.
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatSchemaText } from '../schema/format.js';
import type { PulledField, PulledModel, PulledRelationField, PulledScalarField, PulledSchema } from './model.js';
import { pslString, typeText } from './types.js';

/** What a fresh pull starts with when there is no schema to take the datasource from. */
export function datasourceBlock(url?: string, options: { partialIndexes?: boolean } = {}): string {
  const datasource = `datasource db {\n  provider = "sqlite"\n${url !== undefined ? `  url = ${url}\n` : ''}}\n`;
  // Partial indexes (`where:`) are behind a preview feature for Prisma; without it the schema does not validate.
  return options.partialIndexes ? `${datasource}\ngenerator client {\n  provider        = "codegen"\n  previewFeatures = ["partialIndexes"]\n}\n` : datasource;
}

export function renderPulledSchema(schema: PulledSchema, header: string): string {
  const parts = [header.trimEnd(), ...schema.models.map(modelText), ...schema.views.map((v) => commentText(v.comment))];
  return formatPulledText(parts.join('\n\n') + '\n');
}

/** Formats generated schema text. A pull that produces text the formatter refuses is a bug. */
export function formatPulledText(text: string): string {
  const formatted = formatSchemaText(text);
  if (formatted.text === undefined || hasErrors(formatted.diagnostics)) {
    throw new Error(`pull produced schema text that does not parse: ${formatted.diagnostics.map((d) => d.message).join('; ')}\n${text}`);
  }
  return formatted.text;
}

export function commentText(lines: readonly string[]): string {
  return lines.map((l) => `// ${l}`.trimEnd()).join('\n');
}

export function modelText(model: PulledModel): string {
  const lines: string[] = [];
  if (model.comments.length) lines.push(commentText(model.comments));
  lines.push(`model ${model.name} {`);
  for (const field of model.fields) lines.push(`  ${fieldText(field, model)}`);
  for (const note of model.notes) lines.push(`  // ${note}`);
  const block = blockAttributes(model);
  if (block.length) lines.push('', ...block.map((a) => `  ${a}`));
  lines.push('}');
  return lines.join('\n');
}

/** `@@id`, `@@unique`, `@@index`, `@@map`, `@@ignore`, in that order. */
export function blockAttributes(model: PulledModel): string[] {
  return [
    ...(model.compoundId ? [model.compoundId] : []),
    ...model.indexes.filter((i) => i.field === undefined && i.index.unique).map((i) => i.text),
    ...model.indexes.filter((i) => i.field === undefined && !i.index.unique).map((i) => i.text),
    ...(model.name !== model.table ? [`@@map(${pslString(model.table)})`] : []),
    ...(model.ignored ? ['@@ignore'] : []),
  ];
}

export function fieldText(field: PulledField, model: PulledModel): string {
  return field.kind === 'scalar' ? scalarFieldText(field, model) : relationFieldText(field);
}

function arityMark(arity: PulledField['arity']): string {
  return arity === 'optional' ? '?' : arity === 'list' ? '[]' : '';
}

export function scalarFieldText(field: PulledScalarField, model: PulledModel): string {
  return [`${field.name} ${typeText(field.type)}${arityMark(field.arity)}`, ...scalarAttributes(field, model)].join(' ');
}

export function scalarAttributes(field: PulledScalarField, model: PulledModel): string[] {
  return [
    ...(field.id ? ['@id'] : []),
    ...model.indexes.filter((i) => i.field === field.name).map((i) => i.text),
    ...(field.default !== undefined ? [`@default(${field.default})`] : []),
    ...(field.name !== field.column ? [`@map(${pslString(field.column)})`] : []),
  ];
}

export function relationFieldText(field: PulledRelationField): string {
  const relation = relationAttribute(field);
  return [`${field.name} ${field.target}${arityMark(field.arity)}`, ...(relation ? [relation] : []), ...(field.ignored ? ['@ignore'] : [])].join(' ');
}

/** `@relation("Name", fields: […], references: […], onDelete: …, onUpdate: …)`, or undefined when nothing is to say. */
export function relationAttribute(field: PulledRelationField): string | undefined {
  const args = [
    ...(field.relationName !== undefined ? [pslString(field.relationName)] : []),
    ...(field.fields ? [`fields: [${field.fields.join(', ')}]`, `references: [${(field.references ?? []).join(', ')}]`] : []),
    ...(field.onDelete ? [`onDelete: ${field.onDelete}`] : []),
    ...(field.onUpdate ? [`onUpdate: ${field.onUpdate}`] : []),
  ];
  return args.length ? `@relation(${args.join(', ')})` : undefined;
}
