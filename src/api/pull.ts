/**
 * `pull`: a SQLite database → a schema, as `prisma db pull` does. Three modes:
 * - new: no schema yet; a fresh pull (with a datasource pointing at the database) is written;
 * - merge: a schema exists; the database is merged into it, keeping everything the database cannot tell;
 * - overwrite (`force`): the schema's models are replaced by a fresh pull; its datasource and generators stay.
 * The database is opened read-only. Nothing is written here: pass the result to writePulledFiles.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { databaseModelFromSchema } from '../database/from-schema.js';
import type { DatabaseModel } from '../database/model.js';
import { diffDatabases } from '../diff/diff.js';
import { buildPulledSchema } from '../pull/build.js';
import { mergePull, type MergeSummary } from '../pull/merge.js';
import type { PulledSchema } from '../pull/model.js';
import type { NamingStyle } from '../pull/names.js';
import { datasourceBlock, renderPulledSchema } from '../pull/render.js';
import { matchLineEndings } from '../schema/format.js';
import { displayPath, locateSchema, parseSchemaSources, readSchemaSources, type SchemaSource } from '../schema/load.js';
import type { SchemaModel } from '../schema/model.js';
import { DatabaseError } from '../sqlite/errors.js';
import { introspectDatabase } from '../sqlite/introspect.js';
import { openDatabase } from '../sqlite/open.js';
import { resolveDatabasePath } from './project.js';
import { writeSchemaFiles } from './schema.js';
import { validateSchemaModel } from '../schema/validate/index.js';

export interface PullOptions {
  /** The database: a path or a `file:` URL. Default: DATABASE_URL, then the datasource url of the existing schema. */
  readonly db?: string;
  /** The schema to write, and to merge into when it exists. Default: Prisma's discovery, else `prisma/schema.prisma`. */
  readonly schema?: string;
  /**
   * `prisma`: keep the database names. `camel`: PascalCase models, camelCase fields, mapped. Default: `prisma` for a
   * new schema; in a merge, the naming the existing schema follows (for the tables and columns the database adds).
   */
  readonly naming?: NamingStyle;
  /** Replace the existing schema's models with a fresh pull instead of merging (its datasource and generators stay). */
  readonly force?: boolean;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface PulledFile {
  /** As shown to people (relative to cwd when inside it). */
  readonly path: string;
  readonly absolutePath: string;
  /** The file's text before the pull; absent for a new file. */
  readonly before?: string;
  readonly after: string;
  readonly changed: boolean;
}

export interface PullResult {
  readonly ok: boolean;
  readonly mode: 'new' | 'merge' | 'overwrite';
  /** Every file of the resulting schema (empty when not ok). */
  readonly files: readonly PulledFile[];
  /** The database file that was read. */
  readonly database?: string;
  /** The pull of the database (models, relations, views), with the user's names in a merge. */
  readonly pulled?: PulledSchema;
  /** What a merge changed. */
  readonly merge?: MergeSummary;
  readonly diagnostics: readonly Diagnostic[];
  /** The schema's sources, for code frames in diagnostics. */
  readonly sources: readonly SchemaSource[];
}

function hasPartialIndexes(db: DatabaseModel): boolean {
  return db.tables.some((t) => t.indexes.some((i) => i.where !== undefined));
}

/** A fresh pull of a database model, as formatted schema text. Pure. */
export function pullSchemaText(db: DatabaseModel, options: { naming?: NamingStyle; header?: string } = {}): string {
  return renderPulledSchema(buildPulledSchema(db, { style: options.naming ?? 'prisma' }), options.header ?? datasourceBlock(undefined, { partialIndexes: hasPartialIndexes(db) }));
}

/** The existing schema merged with a database model: the new text of each of its files. Pure. */
export function repullSchema(existing: SchemaModel, db: DatabaseModel, naming?: NamingStyle): { texts: readonly string[]; summary: MergeSummary } {
  const { texts, summary } = mergePull(existing, db, naming);
  return { texts, summary };
}

export function pull(options: PullOptions = {}): PullResult {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const located = findSchema(cwd, options.schema);
  const mode: PullResult['mode'] = !located.existing ? 'new' : options.force ? 'overwrite' : 'merge';
  const fail = (diagnostics: readonly Diagnostic[], sources: readonly SchemaSource[] = []): PullResult => ({ ok: false, mode, files: [], diagnostics, sources });

  let existing: { schema: SchemaModel; sources: SchemaSource[] } | undefined;
  if (located.existing) {
    const read = readSchemaSources(located.location, cwd);
    const parsed = parseSchemaSources(read.sources);
    const problems = [...read.diagnostics, ...parsed.diagnostics, ...validateSchemaModel(parsed.schema)];
    if (options.force && statSync(located.location).isDirectory()) return fail([diagnostic('I614', `--force replaces one schema file, and ${displayPath(cwd, located.location)} is a folder.`, { hint: 'Pass --schema <file> for the fresh pull, or pull without --force to merge into the folder.' })]);
    if (!options.force && hasErrors(problems)) {
      return fail([...problems, diagnostic('I614', `The schema ${displayPath(cwd, located.location)} has errors, so the database cannot be merged into it.`)], read.sources);
    }
    const provider = parsed.schema.datasource?.provider;
    if (!options.force && provider !== undefined && provider !== 'sqlite') {
      return fail([diagnostic('I614', `The schema's datasource is \`${provider}\`; pull reads SQLite databases.`)], read.sources);
    }
    existing = { schema: parsed.schema, sources: read.sources };
  }

  const where = resolveDatabasePath({
    cwd,
    env,
    ...(options.db !== undefined ? { db: options.db } : {}),
    ...(existing ? { schema: existing.schema } : {}),
    schemaLocation: located.location,
  });
  if (!where.path) return fail(where.diagnostics, existing?.sources);
  const read = readDatabase(where.path);
  if ('error' in read) return fail([read.error], existing?.sources);
  const { model: db, diagnostics: introspection } = read;

  const target = located.location;
  const shown = (file: string): string => displayPath(cwd, file);
  let files: PulledFile[];
  let pulled: PulledSchema;
  let merge: MergeSummary | undefined;
  if (mode === 'merge') {
    const result = mergePull(existing!.schema, db, options.naming);
    pulled = result.pulled;
    merge = result.summary;
    files = existing!.sources.map((s, i) => {
      const absolutePath = path.resolve(cwd, s.path);
      const after = matchLineEndings(s.text, result.texts[i]!);
      return { path: s.path, absolutePath, before: s.text, after, changed: after !== s.text };
    });
  } else {
    pulled = buildPulledSchema(db, { style: options.naming ?? 'prisma' });
    const header = existing ? configBlocks(existing.sources[0]!) : datasourceBlock(datasourceUrl(where.from, where.path, target), { partialIndexes: hasPartialIndexes(db) });
    const before = existing?.sources[0]?.text;
    const after = matchLineEndings(before ?? '', renderPulledSchema(pulled, header));
    files = [{ path: shown(target), absolutePath: target, ...(before !== undefined ? { before } : {}), after, changed: after !== before }];
  }
  const clientNames = clientNameNotes(files, merge ? new Set(merge.addedModels) : undefined);
  const diagnostics = [
    ...introspection,
    ...pullNotes(pulled, mode !== 'new' && !!existing?.schema.generators.some((g) => g.previewFeatures.includes('partialIndexes'))),
    ...clientNames,
    ...residualDifference(db, files, shown(where.path), files.length === 1 ? files[0]!.path : shown(target)),
  ];
  // Code frames for the notes on the written text.
  const sources = clientNames.length ? files.map((f) => ({ path: f.path, text: f.after })) : (existing?.sources ?? []);
  return { ok: true, mode, files, database: where.path, pulled, ...(merge ? { merge } : {}), diagnostics, sources };
}

/** Writes the changed files (creating the schema's folder for a new one), each atomically. */
export function writePulledFiles(files: readonly PulledFile[]): { written: PulledFile[]; diagnostics: Diagnostic[] } {
  return writeSchemaFiles(files);
}

/** The schema to merge into (when one exists), or the file a fresh pull goes to. */
function findSchema(cwd: string, explicit: string | undefined): { location: string; existing: boolean } {
  if (explicit !== undefined) {
    const location = path.resolve(cwd, explicit);
    return { location, existing: statSync(location, { throwIfNoEntry: false }) !== undefined };
  }
  const found = locateSchema(cwd).location;
  return found ? { location: found, existing: true } : { location: path.join(cwd, 'prisma', 'schema.prisma'), existing: false };
}

function readDatabase(file: string): { model: DatabaseModel; diagnostics: readonly Diagnostic[] } | { error: Diagnostic } {
  let conn;
  try {
    conn = openDatabase(file, { readonly: true });
  } catch (e) {
    if (e instanceof DatabaseError) return { error: e.diagnostic };
    throw e;
  }
  try {
    return introspectDatabase(conn);
  } catch (e) {
    if (e instanceof DatabaseError) return { error: e.diagnostic };
    throw e;
  } finally {
    conn.close();
  }
}

/** The `url` of a new datasource: the database relative to the schema file, or the variable it came from. */
function datasourceUrl(from: string | undefined, dbPath: string, schemaFile: string): string {
  if (from === 'DATABASE_URL') return 'env("DATABASE_URL")';
  let rel = path.relative(path.dirname(schemaFile), dbPath).split(path.sep).join('/');
  if (!rel.startsWith('.') && !path.isAbsolute(rel)) rel = `./${rel}`;
  return JSON.stringify(`file:${rel}`);
}

/** The datasource and generator blocks of a schema file, as written, for `--force`. */
function configBlocks(source: SchemaSource): string {
  const parsed = parseSchemaSources([source]).schema.files[0]!.ast;
  const blocks = parsed.items.filter((i) => i.kind === 'Block' && (i.keyword === 'datasource' || i.keyword === 'generator'));
  if (blocks.length === 0) return datasourceBlock();
  return blocks.map((b) => source.text.slice(b.span.start.offset, b.span.end.offset)).join('\n\n') + '\n';
}

function pullNotes(pulled: PulledSchema, partialIndexesEnabled: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const partial = pulled.models.flatMap((m) => m.indexes.filter((i) => i.index.where !== undefined).map((i) => `${m.name} (${i.index.name})`));
  if (partial.length && !partialIndexesEnabled) out.push(diagnostic('I619', `Partial indexes are written with \`where: raw(…)\`: ${partial.join(', ')}.`));
  const ignored = pulled.models.filter((m) => m.ignored).map((m) => m.name);
  if (ignored.length) out.push(diagnostic('I616', `${ignored.length === 1 ? 'This model has' : 'These models have'} no unique criterion and ${ignored.length === 1 ? 'is' : 'are'} ignored (@@ignore): ${ignored.join(', ')}.`));
  const unsupported = pulled.models.flatMap((m) => m.fields.filter((f) => f.kind === 'scalar' && f.type.kind === 'unsupported').map((f) => `${m.name}.${f.name}`));
  if (unsupported.length) out.push(diagnostic('I617', `Fields of an Unsupported type (left out of the client): ${unsupported.join(', ')}.`));
  const noted = pulled.models.filter((m) => m.notes.length).map((m) => m.name);
  const views = pulled.views.length;
  if (noted.length || views) {
    const parts = [...(noted.length ? [`what the models ${noted.join(', ')} cannot express`] : []), ...(views ? [`${views} view${views === 1 ? '' : 's'}`] : [])];
    out.push(diagnostic('I618', `Written as comments, kept by the database: ${parts.join(', and ')}.`));
  }
  return out;
}

/**
 * The V244 warnings of the pulled schema: a table kept under a name the generated client must rename (`object` →
 * type `object_`) or cannot use. In a merge, only for the models the pull added (the others are the user's names).
 */
function clientNameNotes(files: readonly PulledFile[], added: ReadonlySet<string> | undefined): Diagnostic[] {
  const parsed = parseSchemaSources(files.map((f) => ({ path: f.path, text: f.after })));
  if (hasErrors(parsed.diagnostics)) return [];
  const models = parsed.schema.models.filter((m) => !added || added.has(m.name));
  const at = new Set(models.flatMap((m) => [m.nameSpan, ...m.fields.map((f) => f.nameSpan)]).map((s) => `${s.file}:${s.start.offset}`));
  return validateSchemaModel(parsed.schema).filter((d) => d.code === 'V244' && d.span && at.has(`${d.span.file}:${d.span.start.offset}`));
}

/** What a migration from the pulled schema would still change: the database features no schema can express. */
function residualDifference(db: DatabaseModel, files: readonly PulledFile[], dbShown: string, schemaShown: string): Diagnostic[] {
  const parsed = parseSchemaSources(files.map((f) => ({ path: f.path, text: f.after })));
  if (hasErrors(parsed.diagnostics)) return [];
  const changes = diffDatabases(db, databaseModelFromSchema(parsed.schema));
  if (changes.length === 0) return [];
  const tables = [...new Set(changes.map((c) => ('table' in c ? (typeof c.table === 'string' ? c.table : c.table.name) : 'index' in c ? c.index.table : '')))].filter(Boolean);
  return [
    diagnostic('I615', `A migration from the pulled schema would still change ${tables.length === 1 ? 'the table' : 'the tables'} ${tables.join(', ')} (${changes.length} change${changes.length === 1 ? '' : 's'} the schema cannot express).`, {
      hint: `See them with \`codegen diff --from-db ${dbShown} --to-schema ${schemaShown}\` before you migrate from this schema.`,
    }),
  ];
}
