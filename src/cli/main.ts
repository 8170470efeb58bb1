/**
 * The `codegen` command line: yargs definitions only. Each command's work lives in commands/*.ts and is
 * imported when the command runs, so that `codegen validate` never loads ts-morph, handlebars or SQLite.
 * Plain `validate` and `diff` invocations skip yargs altogether (plain-args.ts).
 */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { closest } from '../schema/suggest.js';
import { EXIT, outputFailed, processIO, type CliIO } from './io.js';
import { DIFF_OPTIONS, FORMATS, PARSER_CONFIGURATION, parsePlainArgs, VALIDATE_OPTIONS, type PlainOptions } from './plain-args.js';
import { dynamicImport } from '../fs/dynamic-import.js';
/** Every command name, for "did you mean" on a typo. */
const COMMANDS = ['init', 'validate', 'format', 'diff', 'migrate', 'check', 'pull', 'erd', 'generate'];

class UsageError extends Error {}

type Handler = (argv: Record<string, unknown>) => Promise<number> | number;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  let usageError: string | undefined;
  const run =
    (handler: Handler) =>
    async (args: Record<string, unknown>): Promise<void> => {
      // The project config fills what the flags leave out (config-args.ts).
      const { applyConfig } = await import('./config-args.js');
      const merged = await applyConfig(args, io);
      exitCode = typeof merged === 'number' ? merged : await handler(merged);
    };
  const validate = run(async (a) => {
    const { runValidate } = await import('./commands/validate.js');
    return runValidate(a as never, io);
  });
  const diff = run(async (a) => {
    const { runDiff } = await import('./commands/diff.js');
    return runDiff(a as never, io);
  });

  const plain: Record<string, [PlainOptions, (args: Record<string, unknown>) => Promise<void>]> = { validate: [VALIDATE_OPTIONS, validate], diff: [DIFF_OPTIONS, diff] };
  const fast = argv[0] !== undefined && Object.hasOwn(plain, argv[0]) ? plain[argv[0]] : undefined;
  const parsed = fast && parsePlainArgs(argv.slice(1), fast[0]);
  if (fast && parsed) {
    await fast[1]({ _: [argv[0]], ...parsed, $0: 'codegen' });
    return exitCode;
  }

  const { default: yargs } = await dynamicImport<typeof import('yargs')>('yargs');
  const cli: Argv = yargs([...argv])
    .scriptName('codegen')
    .usage('$0 <command> [options]\n\nSchema tooling and code generation for SQLite apps with a Prisma schema.')
    .parserConfiguration(PARSER_CONFIGURATION)
    .command(
      'init',
      'Start a project: prisma/schema.prisma, codegen.config.json and a .gitignore entry (never overwrites)',
      (y) => y.option('dir', { type: 'string', describe: 'Project folder (default: the current folder)' }),
      run(async (a) => {
        const { runInit } = await import('./commands/init.js');
        return runInit(a as never, io);
      }),
    )
    .command(
      'validate',
      'Check the schema and report every problem with its location',
      (y) => y.options(VALIDATE_OPTIONS),
      validate,
    )
    .command(
      'format',
      'Rewrite the schema files in canonical form, as `prisma format` does',
      (y) =>
        y
          .option('schema', { type: 'string', describe: 'Schema file or folder (default: prisma/schema.prisma, schema.prisma, prisma/)' })
          .option('check', { type: 'boolean', default: false, describe: 'Write nothing; list the files that would change, with a diff, and exit 2 if any would' }),
      run(async (a) => {
        const { runFormat } = await import('./commands/format.js');
        return runFormat(a as never, io);
      }),
    )
    .command(
      'diff',
      'Compare two schemas, databases or migration folders and print the migration between them',
      (y) => y.options(DIFF_OPTIONS),
      diff,
    )
    .command(
      'erd',
      'Draw the schema as an entity-relationship diagram (svg, html, mermaid or dot)',
      (y) =>
        y
          .option('schema', { type: 'string', describe: 'Schema file or folder (default: prisma/schema.prisma, schema.prisma, prisma/)' })
          .option('format', { choices: ['svg', 'html', 'mermaid', 'dot'] as const, describe: 'Output format (default: from the --output extension, else svg)' })
          .option('models', { type: 'string', array: true, describe: 'Draw only these models and their neighbours: names, table names or globs (A,B or "File*")' })
          .option('direction', { choices: ['TB', 'LR'] as const, describe: 'Layout: top to bottom (default) or left to right' })
          .option('output', { type: 'string', alias: 'o', describe: 'Write to a file instead of stdout' })
          .option('force', { type: 'boolean', describe: 'Overwrite an --output file that `codegen erd` did not write' }),
      run(async (a) => {
        const { runErd } = await import('./commands/erd.js');
        return runErd(a as never, io);
      }),
    )
    .command(
      'pull',
      'Introspect a SQLite database into the schema, as `prisma db pull` does (an existing schema is merged, not replaced)',
      (y) =>
        y
          .option('db', { type: 'string', describe: 'Database file or file: URL (default: DATABASE_URL, then the datasource url)' })
          .option('schema', { type: 'string', describe: 'Schema file or folder to write and merge into (default: prisma/schema.prisma, schema.prisma, prisma/)' })
          .option('print', { type: 'boolean', describe: 'Print the schema to stdout and write nothing' })
          .option('force', { type: 'boolean', describe: 'Replace the existing schema\'s models with a fresh pull (its datasource and generators stay)' })
          .option('naming', { choices: ['prisma', 'camel'] as const, describe: 'prisma: keep database names (default); camel: PascalCase models, camelCase fields, with @@map/@map. A re-pull names new tables and columns as the schema does' }),
      run(async (a) => {
        const { runPull } = await import('./commands/pull.js');
        return runPull(a as never, io);
      }),
    )
    .command('migrate', 'Create and apply migrations (Prisma-compatible folder and history)', (y) => {
      const project = (z: Argv): Argv =>
        z
          .option('schema', { type: 'string', describe: 'Schema file or folder' })
          .option('db', { type: 'string', describe: 'Database file (default: DATABASE_URL, then the datasource url)' })
          .option('migrations', { type: 'string', describe: 'Migrations folder (default: beside the schema)' });
      const migrateCommand = (name: string, fn: string) =>
        run(async (a) => {
          const commands = (await import('./commands/migrate.js')) as unknown as Record<string, (args: unknown, io: CliIO) => number | Promise<number>>;
          void name;
          return commands[fn]!(a, io);
        });
      return y
        .command('deploy', 'Apply pending migrations (creates the database file when it does not exist)', (z) => project(z).option('allow-modified', { type: 'boolean', describe: 'Accept applied migrations that were edited since' }), migrateCommand('deploy', 'runDeploy'))
        .command(
          'dev',
          'Write a migration for the schema changes and apply it to the dev database',
          (z) =>
            project(z)
              .option('name', { type: 'string', alias: 'n', describe: 'Name of the new migration' })
              .option('create-only', { type: 'boolean', describe: 'Write the migration without applying it' })
              .option('accept-data-loss', { type: 'boolean', describe: 'Write and apply a migration that loses data' })
              .option('force-reset', { type: 'boolean', describe: 'Reset the dev database when it drifted (asks first)' })
              .option('allow-modified', { type: 'boolean', describe: 'Accept applied migrations that were edited since' }),
          migrateCommand('dev', 'runDev'),
        )
        .command('status', 'List applied, pending, failed, modified and missing migrations', (z) => project(z).option('format', { choices: FORMATS, default: 'text' as const }), migrateCommand('status', 'runStatus'))
        .command(
          'resolve',
          'Mark a migration applied (baselining) or rolled back (after a failure)',
          (z) => project(z).option('applied', { type: 'string', describe: 'Migration to record as applied' }).option('rolled-back', { type: 'string', describe: 'Failed migration to record as rolled back' }),
          migrateCommand('resolve', 'runResolve'),
        )
        .command('reset', 'Drop everything in the database and apply all migrations again', (z) => project(z).option('force', { type: 'boolean', describe: 'Required: confirms that all data is lost' }), migrateCommand('reset', 'runReset'))
        .command(
          'bundle',
          'Write a module holding every migration, for apps that migrate at launch',
          (z) =>
            project(z)
              .option('output', { type: 'string', alias: 'o', describe: 'The module to write (.ts or .js); stdout when omitted' })
              .option('bundle-format', { choices: ['ts', 'js'] as const, describe: 'Module format (default from the file extension)' })
              .option('force', { type: 'boolean', describe: 'Overwrite a file that the bundler did not write' }),
          migrateCommand('bundle', 'runBundle'),
        )
        .demandCommand(1, 'Name a migrate command: deploy, dev, status, resolve, reset or bundle.');
    })
    .command(
      'check',
      'Check a pull request: schema, migrations vs the base branch, missing migrations, stale client, lint',
      (y) =>
        y
          .option('schema', { type: 'string', describe: 'Schema file or folder' })
          .option('migrations', { type: 'string', describe: 'Migrations folder (default: beside the schema)' })
          .option('base', { type: 'string', describe: 'Git ref to compare with (default: merge base with origin/main, then main)' })
          .option('git', { type: 'boolean', default: true, describe: 'Compare with the base branch (--no-git to skip)' })
          .option('format', { choices: ['text', 'json', 'markdown', 'github', 'sarif'] as const, default: 'text' as const, describe: 'Report format' })
          .option('typecheck', { type: 'boolean', default: false, describe: 'Also type-check the generated client under strict (takes seconds)' }),
      run(async (a) => {
        const { runCheck } = await import('./commands/check.js');
        return runCheck({ ...(a as Record<string, unknown>), version: await packageVersion() } as never, io);
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
          .option('generator', { type: 'string', describe: 'Run only the codegen generator block with this name (default: every one)' })
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
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Entry point for bin/codegen.cjs (through launch.ts, which also sees to the process's JIT budget): runs, reports internal
 * errors without a stack trace, sets the exit code.
 */
export async function runCli(): Promise<void> {
  const io = processIO();
  try {
    const code = await main(process.argv.slice(2), io);
    // Results that could not be written are a failure, whatever the command found.
    process.exitCode = outputFailed() ? EXIT.errors : code;
  } catch (e) {
    const err = e as Error;
    io.stderr(`internal error: ${err.message}\nThis is a bug in @spacepos/codegen. Set CODEGEN_DEBUG=1 for details and please report it.\n`);
    if (process.env.CODEGEN_DEBUG) io.stderr(`${err.stack ?? ''}\n`);
    process.exitCode = EXIT.internal;
  }
}
