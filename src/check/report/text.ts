import type { CheckResult } from '../../api/check.js';
import { formatDiagnosticsText } from '../../diagnostics/format.js';
import { clippedDiff, describeClient } from './client.js';

export function checkReportText(result: CheckResult, color: boolean): string {
  const out: string[] = [];
  const head = [result.schema ? `schema ${result.schema}` : '', result.migrationsDir ? `migrations ${result.migrationsDir}` : '', result.base ? `base ${result.base.ref} (${result.base.sha.slice(0, 7)})` : ''].filter(Boolean).join(', ');
  if (head) out.push(`codegen check: ${head}`);
  out.push(result.newMigrations.length ? `New migrations: ${result.newMigrations.map((m) => m.name).join(', ')}` : 'New migrations: none');
  if (result.clients.length) out.push(`Generated client: ${result.clients.map((c) => describeClient(c)).join('; ')}`);
  if (result.findings.length) out.push('', formatDiagnosticsText(result.findings.map((f) => f.diagnostic), result.sources, { color }));
  for (const m of result.newMigrations) for (const i of m.ignored) out.push(`ignored ${i.finding.code} in ${m.name}: ${i.reason}`);
  if (result.missingMigration) out.push('', 'The missing migration (what `codegen migrate dev` would write):', '', result.missingMigration.sql.trimEnd());
  for (const c of result.clients) {
    if (c.status === 'stale') out.push('', `The generated client in ${c.output} is stale (what \`codegen generate\` would change):`, '', clippedDiff(c.diff));
  }
  const warnings = result.findings.filter((f) => f.diagnostic.severity === 'warning').length;
  const verdict = result.exitCode === 0 ? (warnings ? `Passed, with ${warnings} warning${warnings === 1 ? '' : 's'}.` : 'All checks passed.') : result.exitCode === 2 ? 'Something is out of date (exit 2).' : 'Errors found (exit 1).';
  out.push('', verdict);
  return out.join('\n') + '\n';
}
