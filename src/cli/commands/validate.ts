import { loadSchema } from '../../api/schema.js';
import { diagnosticsToJson } from '../../diagnostics/format.js';
import { displayPath } from '../../schema/load.js';
import { EXIT, type CliIO } from '../io.js';
import { count, printDiagnostics, type OutputFormat } from '../output.js';

export interface ValidateArgs {
  readonly schema?: string;
  readonly format: OutputFormat;
}

export function runValidate(args: ValidateArgs, io: CliIO): number {
  const result = loadSchema({ cwd: io.cwd, ...(args.schema !== undefined ? { schema: args.schema } : {}) });
  const where = result.location ? displayPath(io.cwd, result.location) : undefined;
  if (args.format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          valid: result.ok,
          ...(where ? { schema: where } : {}),
          ...(result.schema
            ? { models: result.schema.models.length, views: result.schema.views.length, enums: result.schema.enums.length }
            : {}),
          diagnostics: diagnosticsToJson(result.diagnostics),
        },
        null,
        2,
      ) + '\n',
    );
    return result.ok ? EXIT.ok : EXIT.errors;
  }
  printDiagnostics(io, result.diagnostics, result.sources);
  if (result.ok && result.schema) {
    const s = result.schema;
    io.stdout(`The schema at ${where} is valid: ${count(s.models.length, 'model')}, ${count(s.enums.length, 'enum')}${s.views.length ? `, ${count(s.views.length, 'view')}` : ''}.\n`);
  }
  return result.ok ? EXIT.ok : EXIT.errors;
}
