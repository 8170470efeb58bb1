import path from 'node:path';
import { diffOverlapped } from '../../api/diff-overlapped.js';
import type { DiffSource } from '../../api/sources.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticsToJson } from '../../diagnostics/format.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import type { Renames } from '../../diff/changes.js';
import { summarizeChanges } from '../../diff/summary.js';
import { DiffUsageError, diffSide } from '../diff-sides.js';
import { EXIT, type CliIO } from '../io.js';
import { mayWriteOutput, printDiagnostics } from '../output.js';

export interface DiffArgs {
  readonly fromEmpty?: boolean;
  readonly fromSchema?: string;
  readonly fromDb?: string;
  readonly fromMigrations?: string;
  readonly toEmpty?: boolean;
  readonly toSchema?: string;
  readonly toDb?: string;
  readonly toMigrations?: string;
  readonly script?: boolean;
  readonly output?: string;
  readonly force?: boolean;
  readonly format: 'text' | 'json';
  readonly exitCode?: boolean;
  readonly renameTable?: readonly string[];
  readonly renameColumn?: readonly string[];
}

function parseRenames(args: DiffArgs): Renames {
  const tables = (args.renameTable ?? []).map((r) => {
    const m = /^([^=]+)=([^=]+)$/.exec(r);
    if (!m) throw new DiffUsageError(`--rename-table takes old=new, not \`${r}\`.`);
    return { from: m[1]!, to: m[2]! };
  });
  const columns = (args.renameColumn ?? []).map((r) => {
    const m = /^([^.=]+)\.([^=]+)=([^=]+)$/.exec(r);
    if (!m) throw new DiffUsageError(`--rename-column takes Table.old=new, not \`${r}\`.`);
    return { table: m[1]!, from: m[2]!, to: m[3]! };
  });
  return { tables, columns };
}

export async function runDiff(args: DiffArgs, io: CliIO): Promise<number> {
  let from: DiffSource;
  let to: DiffSource;
  let renames: Renames;
  try {
    from = diffSide(args, 'from');
    to = diffSide(args, 'to');
    renames = parseRenames(args);
  } catch (e) {
    if (e instanceof DiffUsageError) {
      io.stderr(`error: ${e.message}\nRun \`codegen diff --help\` for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const result = await diffOverlapped({ from, to, cwd: io.cwd, renames });
  if (!result.ok) {
    if (args.format === 'json') io.stdout(JSON.stringify({ ok: false, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2) + '\n');
    else printDiagnostics(io, result.diagnostics, result.sources);
    return EXIT.errors;
  }
  let out: string;
  if (args.format === 'json') {
    out =
      JSON.stringify(
        {
          ok: true,
          empty: result.empty,
          changes: result.changes,
          steps: result.steps.map((s) => ({ kind: s.kind, ...('table' in s ? { table: typeof s.table === 'string' ? s.table : s.table.name } : {}), ...(s.kind === 'RedefineTables' ? { tables: s.tables.map((t) => ({ table: t.to.name, reasons: t.reasons })) } : {}), ...(s.kind === 'CreateIndex' || s.kind === 'DropIndex' ? { index: s.index.name } : {}) })),
          sql: result.sql,
          warnings: diagnosticsToJson(result.warnings),
          unexecutable: diagnosticsToJson(result.unexecutable),
          notes: diagnosticsToJson(result.notes),
          diagnostics: diagnosticsToJson(result.diagnostics),
        },
        null,
        2,
      ) + '\n';
  } else if (args.script) {
    out = result.sql === '' ? '-- This is an empty migration.\n' : result.sql;
  } else {
    const lines = [summarizeChanges(result.changes)];
    if (result.warnings.length) lines.push('', 'Warnings:', ...result.warnings.map((w) => `  - ${w.code} ${w.message}`));
    if (result.unexecutable.length) lines.push('', 'Cannot run on the current data:', ...result.unexecutable.map((w) => `  - ${w.code} ${w.message}${w.hint ? `\n      ${w.hint}` : ''}`));
    if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((w) => `  - ${w.code} ${w.message}`));
    out = lines.join('\n') + '\n';
  }
  if (args.output !== undefined) {
    const file = path.resolve(io.cwd, args.output);
    // No header marks a diff's output as its own: an existing file is replaced only with --force.
    if (!mayWriteOutput(io, args.output, file, { force: args.force, command: 'codegen diff', ours: () => false })) return EXIT.errors;
    try {
      writeFileAtomic(file, out);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      printDiagnostics(io, [diagnostic('P115', `Cannot write \`${args.output}\`: ${reason}.`, { hint: 'Check that the folder exists and is writable.' })], []);
      return EXIT.errors;
    }
    io.stderr(`Wrote ${args.output}\n`);
  } else io.stdout(out);
  if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, result.sources);
  if (args.exitCode) return result.empty ? EXIT.ok : EXIT.difference;
  return EXIT.ok;
}
