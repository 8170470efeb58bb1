/** `codegen erd`: the schema as an entity-relationship diagram (svg, html, mermaid or dot). */
import path from 'node:path';
import { erd, ERD_MARKER, type ErdFormat } from '../../api.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { closest } from '../../schema/parse.js';
import { EXIT, type CliIO } from '../io.js';
import { count, mayWriteOutput, printDiagnostics } from '../output.js';

export interface ErdArgs {
  readonly schema?: string;
  readonly format?: ErdFormat;
  readonly models?: readonly string[];
  readonly output?: string;
  readonly force?: boolean;
  readonly direction?: 'TB' | 'LR';
}

const BY_EXTENSION: Record<string, ErdFormat> = { '.svg': 'svg', '.html': 'html', '.htm': 'html', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'mermaid', '.dot': 'dot', '.gv': 'dot' };

export async function runErd(args: ErdArgs, io: CliIO): Promise<number> {
  const extension = args.output !== undefined ? path.extname(args.output).toLowerCase() : '';
  const format = args.format ?? BY_EXTENSION[extension] ?? 'svg';
  const file = args.output !== undefined ? path.resolve(io.cwd, args.output) : undefined;
  // Refuse before the work, not after it.
  if (file !== undefined && !mayWriteOutput(io, args.output!, file, { force: args.force, command: 'codegen erd', ours: (head) => head.includes(ERD_MARKER) })) return EXIT.errors;

  const result = await erd({
    cwd: io.cwd,
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
    format,
    models: args.models ?? [],
    ...(args.direction !== undefined ? { direction: args.direction } : {}),
    fenced: format === 'mermaid' && extension === '.md',
  });
  printDiagnostics(io, result.diagnostics, result.sources);
  if (result.unmatched.length > 0) {
    const names = result.diagram?.entities.map((e) => e.name) ?? [];
    for (const pattern of result.unmatched) {
      const suggestion = /[*?]/.test(pattern) ? undefined : closest(pattern, names);
      io.stderr(`error: --models \`${pattern}\` matches no model.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}\n`);
    }
    return EXIT.usage;
  }
  if (!result.ok || result.output === undefined || !result.diagram) return EXIT.errors;
  if (file === undefined) {
    io.stdout(result.output);
    return EXIT.ok;
  }
  writeFileAtomic(file, result.output);
  const d = result.diagram;
  const models = d.entities.filter((e) => e.role !== 'neighbour').length;
  const neighbours = d.entities.length - models;
  io.stdout(`Drew ${count(models, 'model')}${neighbours ? ` (and ${count(neighbours, 'related model')})` : ''}, ${count(d.edges.length, 'relation')} and ${count(d.enums.length, 'enum')} into ${args.output}.\n`);
  return EXIT.ok;
}
