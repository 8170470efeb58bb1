// The app: `node --import tsx/esm src/main.ts <library.db> [title…]` opens the reading list (creating and migrating
// it when needed), adds the books named on the command line, and prints the list.
import path from 'node:path';
import { MigrationError, type MigrateResult } from '@spacepos/codegen/migrate';
import { openLibrary } from './library.js';

const [file = 'library.db', ...titles] = process.argv.slice(2);
const name = path.basename(file);

/** One line on what this launch did to the library, as an app would log it. */
function launchSummary(m: MigrateResult, ms: string, started: readonly string[]): string {
  const count = (n: number) => `${n} migration${n === 1 ? '' : 's'}`;
  // Started here but not applied here: another process applied it while this one waited for the write lock.
  const byOther = started.filter((n) => !m.applied.includes(n)).length;
  if (m.applied.length === 0) {
    return byOther
      ? `${name} is up to date: another process applied ${count(byOther)} while this one waited (${ms} ms)`
      : `${name} is up to date: ${count(m.skipped.length)} applied before, checked in ${ms} ms`;
  }
  const backup = m.backup ? `, after a backup to ${path.basename(m.backup)}` : '';
  const others = byOther ? `; another process applied ${count(byOther)}` : '';
  return `${m.created ? 'Created' : 'Updated'} ${name}: applied ${count(m.applied.length)} in ${ms} ms${backup}${others}`;
}

try {
  const started: string[] = [];
  const { db, migration, migrateMs } = openLibrary(file, (migrationName) => {
    started.push(migrationName);
    console.log(`Applying ${migrationName}…`); // where a desktop app shows "Updating your library…"
  });
  console.log(launchSummary(migration, migrateMs.toFixed(1), started));
  for (const w of migration.warnings) console.warn(`warning ${w.code}: ${w.message}`);

  for (const title of titles) db.book.upsert({ where: { title }, create: { title }, update: {} });
  const books = db.book.findMany({ orderBy: { id: 'asc' }, select: { title: true } });
  console.log(`Reading list (${books.length}): ${books.map((b) => b.title).join(', ')}`);
  db.$close();
} catch (e) {
  if (!(e instanceof MigrationError)) throw e;
  // A desktop app would show this in a dialog. The library is as it was before the failing migration.
  console.error(`Could not open ${name}: ${e.diagnostic.code} ${e.message}`);
  process.exitCode = 1;
}
