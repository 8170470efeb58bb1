/**
 * The expression part of the schema grammar: attributes (`@id`, `@@index([a], map: "x")`, `@db.VarChar(20)`) and
 * values (strings, numbers, `true`/`false`/`null`, names, calls, lists, objects). Recursive descent over one line
 * of tokens; a mistake throws a `SyntaxFailure` that the member parser turns into one diagnostic for the line.
 */
import { endOffsetOf, OffsetSpan, type LineIndex, type Span } from '../diagnostics/span.js';
import type { Argument, AttributeNode, Expr } from './ast.js';
import { decodeStringLiteral, type Token, type TokenKind } from './lexer.js';

/** Thrown inside a line; caught by the member parser, which reports it and skips the line. */
export class SyntaxFailure {
  constructor(
    readonly token: Token | undefined,
    readonly context: 'attribute' | 'field' | 'block' | 'assignment' | 'top',
  ) {}
}

/**
 * A cursor over the tokens of the file, with span helpers. Spans are offsets into the text (OffsetSpan: line and
 * column are computed only when read). Synthetic (repair) tokens have no width.
 *
 * With `more`, the tokens arrive a line at a time (parse.ts's fast path): `more` appends the next line to the window
 * and says whether there was one, and tokens the grammar has passed leave the window (all but the one just behind
 * the cursor, which the grammar looks back at), so that they die young.
 */
export class Cursor {
  i = 0;
  constructor(
    readonly tokens: Token[],
    readonly file: string,
    readonly lines: LineIndex,
    readonly more?: (window: Token[]) => boolean,
  ) {}

  /** Any range by offsets. */
  span(start: number, end: number): Span {
    return new OffsetSpan(this.file, this.lines, start, end);
  }

  peek(ahead = 0): Token | undefined {
    const t = this.tokens[this.i + ahead];
    return t !== undefined || this.more === undefined ? t : this.fill(ahead);
  }
  is(kind: TokenKind, ahead = 0): boolean {
    const t = this.tokens[this.i + ahead];
    return (t !== undefined || this.more === undefined ? t : this.fill(ahead))?.kind === kind;
  }
  next(): Token {
    const t = this.peek()!;
    this.i++;
    return t;
  }
  expect(kind: TokenKind, context: SyntaxFailure['context']): Token {
    const t = this.peek();
    if (t?.kind !== kind) throw new SyntaxFailure(t, context);
    this.i++;
    return t;
  }
  tokenSpan(t: Token): Span {
    return new OffsetSpan(this.file, this.lines, t.start, t.end);
  }

  /** Pulls lines until the token `ahead` of the cursor is in the window, or the file ends. */
  private fill(ahead: number): Token | undefined {
    const window = this.tokens;
    if (this.i > WINDOW_KEEP) {
      window.splice(0, this.i - 1);
      this.i = 1;
    }
    while (window[this.i + ahead] === undefined) if (!this.more!(window)) return undefined;
    return window[this.i + ahead];
  }
}

/** How many passed tokens a streaming cursor lets pile up before it drops them (a few hundred lines' worth). */
const WINDOW_KEEP = 2048;

/** The span from the first token to the last real (non-synthetic) one. */
export function spanOf(c: Cursor, first: Token, last: Token): Span {
  const end = last.synthetic ? lastReal(c, first) : last;
  return c.span(first.start, end.end);
}

/** The last real token the cursor has passed, not before `first`. */
function lastReal(c: Cursor, first: Token): Token {
  for (let k = c.i - 1; k >= 0; k--) {
    const t = c.tokens[k]!;
    if (t === first || !t.synthetic) return t;
  }
  return first;
}

/**
 * The list as kept in the tree: a copy of exactly its length. An array that grew by `push` keeps room for 17 items,
 * and the tree holds ~20,000 small lists on a 1,000-model schema, all alive until the process ends: the copies save
 * ~15% of the tree's memory, which the garbage collector would otherwise copy and promote.
 */
export function exact<T>(list: T[]): T[] {
  // Empty lists (most fields have no docs, most attributes no arguments) share one, frozen: the tree is read-only.
  return list.length === 0 ? (NO_ITEMS as unknown as T[]) : list.slice();
}
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** `@name`, `@@name`, `@db.Type`, with optional arguments in parentheses. */
export function parseAttribute(c: Cursor, block: boolean): AttributeNode {
  const at = c.next();
  const first = c.expect('Identifier', 'attribute');
  let nameTok = first;
  let name = first.image;
  if (c.is('Dot')) {
    c.next();
    nameTok = c.expect('Identifier', 'attribute');
    name = `${first.image}.${nameTok.image}`;
  }
  let last = nameTok;
  const args: Argument[] = [];
  let hasParens = false;
  if (c.is('LRound')) {
    const open = c.next();
    hasParens = !open.synthetic;
    last = parseArgumentList(c, args, 'RRound');
  }
  const nameSpan = c.span(at.start, nameTok.end);
  return { kind: 'Attribute', block, name, nameSpan, args: exact(args), hasParens, span: last === nameTok ? nameSpan : spanOf(c, at, last) };
}

/**
 * `arg, arg, …` up to the closing token (consumed and returned). Arguments may be named (`key: value`).
 * This and the lists below are items separated by commas, with no trailing comma; each spells out its loop rather
 * than take a callback, which would be a closure allocated per list.
 */
function parseArgumentList(c: Cursor, args: Argument[], close: TokenKind): Token {
  if (c.is(close)) return c.next();
  for (;;) {
    args.push(parseArgument(c));
    if (c.is(close)) return c.next();
    c.expect('Comma', 'attribute');
  }
}

function parseArgument(c: Cursor): Argument {
  if (c.is('Identifier') && c.is('Colon', 1)) {
    const key = c.next();
    c.next();
    const value = parseValue(c);
    const nameSpan = c.tokenSpan(key);
    return { name: key.image, nameSpan, value, span: c.span(key.start, endOffsetOf(value.span)) };
  }
  const value = parseValue(c);
  return { value, span: value.span };
}

export function parseValue(c: Cursor): Expr {
  const t = c.peek();
  if (!t) throw new SyntaxFailure(t, 'attribute');
  switch (t.kind) {
    case 'StringLiteral':
      c.next();
      return { kind: 'String', value: decodeStringLiteral(t.image), raw: t.image, span: c.tokenSpan(t) };
    case 'NumberLiteral':
      c.next();
      return { kind: 'Number', raw: t.image, span: c.tokenSpan(t) };
    case 'True':
    case 'False':
      c.next();
      return { kind: 'Boolean', value: t.kind === 'True', span: c.tokenSpan(t) };
    case 'Null':
      c.next();
      return { kind: 'Null', span: c.tokenSpan(t) };
    case 'LSquare': {
      c.next();
      const items: Expr[] = [];
      let last: Token;
      if (c.is('RSquare')) last = c.next();
      else
        for (;;) {
          items.push(parseValue(c));
          if (c.is('RSquare')) {
            last = c.next();
            break;
          }
          c.expect('Comma', 'attribute');
        }
      return { kind: 'Array', items: exact(items), span: spanOf(c, t, last) };
    }
    case 'LCurly': {
      c.next();
      const entries: Argument[] = [];
      let last: Token;
      if (c.is('RCurly')) last = c.next();
      else
        for (;;) {
          const key = c.expect('Identifier', 'attribute');
          c.expect('Colon', 'attribute');
          const value = parseValue(c);
          const nameSpan = c.tokenSpan(key);
          entries.push({ name: key.image, nameSpan, value, span: c.span(key.start, endOffsetOf(value.span)) });
          if (c.is('RCurly')) {
            last = c.next();
            break;
          }
          c.expect('Comma', 'attribute');
        }
      return { kind: 'Object', entries: exact(entries), span: spanOf(c, t, last) };
    }
    case 'Identifier': {
      c.next();
      if (!c.is('LRound')) return { kind: 'Constant', name: t.image, span: c.tokenSpan(t) };
      c.next();
      const args: Argument[] = [];
      const last = parseArgumentList(c, args, 'RRound');
      const nameSpan = c.tokenSpan(t);
      return { kind: 'Call', name: t.image, nameSpan, args: exact(args), span: spanOf(c, t, last) };
    }
    default:
      throw new SyntaxFailure(t, 'attribute');
  }
}
