import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnosticsGithub, formatDiagnosticsReport, type SourceText } from '../diagnostics/format.js';
import { useColor, type CliIO } from './io.js';

export type OutputFormat = 'text' | 'json' | 'github';

/** Prints diagnostics to stderr in text form (with code frames), or nothing when there are none. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): void {
  if (diagnostics.length > 0) io.stderr(formatDiagnosticsReport(diagnostics, sources, { color: useColor(io) }));
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

/**
 * Whether `--output` may write `file`: user files are never overwritten without `--force`. A file may be replaced
 * when it does not exist, when `--force` is given, or when `ours` recognises its beginning (the header that the
 * command itself writes). Otherwise prints why not.
 */
export function mayWriteOutput(io: CliIO, shown: string, file: string, options: { force?: boolean; command: string; ours: (head: string) => boolean }): boolean {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return true;
  }
  if (stat.isDirectory()) {
    printDiagnostics(io, [diagnostic('P115', `Cannot write \`${shown}\`: it is a folder.`, { hint: 'Give a file name to --output.' })], []);
    return false;
  }
  if (options.force || options.ours(readHead(file))) return true;
  printDiagnostics(io, [diagnostic('P117', `\`${shown}\` exists and was not written by \`${options.command}\`.`)], []);
  return false;
}

/** The first few kilobytes of a file, as text. */
function readHead(file: string, bytes = 4096): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
