/**
 * Command-line flags over the project config: a flag always wins; the config fills what the flags leave out.
 */
import { loadConfig, type CodegenConfig } from '../config/config.js';
import type { CliIO } from './io.js';
import { printDiagnostics } from './output.js';

export type WithConfig<A> = A & { readonly config?: CodegenConfig };

/** Loads the config and fills `schema`, `migrations`, `db`, `lint` and `base` where the flags did not. */
export async function applyConfig<A extends Record<string, unknown>>(args: A, io: CliIO): Promise<WithConfig<A> | number> {
  const loaded = await loadConfig(io.cwd);
  if (loaded.diagnostics.length) {
    printDiagnostics(io, loaded.diagnostics, []);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return 1;
  }
  const c = loaded.config;
  const merged: Record<string, unknown> = { ...args, config: c };
  const fill = (key: string, value: unknown): void => {
    if (merged[key] === undefined && value !== undefined) merged[key] = value;
  };
  fill('schema', c.schema);
  fill('migrations', c.migrations);
  fill('db', c.db);
  fill('lint', c.lint);
  fill('base', c.check?.base);
  return merged as WithConfig<A>;
}
