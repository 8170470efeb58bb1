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
  /** The table as it is when the step runs: under its new name when a RenameTable step renamed it. */
  readonly from: Table;
  /** The new definition: the desired table plus what we preserve from the old one (collations, CHECKs, options). */
  readonly to: Table;
  readonly copies: readonly ColumnCopy[];
  /** Why SQLite cannot do this with ALTER TABLE, one line each: `column "age" type INTEGER → BIGINT`. */
  readonly reasons: readonly string[];
}

export type Step =
  /** A view or trigger that would name a dropped table or column (reported as D312). */
  | { readonly kind: 'DropView'; readonly view: View; readonly changes: readonly Change[] }
  | { readonly kind: 'DropTrigger'; readonly trigger: Trigger; readonly changes: readonly Change[] }
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
      /**
       * The triggers of the rebuilt tables, recreated after the rebuild (DROP TABLE drops them), in their text after
       * the migration's renames. Views are left alone: a rebuild never renames a table (see render.ts).
       */
      readonly triggers: readonly Trigger[];
      readonly changes: readonly Change[];
    }
  | { readonly kind: 'CreateIndex'; readonly index: Index; readonly changes: readonly Change[] };

export type StepKind = Step['kind'];

/**
 * The order steps run in, with the reason for each position:
 * - DropView and DropTrigger first: while a view or trigger names a dropped table or column, SQLite refuses every
 *   ALTER TABLE … RENAME (it checks the whole schema).
 * - DropIndex next: SQLite refuses to drop an indexed column, and an index name may be reused below.
 * - DropTable before CreateTable/RenameTable: a new table may take a dropped table's name.
 * - RenameTable before anything that refers to the table by its new name.
 * - CreateTable before column changes and rebuilds, whose foreign keys may point at new tables.
 * - RenameColumn, AddColumn, DropColumn: the cheap native ALTER TABLE forms, per table.
 * - RedefineTables after all of the above, so each rebuilt table is created once in its final shape.
 * - CreateIndex last, when every table has its final columns.
 */
export const STEP_ORDER: readonly StepKind[] = ['DropView', 'DropTrigger', 'DropIndex', 'DropTable', 'RenameTable', 'CreateTable', 'RenameColumn', 'AddColumn', 'DropColumn', 'RedefineTables', 'CreateIndex'];

export function sortSteps(steps: readonly Step[]): Step[] {
  const rank = (s: Step): number => STEP_ORDER.indexOf(s.kind);
  return steps.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}
