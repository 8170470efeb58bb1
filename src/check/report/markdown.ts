/**
 * The markdown report, written for a pull-request comment: a status line, a summary table of findings, then each
 * new migration's SQL in a collapsible block with its warnings above it, and the SQL of a missing migration.
 */
import type { CheckResult } from '../../api/check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { clippedDiff, describeClient } from './client.js';

const ICON = { error: '🛑', warning: '⚠️', info: 'ℹ️' } as const;

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function where(d: Diagnostic): string {
  return d.span ? `\`${d.span.file}:${d.span.start.line}\`` : '';
}

function fence(text: string, language = 'sql'): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${language}\n${text.trimEnd()}\n${ticks}`;
}

export function checkReportMarkdown(result: CheckResult): string {
  const lines: string[] = [];
  const warnings = result.findings.filter((f) => f.diagnostic.severity === 'warning').length;
  const status =
    result.exitCode === 2 ? '🟡 Something is out of date' : result.exitCode === 1 ? '🛑 Errors found' : warnings ? `✅ Passed, with ${warnings} warning${warnings === 1 ? '' : 's'}` : '✅ All checks passed';
  lines.push(`## codegen check: ${status}`, '');
  const facts = [
    result.base ? `base \`${result.base.ref}\` (${result.base.sha.slice(0, 7)})` : undefined,
    result.schema ? `schema \`${result.schema}\`` : undefined,
    `${result.newMigrations.length} new migration${result.newMigrations.length === 1 ? '' : 's'}`,
    ...result.clients.map((c) => `client ${describeClient(c, (p) => `\`${p}\``)}`),
  ].filter(Boolean);
  lines.push(facts.join(' · '), '');
  if (result.findings.length > 0) {
    lines.push('| | Code | Where | Finding |', '|---|---|---|---|');
    for (const f of result.findings) {
      const d = f.diagnostic;
      lines.push(`| ${ICON[d.severity]} | \`${d.code}\` | ${where(d)} | ${escapeCell(d.message)}${d.hint ? `<br><sub>${escapeCell(d.hint)}</sub>` : ''} |`);
    }
    lines.push('');
  } else lines.push('No findings.', '');
  for (const m of result.newMigrations) {
    const warn = m.findings.filter((d) => d.severity !== 'info');
    lines.push(`### ${warn.length ? '⚠️ ' : ''}\`${m.name}\``, '');
    for (const d of m.findings) {
      const kind = d.severity === 'error' ? 'CAUTION' : d.severity === 'warning' ? 'WARNING' : 'NOTE';
      lines.push(`> [!${kind}]`, `> **${d.code}** ${d.message.replace(/^[^:]+: /, '')}${d.span ? ` (line ${d.span.start.line})` : ''}`, '');
    }
    for (const i of m.ignored) lines.push(`<sub>Ignored ${i.finding.code}: ${escapeCell(i.reason)}</sub>`, '');
    lines.push('<details>', `<summary>SQL of ${m.file}</summary>`, '', fence(m.sql), '', '</details>', '');
  }
  if (result.missingMigration) {
    lines.push('### Missing migration', '', 'The schema changed, but no migration covers it. `codegen migrate dev` would write:', '');
    lines.push('<details open>', '<summary>SQL</summary>', '', fence(result.missingMigration.sql || '-- (empty)'), '', '</details>', '');
  }
  for (const c of result.clients.filter((c) => c.status === 'stale')) {
    lines.push('### Stale generated client', '', `The files in \`${c.output}\` differ from what the schema produces. Run \`codegen generate\` and commit the result.`, '');
    lines.push('<details>', `<summary>Diff of ${c.output}</summary>`, '', fence(clippedDiff(c.diff), 'diff'), '', '</details>', '');
  }
  return lines.join('\n').trimEnd() + '\n';
}
