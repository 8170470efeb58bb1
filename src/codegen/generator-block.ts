/**
 * Which `generator` blocks are ours (provider `codegen` or `@spacepos/codegen`). Kept apart from the generate
 * pipeline so that `check` can ask "is there a client to check?" without loading handlebars or ts-morph.
 */
import type { ConfigValue, Generator, SchemaModel } from '../schema/model.js';

export const GENERATOR_PROVIDERS = ['codegen', '@spacepos/codegen'];

/** A config value as text (`env("X")` read from the environment, arrays joined). */
export function configText(v: ConfigValue): string {
  switch (v.kind) {
    case 'String':
      return v.value;
    case 'Env':
      return process.env[v.variable] ?? '';
    case 'Array':
      return v.items.map(configText).join(', ');
    case 'Boolean':
      return String(v.value);
    case 'Number':
    case 'Other':
      return v.text;
  }
}

/** Every codegen generator block, in schema order (a schema may generate several clients). */
export function findGenerators(schema: SchemaModel): Generator[] {
  return schema.generators.filter((g) => g.provider && GENERATOR_PROVIDERS.includes(configText(g.provider)));
}

/** The codegen generator block named `name`, else the first one. */
export function findGenerator(schema: SchemaModel, name?: string): Generator | undefined {
  const blocks = findGenerators(schema);
  return name === undefined ? blocks[0] : blocks.find((g) => g.name === name);
}
