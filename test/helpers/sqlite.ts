import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder for database files. */
export function tempDir(prefix = 'codegen-sqlite-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Creates a database file with better-sqlite3 directly (not through the code under test) and runs `sql` in it.
 * Returns the file's path.
 */
export function createDatabase(sql: string, file = path.join(tempDir(), 'test.db')): string {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return file;
}

/** Runs `fn` with a raw better-sqlite3 handle on `file`, then closes it. */
export function withRawDatabase<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
