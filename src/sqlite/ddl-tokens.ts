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
const SINGLE_CHAR_PUNCT = '(),;.+-*/%<>=|&~';
const MULTI_CHAR_START = new Set(MULTI_CHAR_OPERATORS.map((o) => o[0]!));

// Character classes by char code, as bit flags: the tokenizer runs over every table's DDL on introspection, so it
// classifies with one table lookup instead of string comparisons.
const SPACE = 1;
const DIGIT = 2;
const HEX = 4;
const ID_START = 8;
const ID_PART = 16;
const CLASSES = Uint8Array.from({ length: 128 }, (_, code) => classify(String.fromCharCode(code)));

function classify(c: string): number {
  if (' \t\n\r\f\v'.includes(c)) return SPACE;
  if (c >= '0' && c <= '9') return DIGIT | HEX | ID_PART;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return ID_START | ID_PART | ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? HEX : 0);
  if (c === '_') return ID_START | ID_PART;
  if (c === '$') return ID_PART;
  return 0;
}

/** Whether the character at `i` has the class; characters past the end have none, non-ASCII are identifier chars. */
function is(source: string, i: number, flag: number): boolean {
  const code = source.charCodeAt(i);
  if (Number.isNaN(code)) return false;
  if (code >= 0x80) return (flag & (ID_START | ID_PART)) !== 0;
  return (CLASSES[code]! & flag) !== 0;
}

export function tokenizeSql(source: string): TokenizeResult {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, value?: string): number => tokens.push(makeToken(source, kind, start, end, value));
  const fail = (message: string, offset: number): TokenizeResult => ({ tokens, error: { message, offset } });
  let i = 0;

  while (i < source.length) {
    const c = source[i]!;
    const start = i;
    if (is(source, i, SPACE)) {
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
      const body = source.slice(i + 1, end - 1);
      push(c === "'" ? 'string' : 'quoted', start, end, body.includes(c) ? body.replaceAll(c + c, c) : body);
      i = end;
    } else if (c === '[') {
      const close = source.indexOf(']', i + 1);
      if (close === -1) return fail('unterminated [identifier]', start);
      push('quoted', start, close + 1, source.slice(i + 1, close));
      i = close + 1;
    } else if ((c === 'x' || c === 'X') && source[i + 1] === "'") {
      const end = scanQuoted(source, i + 1, "'");
      if (end === -1 || !isHexBody(source, i + 2, end - 1)) return fail('malformed blob literal', start);
      push('blob', start, end);
      i = end;
    } else if (is(source, i, DIGIT) || (c === '.' && is(source, i + 1, DIGIT))) {
      i = scanNumber(source, i);
      if (is(source, i, ID_START)) return fail('unrecognized token: a number runs into a word', start);
      push('number', start, i);
    } else if (is(source, i, ID_START)) {
      i++;
      while (is(source, i, ID_PART)) i++;
      push('word', start, i);
    } else if (c === '?') {
      i++;
      while (is(source, i, DIGIT)) i++;
      push('variable', start, i);
    } else if ((c === ':' || c === '@' || c === '$') && is(source, i + 1, ID_PART)) {
      i++;
      while (is(source, i, ID_PART)) i++;
      push('variable', start, i);
    } else {
      // `(`, `)` and `,` are most of the punctuation in DDL: look for a longer operator only where one can start.
      const op = MULTI_CHAR_START.has(c) ? MULTI_CHAR_OPERATORS.find((o) => source.startsWith(o, i)) : undefined;
      if (op) {
        push('punct', start, i + op.length);
        i += op.length;
      } else if (SINGLE_CHAR_PUNCT.includes(c)) {
        push('punct', start, i + 1);
        i++;
      } else {
        return fail(`unrecognized character ${JSON.stringify(c)}`, start);
      }
    }
  }
  return { tokens };
}

function makeToken(source: string, kind: TokenKind, start: number, end: number, value: string | undefined): Token {
  const text = source.slice(start, end);
  return { kind, text, value: value ?? text, upper: kind === 'word' ? text.toUpperCase() : '', start, end };
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

/** An even number of hex digits between `from` and `to`. */
function isHexBody(source: string, from: number, to: number): boolean {
  if ((to - from) % 2 !== 0) return false;
  for (let i = from; i < to; i++) if (!is(source, i, HEX)) return false;
  return true;
}

/** Decimal (with `_` separators, fraction, exponent) or hexadecimal `0x…`. Returns the offset past the number. */
function scanNumber(source: string, start: number): number {
  let i = start;
  if (source[i] === '0' && (source[i + 1] === 'x' || source[i + 1] === 'X') && is(source, i + 2, HEX)) return skipDigits(source, i + 2, HEX);
  i = skipDigits(source, i, DIGIT);
  if (source[i] === '.') i = skipDigits(source, i + 1, DIGIT);
  const sign = source[i + 1] === '+' || source[i + 1] === '-';
  if ((source[i] === 'e' || source[i] === 'E') && is(source, sign ? i + 2 : i + 1, DIGIT)) i = skipDigits(source, i + (sign ? 2 : 1), DIGIT);
  return i;
}

/** Skips digits of the class, with single `_` separators between them. */
function skipDigits(source: string, from: number, digit: number): number {
  let i = from;
  while (is(source, i, digit) || (source[i] === '_' && is(source, i + 1, digit))) i++;
  return i;
}
