/**
 * What every rule needs to know about a schema, computed once: the provider's capabilities, the preview features,
 * and name lookups, so that each rule runs in time linear in the size of the schema.
 */
import { LineIndex, type Span } from '../../diagnostics/span.js';
import type { Argument, AttributeNode } from '../ast.js';
import { isUnresolvedField } from '../lower.js';
import type { Enum, Field, Model, SchemaModel } from '../model.js';
import { capabilitiesFor, type Capabilities } from './capabilities.js';

export interface ValidationContext {
  readonly schema: SchemaModel;
  readonly caps: Capabilities;
  readonly relationMode: 'foreignKeys' | 'prisma';
  /** Preview features from every generator block (Prisma reads them from all of them). */
  readonly previewFeatures: ReadonlySet<string>;
  /** Models and views by name. */
  readonly models: ReadonlyMap<string, Model>;
  readonly enums: ReadonlyMap<string, Enum>;
  /** A field of a model or view by name. */
  field(model: Model, name: string): Field | undefined;
  /** True when the field exists in the text but its type did not resolve (already reported as V204). */
  isUnresolved(model: Model, name: string): boolean;
  /** The span of the first occurrence of `needle` inside `within` (the whole of `within` when it is not there). */
  narrow(within: Span, needle: string): Span;
}

export function buildContext(schema: SchemaModel): ValidationContext {
  const models = new Map<string, Model>();
  const fields = new Map<Model, Map<string, Field>>();
  for (const m of [...schema.models, ...schema.views]) {
    if (!models.has(m.name)) models.set(m.name, m);
    fields.set(m, new Map(m.fields.map((f) => [f.name, f])));
  }
  const enums = new Map<string, Enum>();
  for (const e of schema.enums) if (!enums.has(e.name)) enums.set(e.name, e);
  const lineIndexes = new Map<string, LineIndex>();
  const narrow = (within: Span, needle: string): Span => {
    const file = schema.files.find((f) => f.path === within.file);
    if (!file) return within;
    const at = wholeWordIndex(file.text.slice(within.start.offset, within.end.offset), needle);
    if (at === -1) return within;
    let lines = lineIndexes.get(file.path);
    if (!lines) lineIndexes.set(file.path, (lines = new LineIndex(file.text)));
    const start = within.start.offset + at;
    return lines.span(file.path, start, start + needle.length);
  };
  const caps = capabilitiesFor(schema.datasource?.provider);
  return {
    schema,
    narrow,
    caps,
    relationMode: caps.emulatedRelationsOnly ? 'prisma' : (schema.datasource?.relationMode ?? 'foreignKeys'),
    previewFeatures: new Set(schema.generators.flatMap((g) => g.previewFeatures)),
    models,
    enums,
    field: (model, name) => fields.get(model)?.get(name),
    isUnresolved: (model, name) => isUnresolvedField(schema, model.name, name),
  };
}

/** The first attribute with this name (field attributes and block attributes alike). */
export function findAttribute(attributes: readonly AttributeNode[], name: string): AttributeNode | undefined {
  // Plain loops here and below: the rules call these for every field, and `find` would allocate a callback each time.
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.name === name) return attributes[i];
  return undefined;
}

/** The argument of an attribute by name (or the positional one, when `positional` names it). */
export function findArgument(attribute: AttributeNode | undefined, name: string, positional?: boolean): Argument | undefined {
  if (!attribute) return undefined;
  const args = attribute.args;
  for (let i = 0; i < args.length; i++) if (args[i]!.name === name) return args[i];
  if (positional) for (let i = 0; i < args.length; i++) if (args[i]!.name === undefined) return args[i];
  return undefined;
}

/** The span of an argument of a field's attribute, or the fallback when the argument is not written. */
export function argumentSpan(field: { readonly attributes: readonly AttributeNode[] }, attribute: string, argument: string, fallback: Span): Span {
  return findArgument(findAttribute(field.attributes, attribute), argument)?.span ?? fallback;
}

/** Formats names as a list of code spans: `a`, `b` and `c`. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The index of `needle` where it is not part of a longer name, or -1. */
function wholeWordIndex(haystack: string, needle: string): number {
  const isNameChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_-]/u.test(c);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isNameChar(haystack[at - 1]) && !isNameChar(haystack[at + needle.length])) return at;
  }
  return -1;
}
