/**
 * ts-morph: formats generated TypeScript (so output is stable whatever the template whitespace) and, in tests
 * and `--check --typecheck`, type-checks it under `strict`. Type-checking is slow, so it is off the default path.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { layoutTypeScript } from './layout.js';
import type { RenderedFile } from './templates.js';
import { dynamicImport } from '../fs/dynamic-import.js';

const FORMAT = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  semicolons: 'insert',
} as const;

export type Formatter = 'fast' | 'ts-morph';

/**
 * Formats every `.ts` file; other files pass through. `fast` (the default) re-indents by bracket depth, which is
 * what TypeScript's formatter would produce for the built-in templates; `ts-morph` runs TypeScript's formatter
 * after it (slow on large outputs, useful for custom templates).
 */
export async function formatFiles(files: readonly RenderedFile[], formatter: Formatter = 'fast', customTemplates = true): Promise<RenderedFile[]> {
  // The built-in templates are written in the formatter's style (test/codegen/context.test.ts holds that both
  // passes leave their output unchanged), so they skip even the fast pass: it costs ~0.4 s per 1,000 models.
  if (formatter === 'fast' && !customTemplates) return [...files];
  const laid = files.map((f) => (f.path.endsWith('.ts') ? { path: f.path, content: layoutTypeScript(f.content) } : f));
  if (formatter === 'fast' || !files.some((f) => f.path.endsWith('.ts'))) return laid;
  return formatWithTsMorph(laid);
}

export async function formatWithTsMorph(files: readonly RenderedFile[]): Promise<RenderedFile[]> {
  const { Project, ts } = await dynamicImport<typeof import('ts-morph')>('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return files.map((f) => {
    if (!f.path.endsWith('.ts')) return f;
    const source = project.createSourceFile(`/${f.path}`, f.content, { overwrite: true });
    source.formatText({ ...FORMAT, semicolons: ts.SemicolonPreference.Ignore });
    const text = source.getFullText().replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n');
    project.removeSourceFile(source);
    return { path: f.path, content: text };
  });
}

export interface TypeCheckOptions {
  /** Extra compiler options (the defaults are strict, ES2022, ES modules with bundler resolution). */
  readonly compilerOptions?: Record<string, unknown>;
  /** Extra files to check alongside (for example a test using the client), absolute paths. */
  readonly extraFiles?: readonly string[];
}

/**
 * Type-checks generated files written in `dir` (resolving `@spacepos/codegen/runtime` the way the user's project
 * would). Every error is a G502 diagnostic: generated code must compile.
 */
export async function typeCheckDirectory(dir: string, options: TypeCheckOptions = {}): Promise<Diagnostic[]> {
  const { Project, ts } = await dynamicImport<typeof import('ts-morph')>('ts-morph');
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      ...(options.compilerOptions as object),
    },
  });
  project.addSourceFilesAtPaths(path.join(dir, '**/*.ts'));
  for (const f of options.extraFiles ?? []) project.addSourceFileAtPath(f);
  const out: Diagnostic[] = [];
  for (const d of project.getPreEmitDiagnostics()) {
    const file = d.getSourceFile();
    const where = file ? `${path.relative(dir, file.getFilePath())}:${d.getLineNumber() ?? 0}` : '';
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
    out.push(diagnostic('G502', `${where} ${text}`.trim()));
  }
  return out;
}
