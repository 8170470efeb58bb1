import type { Table } from '../../src/database/model.ts';
import { readMigrationsFolder } from '../../src/migrate/folder.ts';
import { runMigrationsOn } from '../../src/migrate/replay.ts';
import { readCatalog } from '../../src/sqlite/catalog.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import type { Section } from '../section.ts';
import { corpusProjects } from './corpus-projects.ts';

/**
 * Every corpus migration history replays into :memory:, and introspection reads every table without an I611 (text
 * it cannot parse, or text that disagrees with the PRAGMAs). A differential check against SQLite itself: each
 * column's DEFAULT text, as the parser cut it, must be what `PRAGMA table_info` reports once SQLite's outer
 * parentheses are removed.
 */
export const introspectCorpus: Section = {
  name: 'introspect',
  title: 'real migration histories introspect cleanly',
  async run({ corpus }) {
    const projects = corpusProjects(corpus);
    const failures: string[] = [];
    let tables = 0;
    for (const project of projects) {
      const conn = openDatabase(':memory:');
      try {
        const { error } = runMigrationsOn(conn, readMigrationsFolder(project.migrations).migrations);
        if (error) failures.push(`${project.name}: ${error.code} ${error.message}`);
        const { model, diagnostics } = introspectDatabase(conn);
        tables += model.tables.length;
        for (const d of diagnostics) if (d.code === 'I611') failures.push(`${project.name}: ${d.code} ${d.message}`);
        failures.push(...defaultMismatches(project.name, conn, model.tables));
        console.log(`  ${project.name}: ${model.tables.length} tables, ${model.tables.reduce((n, t) => n + t.indexes.length, 0)} indexes, ${diagnostics.length} notes`);
      } finally {
        conn.close();
      }
    }
    for (const f of failures) console.log(`  FAIL ${f}`);
    return { ok: failures.length === 0, summary: `${projects.length} histories, ${tables} tables, ${failures.length} problems` };
  },
};

function defaultMismatches(project: string, conn: DatabaseConnection, tables: readonly Table[]): string[] {
  const pragmaDefaults = new Map<string, string | null>();
  for (const row of readCatalog(conn, conn.capabilities.internalTables).columns) pragmaDefaults.set(`${row.tableName}.${row.name}`, row.defaultValue);
  const problems: string[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const pragma = pragmaDefaults.get(`${table.name}.${column.name}`) ?? null;
      const ours = column.default === undefined ? null : withoutOuterParentheses(column.default);
      if (ours !== pragma) problems.push(`${project}: ${table.name}.${column.name} DEFAULT ${column.default} but SQLite reports ${pragma}`);
    }
  }
  return problems;
}

/** `(expr)` → `expr`, as SQLite stores a parenthesised default. Only for this comparison. */
function withoutOuterParentheses(text: string): string {
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : text;
}
