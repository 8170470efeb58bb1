/**
 * The `codegen` command line: yargs definitions only. Each command's work lives in commands/*.ts and is
 * imported when the command runs, so that `codegen validate` never loads ts-morph, handlebars or SQLite.
 */
import yargs, { type Argv } from 'yargs';
import { closest } from '../schema/parse.js';
import { EXIT, processIO, type CliIO } from './io.js';

const FORMATS = ['text', 'json'] as const;
/** Every command name, for "did you mean" on a typo. */
const COMMANDS = ['validate', 'generate'];

class UsageError extends Error {}

type Handler = (argv: Record<string, unknown>) => Promise<number> | number;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  let usageError: string | undefined;
  const run =
    (handler: Handler) =>
    async (args: Record<string, unknown>): Promise<void> => {
      exitCode = await handler(args);
    };

  const cli: Argv = yargs([...argv])
    .scriptName('codegen')
    .usage('$0 <command> [options]\n\nSchema tooling and code generation for SQLite apps with a Prisma schema.')
    .parserConfiguration({ 'boolean-negation': true, 'strip-aliased': true, 'strip-dashed': true })
    .command(
      'validate',
      'Check the schema and report every problem with its location',
      (y) =>
        y
          .option('schema', { type: 'string', describe: 'Schema file or folder (default: prisma/schema.prisma, schema.prisma, prisma/)' })
          .option('format', { choices: FORMATS, default: 'text' as const, describe: 'Output format' }),
      run(async (a) => {
        const { runValidate } = await import('./commands/validate.js');
        return runValidate(a as never, io);
      }),
    )
    .command(
      'generate',
      'Generate the typed, synchronous client from the schema',
      (y) =>
        y
          .option('schema', { type: 'string', describe: 'Schema file or folder (default: prisma/schema.prisma, schema.prisma, prisma/)' })
          .option('output', { type: 'string', describe: 'Output folder (default: the generator block\'s output, relative to the schema)' })
          .option('templates', { type: 'string', describe: 'A folder of templates overriding and extending the built-in ones' })
          .option('check', { type: 'boolean', default: false, describe: 'Write nothing; print a diff and exit 2 when the generated files are stale' })
          .option('typecheck', { type: 'boolean', default: true, describe: 'With --check: also type-check the generated files under strict (--no-typecheck to skip)' })
          .option('watch', { type: 'boolean', default: false, describe: 'Regenerate when the schema changes' }),
      run(async (a) => {
        const { runGenerate } = await import('./commands/generate.js');
        return runGenerate(a as never, io);
      }),
    )
    .demandCommand(1, 'Name a command.')
    .recommendCommands()
    .strict()
    .help()
    .version(await packageVersion())
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      // Throwing stops yargs: with exitProcess(false), returning would still run the command.
      usageError = msg;
      throw new UsageError(msg);
    });

  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first)) {
    const suggestion = closest(first, COMMANDS);
    io.stderr(`error: Unknown command \`${first}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}\nRun \`codegen --help\` for the list of commands.\n`);
    return EXIT.usage;
  }
  const stdout: string[] = [];
  try {
    await cli.parseAsync([...argv], {}, (err, _parsed, output) => {
      if (output) stdout.push(output);
      if (err && !usageError) usageError = err.message;
    });
  } catch (e) {
    if (!(e instanceof UsageError) && usageError === undefined) throw e;
  }
  if (usageError !== undefined) {
    if (stdout.length) io.stderr(stdout.join('') + '\n\n');
    io.stderr(`error: ${usageError}\nRun \`codegen --help\` for usage.\n`);
    return EXIT.usage;
  }
  if (stdout.length) io.stdout(stdout.join('') + '\n');
  return exitCode;
}

async function packageVersion(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Entry point for bin/codegen.js: runs, reports internal errors without a stack trace, sets the exit code. */
export async function runCli(): Promise<void> {
  const io = processIO();
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (e) {
    const err = e as Error;
    io.stderr(`internal error: ${err.message}\nThis is a bug in @spacepos/codegen. Set CODEGEN_DEBUG=1 for details and please report it.\n`);
    if (process.env.CODEGEN_DEBUG) io.stderr(`${err.stack ?? ''}\n`);
    process.exitCode = EXIT.internal;
  }
}
