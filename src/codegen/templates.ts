/**
 * Templates: an isolated handlebars instance (never the global one), compiled with noEscape and strict, a few
 * pure helpers, and partials from `partials/`. A user folder overrides built-in files of the same name and adds
 * its own (every `*.hbs` outside `partials/` becomes an output file named without `.hbs`).
 *
 * The built-in templates are precompiled at build time (`dist/templates.precompiled.js`, see
 * scripts/precompile-templates.ts): with no user templates, generation loads only the handlebars runtime and
 * compiles nothing, which saves a fifth of `generate` on large schemas.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateContext } from './context-types.js';
import type Handlebars from 'handlebars';
import { dynamicImport } from '../fs/dynamic-import.js';

export interface RenderedFile {
  /** Relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

interface TemplateSource {
  readonly source: string;
  /** The file it came from. */
  readonly origin: string;
  /** Its key among the built-in templates (`index.ts`, `partials/header`), when it is one. */
  readonly builtin?: string;
}

interface TemplateSet {
  /** Output path → template. */
  readonly files: Map<string, TemplateSource>;
  readonly partials: Map<string, TemplateSource>;
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

function readTemplateDir(dir: string, set: TemplateSet, builtin = false): void {
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
      const key = relPath.slice(0, -'.hbs'.length);
      const template: TemplateSource = builtin ? { source, origin: full, builtin: key } : { source, origin: full };
      if (relPath.startsWith('partials/')) set.partials.set(key.slice('partials/'.length), template);
      else set.files.set(key, template);
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
// Called for every field's and relation's metadata: plain loops, no intermediate arrays.
function literal(v: unknown): string {
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ', ' : '') + literal(v[i]);
    return `${out}]`;
  }
  if (v !== null && typeof v === 'object') {
    let out = '';
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out += `${out ? ', ' : '{ '}${IDENT.test(k) ? k : JSON.stringify(k)}: ${literal(x)}`;
    }
    return out ? `${out} }` : '{}';
  }
  return JSON.stringify(v);
}

/** Runtime compilation (custom templates, or when no build output is at hand): strict, so typos are errors. */
const COMPILE_OPTIONS = { noEscape: true, strict: true, knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])) as Record<string, true> };

/**
 * Build-time compilation of the built-in templates. Not strict: strict lookups allocate a source location per
 * interpolation, and the built-in templates are checked under strict by the runtime path in the tests (both paths
 * must give the same bytes). `knownHelpersOnly` lets handlebars read fields directly instead of probing helpers.
 */
export const PRECOMPILE_OPTIONS = { noEscape: true, knownHelpersOnly: true, knownHelpers: COMPILE_OPTIONS.knownHelpers };

/** Identifies the options and helpers a precompiled set was built with; a different key means "compile". */
export const PRECOMPILE_KEY = `v1 ${JSON.stringify(PRECOMPILE_OPTIONS)}`;

/** The build output: each built-in template's source (to detect edits since the build) and its compiled spec. */
export interface PrecompiledTemplates {
  readonly key: string;
  readonly templates: Readonly<Record<string, { readonly source: string; readonly spec: TemplateSpecification }>>;
}

/** The precompiled built-in templates next to the package's templates folder, when built and current. */
export async function loadPrecompiled(): Promise<PrecompiledTemplates | undefined> {
  const file = path.join(path.dirname(builtinTemplatesDir()), 'dist', 'templates.precompiled.js');
  if (!existsSync(file)) return undefined;
  const mod = await dynamicImport<PrecompiledTemplates>(pathToFileURL(file).href);
  return mod.key === PRECOMPILE_KEY ? mod : undefined;
}

/** The built-in templates as the build script writes them: an ES module exporting `key` and `templates`. */
export async function precompiledModuleSource(): Promise<string> {
  const { default: hb } = await dynamicImport<{ default: typeof Handlebars }>('handlebars');
  const set: TemplateSet = { files: new Map(), partials: new Map() };
  readTemplateDir(builtinTemplatesDir(), set, true);
  const entries = [...set.files.values(), ...set.partials.values()]
    .map((t) => `  ${JSON.stringify(t.builtin)}: { source: ${JSON.stringify(t.source)}, spec: ${hb.precompile(t.source, PRECOMPILE_OPTIONS)} },`)
    .sort();
  return `// Generated by scripts/precompile-templates.ts from templates/*.hbs. Do not edit.\nexport const key = ${JSON.stringify(PRECOMPILE_KEY)};\nexport const templates = {\n${entries.join('\n')}\n};\n`;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface RenderResult {
  readonly files: RenderedFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Renders every template with the context. `userDir` overrides and extends the built-in set. `precompiled: false`
 * compiles the built-in templates too (the tests compare both paths).
 */
export async function renderTemplates(context: TemplateContext, userDir?: string, options: { precompiled?: boolean } = {}): Promise<RenderResult> {
  const set: TemplateSet = { files: new Map(), partials: new Map() };
  readTemplateDir(builtinTemplatesDir(), set, true);
  const diagnostics: Diagnostic[] = [];
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
      return { files: [], diagnostics: [diagnostic('G504', `The templates folder \`${userDir}\` does not exist.`)] };
    }
    readTemplateDir(userDir, set);
  }
  const precompiled = options.precompiled === false ? undefined : await loadPrecompiled();
  const specOf = (t: TemplateSource): TemplateSpecification | undefined => {
    const p = t.builtin === undefined ? undefined : precompiled?.templates[t.builtin];
    return p !== undefined && p.source === t.source ? p.spec : undefined;
  };
  const all = [...set.files.values(), ...set.partials.values()];
  // The runtime alone (no compiler, no source-map) loads in a third of the time.
  const runtimeOnly = all.every((t) => specOf(t) !== undefined);
  const env = runtimeOnly
    ? (await dynamicImport<{ default: typeof Handlebars }>('handlebars/runtime.js')).default
    : (await dynamicImport<{ default: typeof Handlebars }>('handlebars')).default;
  const hb = env.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const load = (t: TemplateSource): Handlebars.TemplateDelegate => {
    const spec = specOf(t);
    return spec !== undefined ? hb.template(spec) : hb.compile(t.source, COMPILE_OPTIONS);
  };
  for (const [name, t] of set.partials) {
    try {
      hb.registerPartial(name, flattening(load(t)));
    } catch (e) {
      diagnostics.push(templateError(t.origin, e));
    }
  }
  const files: RenderedFile[] = [];
  for (const [out, t] of [...set.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      files.push({ path: out, content: load(t)(context) });
    } catch (e) {
      diagnostics.push(templateError(t.origin, e));
    }
  }
  return { files, diagnostics };
}

/**
 * A partial whose output is flattened before it is spliced into its caller. Handlebars builds output by string
 * concatenation, a rope of small pieces that would all survive until the file is written; flattening each
 * partial's output (one model's types, say) lets the pieces die young, which halves garbage collection while
 * rendering large schemas. (`Number(s)` flattens a string in V8; the number is discarded.)
 */
function flattening(partial: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, options) => {
    const out = partial(context, options);
    Number(out);
    return out;
  };
}

function templateError(origin: string, e: unknown): Diagnostic {
  const msg = (e as Error).message.split('\n').slice(0, 4).join(' ');
  return diagnostic('G501', `The template \`${origin}\` failed: ${msg}`);
}
