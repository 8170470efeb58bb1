/** Generating the typed client (DESIGN.md §1.4): handlebars and ts-morph load lazily, only when this runs. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { findGenerators } from '../codegen/generator-block.js';
import { displayPath } from '../schema/load.js';
import type { SchemaModel } from '../schema/model.js';
import { loadSchema, type LoadSchemaOptions, type LoadSchemaResult } from './schema.js';

export interface GenerateOptions extends LoadSchemaOptions {
  /** The output folder (relative to cwd); default: the generator block's `output`, resolved from the schema file. */
  readonly output?: string;
  /** A folder of templates that override and extend the built-in ones. */
  readonly templates?: string;
  /** Run only the codegen generator block with this name (default: every one). */
  readonly generator?: string;
  /** Compare with the files on disk instead of writing (`--check`). */
  readonly check?: boolean;
  /** With `check`: also type-check the (up-to-date) generated files under strict, reporting G502 (default true). */
  readonly typecheck?: boolean;
}

export interface GeneratedFile {
  /** Relative to its output folder. */
  readonly path: string;
  /** The absolute path. */
  readonly file: string;
  readonly status: 'written' | 'unchanged' | 'stale' | 'missing';
}

/** What one generator block produced. */
export interface GeneratedOutput {
  /** The generator block's name; null when the schema has no codegen generator block (the defaults apply). */
  readonly generator: string | null;
  readonly outputDir: string;
  /** The custom templates folder (`templates` in the block or the option), when there is one. */
  readonly templatesDir?: string;
  readonly files: readonly GeneratedFile[];
  /** In check mode: a unified diff of the stale files. */
  readonly diff: string;
  readonly stale: boolean;
}

export interface GenerateResult {
  readonly ok: boolean;
  /** The schema file or folder that was read (absolute). */
  readonly location?: string;
  /** One per codegen generator block (one with the defaults when the schema has none). */
  readonly outputs: readonly GeneratedOutput[];
  /** The first output's folder (the usual case: one generator). */
  readonly outputDir?: string;
  /** Every generated file of every output, and what happened to it. */
  readonly files: readonly GeneratedFile[];
  /** In check mode: a unified diff of the stale files (empty when up to date). */
  readonly diff: string;
  readonly stale: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: LoadSchemaResult['sources'];
}

/** Generates the typed client for a schema (handlebars + ts-morph load lazily, only here). */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const loaded = loadSchema(options);
  if (!loaded.ok || !loaded.schema || !loaded.location) {
    return { ok: false, outputs: [], files: [], diff: '', stale: false, diagnostics: loaded.diagnostics, sources: loaded.sources, ...(loaded.location ? { location: loaded.location } : {}) };
  }
  const r = await generateClients(loaded.schema, loaded.location, options);
  const diagnostics = [...loaded.diagnostics, ...r.diagnostics];
  const outputs = r.outputs;
  return {
    ok: !hasErrors(diagnostics),
    location: loaded.location,
    outputs,
    ...(outputs[0] ? { outputDir: outputs[0].outputDir } : {}),
    files: outputs.flatMap((o) => o.files),
    diff: outputs.length > 1 ? outputs.filter((o) => o.diff).map((o) => `# generator ${o.generator} (${displayPath(options.cwd ?? process.cwd(), o.outputDir)})\n${o.diff}`).join('') : (outputs[0]?.diff ?? ''),
    stale: outputs.some((o) => o.stale),
    diagnostics,
    sources: loaded.sources,
  };
}

export interface GenerateClientsOptions extends Omit<GenerateOptions, keyof LoadSchemaOptions> {
  readonly cwd?: string;
  /** Check mode: leave out a generator whose output folder does not exist (a client that is not committed). */
  readonly skipUngenerated?: boolean;
}

/**
 * Generates (or checks) the client of every codegen generator block of a loaded schema. Returns only the
 * generator's own diagnostics; outputs left out by `skipUngenerated` are listed in `ungenerated`.
 */
export async function generateClients(
  schema: SchemaModel,
  location: string,
  options: GenerateClientsOptions = {},
): Promise<{ outputs: GeneratedOutput[]; ungenerated: { generator: string; outputDir: string }[]; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const blocks = findGenerators(schema).map((g) => g.name);
  const diagnostics: Diagnostic[] = [];
  let names: (string | undefined)[] = blocks.length ? blocks : [undefined];
  if (options.generator !== undefined) {
    if (!blocks.includes(options.generator)) {
      const known = blocks.length ? `the codegen generator blocks are ${blocks.map((b) => `\`${b}\``).join(', ')}` : 'the schema has no codegen generator block';
      return { outputs: [], ungenerated: [], diagnostics: [diagnostic('G503', `No codegen generator block is named \`${options.generator}\` (${known}).`)] };
    }
    names = [options.generator];
  } else if (names.length > 1 && (options.output !== undefined || options.templates !== undefined)) {
    return {
      outputs: [],
      ungenerated: [],
      diagnostics: [
        diagnostic('G503', `\`output\` and \`templates\` apply to one generator, and the schema has ${names.length} codegen generator blocks (${blocks.join(', ')}).`, {
          hint: 'Name the block to run: `--generator <name>` (or the `generator` option).',
        }),
      ],
    };
  }
  const { generateFiles, resolveGeneratorOptions } = await import('../codegen/generate.js');
  const outputs: GeneratedOutput[] = [];
  const ungenerated: { generator: string; outputDir: string }[] = [];
  for (const name of names) {
    const fileOptions = {
      cwd,
      schemaLocation: location,
      ...(name !== undefined ? { generator: name } : {}),
      ...(options.output !== undefined ? { output: options.output } : {}),
      ...(options.templates !== undefined ? { templates: options.templates } : {}),
      ...(options.check !== undefined ? { check: options.check } : {}),
    };
    if (options.check && options.skipUngenerated && name !== undefined) {
      const { outputDir } = resolveGeneratorOptions(schema, fileOptions);
      if (!existsSync(outputDir)) {
        ungenerated.push({ generator: name, outputDir });
        continue;
      }
    }
    const r = await generateFiles(schema, fileOptions);
    diagnostics.push(...r.diagnostics);
    if (!r.outputDir) continue;
    const outputDir = r.outputDir;
    const stale = r.files.some((f) => f.status === 'stale' || f.status === 'missing');
    outputs.push({
      generator: name ?? null,
      outputDir,
      ...(r.templatesDir ? { templatesDir: r.templatesDir } : {}),
      files: r.files.map((f) => ({ ...f, file: path.join(outputDir, f.path) })),
      diff: r.diff,
      stale,
    });
    if (options.check && options.typecheck !== false && !stale && r.files.length && !hasErrors(r.diagnostics)) {
      const { typeCheckDirectory } = await import('../codegen/emit.js');
      diagnostics.push(...(await typeCheckDirectory(outputDir)));
    }
  }
  return { outputs, ungenerated, diagnostics };
}
