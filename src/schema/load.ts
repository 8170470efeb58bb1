/**
 * Finds and reads schema files (one file or a folder of `.prisma` files), then parses and lowers them.
 * Reading checks what a text editor would hide: binary content, invalid UTF-8, absurd sizes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { lowerSchema } from './lower.js';
import type { SchemaModel, SourceFile } from './model.js';
import { parseSchemaFile } from './parse.js';

export const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024;

export interface SchemaSource {
  /** The path as shown in diagnostics (relative to the working directory when inside it). */
  readonly path: string;
  readonly text: string;
}

export interface LocateResult {
  /** The schema file, or the folder of schema files. */
  readonly location?: string;
  readonly diagnostics: Diagnostic[];
}

/** Prisma's discovery order: `--schema`, then `prisma/schema.prisma`, then `schema.prisma`, then a `prisma/` folder. */
export function locateSchema(cwd: string, explicit?: string): LocateResult {
  if (explicit !== undefined) {
    const full = path.resolve(cwd, explicit);
    try {
      statSync(full);
    } catch {
      return { diagnostics: [diagnostic('P111', `The schema path \`${explicit}\` does not exist.`, { hint: 'Check the path given to `--schema`.' })] };
    }
    return { location: full, diagnostics: [] };
  }
  for (const candidate of ['prisma/schema.prisma', 'schema.prisma']) {
    const full = path.join(cwd, candidate);
    if (isFile(full)) return { location: full, diagnostics: [] };
  }
  const folder = path.join(cwd, 'prisma');
  if (isDirectory(folder) && findPrismaFiles(folder).length > 0) return { location: folder, diagnostics: [] };
  return {
    diagnostics: [
      diagnostic('P111', `No schema found in ${displayPath(cwd, cwd) || '.'}: looked for prisma/schema.prisma, schema.prisma and a prisma/ folder.`),
    ],
  };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every `.prisma` file below a folder, recursively, in a stable order. */
export function findPrismaFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith('.prisma')) out.push(full);
    }
  };
  walk(folder);
  return out;
}

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Reads the schema file(s) at a location. Returns sources and the problems found while reading. */
export function readSchemaSources(location: string, cwd: string): { sources: SchemaSource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sources: SchemaSource[] = [];
  let files: string[];
  if (isDirectory(location)) {
    files = findPrismaFiles(location);
    if (files.length === 0) {
      diagnostics.push(diagnostic('P112', `The folder \`${displayPath(cwd, location)}\` contains no .prisma files.`));
      return { sources, diagnostics };
    }
  } else files = [location];
  for (const file of files) {
    const shown = displayPath(cwd, file);
    const read = readSchemaText(file, shown);
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    else sources.push({ path: shown, text: read.text });
  }
  return { sources, diagnostics };
}

function readSchemaText(file: string, shown: string): { text: string } | { diagnostic: Diagnostic } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostic: diagnostic('P113', `\`${shown}\` is a folder, not a file.`) };
    size = st.size;
  } catch (e) {
    return { diagnostic: diagnostic('P113', `Cannot read \`${shown}\`: ${(e as Error).message}`) };
  }
  if (size > MAX_SCHEMA_FILE_BYTES) {
    return { diagnostic: diagnostic('P110', `\`${shown}\` is ${(size / 1024 / 1024).toFixed(1)} MiB; schema files over 8 MiB are refused.`) };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { diagnostic: diagnostic('P113', `Cannot read \`${shown}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, { hint: 'Check the file permissions.' }) };
  }
  return decodeSchemaBytes(bytes, shown);
}

/** Decodes file bytes as UTF-8 text, refusing binary data and invalid UTF-8 with a located diagnostic. */
export function decodeSchemaBytes(bytes: Uint8Array, shown: string): { text: string } | { diagnostic: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { diagnostic: diagnostic('P109', `\`${shown}\` is a binary file (it contains a NUL byte at byte ${nul}).`) };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
    return {
      diagnostic: diagnostic('P108', `\`${shown}\` is not valid UTF-8 (first invalid byte at line ${line}, byte offset ${offset}).`),
    };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

export interface ParsedSchema {
  readonly schema: SchemaModel;
  readonly diagnostics: Diagnostic[];
}

/** Parses and lowers in-memory sources into a SchemaModel (no validation rules beyond what lowering needs). */
export function parseSchemaSources(sources: readonly SchemaSource[]): ParsedSchema {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = sources.map((s) => {
    const parsed = parseSchemaFile(s.path, s.text);
    diagnostics.push(...parsed.diagnostics);
    return { path: s.path, text: s.text, ast: parsed.ast };
  });
  const lowered = lowerSchema(files);
  diagnostics.push(...lowered.diagnostics);
  return { schema: lowered.schema, diagnostics };
}
