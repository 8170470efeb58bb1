/** A human summary of changes, in the spirit of `prisma migrate diff` without `--script`. */
import type { Change } from './changes.js';
import { tableOfChange } from './changes.js';

function columnsOf(names: readonly (string | undefined)[]): string {
  return `(${names.filter((n): n is string => n !== undefined).join(', ')})`;
}

function describe(change: Change): string {
  switch (change.kind) {
    case 'AddTable':
    case 'DropTable':
    case 'RenameTable':
      return '';
    case 'AddColumn':
      return `[+] Added column \`${change.column.name}\` ${change.column.type}${change.column.notNull ? ' NOT NULL' : ''}${change.column.default !== undefined ? ` DEFAULT ${change.column.default}` : ''}`;
    case 'DropColumn':
      return `[-] Removed column \`${change.column.name}\``;
    case 'RenameColumn':
      return `[*] Renamed column \`${change.from}\` to \`${change.to}\``;
    case 'AlterColumn': {
      const what = change.changes.map((k) =>
        k === 'type' ? `type ${change.from.type || '(none)'} → ${change.to.type || '(none)'}` : k === 'nullability' ? (change.to.notNull ? 'made required' : 'made optional') : k === 'default' ? `default ${change.from.default ?? 'none'} → ${change.to.default ?? 'none'}` : 'generated expression',
      );
      return `[*] Altered column \`${change.to.name}\` (${what.join(', ')})`;
    }
    case 'AlterPrimaryKey':
      return `[*] Changed the primary key ${columnsOf(change.from?.columns ?? [])} → ${columnsOf(change.to?.columns ?? [])}`;
    case 'AddIndex':
      return `[+] Added ${change.index.unique ? 'unique ' : ''}index \`${change.index.name}\` on columns ${columnsOf(change.index.columns.map((c) => c.name ?? c.expression))}`;
    case 'DropIndex':
      return `[-] Removed ${change.index.unique ? 'unique ' : ''}index \`${change.index.name}\` on columns ${columnsOf(change.index.columns.map((c) => c.name ?? c.expression))}`;
    case 'AddForeignKey':
      return `[+] Added foreign key on columns ${columnsOf(change.foreignKey.columns)} → \`${change.foreignKey.referencedTable}\` (ON DELETE ${change.foreignKey.onDelete})`;
    case 'DropForeignKey':
      return `[-] Removed foreign key on columns ${columnsOf(change.foreignKey.columns)} → \`${change.foreignKey.referencedTable}\``;
  }
}

export function summarizeChanges(changes: readonly Change[]): string {
  if (changes.length === 0) return 'No difference detected.';
  const lines: string[] = [];
  const added = changes.filter((c) => c.kind === 'AddTable');
  const dropped = changes.filter((c) => c.kind === 'DropTable');
  const renamed = changes.filter((c) => c.kind === 'RenameTable');
  if (added.length) lines.push('[+] Added tables', ...added.map((c) => `  - ${tableOfChange(c)}`), '');
  if (dropped.length) lines.push('[-] Removed tables', ...dropped.map((c) => `  - ${tableOfChange(c)}`), '');
  if (renamed.length) lines.push('[*] Renamed tables', ...renamed.map((c) => (c.kind === 'RenameTable' ? `  - ${c.from} → ${c.to}` : '')), '');
  const byTable = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.kind === 'AddTable' || c.kind === 'DropTable' || c.kind === 'RenameTable') continue;
    const t = tableOfChange(c);
    byTable.set(t, [...(byTable.get(t) ?? []), c]);
  }
  for (const [table, list] of byTable) {
    lines.push(`[*] Changed the \`${table}\` table`);
    for (const c of list) lines.push(`  ${describe(c)}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
