import { generate, type GenerateResult } from '../../api.js';
import { displayPath } from '../../schema/load.js';
import { EXIT, type CliIO } from '../io.js';
import { count, printDiagnostics } from '../output.js';
import { watchSchema } from '../watch.js';

export interface GenerateArgs {
  readonly schema?: string;
  readonly output?: string;
  readonly templates?: string;
  readonly generator?: string;
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
    ...(args.generator !== undefined ? { generator: args.generator } : {}),
    ...(args.check ? { check: true, typecheck: args.typecheck !== false } : {}),
  });
  printDiagnostics(io, result.diagnostics, result.sources);
  if (!result.ok) return { code: EXIT.errors, result };
  const where = result.outputs.map((o) => displayPath(io.cwd, o.outputDir) || '.').join(', ') || '?';
  if (args.check) {
    if (result.stale) {
      io.stdout(result.diff);
      const names = result.files.filter((f) => f.status !== 'unchanged').map((f) => displayPath(io.cwd, f.file));
      io.stderr(`error G505 The generated files in ${where} are stale: ${names.join(', ')}.\nhint: Run \`codegen generate\` and commit the result.\n`);
      return { code: EXIT.difference, result };
    }
    io.stdout(`The generated files in ${where} are up to date${args.typecheck !== false ? ' and type-check under strict' : ''}.\n`);
    return { code: EXIT.ok, result };
  }
  const written = result.files.filter((f) => f.status === 'written').length;
  const ms = Math.round(performance.now() - started);
  io.stdout(`Generated ${count(result.files.length, 'file')} in ${where} (${written} changed) in ${ms} ms.\n`);
  return { code: EXIT.ok, result };
}

export async function runGenerate(args: GenerateArgs, io: CliIO): Promise<number> {
  if (args.watch && args.check) {
    io.stderr('error: --watch and --check cannot be combined.\n');
    return EXIT.usage;
  }
  const first = await once(args, io);
  if (!args.watch) return first.code;
  if (!first.result.location) return first.code;
  return watchAndRegenerate(first.result, args, io);
}

/**
 * `--watch`: regenerates after each change to the schema until SIGINT or SIGTERM, then exits 0. A schema with
 * errors prints its diagnostics and leaves the last generated files as they were.
 */
function watchAndRegenerate(first: GenerateResult, args: GenerateArgs, io: CliIO): Promise<number> {
  const location = first.location!;
  return new Promise<number>((resolve) => {
    // Custom templates folders are watched too, as soon as a run names them (the schema may add one later).
    const watchTemplates = (result: GenerateResult): void => {
      for (const o of result.outputs) if (o.templatesDir) watcher.watchFolder(o.templatesDir);
    };
    const regenerate = async (): Promise<void> => {
      try {
        const { code, result } = await once(args, io);
        watchTemplates(result);
        if (code !== EXIT.ok) io.stderr('Not regenerated: the generated files are those of the last valid schema and templates. Waiting for changes…\n');
      } catch (e) {
        // A bug: report it and keep watching, so that the next save can still work.
        io.stderr(`internal error: ${(e as Error).message}\n`);
      }
    };
    const watcher = watchSchema(location, regenerate, {
      onError: (e) => {
        io.stderr(`error: Stopped watching ${displayPath(io.cwd, location)}: ${e.message}\n`);
        void finish(EXIT.errors);
      },
    });
    const onSignal = (): void => void finish(EXIT.ok);
    const finish = async (code: number): Promise<void> => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await watcher.close();
      if (code === EXIT.ok) io.stdout('Stopped watching.\n');
      resolve(code);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    watchTemplates(first);
    // Only now: every watcher is in place, so a change made after this line is seen.
    io.stdout(`Watching ${displayPath(io.cwd, location)} for changes (Ctrl-C to stop)…\n`);
  });
}
