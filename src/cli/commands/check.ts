import { appendFileSync } from 'node:fs';
import { check } from '../../api/check.js';
import { checkReportJson } from '../../check/report/json.js';
import { checkReportMarkdown } from '../../check/report/markdown.js';
import { checkReportSarif } from '../../check/report/sarif.js';
import { checkReportText } from '../../check/report/text.js';
import { formatDiagnosticsGithub } from '../../diagnostics/format.js';
import type { LintSeverities } from '../../lint/lint.js';
import { useColor, type CliIO } from '../io.js';

export interface CheckArgs {
  readonly schema?: string;
  readonly migrations?: string;
  readonly base?: string;
  readonly git?: boolean;
  readonly format: 'text' | 'json' | 'markdown' | 'github' | 'sarif';
  readonly lint?: LintSeverities;
  readonly typecheck?: boolean;
  readonly version: string;
}

export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  const result = await check({
    cwd: io.cwd,
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
    ...(args.migrations !== undefined ? { migrations: args.migrations } : {}),
    ...(args.git === false ? { base: false as const } : args.base !== undefined ? { base: args.base } : {}),
    ...(args.lint ? { lint: args.lint } : {}),
    ...(args.typecheck ? { typecheck: true } : {}),
  });
  switch (args.format) {
    case 'json':
      io.stdout(JSON.stringify(checkReportJson(result), null, 2) + '\n');
      break;
    case 'markdown':
      io.stdout(checkReportMarkdown(result));
      break;
    case 'sarif':
      io.stdout(JSON.stringify(checkReportSarif(result, args.version), null, 2) + '\n');
      break;
    case 'github': {
      const annotations = formatDiagnosticsGithub(result.findings.map((f) => f.diagnostic));
      if (annotations) io.stdout(annotations + '\n');
      const summary = io.env.GITHUB_STEP_SUMMARY;
      if (summary) appendFileSync(summary, checkReportMarkdown(result) + '\n');
      io.stdout(`codegen check: exit ${result.exitCode}${summary ? ' (report added to the job summary)' : ''}\n`);
      break;
    }
    default:
      io.stdout(checkReportText(result, useColor(io)));
  }
  return result.exitCode;
}
