/** Generating the typed client (DESIGN.md §1.4): handlebars and ts-morph load lazily, only when this runs. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadSchema, type LoadSchemaOptions, type LoadSchemaResult } from './schema.js';

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
  const { generateFiles } = await import('../codegen/generate.js');
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
    const { typeCheckDirectory } = await import('../codegen/emit.js');
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
