/**
 * The project config: `codegen.config.{json,js,mjs,ts}` or a `"codegen"` key in package.json. Only the CLI and
 * `loadConfig()` look for it; library functions take explicit options and never discover config from the cwd.
 * Paths in the config are relative to the file that holds it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../schema/parse.js';
import { dynamicImport } from '../fs/dynamic-import.js';

export type LintLevel = 'error' | 'warning' | 'info' | 'off';

export interface CodegenConfig {
  /** Schema file or folder. */
  readonly schema?: string;
  /** Migrations folder. */
  readonly migrations?: string;
  /** Database file (or `file:` URL). */
  readonly db?: string;
  /** Generator options, as in the schema's generator block (they override it). */
  readonly generate?: Readonly<Record<string, unknown>>;
  /** Severity per lint rule: `{ "L701": "error", "L712": "off" }`. */
  readonly lint?: Readonly<Record<string, LintLevel>>;
  /** Defaults for `codegen check`. */
  readonly check?: { readonly base?: string };
}

export interface LoadedConfig {
  readonly config: CodegenConfig;
  /** The file the config came from, when there is one. */
  readonly file?: string;
  readonly diagnostics: readonly Diagnostic[];
}

export const CONFIG_FILES = ['codegen.config.json', 'codegen.config.mjs', 'codegen.config.js', 'codegen.config.ts'] as const;
const KEYS = ['schema', 'migrations', 'db', 'generate', 'lint', 'check'] as const;
const LEVELS: readonly LintLevel[] = ['error', 'warning', 'info', 'off'];

/** Finds and loads the config of the project at `cwd`. A missing config is an empty one. */
export async function loadConfig(cwd: string): Promise<LoadedConfig> {
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    if (!existsSync(file)) continue;
    try {
      const raw = name.endsWith('.json') ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : await importConfigModule(file);
      return validateConfig(raw, file);
    } catch (e) {
      return { config: {}, file, diagnostics: [diagnostic('P116', `Cannot load ${name}: ${(e as Error).message}`, { hint: 'Fix the syntax of the config file.' })] };
    }
  }
  const pkgFile = path.join(cwd, 'package.json');
  if (existsSync(pkgFile)) {
    try {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { codegen?: unknown };
      if (pkg.codegen !== undefined) return validateConfig(pkg.codegen, pkgFile, 'package.json "codegen"');
    } catch (e) {
      return { config: {}, file: pkgFile, diagnostics: [diagnostic('P116', `Cannot read package.json: ${(e as Error).message}`)] };
    }
  }
  return { config: {}, diagnostics: [] };
}

async function importConfigModule(file: string): Promise<unknown> {
  let url = pathToFileURL(file).href;
  if (file.endsWith('.ts')) {
    // Node 20 cannot import TypeScript: transpile with the compiler ts-morph ships, into a module beside the file.
    const { ts } = await dynamicImport<typeof import('ts-morph')>('ts-morph');
    const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    url = `data:text/javascript;base64,${Buffer.from(js).toString('base64')}`;
  }
  const mod = await dynamicImport<{ default?: unknown }>(url);
  const value = mod.default ?? mod;
  return typeof value === 'function' ? await (value as () => unknown)() : value;
}

/** Checks the shape of a config value and resolves its paths against the config file's folder. */
export function validateConfig(raw: unknown, file: string, label = path.basename(file)): LoadedConfig {
  const diagnostics: Diagnostic[] = [];
  const where = (key: string): string => `${label}: \`${key}\``;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: {}, file, diagnostics: [diagnostic('P116', `${label} must hold an object, for example { "schema": "prisma/schema.prisma" }.`)] };
  }
  const obj = raw as Record<string, unknown>;
  const dir = path.dirname(file);
  const config: { -readonly [K in keyof CodegenConfig]: CodegenConfig[K] } = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      const suggestion = closest(key, KEYS);
      diagnostics.push(diagnostic('P116', `${where(key)} is not a config option.`, { hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Options: ${KEYS.join(', ')}.` }));
      continue;
    }
    switch (key) {
      case 'schema':
      case 'migrations':
      case 'db':
        if (typeof value !== 'string' || value === '') diagnostics.push(diagnostic('P116', `${where(key)} must be a path (a non-empty string).`));
        else config[key] = key === 'db' && value.startsWith('file:') ? `file:${path.resolve(dir, value.slice(5))}` : path.resolve(dir, value);
        break;
      case 'generate':
        if (value === null || typeof value !== 'object' || Array.isArray(value)) diagnostics.push(diagnostic('P116', `${where(key)} must be an object of generator options.`));
        else {
          const gen = { ...(value as Record<string, unknown>) };
          for (const p of ['output', 'templates']) if (typeof gen[p] === 'string') gen[p] = path.resolve(dir, gen[p] as string);
          config.generate = gen;
        }
        break;
      case 'lint': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          diagnostics.push(diagnostic('P116', `${where(key)} must map rule codes to severities, for example { "L701": "error" }.`));
          break;
        }
        const lint: Record<string, LintLevel> = {};
        for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
          if (!/^L7\d\d$/.test(code)) diagnostics.push(diagnostic('P116', `${where(`lint.${code}`)} is not a lint rule code (L701…).`, { hint: 'See docs/diagnostics.md for the L7xx rules.' }));
          else if (!LEVELS.includes(level as LintLevel)) diagnostics.push(diagnostic('P116', `${where(`lint.${code}`)} must be one of ${LEVELS.map((l) => `"${l}"`).join(', ')}.`));
          else lint[code] = level as LintLevel;
        }
        config.lint = lint;
        break;
      }
      case 'check': {
        const base = (value as { base?: unknown } | null)?.base;
        if (value === null || typeof value !== 'object' || (base !== undefined && typeof base !== 'string')) diagnostics.push(diagnostic('P116', `${where(key)} must be an object like { "base": "origin/main" }.`));
        else config.check = base !== undefined ? { base } : {};
        break;
      }
    }
  }
  return { config, file, diagnostics };
}
