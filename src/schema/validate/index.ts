/**
 * Validation: the rules Prisma enforces that matter for SQLite and for codegen, one file per rule family.
 * Each rule is a pure function from the lowered SchemaModel to diagnostics.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SchemaModel } from '../model.js';
import { validateDatasource } from './datasource.js';

export type Rule = (schema: SchemaModel) => Diagnostic[];

const RULES: readonly Rule[] = [validateDatasource];

export function validateSchemaModel(schema: SchemaModel): Diagnostic[] {
  return RULES.flatMap((rule) => rule(schema));
}
