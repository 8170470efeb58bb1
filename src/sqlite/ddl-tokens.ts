/**
 * The one SQL tokenizer (DESIGN.md §11: no ad-hoc regexes over DDL). It follows SQLite's own tokenizer
 * (tokenize.c) closely enough for the text `sqlite_schema.sql` and migration files hold: bare words, identifiers
 * quoted with "…", `…` or […], strings '…', numbers, blobs X'…', variables, operators, and the two comment forms,
 * which are skipped. Every token keeps its offsets so that callers can cut expressions out of the source exactly as
 * written.
 */

export type TokenKind =
  /** A bare word: a keyword or an unquoted identifier (the parser decides by context, as SQLite does). */
  | 'word'
  /** An identifier in "…", `…` or […]. */
  | 'quoted'
  | 'string'
  | 'number'
  | 'blob'
  /** `?`, `?1`, `:name`, `@name`, `$name`. */
  | 'variable'
  /** Punctuation and operators: `(` `)` `,` `;` `.` `||` `<=` `->>` … */
  | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** The token as written. */
  readonly text: string;
  /** Identifiers without their quotes (`"a""b"` → `a"b`), strings decoded (`'it''s'` → `it's`); else the text. */
  readonly value: string;
  /** For words: the text in upper case, to compare against keywords. Empty for every other kind. */
  readonly upper: string;
  /** Offsets into the source: `source.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
}

export interface SqlSyntaxError {
  readonly message: string;
  /** Offset into the source where the problem is. */
  readonly offset: number;
}

export interface TokenizeResult {
  readonly tokens: Token[];
  /** The first problem; tokens holds everything before it. */
  readonly error?: SqlSyntaxError;
}

const MULTI_CHAR_OPERATORS = ['->>', '||', '<=', '>=', '==', '!=', '<>', '<<', '>>', '->'];
const SINGLE_CHAR_PUNCT = new Set('(),;.+-*/%<>=|&~');

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
}
function isIdentifierStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) >= 0x80);
}
function isIdentifierPart(c: string | undefined): boolean {
  return isIdentifierStart(c) || isDigit(c) || c === '$';
}
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

export function tokenizeSql(source: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    const text = source.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, upper: kind === 'word' ? text.toUpperCase() : '', start, end });
  };
  const fail = (message: string, offset: number): TokenizeResult => ({ tokens, error: { message, offset } });

  while (i < source.length) {
    const c = source[i]!;
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '-' && source[i + 1] === '-') {
      const eol = source.indexOf('\n', i);
      i = eol === -1 ? source.length : eol + 1;
    } else if (c === '/' && source[i + 1] === '*') {
      // An unterminated block comment runs to the end of the text, as in SQLite.
      const close = source.indexOf('*/', i + 2);
      i = close === -1 ? source.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = scanQuoted(source, i, c);
      if (end === -1) return fail(c === "'" ? 'unterminated string' : 'unterminated quoted identifier', start);
      const value = source.slice(i + 1, end - 1).replaceAll(c + c, c);
      push(c === "'" ? 'string' : 'quoted', start, end, value);
      i = end;
    } else if (c === '[') {
      const close = source.indexOf(']', i + 1);
      if (close === -1) return fail('unterminated [identifier]', start);
      push('quoted', start, close + 1, source.slice(i + 1, close));
      i = close + 1;
    } else if ((c === 'x' || c === 'X') && source[i + 1] === "'") {
      const end = scanQuoted(source, i + 1, "'");
      const hex = end === -1 ? '' : source.slice(i + 2, end - 1);
      if (end === -1 || hex.length % 2 !== 0 || ![...hex].every(isHexDigit)) return fail('malformed blob literal', start);
      push('blob', start, end);
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      i = scanNumber(source, i);
      if (isIdentifierStart(source[i])) return fail('unrecognized token: a number runs into a word', start);
      push('number', start, i);
    } else if (isIdentifierStart(c)) {
      while (isIdentifierPart(source[i])) i++;
      push('word', start, i);
    } else if (c === '?') {
      i++;
      while (isDigit(source[i])) i++;
      push('variable', start, i);
    } else if ((c === ':' || c === '@' || c === '$') && isIdentifierPart(source[i + 1])) {
      i++;
      while (isIdentifierPart(source[i])) i++;
      push('variable', start, i);
    } else {
      const op = MULTI_CHAR_OPERATORS.find((o) => source.startsWith(o, i));
      if (op) {
        push('punct', start, i + op.length);
        i += op.length;
      } else if (SINGLE_CHAR_PUNCT.has(c)) {
        push('punct', start, i + 1);
        i++;
      } else {
        return fail(`unrecognized character ${JSON.stringify(c)}`, start);
      }
    }
  }
  return { tokens };
}

/** The offset just past the closing quote of a quoted token opened at `open`, or -1. Doubled quotes escape. */
function scanQuoted(source: string, open: number, quote: string): number {
  let i = open + 1;
  for (;;) {
    const close = source.indexOf(quote, i);
    if (close === -1) return -1;
    if (source[close + 1] !== quote) return close + 1;
    i = close + 2;
  }
}

/** Decimal (with `_` separators, fraction, exponent) or hexadecimal `0x…`. Returns the offset past the number. */
function scanNumber(source: string, start: number): number {
  let i = start;
  if (source[i] === '0' && (source[i + 1] === 'x' || source[i + 1] === 'X') && isHexDigit(source[i + 2])) {
    i += 2;
    while (isHexDigit(source[i]) || (source[i] === '_' && isHexDigit(source[i + 1]))) i++;
    return i;
  }
  const digits = (): void => {
    while (isDigit(source[i]) || (source[i] === '_' && isDigit(source[i + 1]))) i++;
  };
  digits();
  if (source[i] === '.') {
    i++;
    digits();
  }
  if ((source[i] === 'e' || source[i] === 'E') && (isDigit(source[i + 1]) || ((source[i + 1] === '+' || source[i + 1] === '-') && isDigit(source[i + 2])))) {
    i += 2;
    digits();
  }
  return i;
}
