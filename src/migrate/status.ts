/**
 * The state of a migration history against a migrations folder: a pure function of the two. Pending means a
 * folder with no row that is not rolled back, in lexicographic order — never a timestamp high-water mark, so
 * migrations merged from another branch with older names still apply.
 */
import { checksumMatches } from './checksum.js';
import type { MigrationSource } from './folder.js';
import { compareMigrationNames } from './folder.js';
import type { HistoryRow } from './history.js';

export interface MigrationState {
  /** Applied and unchanged. */
  readonly applied: readonly string[];
  /** In the folder, not applied: in apply order. */
  readonly pending: readonly MigrationSource[];
  /** Started and never finished nor rolled back: blocks further deploys until resolved. */
  readonly failed: readonly HistoryRow[];
  /** Applied, but the file changed since (checksum mismatch). */
  readonly modified: readonly { readonly name: string; readonly stored: string; readonly current: string }[];
  /** Applied (or failed) in the database, but no longer in the folder. */
  readonly missing: readonly string[];
  /** Pending migrations whose names sort before the newest applied one (merged from another branch). */
  readonly outOfOrder: readonly string[];
}

export function migrationState(migrations: readonly MigrationSource[], history: readonly HistoryRow[]): MigrationState {
  const live = history.filter((r) => r.rolledBackAt === null);
  const byName = new Map<string, HistoryRow[]>();
  for (const r of live) {
    const list = byName.get(r.migrationName) ?? [];
    list.push(r);
    byName.set(r.migrationName, list);
  }
  const folderNames = new Set(migrations.map((m) => m.name));
  const applied: string[] = [];
  const pending: MigrationSource[] = [];
  const modified: { name: string; stored: string; current: string }[] = [];
  for (const m of [...migrations].sort((a, b) => compareMigrationNames(a.name, b.name))) {
    const rows = byName.get(m.name);
    if (!rows) {
      pending.push(m);
      continue;
    }
    const done = rows.find((r) => r.finishedAt !== null);
    if (!done) continue; // failed: reported below
    applied.push(m.name);
    // The common case is an exact match of the precomputed checksum; only a mismatch pays for the line-ending variants.
    if (done.checksum !== m.checksum && !checksumMatches(done.checksum, m.sql)) modified.push({ name: m.name, stored: done.checksum, current: m.checksum });
  }
  const failed = live.filter((r) => r.finishedAt === null && !live.some((x) => x.migrationName === r.migrationName && x.finishedAt !== null));
  const missing = [...byName.keys()].filter((name) => !folderNames.has(name)).sort(compareMigrationNames);
  const newestApplied = applied[applied.length - 1];
  const outOfOrder = newestApplied === undefined ? [] : pending.filter((m) => compareMigrationNames(m.name, newestApplied) < 0).map((m) => m.name);
  return { applied, pending, failed, modified, missing, outOfOrder };
}
