/**
 * One fuzz step: run text through parse + lower + validate (and the text formatter) and check the invariants:
 * no exception escapes, and every diagnostic points to a real place in its file.
 */
import { validateSources } from '../../src/api.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnosticsText } from '../../src/diagnostics/format.ts';
import type { Span } from '../../src/diagnostics/span.ts';

export interface FuzzFailure {
  readonly kind: 'exception' | 'location';
  readonly detail: string;
}

export function fuzzOne(files: readonly { path: string; text: string }[]): FuzzFailure[] {
  let diagnostics: readonly Diagnostic[];
  try {
    diagnostics = validateSources(files).diagnostics;
    formatDiagnosticsText(diagnostics, files, { color: false });
  } catch (e) {
    return [{ kind: 'exception', detail: (e as Error).stack ?? String(e) }];
  }
  const failures: FuzzFailure[] = [];
  for (const d of diagnostics) {
    const spans = [d.span, ...(d.related ?? []).map((r) => r.span)];
    if (!d.span) failures.push({ kind: 'location', detail: `${d.code} has no location: ${d.message}` });
    for (const span of spans) {
      if (!span) continue;
      const problem = spanProblem(span, files);
      if (problem) failures.push({ kind: 'location', detail: `${d.code} ${problem}: ${d.message}` });
    }
  }
  return failures;
}

function spanProblem(span: Span, files: readonly { path: string; text: string }[]): string | undefined {
  const file = files.find((f) => f.path === span.file);
  if (!file) return `points to an unknown file ${span.file}`;
  const lines = file.text.split('\n');
  for (const [which, p] of [['start', span.start], ['end', span.end]] as const) {
    if (![p.line, p.column, p.offset].every(Number.isInteger)) return `${which} is not a whole position (${p.line}:${p.column} @${p.offset})`;
    if (p.line < 1 || p.line > lines.length) return `${which} line ${p.line} is outside 1..${lines.length}`;
    if (p.column < 1 || p.column > lines[p.line - 1]!.length + 1) return `${which} column ${p.column} is outside line ${p.line}`;
    if (p.offset < 0 || p.offset > file.text.length) return `${which} offset ${p.offset} is outside the text`;
  }
  if (span.end.offset < span.start.offset) return 'ends before it starts';
  return undefined;
}
