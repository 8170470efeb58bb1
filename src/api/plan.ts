/**
 * `planMigration`: the migration between two database states held in memory (no files, no database). Each side is a
 * DatabaseModel (from `introspectDatabase`, say) or a loaded schema (`loadSchema().schema`), whose `@renamed` hints
 * and safety hints apply as in `diff`. For files, databases and migrations folders, use `diff`.
 */
import { databaseModelFromSchema } from '../database/from-schema.js';
import type { DatabaseModel } from '../database/model.js';
import { renamesFromSchema, schemaHints } from '../database/schema-hints.js';
import type { Renames } from '../diff/changes.js';
import type { SchemaModel } from '../schema/model.js';
import { planBetween, type MigrationPlanResult } from './diff.js';

export type PlanSide = DatabaseModel | SchemaModel;

export interface PlanMigrationOptions {
  readonly from: PlanSide;
  readonly to: PlanSide;
  /** Renames to apply, besides those a `to` schema declares with `/// @renamed(from: "…")`. */
  readonly renames?: Renames;
  /** The SQLite version the SQL will run on (default: a current one); before 3.35 a dropped column needs a rebuild. */
  readonly sqliteVersion?: string;
}

export type PlanMigrationResult = MigrationPlanResult;

/** Plans the migration from one in-memory state to another. Pure: no I/O, nothing printed, nothing thrown for data. */
export function planMigration(options: PlanMigrationOptions): PlanMigrationResult {
  const from = asDatabase(options.from);
  const to = asDatabase(options.to);
  const declared = isSchema(options.to) ? renamesFromSchema(options.to) : undefined;
  const renames: Renames = {
    tables: [...(declared?.tables ?? []), ...(options.renames?.tables ?? [])],
    columns: [...(declared?.columns ?? []), ...(options.renames?.columns ?? [])],
  };
  return planBetween(from, to, {
    renames,
    ...(isSchema(options.to) ? { hints: schemaHints(options.to) } : {}),
    ...(options.sqliteVersion !== undefined ? { sqliteVersion: options.sqliteVersion } : {}),
  });
}

function isSchema(side: PlanSide): side is SchemaModel {
  return 'models' in side;
}

function asDatabase(side: PlanSide): DatabaseModel {
  return isSchema(side) ? databaseModelFromSchema(side) : side;
}
