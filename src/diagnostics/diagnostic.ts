import type { Span } from './span.js';
import type { DiagnosticCode } from './codes.js';
import { CODES, type CodeInfo } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A secondary location that helps explain a diagnostic ("first defined here"). */
export interface RelatedInformation {
  readonly span: Span;
  readonly message: string;
}

/**
 * A problem in the user's input. User problems are values, never exceptions: every stage returns them
 * alongside its result, and the CLI decides the exit code from their severities.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Where it is. Absent only for problems that have no place in a file (a missing schema, say). */
  readonly span?: Span;
  /** What to do about it. */
  readonly hint?: string;
  readonly related?: readonly RelatedInformation[];
}

export interface DiagnosticInit {
  readonly span?: Span | undefined;
  readonly hint?: string | undefined;
  readonly severity?: Severity;
  readonly related?: readonly RelatedInformation[];
}

/** Builds a diagnostic, taking the default severity and hint from the code registry. */
export function diagnostic(code: DiagnosticCode, message: string, init: DiagnosticInit = {}): Diagnostic {
  const info: CodeInfo = CODES[code];
  const hint = init.hint ?? info.hint;
  return {
    code,
    severity: init.severity ?? info.severity,
    message,
    ...(init.span ? { span: init.span } : {}),
    ...(hint ? { hint } : {}),
    ...(init.related && init.related.length > 0 ? { related: init.related } : {}),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const oa = a.span?.start.offset ?? -1;
    const ob = b.span?.start.offset ?? -1;
    if (oa !== ob) return oa - ob;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
