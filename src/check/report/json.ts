import type { CheckResult } from '../../api/check.js';
import { diagnosticsToJson } from '../../diagnostics/format.js';

/** The JSON report, version 1 (documented in docs/ci.md). */
export function checkReportJson(result: CheckResult): object {
  return {
    version: 1,
    exitCode: result.exitCode,
    status: result.exitCode === 0 ? 'ok' : result.exitCode === 2 ? 'out-of-date' : 'errors',
    ...(result.base ? { base: { ref: result.base.ref, sha: result.base.sha } } : {}),
    ...(result.schema ? { schema: result.schema } : {}),
    ...(result.migrationsDir ? { migrations: result.migrationsDir } : {}),
    findings: result.findings.map((f) => ({ category: f.category, ...diagnosticsToJson([f.diagnostic])[0] })),
    newMigrations: result.newMigrations.map((m) => ({
      name: m.name,
      file: m.file,
      findings: diagnosticsToJson(m.findings),
      ignored: m.ignored.map((i) => ({ code: i.finding.code, message: i.finding.message, reason: i.reason })),
    })),
    ...(result.missingMigration ? { missingMigration: result.missingMigration } : {}),
    clients: result.clients.map((c) => ({ generator: c.generator, output: c.output, status: c.status, staleFiles: c.staleFiles })),
  };
}
