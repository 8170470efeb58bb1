import { pull, writePulledFiles, type PullResult } from '../../api.js';
import type { NamingStyle } from '../../pull/names.js';
import { displayPath } from '../../schema/load.js';
import { EXIT, type CliIO } from '../io.js';
import { count, printDiagnostics } from '../output.js';

export interface PullArgs {
  readonly db?: string;
  readonly schema?: string;
  readonly print?: boolean;
  readonly force?: boolean;
  readonly naming?: NamingStyle;
}

/**
 * `codegen pull`: introspects the database into the schema. A new schema is written; an existing one is merged
 * (its names, comments and Prisma-level attributes kept); `--force` replaces its models; `--print` writes nothing.
 */
export function runPull(args: PullArgs, io: CliIO): number {
  const result = pull({
    cwd: io.cwd,
    env: io.env,
    ...(args.naming !== undefined ? { naming: args.naming } : {}),
    ...(args.db !== undefined ? { db: args.db } : {}),
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
    ...(args.force ? { force: true } : {}),
  });
  if (!result.ok) {
    printDiagnostics(io, result.diagnostics, result.sources);
    io.stderr('Nothing was written.\n');
    return EXIT.errors;
  }
  if (args.print) {
    const many = result.files.length > 1;
    io.stdout(result.files.map((f) => (many ? `// ${f.path}\n${f.after}` : f.after)).join('\n'));
    printDiagnostics(io, result.diagnostics, result.sources);
    return EXIT.ok;
  }
  const { written, diagnostics } = writePulledFiles(result.files);
  printDiagnostics(io, [...result.diagnostics, ...diagnostics], result.sources);
  if (diagnostics.length) return EXIT.errors;
  io.stdout(summary(result, written.length, io) + '\n');
  return EXIT.ok;
}

function summary(result: PullResult, written: number, io: CliIO): string {
  const db = displayPath(io.cwd, result.database ?? '');
  const files = result.files.map((f) => f.path).join(', ');
  const models = result.pulled?.models ?? [];
  const ignored = models.filter((m) => m.ignored).length;
  const what = `${count(models.length, 'model')}${ignored ? ` (${ignored} ignored)` : ''}${result.pulled?.views.length ? `, ${count(result.pulled.views.length, 'view')}` : ''}`;
  if (result.mode === 'merge') {
    const m = result.merge!;
    if (written === 0) return `${files} is up to date with ${db}.`;
    const parts = [
      ...(m.addedModels.length ? [`added ${m.addedModels.join(', ')}`] : []),
      ...(m.removedModels.length ? [`removed ${m.removedModels.join(', ')}`] : []),
      ...(m.changedModels.length ? [`changed ${m.changedModels.join(', ')}`] : []),
    ];
    return `Re-pulled ${db} into ${files}: ${parts.length ? parts.join('; ') : 'formatted'}.`;
  }
  return `Introspected ${what} from ${db} and ${result.mode === 'overwrite' ? 'replaced' : 'wrote'} ${files}.`;
}
