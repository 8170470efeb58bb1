/**
 * The options of the commands that run most often in scripts and CI (`validate`, `diff`), as data that yargs and a
 * small fast path share. Loading yargs costs about 60 ms of a `codegen validate` run (its wrapping and Unicode-width
 * helpers build regexes and `Intl.Segmenter`s at load), so a plain invocation, `codegen <command>` followed only by
 * known long flags in their simple forms, is parsed here into the same arguments yargs would give the handler.
 * Everything else (help, version, short flags, positionals, unknown or repeated flags, a value outside the choices,
 * a flag whose value looks like a flag) returns undefined and goes to yargs, which owns every message.
 * test/cli/plain-args.test.ts checks that both parsers agree.
 */

/** A yargs option, restricted to what the fast path understands. */
export interface PlainOption {
  readonly type?: 'string' | 'boolean';
  readonly choices?: readonly string[];
  readonly default?: string | boolean;
  readonly alias?: string | readonly string[];
  readonly array?: boolean;
  readonly describe: string;
}

export type PlainOptions = Readonly<Record<string, PlainOption>>;

/** How main.ts configures yargs; the fast path reproduces it: camelCase keys only, `--no-x` for booleans. */
export const PARSER_CONFIGURATION = { 'boolean-negation': true, 'strip-aliased': true, 'strip-dashed': true } as const;

export const FORMATS = ['text', 'json'] as const;

const SCHEMA_OPTION: PlainOption = { type: 'string', describe: 'Schema file or folder (default: prisma/schema.prisma, schema.prisma, prisma/)' };

export const VALIDATE_OPTIONS = {
  schema: SCHEMA_OPTION,
  format: { choices: FORMATS, default: 'text', describe: 'Output format' },
} as const satisfies PlainOptions;

export const DIFF_OPTIONS = {
  'from-empty': { type: 'boolean', describe: 'From an empty database' },
  'from-schema': { type: 'string', alias: ['from-schema-datamodel'], describe: 'From a schema file or folder' },
  'from-db': { type: 'string', alias: ['from-url'], describe: 'From a SQLite file (path or file: URL), opened read-only' },
  'from-migrations': { type: 'string', describe: 'From a migrations folder, replayed in memory' },
  'to-empty': { type: 'boolean', describe: 'To an empty database' },
  'to-schema': { type: 'string', alias: ['to-schema-datamodel'], describe: 'To a schema file or folder' },
  'to-db': { type: 'string', alias: ['to-url'], describe: 'To a SQLite file (path or file: URL)' },
  'to-migrations': { type: 'string', describe: 'To a migrations folder, replayed in memory' },
  script: { type: 'boolean', describe: 'Print the SQL migration script' },
  output: { type: 'string', alias: 'o', describe: 'Write to a file instead of stdout' },
  force: { type: 'boolean', describe: 'Overwrite the --output file when it exists' },
  format: { choices: FORMATS, default: 'text', describe: 'Output format' },
  'exit-code': { type: 'boolean', describe: 'Exit 2 when there is a difference, 0 when there is none' },
  'rename-table': { type: 'string', array: true, describe: 'A table rename: old=new (repeatable)' },
  'rename-column': { type: 'string', array: true, describe: 'A column rename: Table.old=new (repeatable)' },
} as const satisfies PlainOptions;

/** `from-db` → `fromDb`, as yargs names the handler's keys. */
function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The handler arguments for `argv` (without the command name) when every flag is plain; undefined when yargs
 * must decide. The result has the keys yargs gives with PARSER_CONFIGURATION, except `_` and `$0`.
 */
export function parsePlainArgs(args: readonly string[], options: PlainOptions): Record<string, unknown> | undefined {
  // Long flag names (canonical and aliases) → canonical option name.
  const names = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) {
    names.set(name, name);
    for (const alias of typeof option.alias === 'string' ? [option.alias] : (option.alias ?? [])) if (alias.length > 1) names.set(alias, name);
  }
  const result: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') return undefined;
    const eq = arg.indexOf('=');
    const flag = arg.slice(2, eq === -1 ? undefined : eq);
    const negated = eq === -1 && flag.startsWith('no-') && options[names.get(flag.slice(3)) ?? '']?.type === 'boolean';
    const name = names.get(negated ? flag.slice(3) : flag);
    if (name === undefined) return undefined;
    const option = options[name]!;
    const key = camelCase(name);
    if (option.type === 'boolean') {
      // `--flag=value` and `--flag true` are yargs's business; so is a flag given twice.
      if (eq !== -1 || key in result || isValueLike(args[i + 1])) return undefined;
      result[key] = !negated;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('-')) return undefined;
      i++;
    }
    if (value === '' || (option.choices && !option.choices.includes(value))) return undefined;
    if (option.array) {
      // yargs lets an array flag take several values (`--x a b`): only one value per occurrence here.
      if (isValueLike(args[i + 1])) return undefined;
      result[key] = [...((result[key] as string[] | undefined) ?? []), value];
    } else {
      if (key in result) return undefined;
      result[key] = value;
    }
  }
  for (const [name, option] of Object.entries(options)) {
    const key = camelCase(name);
    if (option.default !== undefined && !(key in result)) result[key] = option.default;
  }
  return result;
}

/** An argument that is not a long flag: yargs may read it as a value or a positional. */
function isValueLike(arg: string | undefined): boolean {
  return arg !== undefined && !arg.startsWith('--');
}
