/**
 * The programmatic API. The CLI is a thin skin over these functions; build tools and app code call them
 * directly. They never print and never call process.exit: problems come back as diagnostics.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { formatSchemaSources, matchLineEndings } from '../schema/format.js';
import { locateSchema, parseSchemaSources, readSchemaSources, type SchemaSource } from '../schema/load.js';
import type { SchemaModel } from '../schema/model.js';
import { validateSchemaModel } from '../schema/validate/index.js';

export interface SchemaLocationOptions {
  /** A schema file or folder. Default: Prisma's discovery (`prisma/schema.prisma`, `schema.prisma`, `prisma/`). */
  readonly schema?: string;
  /** Base directory for discovery and for paths in diagnostics. Default: process.cwd(). */
  readonly cwd?: string;
}

export interface LoadSchemaOptions extends SchemaLocationOptions {
  /** Run the validation rules (default true). Parsing and lowering problems are always reported. */
  readonly validate?: boolean;
}

export interface LoadSchemaResult {
  /** Absent when nothing could be read. Present (possibly partial) when there are errors. */
  readonly schema?: SchemaModel;
  /** The schema file, or the folder of schema files. */
  readonly location?: string;
  readonly sources: readonly SchemaSource[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
}

/** Finds, reads, parses, lowers and (by default) validates a schema. */
export function loadSchema(options: LoadSchemaOptions = {}): LoadSchemaResult {
  const read = readSchema(options);
  if (read.location === undefined || read.sources.length === 0) return { ...read, ok: false };
  const result = validateSources(read.sources, options.validate ?? true);
  const diagnostics = [...read.diagnostics, ...result.diagnostics];
  return { schema: result.schema, location: read.location, sources: read.sources, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Finds, reads and validates a schema: `codegen validate` as a function. `ok` is false when there is any error. */
export function validate(options: SchemaLocationOptions = {}): LoadSchemaResult {
  return loadSchema({ ...options, validate: true });
}

/** Finds and reads the schema's files; `location` is absent when none was found. */
function readSchema(options: SchemaLocationOptions): { cwd: string; location?: string; sources: SchemaSource[]; diagnostics: Diagnostic[] } {
  const cwd = options.cwd ?? process.cwd();
  const located = locateSchema(cwd, options.schema);
  if (!located.location) return { cwd, sources: [], diagnostics: located.diagnostics };
  return { cwd, location: located.location, ...readSchemaSources(located.location, cwd) };
}

/** Parses and validates in-memory schema text (one or more files). */
export function validateSources(sources: readonly SchemaSource[], runRules = true): { schema: SchemaModel; diagnostics: Diagnostic[]; ok: boolean } {
  const parsed = parseSchemaSources(sources);
  const found = [...parsed.diagnostics];
  if (runRules) found.push(...validateSchemaModel(parsed.schema));
  const diagnostics = sortDiagnostics(found);
  return { schema: parsed.schema, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Parses and validates one schema given as text. */
export function validateSchemaText(text: string, path = 'schema.prisma'): { schema: SchemaModel; diagnostics: Diagnostic[]; ok: boolean } {
  return validateSources([{ path, text }]);
}

export type FormatSchemaOptions = SchemaLocationOptions;

export interface FormattedFile {
  /** The path as shown to people (relative to cwd when inside it). */
  readonly path: string;
  readonly absolutePath: string;
  readonly before: string;
  /** The canonical text, with the file's own line breaks (CRLF stays CRLF). */
  readonly after: string;
  readonly changed: boolean;
}

export interface FormatSchemaResult {
  readonly location?: string;
  /** Every file of the schema; empty when there are errors (nothing may be rewritten then). */
  readonly files: readonly FormattedFile[];
  readonly sources: readonly SchemaSource[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/**
 * Formats every file of a schema in memory, as `prisma format` would. Writes nothing: pass the result to
 * writeFormattedFiles, or compare `before` and `after` for a check. Refuses (no files) when any file has errors.
 */
export function formatSchema(options: FormatSchemaOptions = {}): FormatSchemaResult {
  const { cwd, ...read } = readSchema(options);
  const formatted = formatSchemaSources(read.sources);
  const diagnostics = [...read.diagnostics, ...formatted.diagnostics];
  const base = { ...read, diagnostics };
  if (read.location === undefined || hasErrors(diagnostics) || !formatted.texts) return { ...base, files: [], ok: false };
  const files = read.sources.map((source, i): FormattedFile => {
    const after = matchLineEndings(source.text, formatted.texts![i]!);
    return { path: source.path, absolutePath: path.resolve(cwd, source.path), before: source.text, after, changed: after !== source.text };
  });
  return { ...base, files, ok: true };
}

/** Writes the changed files of a format result, each atomically. Returns the files written and the ones it could not write. */
export function writeFormattedFiles(files: readonly FormattedFile[]): { written: FormattedFile[]; diagnostics: Diagnostic[] } {
  return writeSchemaFiles(files);
}

/**
 * Writes the changed schema files, each atomically, creating the folder of a new one and keeping the byte order mark
 * of an existing one. A file that cannot be written is a P115 diagnostic; the others are still written.
 */
export function writeSchemaFiles<F extends { readonly path: string; readonly absolutePath: string; readonly after: string; readonly changed: boolean }>(
  files: readonly F[],
): { written: F[]; diagnostics: Diagnostic[] } {
  const written: F[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (!file.changed) continue;
    try {
      const exists = existsSync(file.absolutePath);
      if (!exists) mkdirSync(path.dirname(file.absolutePath), { recursive: true });
      writeFileAtomic(file.absolutePath, (exists && startsWithBom(file.absolutePath) ? '\uFEFF' : '') + file.after);
      written.push(file);
    } catch (e) {
      diagnostics.push(diagnostic('P115', `Cannot write \`${file.path}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`));
    }
  }
  return { written, diagnostics };
}

/** Reading strips a UTF-8 byte order mark; writing puts it back where there was one. */
function startsWithBom(file: string): boolean {
  const head = Buffer.alloc(3);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}
