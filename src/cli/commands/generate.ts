import { watch } from 'node:fs';
import path from 'node:path';
import { generate, type GenerateResult } from '../../api.js';
import { displayPath } from '../../schema/load.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics } from '../output.js';

export interface GenerateArgs {
  readonly schema?: string;
  readonly output?: string;
  readonly templates?: string;
  readonly check?: boolean;
  readonly typecheck?: boolean;
  readonly watch?: boolean;
}

async function once(args: GenerateArgs, io: CliIO): Promise<{ code: number; result: GenerateResult }> {
  const started = performance.now();
  const result = await generate({
    cwd: io.cwd,
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
    ...(args.output !== undefined ? { output: args.output } : {}),
    ...(args.templates !== undefined ? { templates: args.templates } : {}),
    ...(args.check ? { check: true, typecheck: args.typecheck !== false } : {}),
  });
  printDiagnostics(io, result.diagnostics, result.sources);
  if (!result.ok) return { code: EXIT.errors, result };
  const where = result.outputDir ? displayPath(io.cwd, result.outputDir) || '.' : '?';
  if (args.check) {
    if (result.stale) {
      io.stdout(result.diff);
      const names = result.files.filter((f) => f.status !== 'unchanged').map((f) => f.path);
      io.stderr(`error G505 The generated files in ${where} are stale: ${names.join(', ')}.\nhint: Run \`codegen generate\` and commit the result.\n`);
      return { code: EXIT.difference, result };
    }
    io.stdout(`The generated files in ${where} are up to date${args.typecheck !== false ? ' and type-check under strict' : ''}.\n`);
    return { code: EXIT.ok, result };
  }
  const written = result.files.filter((f) => f.status === 'written').length;
  const ms = Math.round(performance.now() - started);
  io.stdout(`Generated ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${where} (${written} changed) in ${ms} ms.\n`);
  return { code: EXIT.ok, result };
}

export async function runGenerate(args: GenerateArgs, io: CliIO): Promise<number> {
  if (args.watch && args.check) {
    io.stderr('error: --watch and --check cannot be combined.\n');
    return EXIT.usage;
  }
  const first = await once(args, io);
  if (!args.watch) return first.code;
  const target = first.result.sources[0] ? path.resolve(io.cwd, first.result.sources.length > 1 ? path.dirname(first.result.sources[0].path) : first.result.sources[0].path) : undefined;
  if (!target) return first.code;
  io.stdout(`Watching ${displayPath(io.cwd, target)} for changes (Ctrl-C to stop)…\n`);
  return new Promise<number>(() => {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    watch(target, { recursive: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (running) return;
        running = true;
        try {
          await once(args, io);
        } finally {
          running = false;
        }
      }, 100);
    });
  });
}
