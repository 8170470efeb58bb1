/**
 * Lints one migration: runs every rule, applies the configured severities, and honours
 * `-- codegen-lint-ignore L7xx reason` directives in the file (the reason is kept for the report).
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DatabaseModel } from '../database/model.js';
import { buildLintContext } from './context.js';
import { RULES } from './rules.js';

export type RuleSeverity = Severity | 'off';
export type LintSeverities = Readonly<Partial<Record<string, RuleSeverity>>>;

export interface IgnoredFinding {
  readonly finding: Diagnostic;
  readonly reason: string;
}

export interface LintResult {
  readonly findings: readonly Diagnostic[];
  readonly ignored: readonly IgnoredFinding[];
}

export interface LintInput {
  /** The migration's name (its folder). */
  readonly name: string;
  /** The file as shown in findings. */
  readonly file: string;
  readonly sql: string;
  readonly before: DatabaseModel;
  readonly after: DatabaseModel;
}

/** `-- codegen-lint-ignore L701 L702 reason…` → code → reason. `all` silences every rule. */
export function ignoreDirectives(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of sql.split(/\r?\n/)) {
    const m = /^\s*--\s*codegen-lint-ignore\s+((?:(?:L\d{3}|all)[\s,]*)+)(.*)$/i.exec(line);
    if (!m) continue;
    const reason = m[2]!.trim() || '(no reason given)';
    for (const code of m[1]!.split(/[\s,]+/).filter(Boolean)) out.set(code.toUpperCase() === 'ALL' ? 'all' : code.toUpperCase(), reason);
  }
  return out;
}

export function lintMigration(input: LintInput, severities: LintSeverities = {}): LintResult {
  const ctx = buildLintContext(input);
  const ignores = ignoreDirectives(input.sql);
  const findings: Diagnostic[] = [];
  const ignored: IgnoredFinding[] = [];
  for (const [code, rule] of Object.entries(RULES)) {
    const configured = severities[code];
    if (configured === 'off') continue;
    for (const f of rule(ctx)) {
      const d = diagnostic(f.code as DiagnosticCode, `${input.name}: ${f.message}`, {
        ...(f.span ? { span: f.span } : {}),
        ...(f.hint ? { hint: f.hint } : {}),
        ...(configured ? { severity: configured } : {}),
      });
      const reason = ignores.get(code) ?? ignores.get('all');
      if (reason !== undefined) ignored.push({ finding: d, reason });
      else findings.push(d);
    }
  }
  return { findings, ignored };
}
