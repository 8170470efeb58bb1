/**
 * The two sides of `codegen diff` from its parsed flags: exactly one of `--<side>-empty`, `-schema`, `-db` or
 * `-migrations` per side. Shared by the command and by the launcher, which reads the same flags to start
 * introspecting a database before the command line has loaded (src/cli/early-introspection.ts).
 */
import type { DiffSource } from '../api/sources.js';

export class DiffUsageError extends Error {}

export function diffSide(args: object, prefix: 'from' | 'to'): DiffSource {
  const a = args as Record<string, unknown>;
  const chosen: DiffSource[] = [];
  if (a[`${prefix}Empty`]) chosen.push({ kind: 'empty' });
  if (typeof a[`${prefix}Schema`] === 'string') chosen.push({ kind: 'schema', path: a[`${prefix}Schema`] as string });
  if (typeof a[`${prefix}Db`] === 'string') chosen.push({ kind: 'db', path: a[`${prefix}Db`] as string });
  if (typeof a[`${prefix}Migrations`] === 'string') chosen.push({ kind: 'migrations', path: a[`${prefix}Migrations`] as string });
  if (chosen.length !== 1) {
    throw new DiffUsageError(
      chosen.length === 0
        ? `Say what to diff ${prefix}: one of --${prefix}-empty, --${prefix}-schema, --${prefix}-db or --${prefix}-migrations.`
        : `Give only one of --${prefix}-empty, --${prefix}-schema, --${prefix}-db and --${prefix}-migrations.`,
    );
  }
  return chosen[0]!;
}
