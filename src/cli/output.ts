import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnosticsGithub, formatDiagnosticsText, summarize, type SourceText } from '../diagnostics/format.js';
import { useColor, type CliIO } from './io.js';

export type OutputFormat = 'text' | 'json' | 'github';

/** Prints diagnostics to stderr in text form (with code frames), or nothing when there are none. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): void {
  if (diagnostics.length === 0) return;
  io.stderr(formatDiagnosticsText(diagnostics, sources, { color: useColor(io) }) + '\n');
  const summary = summarize(diagnostics);
  if (summary) io.stderr(`\n${summary}\n`);
}

export function printDiagnosticsAs(format: OutputFormat, io: CliIO, diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): void {
  if (format === 'json') io.stdout(JSON.stringify(diagnosticsToJson(diagnostics), null, 2) + '\n');
  else if (format === 'github') {
    if (diagnostics.length) io.stdout(formatDiagnosticsGithub(diagnostics) + '\n');
  } else printDiagnostics(io, diagnostics, sources);
}

/** `1 file`, `3 files`. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
