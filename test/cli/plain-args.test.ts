import { test } from 'uvu';
import * as assert from 'uvu/assert';
import yargs from 'yargs';
import { DIFF_OPTIONS, PARSER_CONFIGURATION, parsePlainArgs, VALIDATE_OPTIONS, type PlainOptions } from '../../src/cli/plain-args.ts';

const COMMANDS: Record<string, PlainOptions> = { validate: VALIDATE_OPTIONS, diff: DIFF_OPTIONS };

/** What yargs hands the command's handler (without `_` and `$0`), configured as main.ts configures it. */
async function viaYargs(argv: string[]): Promise<Record<string, unknown> | string> {
  let got: Record<string, unknown> | undefined;
  const command = argv[0]!;
  try {
    await yargs(argv)
      .parserConfiguration(PARSER_CONFIGURATION)
      .command(command, '', (y) => y.options(COMMANDS[command]!), (a) => void (got = a))
      .strict()
      .exitProcess(false)
      .fail((msg, err) => {
        throw err ?? new Error(msg);
      })
      .parseAsync();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  const { _, $0, ...rest } = got!;
  void _;
  void $0;
  return rest;
}

const PLAIN: string[][] = [
  ['validate'],
  ['validate', '--schema', 'prisma/schema.prisma'],
  ['validate', '--schema=a b.prisma', '--format', 'json'],
  ['validate', '--format=text'],
  ['diff'],
  ['diff', '--from-empty', '--to-schema', 'schema.prisma', '--script'],
  ['diff', '--from-db', 'dev.db', '--to-schema', 'prisma', '--script', '--exit-code'],
  ['diff', '--from-url', 'file:./dev.db', '--to-schema-datamodel', 's.prisma', '--no-script', '--format', 'json'],
  ['diff', '--from-schema-datamodel', 'a', '--to-url', 'b.db'],
  ['diff', '--from-migrations', 'm', '--to-migrations', 'n', '--output', 'out.sql', '--force'],
  ['diff', '--to-empty', '--from-schema', 'x', '--rename-table', 'A=B', '--rename-table', 'C=D', '--rename-column', 'T.a=b'],
  ['diff', '--no-from-empty', '--to-empty'],
];

// Forms the fast path leaves to yargs (which may accept or reject them).
const LEFT_TO_YARGS: string[][] = [
  ['validate', '--help'],
  ['validate', '--version'],
  ['validate', '-h'],
  ['validate', 'extra'],
  ['validate', '--schema'],
  ['validate', '--schema', '--format', 'json'],
  ['validate', '--schema='],
  ['validate', '--schema', 'a', '--schema', 'b'],
  ['validate', '--format', 'xml'],
  ['validate', '--bogus'],
  ['validate', '--', '--schema', 'x'],
  ['diff', '-o', 'x'],
  ['diff', '--o', 'x'],
  ['diff', '--fromEmpty'],
  ['diff', '--script', 'true'],
  ['diff', '--script=false'],
  ['diff', '--script', '--script'],
  ['diff', '--rename-table', 'a=b', 'c=d'],
  ['diff', '--output', '-'],
  ['diff', '--no-output', 'x'],
];

test('plain invocations: the fast path gives exactly what yargs gives the handler', async () => {
  for (const argv of PLAIN) {
    const fast = parsePlainArgs(argv.slice(1), COMMANDS[argv[0]!]!);
    assert.ok(fast, `fast path declined ${argv.join(' ')}`);
    assert.equal(fast, await viaYargs(argv), argv.join(' '));
  }
});

test('anything else is left to yargs', () => {
  for (const argv of LEFT_TO_YARGS) assert.is(parsePlainArgs(argv.slice(1), COMMANDS[argv[0]!]!), undefined, argv.join(' '));
});

test.run();
