/**
 * Templates: an isolated handlebars instance (never the global one), compiled with noEscape and strict, a few
 * pure helpers, and partials from `partials/`. A user folder overrides built-in files of the same name and adds
 * its own (every `*.hbs` outside `partials/` becomes an output file named without `.hbs`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateContext } from './context-types.js';

export interface RenderedFile {
  /** Relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

interface TemplateSet {
  /** Output path → [template source, where it came from]. */
  readonly files: Map<string, { source: string; origin: string }>;
  readonly partials: Map<string, { source: string; origin: string }>;
}

/** The built-in templates folder (`templates/` at the package root). */
export function builtinTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'index.ts.hbs'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('The built-in templates folder was not found next to the package.');
}

function readTemplateDir(dir: string, set: TemplateSet): void {
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${entry}` : entry;
      const full = path.join(dir, relPath);
      if (statSync(full).isDirectory()) {
        walk(relPath);
        continue;
      }
      if (!entry.endsWith('.hbs')) continue;
      const source = readFileSync(full, 'utf8');
      if (relPath.startsWith('partials/')) set.partials.set(relPath.slice('partials/'.length, -'.hbs'.length), { source, origin: full });
      else set.files.set(relPath.slice(0, -'.hbs'.length), { source, origin: full });
    }
  };
  walk('');
}

/** Pure helpers. Templates only loop and interpolate; these format. */
const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v) => JSON.stringify(v),
  /** A JavaScript literal in the formatter's style: `{ name: "id", fields: ["a", "b"] }`. */
  literal: (v) => literal(v),
  eq: (a, b) => a === b,
  not: (a) => !a,
  join: (list, sep) => (list as unknown[]).join(typeof sep === 'string' ? sep : ', '),
  /**
   * A JSDoc block for doc lines (empty when there are none), then a newline and the indent given as a second
   * argument (`{{jsdoc docLines "  "}}name: …`), so that the next token stays at its column.
   */
  jsdoc: (lines, indent) => {
    const l = lines as readonly string[];
    const pad = typeof indent === 'string' ? indent : '';
    if (!l || l.length === 0) return '';
    if (l.length === 1) return `/** ${l[0]} */\n${pad}`;
    return `/**\n${l.map((x) => (x ? `${pad} * ${x}` : `${pad} *`)).join('\n')}\n${pad} */\n${pad}`;
  },
  lowerFirst: (s) => String(s).charAt(0).toLowerCase() + String(s).slice(1),
  upperFirst: (s) => String(s).charAt(0).toUpperCase() + String(s).slice(1),
};

const IDENT = /^[A-Za-z_$][\w$]*$/;
function literal(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, x]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${literal(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

export interface RenderResult {
  readonly files: RenderedFile[];
  readonly diagnostics: Diagnostic[];
}

/** Renders every template with the context. `userDir` overrides and extends the built-in set. */
export async function renderTemplates(context: TemplateContext, userDir?: string): Promise<RenderResult> {
  const { default: Handlebars } = await import('handlebars');
  const set: TemplateSet = { files: new Map(), partials: new Map() };
  readTemplateDir(builtinTemplatesDir(), set);
  const diagnostics: Diagnostic[] = [];
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
      return { files: [], diagnostics: [diagnostic('G504', `The templates folder \`${userDir}\` does not exist.`)] };
    }
    readTemplateDir(userDir, set);
  }
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const knownHelpers = Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])) as Record<string, true>;
  const compileOptions = { noEscape: true, strict: true, knownHelpers } as const;
  for (const [name, { source, origin }] of set.partials) {
    try {
      hb.registerPartial(name, hb.compile(source, compileOptions));
    } catch (e) {
      diagnostics.push(templateError(origin, e));
    }
  }
  const files: RenderedFile[] = [];
  for (const [out, { source, origin }] of [...set.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      const template = hb.compile(source, compileOptions);
      files.push({ path: out, content: template(context) });
    } catch (e) {
      diagnostics.push(templateError(origin, e));
    }
  }
  return { files, diagnostics };
}

function templateError(origin: string, e: unknown): Diagnostic {
  const msg = (e as Error).message.split('\n').slice(0, 4).join(' ');
  return diagnostic('G501', `The template \`${origin}\` failed: ${msg}`);
}
