/**
 * The `db` side of a diff: a SQLite file opened read-only and introspected. Its own module so that the
 * introspection worker (introspect-worker.ts) loads only the SQLite half, not the schema parser.
 */
import path from 'node:path';
import type { DatabaseModel } from '../database/model.js';
import { EMPTY_DATABASE } from '../database/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { DatabaseError } from '../sqlite/errors.js';
import { introspectDatabase } from '../sqlite/introspect.js';
import { openDatabase } from '../sqlite/open.js';

/** `file:./dev.db` → an absolute path, relative to `baseDir` as Prisma resolves SQLite URLs. Plain paths pass through. */
export function databasePathFromUrl(url: string, baseDir: string): string {
  let p = url.trim();
  if (p.startsWith('file://')) p = p.slice('file://'.length);
  else if (p.startsWith('file:')) p = p.slice('file:'.length);
  const q = p.indexOf('?');
  if (q !== -1) p = p.slice(0, q);
  return path.resolve(baseDir, p);
}

/** The database's model, with its open read-only connection (the caller closes it) or the reason it cannot be read. */
export function resolveDatabaseSource(
  url: string,
  cwd: string,
): { readonly model: DatabaseModel; readonly connection?: DatabaseConnection; readonly diagnostics: readonly Diagnostic[] } {
  const file = databasePathFromUrl(url, cwd);
  try {
    const connection = openDatabase(file, { readonly: true });
    const { model, diagnostics } = introspectDatabase(connection);
    return { model, connection, diagnostics };
  } catch (e) {
    if (e instanceof DatabaseError) return { model: EMPTY_DATABASE, diagnostics: [e.diagnostic] };
    throw e;
  }
}
