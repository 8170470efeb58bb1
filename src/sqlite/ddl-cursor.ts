/**
 * A cursor over the tokens of one SQL statement: the lookahead, accept and expect helpers, names, and skipping of
 * balanced expressions that the DDL parser (ddl-parse.ts) is written with. A syntax problem throws SyntaxFailure,
 * which the parser's entry points turn into a value.
 */
import type { Token } from './ddl-tokens.js';

/** Thrown inside the parser only; parseWith (ddl-parse.ts) turns it into a value. */
export class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Token kinds SQLite accepts as a name (`nm` in its grammar): bare words, quoted identifiers and strings. */
export const NAME_KINDS = new Set(['word', 'quoted', 'string']);

export class TokenCursor {
  protected pos = 0;

  constructor(
    protected readonly source: string,
    protected readonly tokens: readonly Token[],
  ) {}

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  /** Skips tokens up to a `,` or `)` at depth 0 (or the end) and returns the index where it stopped. */
  protected skipExpression(): number {
    let depth = 0;
    while (!this.atEnd()) {
      const t = this.peek()!;
      if (t.kind === 'punct') {
        if (t.text === '(') depth++;
        else if (t.text === ')') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (t.text === ',' || t.text === ';')) break;
      }
      this.pos++;
    }
    if (depth > 0) this.fail('unbalanced parentheses');
    return this.pos;
  }

  /** At `(`: skips to just past its matching `)`. */
  protected skipBalanced(): void {
    this.pos = this.skipBalancedFrom(this.pos);
  }

  protected skipBalancedFrom(open: number): number {
    let depth = 0;
    for (let i = open; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) {
        this.pos = i + 1;
        return i + 1;
      }
    }
    return this.fail('unbalanced parentheses', this.tokens[open]?.start);
  }

  // ── names ─────────────────────────────────────────────────────────────────────────────────────

  /** An identifier: a bare word, a quoted identifier, or (as SQLite allows for names) a string. */
  protected name(): string {
    const token = this.peek();
    if (!token || !NAME_KINDS.has(token.kind)) return this.fail(`expected a name, found ${this.describe(token)}`);
    this.pos++;
    return token.value;
  }

  protected peekIsName(): boolean {
    const token = this.peek();
    return token !== undefined && NAME_KINDS.has(token.kind);
  }

  // ── tokens ────────────────────────────────────────────────────────────────────────────────────

  protected peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  protected atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  protected atWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.upper === word;
  }

  protected atPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }

  protected acceptWord(word: string): boolean {
    if (!this.atWord(word)) return false;
    this.pos++;
    return true;
  }

  protected acceptPunct(text: string): boolean {
    if (!this.atPunct(text)) return false;
    this.pos++;
    return true;
  }

  /** Consumes one of the words and returns it (upper case). */
  protected expectWord(...words: string[]): string {
    const t = this.peek();
    if (t?.kind === 'word' && words.includes(t.upper)) {
      this.pos++;
      return t.upper;
    }
    return this.fail(`expected ${words.join(' or ')}, found ${this.describe(t)}`);
  }

  protected expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.fail(`expected "${text}", found ${this.describe(this.peek())}`);
  }

  /** The source text from token `from` up to (not including) token `to`. */
  protected textOf(from: number, to: number): string {
    if (to <= from) return '';
    return this.source.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end);
  }

  protected describe(token: Token | undefined): string {
    return token ? JSON.stringify(token.text) : 'the end of the statement';
  }

  protected fail(message: string, offset?: number): never {
    throw new SyntaxFailure(message, offset ?? this.peek()?.start ?? this.source.length);
  }
}
