/**
 * Parses one schema file into its syntax tree (ast.ts), in three passes:
 * - lexer.ts: an exact tokenizer. Invalid characters and unterminated strings are reported, not skipped (as
 *   prisma-ast's lexer does), and every token keeps its position;
 * - repair.ts: the structural mistakes Prisma rejects (a one-line block, attribute arguments split over lines,
 *   an unclosed block or bracket) get a specific diagnostic and are repaired in the token stream;
 * - grammar.ts: a recursive-descent parser for prisma-ast's grammar that builds the tree with a span for every
 *   node, and skips a bad line with one diagnostic, so that one run reports every independent error.
 * It used to drive prisma-ast's chevrotain parser (the stack the project started with); measured, that parser was the
 * largest part of `codegen validate`'s 0.5 s budget at 1,000 models, and parsing directly is about 4x faster (~40 ms
 * instead of ~170 ms warm, and no grammar analysis at start-up). prisma-ast stays the reference grammar: the test
 * suite parses every corpus schema and generated schemas with both and requires the same structure
 * (test/schema/prisma-ast-differential.test.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { LineIndex, type Position, type Span } from '../diagnostics/span.js';
import type { SchemaFileAst, TopLevel } from './ast.js';
import { parseTokens } from './grammar.js';
import { Lexer, tokenize, type Token } from './lexer.js';
import { CleanLines, repairTokens } from './repair.js';

export { BLOCK_KEYWORDS } from './repair.js';
export { docText } from './grammar.js';
export { closest } from './suggest.js';

const MAX_SYNTAX_ERRORS = 100;

/** Thrown by the fast path's line source when a line needs the repair pass (FileParser.parseStreaming). */
const NEEDS_REPAIR = Symbol('needs repair');

export interface ParseResult {
  readonly ast: SchemaFileAst;
  readonly diagnostics: Diagnostic[];
}

/** `options.streaming: false` reads every file the way a file that needs repairs is read (tests compare the two). */
export function parseSchemaFile(file: string, text: string, options: { readonly streaming?: boolean } = {}): ParseResult {
  return new FileParser(file, text).run(options.streaming ?? true);
}

class FileParser {
  /** Every span of the tree refers to it, to compute line and column when they are read (OffsetSpan). Set by run(). */
  #lines: LineIndex | undefined;
  readonly #diagnostics: Diagnostic[] = [];
  /** Lines that already have a syntax error: Prisma reports one per line, and so do we. */
  readonly #errorLines = new Set<number>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  get textLength(): number {
    return this.text.length;
  }

  run(streaming: boolean): ParseResult {
    const items = (streaming ? this.parseStreaming() : undefined) ?? this.parseWithRepair();
    return { ast: { file: this.file, text: this.text, items }, diagnostics: sortDiagnostics(this.#diagnostics) };
  }

  /**
   * The fast path, for a file whose structure needs no repair (nearly every file): the grammar pulls the tokens a
   * line at a time, each line checked as repair would check it. At the first line repair would change, or a lexer
   * problem, it gives up (undefined) with nothing reported, and the file is read again by parseWithRepair. The
   * grammar sees the same tokens either way.
   */
  private parseStreaming(): TopLevel[] | undefined {
    const lexer = new Lexer(this.text);
    this.#lines = new LineIndex(this.text, lexer.lineStarts);
    const lines = new CleanLines();
    const more = (window: Token[]): boolean => {
      if (lexer.done) return false;
      const start = window.length;
      lexer.lexLine(window);
      const end = window.length > start && window[window.length - 1]!.kind === 'LineBreak' ? window.length - 1 : window.length;
      if (lexer.problems.length > 0 || lexer.bracketsSpanLines || !lines.accept(window, start, end)) throw NEEDS_REPAIR;
      return true;
    };
    try {
      const items = parseTokens([], this, more);
      if (lines.allClosed) return items;
    } catch (e) {
      if (e !== NEEDS_REPAIR) throw e;
    }
    this.#diagnostics.length = 0;
    this.#errorLines.clear();
    return undefined;
  }

  /** Every token first, then the structural repairs (repair.ts), then the grammar. */
  private parseWithRepair(): TopLevel[] {
    const { tokens, problems, bracketsSpanLines, lineStarts } = tokenize(this.text);
    this.#lines = new LineIndex(this.text, lineStarts);
    for (const p of problems) {
      const span = this.span(p.start, p.end);
      switch (p.kind) {
        case 'InvalidCharacter':
          this.syntaxError(
            diagnostic('P101', `Invalid character ${describeChars(p.text)}.`, {
              span,
              ...(/^[_$]/.test(p.text) ? { hint: 'Names must start with a letter: remove the leading character.' } : {}),
              ...(/[^\x00-\x7f]/.test(p.text) ? { hint: 'Names may contain only letters, ASCII digits, `_` and `-`.' } : {}),
            }),
          );
          break;
        case 'UnterminatedComment':
          this.syntaxError(diagnostic('P102', 'This block comment is not closed.', { span, hint: 'Close it with `*/`.' }));
          break;
        case 'UnterminatedString':
          this.syntaxError(diagnostic('P102', 'This string is not closed.', { span }));
          break;
        case 'InvalidEscape':
          this.syntaxError(
            diagnostic('P103', p.text.startsWith('\\u') ? `Invalid Unicode escape \`${p.text}\`: \`\\u\` takes four hex digits.` : `Unknown escape sequence \`${p.text}\` in a string.`, {
              span,
              hint: 'Strings use JSON escapes: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX. Write a backslash as `\\\\` (a Windows path, say).',
            }),
          );
          break;
        case 'ControlInString':
          this.syntaxError(
            diagnostic('P103', `A control character (${describeChars(p.text)}) is not allowed inside a string.`, {
              span,
              hint: p.text === '\t' ? 'Write a tab as `\\t`.' : 'Write it as an escape such as `\\u0001`.',
            }),
          );
          break;
        case 'NameStartsWithDigit':
          this.syntaxError(diagnostic('V222', `The name \`${p.text}\` must not start with a number.`, { span, hint: 'Start the name with a letter.' }));
          break;
      }
    }
    return parseTokens(repairTokens(tokens, this, bracketsSpanLines), this);
  }

  span(start: number, end: number): Span {
    return this.lines.span(this.file, start, end);
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  lineText(line: number): string {
    return this.lines.lineText(line);
  }

  syntaxError(d: Diagnostic): void {
    const line = d.span?.start.line ?? 0;
    if (this.#errorLines.has(line)) return;
    this.#errorLines.add(line);
    if (this.#errorLines.size === MAX_SYNTAX_ERRORS + 1) {
      this.#diagnostics.push(diagnostic('P114', `More than ${MAX_SYNTAX_ERRORS} syntax errors in ${this.file}; the rest are not shown.`, { span: d.span }));
      return;
    }
    if (this.#errorLines.size > MAX_SYNTAX_ERRORS) return;
    this.#diagnostics.push(d);
  }
}

function describeChars(text: string): string {
  const first = [...text][0] ?? text;
  const code = first.codePointAt(0)!;
  const shown = code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `\`${first}\``;
  return text.length > first.length ? `${shown} in \`${text}\`` : shown;
}
