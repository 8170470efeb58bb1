/**
 * Renders diagnostics for people (text with code frames, colour optional) and machines (JSON, GitHub
 * workflow annotations). Pure functions: the caller decides where the text goes.
 */
import pc from 'picocolors';
import type { Diagnostic, Severity } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import { LineIndex, type Span } from './span.js';

export interface SourceText {
  readonly path: string;
  readonly text: string;
}

export interface TextFormatOptions {
  readonly color: boolean;
  /** Lines of context above the error line in code frames. */
  readonly context?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

export function formatDiagnosticsText(diagnostics: readonly Diagnostic[], sources: readonly SourceText[], options: TextFormatOptions): string {
  const c = pc.createColors(options.color);
  const indexes = new Map<string, LineIndex>();
  const indexFor = (file: string): LineIndex | undefined => {
    if (!indexes.has(file)) {
      const src = sources.find((s) => s.path === file);
      if (!src) return undefined;
      indexes.set(file, new LineIndex(src.text));
    }
    return indexes.get(file);
  };
  const blocks = sortDiagnostics(diagnostics).map((d) => formatOne(d, indexFor, c, options.context ?? 1));
  return blocks.join('\n\n');
}

function severityLabel(s: Severity, c: Colors): string {
  return s === 'error' ? c.red(c.bold('error')) : s === 'warning' ? c.yellow(c.bold('warning')) : c.cyan(c.bold('info'));
}

function formatOne(d: Diagnostic, indexFor: (file: string) => LineIndex | undefined, c: Colors, context: number): string {
  const where = d.span ? `${d.span.file}:${d.span.start.line}:${d.span.start.column} ` : '';
  const lines = [`${c.bold(where)}${severityLabel(d.severity, c)} ${c.dim(d.code)} ${d.message}`];
  if (d.span) {
    const index = indexFor(d.span.file);
    if (index) lines.push(...codeFrame(d.span, index, c, context));
  }
  for (const r of d.related ?? []) {
    lines.push(`  ${c.dim('note:')} ${r.message} at ${r.span.file}:${r.span.start.line}:${r.span.start.column}`);
  }
  if (d.hint) {
    const [first, ...rest] = d.hint.split('\n');
    lines.push(`  ${c.cyan('hint:')} ${first}`);
    for (const r of rest) lines.push(`        ${r}`);
  }
  return lines.join('\n');
}

/** A code frame: the error line with a line of context, and a caret under the span. */
export function codeFrame(span: Span, index: LineIndex, c: Colors, context = 1): string[] {
  const line = span.start.line;
  const first = Math.max(1, line - context);
  const last = Math.min(index.lineCount, line);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let l = first; l <= last; l++) {
    const text = expandTabs(index.lineText(l));
    const marker = l === line ? c.red('>') : ' ';
    out.push(`${marker} ${c.dim(String(l).padStart(width))} ${c.dim('|')} ${text}`);
  }
  const lineText = index.lineText(line);
  const startCol = visualColumn(lineText, span.start.column - 1);
  const endCol = span.end.line === line ? visualColumn(lineText, span.end.column - 1) : expandTabs(lineText).length;
  const caretLength = Math.max(1, endCol - startCol);
  out.push(`  ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(startCol)}${c.red('^'.repeat(Math.min(caretLength, 120)))}`);
  return out;
}

function expandTabs(s: string): string {
  return s.replace(/\t/g, '  ');
}
function visualColumn(line: string, index: number): number {
  return expandTabs(line.slice(0, Math.max(0, index))).length;
}

/** The JSON form: a stable array of plain objects (documented in docs/diagnostics.md). */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): object[] {
  return sortDiagnostics(diagnostics).map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.span
      ? {
          file: d.span.file,
          line: d.span.start.line,
          column: d.span.start.column,
          endLine: d.span.end.line,
          endColumn: d.span.end.column,
        }
      : {}),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ message: r.message, file: r.span.file, line: r.span.start.line, column: r.span.start.column })) } : {}),
  }));
}

/** GitHub Actions workflow commands (`::error file=…,line=…::message`). */
export function formatDiagnosticsGithub(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        ...(d.span
          ? [`file=${escapeProp(d.span.file)}`, `line=${d.span.start.line}`, `col=${d.span.start.column}`, `endLine=${d.span.end.line}`, `endColumn=${d.span.end.column}`]
          : []),
        `title=${escapeProp(d.code)}`,
      ];
      return `::${level} ${props.join(',')}::${escapeData(d.message + (d.hint ? `\n${d.hint}` : ''))}`;
    })
    .join('\n');
}

/** What the command line prints on stderr: the diagnostics as text, then the count (`1 error, 2 warnings`). */
export function formatDiagnosticsReport(diagnostics: readonly Diagnostic[], sources: readonly SourceText[], options: TextFormatOptions): string {
  if (diagnostics.length === 0) return '';
  const summary = summarize(diagnostics);
  return formatDiagnosticsText(diagnostics, sources, options) + '\n' + (summary ? `\n${summary}\n` : '');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
