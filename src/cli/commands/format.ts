import { formatSchema, writeFormattedFiles } from '../../api.js';
import { unifiedDiff } from '../../text/unified-diff.js';
import { EXIT, type CliIO } from '../io.js';
import { count, printDiagnostics } from '../output.js';

export interface FormatArgs {
  readonly schema?: string;
  readonly check: boolean;
}

/** Diff lines shown per file by `--check`: enough to see what is wrong, short enough for a CI log. */
const CHECK_DIFF_LINES = 40;

/**
 * `codegen format`: rewrites every file of the schema in canonical form. Never touches a file when the schema
 * has errors. `--check` writes nothing and exits 2 when a file would change.
 */
export function runFormat(args: FormatArgs, io: CliIO): number {
  const result = formatSchema({ cwd: io.cwd, ...(args.schema !== undefined ? { schema: args.schema } : {}) });
  printDiagnostics(io, result.diagnostics, result.sources);
  if (!result.ok) {
    if (result.sources.length > 0) io.stderr('No file was changed: fix the errors above first.\n');
    return EXIT.errors;
  }
  const changed = result.files.filter((f) => f.changed);
  if (args.check) {
    for (const file of changed) {
      io.stdout(`${file.path} is not formatted:\n`);
      io.stdout(unifiedDiff(file.before, file.after, { fromLabel: file.path, toLabel: `${file.path} (formatted)`, maxLines: CHECK_DIFF_LINES }));
    }
    if (changed.length > 0) {
      io.stdout(`\n${count(changed.length, 'file')} of ${result.files.length} would be reformatted. Run \`codegen format\` to fix.\n`);
      return EXIT.difference;
    }
    io.stdout(`${count(result.files.length, 'file')} already formatted.\n`);
    return EXIT.ok;
  }
  const { written, diagnostics } = writeFormattedFiles(changed);
  for (const file of written) io.stdout(`Formatted ${file.path}\n`);
  printDiagnostics(io, diagnostics, result.sources);
  if (diagnostics.length > 0) return EXIT.errors;
  io.stdout(written.length > 0 ? `${count(written.length, 'file')} formatted, ${result.files.length - written.length} unchanged.\n` : `${count(result.files.length, 'file')} already formatted.\n`);
  return EXIT.ok;
}
