/**
 * The canonical schema printer: the output of Prisma 7's `prisma format` (tab size 2), byte for byte wherever
 * our syntax tree allows. The known differences are listed in docs/schema-language.md, "Formatting".
 *
 * The printer follows the shape of Prisma's formatter, which works line by line: blocks are separated by one
 * blank line, runs of blank lines shrink to one, and the inside of each block is laid out by `format/blocks.ts`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { SchemaFileAst, TopLevel } from './ast.js';
import { formatBlock } from './format/blocks.js';
import { insertParts, missingRelationParts } from './format/relations.js';
import { commentLines, whitespaceBefore } from './format/comments.js';
import { LineWriter } from './format/table.js';
import type { SchemaSource } from './load.js';
import { parseSchemaFile } from './parse.js';

/** Prisma's `prisma format` indents by two spaces. */
const INDENT_WIDTH = 2;

/** Prints a parsed schema file in canonical form, with `\n` line breaks and one final line break. */
export function formatSchemaFile(ast: SchemaFileAst): string {
  const out = new LineWriter(INDENT_WIDTH);
  const items = ast.items.filter((item) => item.kind !== 'EmptyLine');
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (previous && blankLineBetween(previous, item)) out.endLine();
    if (item.kind === 'Block') formatBlock(item, ast.text, out);
    else if (item.kind === 'Comment') {
      const firstOfRun = previous?.kind !== 'Comment' || blankLineBetween(previous, item);
      for (const line of commentLines(item, firstOfRun ? '' : whitespaceBefore(item, ast.text))) {
        out.write(line);
        out.endLine();
      }
    }
  });
  return out.text === '' ? '\n' : out.text;
}

/**
 * Whether one blank line separates two top-level items: always after a block; after a comment only when the
 * input had one. (Prisma puts none between `}` and a comment or block on the same line, then adds it on its
 * next run; we print the stable form at once.)
 */
function blankLineBetween(previous: TopLevel, next: TopLevel): boolean {
  return previous.kind === 'Block' || next.span.start.line > previous.span.end.line + 1;
}

export interface FormatTextResult {
  /** The formatted text; absent when the file has syntax errors (formatting could lose what was not parsed). */
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
}

/** Parses and formats one file. Refuses (no text) when the file has syntax errors, and returns them. */
export function formatSchemaText(text: string, path = 'schema.prisma'): FormatTextResult {
  const result = formatSchemaSources([{ path, text }]);
  const formatted = result.texts?.[0];
  return formatted === undefined ? { diagnostics: result.diagnostics } : { text: formatted, diagnostics: result.diagnostics };
}

export interface FormatSourcesResult {
  /** The formatted text of each source, in order; absent when any file has syntax errors. */
  readonly texts?: string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Formats the files of one schema together. When any file has syntax errors, none is formatted: a file is
 * never half-formatted, and a schema split over files is never left half-formatted either.
 */
export function formatSchemaSources(sources: readonly SchemaSource[]): FormatSourcesResult {
  const parsed = sources.map((s) => parseSchemaFile(s.path, s.text));
  const diagnostics = parsed.flatMap((p) => p.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const asts = completeRelations(parsed.map((p) => p.ast));
  return { texts: asts.map(formatSchemaFile), diagnostics };
}

/**
 * The files with the relation fields and arguments Prisma's formatter adds (see format/relations.ts), inserted
 * into the text and parsed again. A file that would not parse after the insertions is kept as it was.
 */
function completeRelations(asts: readonly SchemaFileAst[]): SchemaFileAst[] {
  const insertions = missingRelationParts(asts);
  return asts.map((ast, file) => {
    const own = insertions.filter((i) => i.file === file);
    if (own.length === 0) return ast;
    const enriched = parseSchemaFile(ast.file, insertParts(ast.text, own));
    return hasErrors(enriched.diagnostics) ? ast : enriched.ast;
  });
}

/** The formatted text with the line breaks of the original: `\r\n` when the original's first line break was. */
export function matchLineEndings(original: string, formatted: string): string {
  const firstBreak = original.indexOf('\n');
  return firstBreak > 0 && original[firstBreak - 1] === '\r' ? formatted.replace(/\n/g, '\r\n') : formatted;
}
