/**
 * The semantic difference between two DatabaseModels. A Change says what differs, not how to execute it:
 * the planner (plan/) turns changes into executable steps.
 */
import type { Column, ForeignKey, Index, PrimaryKey, Table } from '../database/model.js';

export type ColumnChangeKind = 'type' | 'nullability' | 'default' | 'generated';

export type Change =
  | { readonly kind: 'AddTable'; readonly table: Table }
  | { readonly kind: 'DropTable'; readonly table: Table }
  | { readonly kind: 'RenameTable'; readonly from: string; readonly to: string }
  | { readonly kind: 'AddColumn'; readonly table: string; readonly column: Column }
  | { readonly kind: 'DropColumn'; readonly table: string; readonly column: Column }
  | { readonly kind: 'RenameColumn'; readonly table: string; readonly from: string; readonly to: string }
  | { readonly kind: 'AlterColumn'; readonly table: string; readonly from: Column; readonly to: Column; readonly changes: readonly ColumnChangeKind[] }
  | { readonly kind: 'AlterPrimaryKey'; readonly table: string; readonly from?: PrimaryKey; readonly to?: PrimaryKey }
  | { readonly kind: 'AddIndex'; readonly index: Index }
  | { readonly kind: 'DropIndex'; readonly index: Index }
  | { readonly kind: 'AddForeignKey'; readonly table: string; readonly foreignKey: ForeignKey }
  | { readonly kind: 'DropForeignKey'; readonly table: string; readonly foreignKey: ForeignKey };

export type ChangeKind = Change['kind'];

/** Explicit renames: the differ never guesses them; it only suggests (renames.ts). */
export interface Renames {
  readonly tables?: readonly { readonly from: string; readonly to: string }[];
  readonly columns?: readonly { readonly table: string; readonly from: string; readonly to: string }[];
}

/** The table a change applies to (the new name for renames). */
export function tableOfChange(change: Change): string {
  switch (change.kind) {
    case 'AddTable':
    case 'DropTable':
      return change.table.name;
    case 'RenameTable':
      return change.to;
    case 'AddIndex':
    case 'DropIndex':
      return change.index.table;
    default:
      return change.table;
  }
}
