/**
 * Validation: the rules Prisma enforces that matter for SQLite and for codegen, one file per rule family.
 * Each rule is a pure function from the lowered SchemaModel (with a precomputed context) to diagnostics.
 * Problems that stop a node from being lowered at all (unknown types, duplicate names, bad attribute arguments)
 * are reported by lower.ts and relations.ts instead, so no rule reports them twice.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SchemaModel } from '../model.js';
import { buildContext, type ValidationContext } from './context.js';
import { validateDatasource } from './datasource.js';
import { validateDefaults } from './defaults.js';
import { validateFieldAttributes } from './fields.js';
import { validateGenerators } from './generators.js';
import { validateConstraintNames } from './constraint-names.js';
import { validateKeys } from './keys.js';
import { validateDatabaseNames } from './database-names.js';
import { validateNames } from './names.js';
import { validatePartialIndexes } from './partial-indexes.js';
import { validateProviderFeatures } from './provider.js';
import { validateReferentialActions } from './referential-actions.js';
import { validateRelations } from './relations.js';
import { validateViews } from './views.js';

export type Rule = (ctx: ValidationContext) => Diagnostic[];

const RULES: readonly Rule[] = [
  validateDatasource,
  validateGenerators,
  validateNames,
  validateDatabaseNames,
  validateDefaults,
  validateFieldAttributes,
  validateKeys,
  validateConstraintNames,
  validatePartialIndexes,
  validateRelations,
  validateReferentialActions,
  validateProviderFeatures,
  validateViews,
];

export function validateSchemaModel(schema: SchemaModel): Diagnostic[] {
  const ctx = buildContext(schema);
  return RULES.flatMap((rule) => rule(ctx));
}
