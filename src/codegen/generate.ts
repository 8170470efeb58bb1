/**
 * The generate pipeline: schema → template context → handlebars → ts-morph format → files (or a --check diff).
 * Reads a generator block whose provider is `codegen` (or `@spacepos/codegen`): `output` and `templates` are
 * resolved relative to the schema file, as Prisma resolves `output`; other keys become generator options.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { clientNameConflicts, identityOf } from '../schema/client-names.js';
import type { SchemaModel } from '../schema/model.js';
import { buildTemplateContext } from './context.js';
import type { GeneratorContext, TemplateContext } from './context-types.js';
import { formatFiles, type Formatter } from './emit.js';
import { configText, findGenerator } from './generator-block.js';
import { renderTemplates, type RenderedFile } from './templates.js';
import { writeFiles, type FileOutcome } from './write.js';

const DATE_FORMATS = ['iso', 'unixepoch-ms'] as const;

export interface GenerateFilesOptions {
  /** The output folder; overrides the generator block. Relative to `cwd`. */
  readonly output?: string;
  /** A templates folder; overrides the generator block. Relative to `cwd`. */
  readonly templates?: string;
  /** Compare instead of writing. */
  readonly check?: boolean;
  readonly cwd: string;
  /** The schema file or folder that was loaded (for resolving paths in the generator block). */
  readonly schemaLocation: string;
  /** The codegen generator block to run, by name; default: the first one. */
  readonly generator?: string;
}

export interface GenerateFilesResult {
  readonly outputDir?: string;
  /** The custom templates folder, when the generator has one. */
  readonly templatesDir?: string;
  readonly files: readonly FileOutcome[];
  readonly diff: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly context?: TemplateContext;
}

interface ResolvedOptions {
  readonly generator: GeneratorContext;
  readonly outputDir: string;
  readonly templatesDir?: string;
  readonly formatter: Formatter;
  readonly diagnostics: Diagnostic[];
}

export function resolveGeneratorOptions(schema: SchemaModel, opts: GenerateFilesOptions): ResolvedOptions {
  const block = findGenerator(schema, opts.generator);
  const diagnostics: Diagnostic[] = [];
  const schemaFile = block ? path.resolve(opts.cwd, block.span.file) : opts.schemaLocation;
  const schemaDir = block || !opts.schemaLocation.endsWith('.prisma') ? path.dirname(schemaFile) : path.dirname(opts.schemaLocation);
  const options: Record<string, string> = {};
  let output: string | undefined;
  let templates: string | undefined;
  let dateTimeFormat: GeneratorContext['dateTimeFormat'] = 'iso';
  let formatter: Formatter = 'fast';
  for (const p of block?.properties ?? []) {
    const value = configText(p.value);
    if (p.key === 'provider') continue;
    if (p.key === 'output') output = value;
    else if (p.key === 'templates') templates = value;
    else if (p.key === 'formatter') {
      if (value === 'fast' || value === 'ts-morph') formatter = value;
      else diagnostics.push(diagnostic('G503', `\`formatter\` must be "fast" or "ts-morph", not ${JSON.stringify(value)}.`, { span: p.valueSpan }));
    }
    else if (p.key === 'dateTimeFormat') {
      if ((DATE_FORMATS as readonly string[]).includes(value)) dateTimeFormat = value as GeneratorContext['dateTimeFormat'];
      else diagnostics.push(diagnostic('G503', `\`dateTimeFormat\` must be "iso" or "unixepoch-ms", not ${JSON.stringify(value)}.`, { span: p.valueSpan }));
    }
    if (p.key !== 'output') options[p.key] = value;
  }
  const outputDir = opts.output !== undefined ? path.resolve(opts.cwd, opts.output) : output !== undefined ? path.resolve(schemaDir, output) : path.join(schemaDir, 'generated');
  const templatesDir = opts.templates !== undefined ? path.resolve(opts.cwd, opts.templates) : templates !== undefined ? path.resolve(schemaDir, templates) : undefined;
  return { generator: { name: block?.name ?? null, dateTimeFormat, options }, outputDir, formatter, ...(templatesDir ? { templatesDir } : {}), diagnostics };
}

/** Renders and formats the files for a schema, without writing them. */
export async function renderClient(schema: SchemaModel, generator: GeneratorContext, templatesDir?: string, formatter: Formatter = 'fast'): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[]; context: TemplateContext }> {
  const diagnostics: Diagnostic[] = [];
  if (schema.datasource && schema.datasource.provider !== 'sqlite') {
    diagnostics.push(diagnostic('G507', `The datasource provider is \`${schema.datasource.provider}\`; the generated client runs on SQLite.`, { span: schema.datasource.span }));
  }
  for (const m of schema.models) {
    if (!m.ignored && identityOf(m).length === 0) {
      diagnostics.push(diagnostic('G506', `The model \`${m.name}\` has no @id or @unique, so the client has no accessor for it.`, { span: m.nameSpan }));
    }
  }
  // Names the client cannot work around (validate warns about them, V244); renamed type names need nothing here.
  for (const c of clientNameConflicts(schema)) {
    diagnostics.push(diagnostic('G508', c.message, { span: c.span, hint: c.hint, ...(c.related ? { related: c.related } : {}) }));
  }
  const context = buildTemplateContext(schema, { generator });
  if (hasErrors(diagnostics)) return { files: [], diagnostics, context };
  const rendered = await renderTemplates(context, templatesDir);
  diagnostics.push(...rendered.diagnostics);
  if (hasErrors(rendered.diagnostics)) return { files: [], diagnostics, context };
  return { files: await formatFiles(rendered.files, formatter, templatesDir !== undefined), diagnostics, context };
}

export async function generateFiles(schema: SchemaModel, opts: GenerateFilesOptions): Promise<GenerateFilesResult> {
  const resolved = resolveGeneratorOptions(schema, opts);
  if (hasErrors(resolved.diagnostics)) return { files: [], diff: '', diagnostics: resolved.diagnostics };
  const { files, diagnostics, context } = await renderClient(schema, resolved.generator, resolved.templatesDir, resolved.formatter);
  const all = [...resolved.diagnostics, ...diagnostics];
  const where = { outputDir: resolved.outputDir, ...(resolved.templatesDir ? { templatesDir: resolved.templatesDir } : {}) };
  if (hasErrors(all)) return { ...where, files: [], diff: '', diagnostics: all, context };
  const written = writeFiles(resolved.outputDir, files, opts.check ?? false);
  return { ...where, files: written.files, diff: written.diff, diagnostics: all, context };
}
