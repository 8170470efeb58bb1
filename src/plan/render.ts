/**
 * Renders a plan as a migration script: Prisma's `-- StepName` headers, one blank line between steps, and the
 * warnings as a comment block at the top. The renderer is an exhaustive map over step kinds: a missing case is
 * a compile error, never empty output.
 */
import { quoteIdentifier as q } from '../database/sql-text.js';
import { renderColumn, renderCreateIndex, renderCreateTable } from './ddl.js';
import type { Step, StepKind } from './steps.js';

type Renderer<K extends StepKind> = (step: Extract<Step, { kind: K }>) => string[];

const RENDERERS: { [K in StepKind]: Renderer<K> } = {
  DropIndex: (s) => ['-- DropIndex', `DROP INDEX ${q(s.index.name)};`],
  DropTable: (s) => ['-- DropTable', 'PRAGMA foreign_keys=off;', `DROP TABLE ${q(s.table.name)};`, 'PRAGMA foreign_keys=on;'],
  RenameTable: (s) => ['-- RenameTable', `ALTER TABLE ${q(s.from)} RENAME TO ${q(s.to)};`],
  CreateTable: (s) => ['-- CreateTable', renderCreateTable(s.table)],
  RenameColumn: (s) => ['-- AlterTable', `ALTER TABLE ${q(s.table)} RENAME COLUMN ${q(s.from)} TO ${q(s.to)};`],
  AddColumn: (s) => ['-- AlterTable', `ALTER TABLE ${q(s.table)} ADD COLUMN ${renderColumn(s.column)};`],
  DropColumn: (s) => ['-- AlterTable', `ALTER TABLE ${q(s.table)} DROP COLUMN ${q(s.column)};`],
  RedefineTables: (s) => {
    const lines = ['-- RedefineTables', 'PRAGMA defer_foreign_keys=ON;', 'PRAGMA foreign_keys=OFF;'];
    // Views and triggers would be lost (triggers go with DROP TABLE) or would make the rename fail (views that
    // name a missing table): drop them first, recreate them after.
    for (const v of [...s.dependents.views].reverse()) lines.push(`DROP VIEW IF EXISTS ${q(v.name)};`);
    for (const t of s.dependents.triggers) lines.push(`DROP TRIGGER IF EXISTS ${q(t.name)};`);
    for (const t of s.tables) {
      const name = t.to.name;
      const temp = `new_${name}`;
      lines.push(`-- RedefineTables ${q(name)}: ${t.reasons.join('; ')}`);
      lines.push(renderCreateTable(t.to, temp));
      if (t.copies.length > 0) {
        lines.push(`INSERT INTO ${q(temp)} (${t.copies.map((c) => q(c.column)).join(', ')}) SELECT ${t.copies.map((c) => c.expression).join(', ')} FROM ${q(t.from.name)};`);
      }
      lines.push(`DROP TABLE ${q(t.from.name)};`);
      lines.push(`ALTER TABLE ${q(temp)} RENAME TO ${q(name)};`);
      for (const index of t.to.indexes) if (index.origin === 'c') lines.push(renderCreateIndex(index, name));
    }
    for (const v of s.dependents.views) lines.push(`${v.sql.trim().replace(/;?$/, ';')}`);
    for (const t of s.dependents.triggers) lines.push(`${t.sql.trim().replace(/;?$/, ';')}`);
    lines.push('PRAGMA foreign_keys=ON;', 'PRAGMA defer_foreign_keys=OFF;');
    return lines;
  },
  CreateIndex: (s) => ['-- CreateIndex', renderCreateIndex(s.index)],
};

export function renderStep(step: Step): string {
  const render = RENDERERS[step.kind] as Renderer<typeof step.kind>;
  return render(step as never).join('\n');
}

export interface ScriptOptions {
  /** Warning lines for the header comment (`- You are about to drop …`). */
  readonly warnings?: readonly string[];
}

/** The whole migration script. Empty plans give an empty string. */
export function renderMigrationScript(steps: readonly Step[], options: ScriptOptions = {}): string {
  const parts: string[] = [];
  if (options.warnings && options.warnings.length > 0) {
    parts.push(['/*', '  Warnings:', '', ...options.warnings.map((w) => `  - ${w}`), '', '*/'].join('\n'));
  }
  const body = steps.map(renderStep).join('\n\n');
  if (body) parts.push(body);
  return parts.length ? parts.join('\n') + '\n' : '';
}
