/**
 * Where a project keeps things, resolved as Prisma resolves them: the migrations folder beside the schema, and
 * the database from `--db`, else `DATABASE_URL`, else the datasource `url` (a `file:` path relative to the schema
 * file, `env("X")` read from the environment).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaModel } from '../schema/model.js';
import { databasePathFromUrl } from './sources.js';

/** The folder the schema lives in (the schema file's folder, or the schema folder itself). */
export function schemaDirectory(location: string): string {
  try {
    return statSync(location).isDirectory() ? location : path.dirname(location);
  } catch {
    return path.dirname(location);
  }
}

/** `<schema folder>/migrations`, Prisma's default. */
export function defaultMigrationsDir(schemaLocation: string): string {
  return path.join(schemaDirectory(schemaLocation), 'migrations');
}

export interface DatabaseLocation {
  readonly path?: string;
  /** Where the location came from, for messages. */
  readonly from?: '--db' | 'DATABASE_URL' | 'datasource url';
  readonly diagnostics: readonly Diagnostic[];
}

export function resolveDatabasePath(options: {
  readonly db?: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly schema?: SchemaModel;
  readonly schemaLocation?: string;
}): DatabaseLocation {
  if (options.db !== undefined) return { path: databasePathFromUrl(options.db, options.cwd), from: '--db', diagnostics: [] };
  const base = options.schemaLocation ? schemaDirectory(options.schemaLocation) : options.cwd;
  const envUrl = options.env.DATABASE_URL;
  if (envUrl) return fromUrl(envUrl, base, 'DATABASE_URL');
  const url = options.schema?.datasource?.url;
  if (url?.kind === 'String') return fromUrl(url.value, base, 'datasource url');
  if (url?.kind === 'Env') {
    const value = options.env[url.variable];
    if (value) return fromUrl(value, base, 'datasource url');
    return {
      diagnostics: [
        diagnostic('M419', `The datasource url reads \`${url.variable}\` from the environment, and it is not set.`, {
          hint: `Set ${url.variable}=file:./dev.db, or pass --db <file>.`,
        }),
      ],
    };
  }
  return { diagnostics: [diagnostic('M419', 'No database given.')] };
}

function fromUrl(url: string, base: string, from: DatabaseLocation['from']): DatabaseLocation {
  if (!/^file:/.test(url) && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return {
      diagnostics: [diagnostic('M419', `The database url \`${url}\` (${from}) is not a SQLite file url.`, { hint: 'Use `file:./dev.db` (relative to the schema file) or pass --db <file>.' })],
    };
  }
  return { path: databasePathFromUrl(url, base), ...(from ? { from } : {}), diagnostics: [] };
}
