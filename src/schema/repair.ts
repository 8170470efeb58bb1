/**
 * Token-stream repair, before parsing: finds the structural mistakes Prisma rejects line by line (attribute
 * arguments split over lines, unclosed brackets, one-line blocks, a `}` that shares its line, unclosed blocks,
 * unknown block keywords, stray top-level lines), reports each one precisely, and repairs the token stream so that
 * the grammar can parse the rest of the file. The result is logical lines, each ending with its line break token
 * (the last line may not), flattened into one stream: a block header ends its line, and a closing brace stands
 * alone.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Position, Span } from '../diagnostics/span.js';
import { CODES, type CodeInfo } from '../diagnostics/codes.js';
import type { BlockKeyword } from './ast.js';
import type { Token, TokenKind } from './lexer.js';
import { closest } from './suggest.js';

export const BLOCK_KEYWORDS: readonly BlockKeyword[] = ['model', 'view', 'type', 'enum', 'datasource', 'generator'];

/** Where repair reports problems and computes positions (the file parser). */
export interface RepairSink {
  span(start: number, end: number): Span;
  position(offset: number): Position;
  syntaxError(d: Diagnostic): void;
  readonly textLength: number;
}

/** `bracketsSpanLines`: what the lexer found (LexResult), or undefined to look here. */
export function repairTokens(tokens: Token[], sink: RepairSink, bracketsSpanLines = hasBracketsSpanningLines(tokens)): Token[] {
  return new Repair(sink).run(tokens, bracketsSpanLines);
}

class Repair {
  constructor(readonly sink: RepairSink) {}

  run(tokens: Token[], bracketsSpanLines: boolean): Token[] {
    // Nearly every file keeps its brackets on one line: then there is nothing to join, and no copy to make.
    return this.repairBlocks(bracketsSpanLines ? this.joinBracketedLines(tokens) : tokens);
  }

  span(start: number, end: number): Span {
    return this.sink.span(start, end);
  }

  syntaxError(d: Diagnostic): void {
    this.sink.syntaxError(d);
  }

  synthetic(kind: TokenKind, at: number, image = ''): Token {
    const pos = this.sink.position(at);
    return { kind, image, start: at, end: at, line: pos.line, column: pos.column, synthetic: true };
  }

  /**
   * Attribute arguments split over lines: Prisma rejects them. When the brackets close before the next
   * declaration, report once and join the lines; otherwise the bracket is unclosed: report it and close it at
   * the end of its line.
   */
  joinBracketedLines(tokens: Token[]): Token[] {
    const out: Token[] = [];
    const brackets: Token[] = [];
    let reported = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (brackets.length === 0) {
        reported = false;
        if (t.kind === 'LRound' || t.kind === 'LSquare') brackets.push(t);
        out.push(t);
        continue;
      }
      if (t.kind === 'LineBreak' || isCommentToken(t)) {
        if (t.kind !== 'LineBreak') continue;
        if (!this.closesBeforeNextDeclaration(tokens, i, brackets.length)) {
          const open = brackets[brackets.length - 1]!;
          this.syntaxError(
            diagnostic('P103', `This \`${open.image}\` is not closed.`, {
              span: this.span(open.start, open.end),
              hint: `Add the missing \`${open.image === '(' ? ')' : ']'}\` on the same line.`,
            }),
          );
          while (brackets.length > 0) {
            const b = brackets.pop()!;
            out.push(this.synthetic(b.kind === 'LRound' ? 'RRound' : 'RSquare', t.start, b.kind === 'LRound' ? ')' : ']'));
          }
          out.push(t);
          continue;
        }
        if (!reported) {
          reported = true;
          const open = brackets[0]!;
          this.syntaxError(
            diagnostic('P103', 'Attribute arguments must be on one line.', {
              span: this.span(open.start, t.start),
              hint: 'Join the arguments onto the line where the attribute starts (Prisma rejects arguments split over lines).',
            }),
          );
        }
        continue;
      }
      if (t.kind === 'LRound' || t.kind === 'LSquare') brackets.push(t);
      else if (t.kind === 'RRound' || t.kind === 'RSquare') brackets.pop();
      out.push(t);
    }
    return out;
  }

  /**
   * Checks the block structure line by line, as Prisma does: a top-level line opens a block (`keyword Name {`
   * ending its line) or holds a comment; a block ends with `}` on its own line. Reports and repairs the rest.
   * Nearly every line is fine as written: those are checked in place (cleanLine), and the token stream is copied
   * only from the first line that needs a repair, so a valid file goes through without a copy.
   */
  repairBlocks(src: Token[]): Token[] {
    const state: BlockState = { out: undefined, open: undefined, skipUnknownBlock: false, pushedBack: [] };
    const n = src.length;
    let i = 0;
    while (state.pushedBack.length > 0 || i < n) {
      const pushed = state.pushedBack.pop();
      if (pushed) {
        this.repairLine(pushed, state);
        continue;
      }
      let end = i;
      while (end < n && src[end]!.kind !== 'LineBreak') end++;
      const next = end < n ? end + 1 : end;
      if (!state.skipUnknownBlock && cleanLine(src, i, end, state)) {
        if (state.out) for (let k = i; k < next; k++) state.out.push(src[k]!);
      } else {
        state.out ??= src.slice(0, i);
        this.repairLine({ tokens: src.slice(i, end), lineBreak: end < n ? src[end] : undefined }, state);
      }
      i = next;
    }
    if (state.open) {
      this.reportUnclosedBlock(state.open.token, state.open.header);
      state.out ??= src.slice();
      state.out.push(this.synthetic('LineBreak', this.sink.textLength), this.synthetic('RCurly', this.sink.textLength, '}'));
    }
    return state.out ?? src;
  }

  /** One line that needs more than a look (cleanLine): reports its problem and emits it repaired into `state.out`. */
  repairLine(line: Line, state: BlockState): void {
    const out = state.out!;
    const emit = (tokens: readonly Token[]): void => {
      for (let i = 0; i < tokens.length; i++) out.push(tokens[i]!);
    };
    const emitLine = (l: Line): void => {
      emit(l.tokens);
      if (l.lineBreak) out.push(l.lineBreak);
    };
    // Lines to look at next: `pushBack` returns a repaired rest of a line to the front (a stack, so that reading
    // stays linear; `Array.shift` would make this quadratic in the number of lines).
    const pushBack = (l: Line): void => void state.pushedBack.push(l);
    const { tokens, lineBreak: lb } = line;
    const sig = withoutComments(tokens);
    const first = sig[0];
    if (state.skipUnknownBlock) {
      // Inside a block with an unknown keyword: skip up to its closing brace.
      if (first?.kind === 'RCurly') state.skipUnknownBlock = false;
      if (lb) out.push(lb);
      return;
    }
    if (!first) {
      emitLine(line);
      return;
    }
    const open = state.open;
    if (!open) {
      const header = this.blockHeader(sig);
      if (header === 'unknown-keyword') {
        const suggestion = closest(first.image, BLOCK_KEYWORDS);
        this.syntaxError(
          diagnostic('P104', `Unknown block type \`${first.image}\`.`, {
            span: this.span(first.start, first.end),
            hint: suggestion ? `Did you mean \`${suggestion}\`?` : (CODES.P104 as CodeInfo).hint,
          }),
        );
        state.skipUnknownBlock = !sig.some((t) => t.kind === 'RCurly');
        if (lb) out.push(lb);
        return;
      }
      if (header === undefined) {
        const isStrayClose = first.kind === 'RCurly' && sig.length === 1;
        this.syntaxError(
          diagnostic('P103', isStrayClose ? 'This `}` closes no block.' : 'This line is invalid. It does not start with any known schema keyword.', {
            span: this.span(first.start, sig[sig.length - 1]!.end),
            hint: isStrayClose
              ? 'Remove it, or check the block above for a `}` too many.'
              : 'A top-level line starts a block: `model`, `enum`, `view`, `type`, `datasource` or `generator`, followed by a name and `{`.',
          }),
        );
        // A line that opens a block we cannot read: skip the whole block, or its lines would all be errors.
        state.skipUnknownBlock = sig[sig.length - 1]!.kind === 'LCurly';
        if (lb) out.push(lb);
        return;
      }
      const lcurlyIndex = tokens.findIndex((t) => t.kind === 'LCurly');
      const lcurly = tokens[lcurlyIndex]!;
      const opened = { token: lcurly, header: sig.slice(0, sig.indexOf(lcurly)).map((t) => t.image).join(' ') };
      state.open = opened;
      const rest = tokens.slice(lcurlyIndex + 1);
      const restSig = rest.filter((t) => !isCommentToken(t));
      const head = tokens.slice(0, lcurlyIndex + 1);
      if (restSig.length === 0) {
        // `model A {` or `model A { // comment`: the grammar wants the line break right after `{`.
        if (rest.length > 0) emitLine({ tokens: [...head, this.synthetic('LineBreak', lcurly.end), ...rest], lineBreak: lb });
        else emitLine(line);
        return;
      }
      this.syntaxError(
        diagnostic('P106', `The \`{\` of \`${opened.header}\` must end its line.`, {
          span: this.span(lcurly.start, lcurly.end),
          hint: `Write the block over several lines:\n${opened.header} {\n  …\n}`,
        }),
      );
      emit([...head, this.synthetic('LineBreak', lcurly.end)]);
      pushBack({ tokens: rest, lineBreak: lb });
      return;
    }
    // Inside a block.
    if (first.kind === 'RCurly') {
      state.open = undefined;
      const rest = tokens.slice(tokens.indexOf(first) + 1);
      if (rest.some((t) => !isTrivia(t))) {
        // `} model C {`: Prisma accepts a new block right after the brace.
        emit([first, this.synthetic('LineBreak', first.end)]);
        pushBack({ tokens: rest, lineBreak: lb });
      } else emitLine(line);
      return;
    }
    if (this.blockHeader(sig) === 'block') {
      this.reportUnclosedBlock(open.token, open.header);
      emit([this.synthetic('RCurly', first.start, '}'), this.synthetic('LineBreak', first.start)]);
      state.open = undefined;
      pushBack(line);
      return;
    }
    const last = sig[sig.length - 1]!;
    if (last.kind === 'RCurly' && sig.length > 1 && !sig.some((t) => t.kind === 'LCurly')) {
      this.syntaxError(
        diagnostic('P106', 'The closing `}` of a block must be on its own line.', {
          span: this.span(last.start, last.end),
          hint: 'Move the `}` to the next line.',
        }),
      );
      const at = tokens.indexOf(last);
      emit([...tokens.slice(0, at), this.synthetic('LineBreak', last.start)]);
      pushBack({ tokens: tokens.slice(at), lineBreak: lb });
      return;
    }
    emitLine(line);
  }

  /** Whether significant tokens of a line open a block: `keyword Name {` with nothing after the brace but more lines. */
  blockHeader(sig: Token[]): 'block' | 'unknown-keyword' | undefined {
    // Indexes, not `const [a, b, c] = sig`: array destructuring runs the iterator protocol, per line, unoptimised.
    const a = sig[0];
    const b = sig[1];
    const c = sig[2];
    if (a?.kind !== 'Identifier' || b?.kind !== 'Identifier' || c?.kind !== 'LCurly') return undefined;
    return BLOCK_KEYWORDS.includes(a.image as BlockKeyword) ? 'block' : 'unknown-keyword';
  }

  /** Looking ahead from a line break inside brackets: do they close before a line that starts a new declaration? */
  closesBeforeNextDeclaration(tokens: Token[], from: number, depth: number): boolean {
    let d = depth;
    let lineStart = true;
    for (let k = from + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind === 'LineBreak') {
        if (lineStart) return false; // a blank line ends the declaration
        lineStart = true;
        continue;
      }
      if (isCommentToken(t)) continue;
      if (lineStart) {
        lineStart = false;
        if (t.kind === 'RCurly' || t.kind === 'BlockAttribute') return false;
        const next = tokens[k + 1];
        // `name Type` or `key = value` at the start of a line looks like the next declaration.
        if (t.kind === 'Identifier' && next && (next.kind === 'Identifier' || next.kind === 'Equals')) return false;
      }
      if (t.kind === 'LRound' || t.kind === 'LSquare') d++;
      else if (t.kind === 'RRound' || t.kind === 'RSquare') {
        d--;
        if (d === 0) return true;
      }
    }
    return false;
  }

  reportUnclosedBlock(open: Token, header: string | undefined): void {
    this.syntaxError(
      diagnostic('P105', `The block \`${header ?? ''}\` is not closed.`, {
        span: this.span(open.start, open.end),
        hint: 'Add `}` on its own line at the end of the block.',
      }),
    );
  }
}

/**
 * The parser's fast path (parse.ts) checks each line as it arrives: whether repairTokens would pass it through as it
 * is, given the lines before it (cleanLine). At the end, `allClosed` says whether every block was closed.
 */
export class CleanLines {
  readonly #state: BlockState = { out: undefined, open: undefined, skipUnknownBlock: false, pushedBack: [] };

  /** The line tokens[start, end), without its line break. */
  accept(tokens: readonly Token[], start: number, end: number): boolean {
    return cleanLine(tokens, start, end, this.#state);
  }

  get allClosed(): boolean {
    return this.#state.open === undefined;
  }
}

/** Whether a line break or a comment falls inside brackets: the only case `joinBracketedLines` changes anything. */
function hasBracketsSpanningLines(tokens: readonly Token[]): boolean {
  let depth = 0;
  // Indexed loops over the file's tokens here and below: `for … of` allocates an iterator result per token in code
  // that V8 has not optimised yet, and a one-shot run never gets that far.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const kind = t.kind;
    if (kind === 'LRound' || kind === 'LSquare') depth++;
    else if (kind === 'RRound' || kind === 'RSquare') depth = Math.max(0, depth - 1);
    else if (depth > 0 && (kind === 'LineBreak' || isCommentToken(t))) return true;
  }
  return false;
}

export function isCommentToken(t: Token): boolean {
  return t.kind === 'LineComment' || t.kind === 'DocComment' || t.kind === 'BlockComment';
}
export function isTrivia(t: Token): boolean {
  return t.kind === 'LineBreak' || isCommentToken(t);
}

/** A line of tokens and the line break that ends it (the last line may have none). */
interface Line {
  readonly tokens: Token[];
  readonly lineBreak?: Token | undefined;
}

/** What repairBlocks carries from line to line. */
interface BlockState {
  /** The repaired stream; undefined while it is the same as the input up to the current line (no copy yet). */
  out: Token[] | undefined;
  /** The block the line is in, with its header for messages (`model User`). */
  open: { token: Token; header: string } | undefined;
  skipUnknownBlock: boolean;
  /** Repaired rests of lines, to read before the next line of the input (a stack). */
  pushedBack: Line[];
}

/**
 * Whether the line src[start, end) is fine as written in the state it is read in: a line without declarations, a
 * block header `keyword Name {` that ends its line, a member line, or a `}` alone. Then it updates the state as
 * repairLine would and returns true; otherwise (a line to report or repair) it changes nothing and returns false.
 */
function cleanLine(src: readonly Token[], start: number, end: number, state: BlockState): boolean {
  let count = 0;
  let first: Token | undefined;
  let second: Token | undefined;
  let third: Token | undefined;
  let last: Token | undefined;
  let hasLCurly = false;
  for (let k = start; k < end; k++) {
    const t = src[k]!;
    if (isCommentToken(t)) continue;
    if (count === 0) first = t;
    else if (count === 1) second = t;
    else if (count === 2) third = t;
    count++;
    last = t;
    if (t.kind === 'LCurly') hasLCurly = true;
  }
  if (!first) return true;
  const opensBlock = first.kind === 'Identifier' && second?.kind === 'Identifier' && third?.kind === 'LCurly';
  if (!state.open) {
    // Only `keyword Name {` with nothing after the brace, not even a comment (repair puts a line break before it).
    if (!opensBlock || count !== 3 || src[end - 1] !== third || !BLOCK_KEYWORDS.includes(first.image as BlockKeyword)) return false;
    state.open = { token: third!, header: `${first.image} ${second!.image}` };
    return true;
  }
  if (first.kind === 'RCurly') {
    if (count > 1) return false;
    state.open = undefined;
    return true;
  }
  if (opensBlock && BLOCK_KEYWORDS.includes(first.image as BlockKeyword)) return false;
  return !(last!.kind === 'RCurly' && count > 1 && !hasLCurly);
}

/** The significant tokens of a line (line breaks are never inside one): the line itself when it has no comment. */
function withoutComments(tokens: Token[]): Token[] {
  for (let i = 0; i < tokens.length; i++) if (isCommentToken(tokens[i]!)) return tokens.filter((t) => !isCommentToken(t));
  return tokens;
}
