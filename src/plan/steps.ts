/**
 * Executable migration steps, and the order they run in. Each step remembers the changes it came from, so that
 * headers, warnings and lint can say why it exists.
 */
import type { Column, Index, Table, Trigger, View } from '../database/model.js';
import type { Change } from '../diff/changes.js';

/** How one column of a rebuilt table is filled from the old table. */
export interface ColumnCopy {
  /** The column in the new table. */
  readonly column: string;
  /** The SQL expression over the old table (`"name"`, `coalesce("name", 'x')`). */
  readonly expression: string;
}

export interface RedefinedTable {
  readonly from: Table;
  /** The new definition: the desired table plus what we preserve from the old one (collations, CHECKs, options). */
  readonly to: Table;
  readonly copies: readonly ColumnCopy[];
  /** Why SQLite cannot do this with ALTER TABLE, one line each: `column "age" type INTEGER → BIGINT`. */
  readonly reasons: readonly string[];
}

export type Step =
  | { readonly kind: 'DropIndex'; readonly index: Index; readonly changes: readonly Change[] }
  | { readonly kind: 'DropTable'; readonly table: Table; readonly changes: readonly Change[] }
  | { readonly kind: 'RenameTable'; readonly from: string; readonly to: string; readonly changes: readonly Change[] }
  | { readonly kind: 'CreateTable'; readonly table: Table; readonly changes: readonly Change[] }
  | { readonly kind: 'RenameColumn'; readonly table: string; readonly from: string; readonly to: string; readonly changes: readonly Change[] }
  | { readonly kind: 'AddColumn'; readonly table: string; readonly column: Column; readonly changes: readonly Change[] }
  | { readonly kind: 'DropColumn'; readonly table: string; readonly column: string; readonly changes: readonly Change[] }
  | {
      readonly kind: 'RedefineTables';
      readonly tables: readonly RedefinedTable[];
      /** Views and triggers dropped before the rebuild and recreated after it (SQLite would lose or reject them). */
      readonly dependents: { readonly views: readonly View[]; readonly triggers: readonly Trigger[] };
      readonly changes: readonly Change[];
    }
  | { readonly kind: 'CreateIndex'; readonly index: Index; readonly changes: readonly Change[] };

export type StepKind = Step['kind'];

/**
 * The order steps run in, with the reason for each position:
 * - DropIndex first: SQLite refuses to drop an indexed column, and an index name may be reused below.
 * - DropTable before CreateTable/RenameTable: a new table may take a dropped table's name.
 * - RenameTable before anything that refers to the table by its new name.
 * - CreateTable before column changes and rebuilds, whose foreign keys may point at new tables.
 * - RenameColumn, AddColumn, DropColumn: the cheap native ALTER TABLE forms, per table.
 * - RedefineTables after all of the above, so each rebuilt table is created once in its final shape.
 * - CreateIndex last, when every table has its final columns.
 */
export const STEP_ORDER: readonly StepKind[] = ['DropIndex', 'DropTable', 'RenameTable', 'CreateTable', 'RenameColumn', 'AddColumn', 'DropColumn', 'RedefineTables', 'CreateIndex'];

export function sortSteps(steps: readonly Step[]): Step[] {
  const rank = (s: Step): number => STEP_ORDER.indexOf(s.kind);
  return steps.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}
