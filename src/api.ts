/**
 * The programmatic API. The CLI is a thin skin over these functions; build tools and app code call them
 * directly. They never print and never call process.exit: problems come back as diagnostics.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { locateSchema, parseSchemaSources, readSchemaSources, type SchemaSource } from './schema/load.js';
import type { SchemaModel } from './schema/model.js';
import { validateSchemaModel } from './schema/validate/index.js';

export interface LoadSchemaOptions {
  /** A schema file or folder. Default: Prisma's discovery (`prisma/schema.prisma`, `schema.prisma`, `prisma/`). */
  readonly schema?: string;
  /** Base directory for discovery and for paths in diagnostics. Default: process.cwd(). */
  readonly cwd?: string;
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
  const cwd = options.cwd ?? process.cwd();
  const located = locateSchema(cwd, options.schema);
  if (!located.location) return { sources: [], diagnostics: located.diagnostics, ok: false };
  const read = readSchemaSources(located.location, cwd);
  if (read.sources.length === 0) return { location: located.location, sources: [], diagnostics: read.diagnostics, ok: false };
  const result = validateSources(read.sources, options.validate ?? true);
  const diagnostics = [...read.diagnostics, ...result.diagnostics];
  return { schema: result.schema, location: located.location, sources: read.sources, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Parses and validates in-memory schema text (one or more files). */
export function validateSources(sources: readonly SchemaSource[], runRules = true): { schema: SchemaModel; diagnostics: Diagnostic[]; ok: boolean } {
  const parsed = parseSchemaSources(sources);
  const diagnostics = [...parsed.diagnostics];
  if (runRules) diagnostics.push(...validateSchemaModel(parsed.schema));
  return { schema: parsed.schema, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Parses and validates one schema given as text. */
export function validateSchemaText(text: string, path = 'schema.prisma'): { schema: SchemaModel; diagnostics: Diagnostic[]; ok: boolean } {
  return validateSources([{ path, text }]);
}

export interface GenerateOptions extends LoadSchemaOptions {
  /** The output folder (relative to cwd); default: the generator block's `output`, resolved from the schema file. */
  readonly output?: string;
  /** A folder of templates that override and extend the built-in ones. */
  readonly templates?: string;
  /** Compare with the files on disk instead of writing (`--check`). */
  readonly check?: boolean;
  /** With `check`: also type-check the (up-to-date) generated files under strict, reporting G502 (default true). */
  readonly typecheck?: boolean;
}

export interface GenerateResult {
  readonly ok: boolean;
  readonly outputDir?: string;
  /** Each generated file and what happened to it. */
  readonly files: readonly { readonly path: string; readonly status: 'written' | 'unchanged' | 'stale' | 'missing' }[];
  /** In check mode: a unified diff of the stale files (empty when up to date). */
  readonly diff: string;
  readonly stale: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: LoadSchemaResult['sources'];
}

/** Generates the typed client for a schema (handlebars + ts-morph load lazily, only here). */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const loaded = loadSchema(options);
  if (!loaded.ok || !loaded.schema || !loaded.location) {
    return { ok: false, files: [], diff: '', stale: false, diagnostics: loaded.diagnostics, sources: loaded.sources };
  }
  const { generateFiles } = await import('./codegen/generate.js');
  const r = await generateFiles(loaded.schema, {
    cwd: options.cwd ?? process.cwd(),
    schemaLocation: loaded.location,
    ...(options.output !== undefined ? { output: options.output } : {}),
    ...(options.templates !== undefined ? { templates: options.templates } : {}),
    ...(options.check !== undefined ? { check: options.check } : {}),
  });
  const diagnostics = [...loaded.diagnostics, ...r.diagnostics];
  const stale = r.files.some((f) => f.status === 'stale' || f.status === 'missing');
  if (options.check && options.typecheck !== false && r.outputDir && !stale && !hasErrors(diagnostics)) {
    const { typeCheckDirectory } = await import('./codegen/emit.js');
    diagnostics.push(...(await typeCheckDirectory(r.outputDir)));
  }
  return {
    ok: !hasErrors(diagnostics),
    ...(r.outputDir ? { outputDir: r.outputDir } : {}),
    files: r.files,
    diff: r.diff,
    stale,
    diagnostics,
    sources: loaded.sources,
  };
}
