import type { DatabaseModel } from '../../src/database/model.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { createDatabase } from './sqlite.ts';

/** The DatabaseModel of a database built from SQL (with better-sqlite3 directly). */
export function introspectSql(sql: string): DatabaseModel {
  const conn = openDatabase(createDatabase(sql), { readonly: true });
  try {
    return introspectDatabase(conn).model;
  } finally {
    conn.close();
  }
}
