/**
 * The schema tokenizer. Unlike prisma-ast's lexer, which skips characters it does not know (`$bad` lexes as `bad`)
 * and folds line breaks into whitespace after trailing spaces, this one is exact: it keeps every line break,
 * reports every invalid character and unterminated string with its position, and gives each token its line and
 * column. repair.ts and grammar.ts work on its tokens.
 */

export type TokenKind =
  | 'DocComment'
  | 'BlockComment'
  | 'LineComment'
  | 'LineBreak'
  | 'BlockAttribute'
  | 'FieldAttribute'
  | 'Dot'
  | 'QuestionMark'
  | 'LCurly'
  | 'RCurly'
  | 'LSquare'
  | 'RSquare'
  | 'LRound'
  | 'RRound'
  | 'Comma'
  | 'Colon'
  | 'Equals'
  | 'True'
  | 'False'
  | 'Null'
  | 'StringLiteral'
  | 'NumberLiteral'
  | 'Identifier';

export interface Token {
  readonly kind: TokenKind;
  readonly image: string;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** Inserted by the parser's repair pass; not in the text. */
  readonly synthetic?: boolean;
}

export type LexProblemKind = 'InvalidCharacter' | 'UnterminatedString' | 'UnterminatedComment' | 'NameStartsWithDigit' | 'InvalidEscape' | 'ControlInString';

export interface LexProblem {
  readonly kind: LexProblemKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly problems: LexProblem[];
  /** Whether a line break or a comment falls inside brackets (attribute arguments split over lines: repair.ts). */
  readonly bracketsSpanLines: boolean;
  /** The offset where each line starts (a LineIndex's table, found on the way). */
  readonly lineStarts: number[];
}

/** The text of each character from `(` (40) to `}` (125), indexed by code - 40: punctuation tokens share these. */
const PUNCTUATION_IMAGES = Array.from({ length: 86 }, (_, k) => String.fromCharCode(k + 40));

/** The kind of a one-character punctuation token, by character code. */
function punctuation(c: number): TokenKind | undefined {
  switch (c) {
    case 46:
      return 'Dot';
    case 63:
      return 'QuestionMark';
    case 123:
      return 'LCurly';
    case 125:
      return 'RCurly';
    case 91:
      return 'LSquare';
    case 93:
      return 'RSquare';
    case 40:
      return 'LRound';
    case 41:
      return 'RRound';
    case 44:
      return 'Comma';
    case 58:
      return 'Colon';
    case 61:
      return 'Equals';
    default:
      return undefined;
  }
}

const KEYWORDS: Record<string, TokenKind> = { true: 'True', false: 'False', null: 'Null' };

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
const ALPHABETIC = /^\p{Alphabetic}$/u;
/** Prisma 7 accepts any Unicode letter in names (`Über`, `lööps`), but only ASCII digits. */
function isUnicodeLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return isLetter(c);
  const cp = text.codePointAt(i)!;
  return ALPHABETIC.test(String.fromCodePoint(cp));
}
/** Characters that may continue a name: letters, ASCII digits, `_` and `-`. */
function isNameCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isDigit(c) || c === 95 || c === 45 || isUnicodeLetterAt(text, i);
}
/** The UTF-16 length of the character at i (2 for an astral code point). */
function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  // A high surrogate pairs only with a following low surrogate; a lone one is one (invalid) character.
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
/** The end of a name that continues at `from` (an ASCII fast path: names are nearly always ASCII). */
function nameEnd(text: string, from: number): number {
  let end = from;
  const n = text.length;
  while (end < n) {
    const d = text.charCodeAt(end);
    if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d === 45) end++;
    else if (d >= 128 && isNameCharAt(text, end)) end += charLength(text, end);
    else break;
  }
  return end;
}
/** Horizontal white space, including the Unicode spaces JavaScript's `\s` knows, but not line breaks. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** Every token has this one shape (repair's synthetic tokens add `synthetic`). */
function token(text: string, kind: TokenKind, start: number, end: number, line: number, lineStart: number): Token {
  return { kind, image: text.slice(start, end), start, end, line, column: start - lineStart + 1 };
}
/** A token whose text is known without slicing (line breaks, punctuation, `@`: over half the tokens of a schema). */
function fixedToken(image: string, kind: TokenKind, start: number, line: number, lineStart: number): Token {
  return { kind, image, start, end: start + image.length, line, column: start - lineStart + 1 };
}

export function tokenize(text: string): LexResult {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  while (!lexer.done) lexer.lexLine(tokens);
  return { tokens, problems: lexer.problems, bracketsSpanLines: lexer.bracketsSpanLines, lineStarts: lexer.lineStarts };
}

/**
 * The tokenizer, a line at a time: the parser's fast path (parse.ts) pulls lines as it reads them, so that a token
 * dies young instead of the whole file's tokens (82,000 at 1,000 models) living through the parse, which made the
 * garbage collector copy them twice (a third of the parse's time, measured).
 */
export class Lexer {
  readonly problems: LexProblem[] = [];
  /** The offset where each line starts, so far (a LineIndex's table, found on the way). */
  readonly lineStarts: number[] = [0];
  /** Whether a line break or a comment fell inside brackets so far (repair.ts joins such lines). */
  bracketsSpanLines = false;
  #i = 0;
  #line = 1;
  #lineStart = 0;
  // Bracket depth, to tell repair whether any brackets span lines (nearly never: then it has nothing to join).
  #depth = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.#i >= this.text.length;
  }

  /** Pushes the tokens up to and including the next line break (or the end of the text) onto `tokens`. */
  lexLine(tokens: Token[]): void {
    const text = this.text;
    const problems = this.problems;
    const lineStarts = this.lineStarts;
    const n = text.length;
    // Locals in the loop, saved at the end: fields (or variables a closure shares) are slower in this hot loop.
    let i = this.#i;
    let line = this.#line;
    let lineStart = this.#lineStart;
    let depth = this.#depth;
    let bracketsSpanLines = this.bracketsSpanLines;

    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (depth > 0) bracketsSpanLines = true;
        tokens.push(fixedToken('\n', 'LineBreak', i, line, lineStart));
        i++;
        line++;
        lineStart = i;
        lineStarts.push(i);
        break;
      }
      if (c === 32) {
        // Runs of spaces (alignment) are a quarter of a formatted schema: skip them here, not one loop turn each.
        do i++;
        while (text.charCodeAt(i) === 32);
        continue;
      }
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        // An ASCII letter starts most tokens: the name, without the Unicode checks below.
        const end = nameEnd(text, i + 1);
        const length = end - i;
        // Only `true`, `false` and `null` are keywords.
        const kind = (length === 4 || length === 5) && (c === 116 || c === 102 || c === 110) ? (KEYWORDS[text.slice(i, end)] ?? 'Identifier') : 'Identifier';
        tokens.push(token(text, kind, i, end, line, lineStart));
        i = end;
        continue;
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 47) {
        // `//` comment, or `///` doc comment, up to the end of the line (a trailing \r is not part of it).
        let end = i + 2;
        while (end < n && text.charCodeAt(end) !== 10) end++;
        if (depth > 0) bracketsSpanLines = true;
        let contentEnd = end;
        if (contentEnd > i && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
        tokens.push(token(text, text.charCodeAt(i + 2) === 47 ? 'DocComment' : 'LineComment', i, contentEnd, line, lineStart));
        i = end;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42) {
        // `/* … */` block comment (Prisma reads it as documentation). It may span lines.
        const close = text.indexOf('*/', i + 2);
        const end = close === -1 ? n : close + 2;
        if (depth > 0) bracketsSpanLines = true;
        if (close === -1) problems.push({ kind: 'UnterminatedComment', start: i, end: Math.min(n, i + 2), text: '/*' });
        tokens.push(token(text, 'BlockComment', i, end, line, lineStart));
        for (let k = i; k < end; k++) {
          if (text.charCodeAt(k) === 10) {
            line++;
            lineStart = k + 1;
            lineStarts.push(lineStart);
          }
        }
        i = end;
        continue;
      }
      if (c === 64) {
        if (text.charCodeAt(i + 1) === 64) {
          tokens.push(fixedToken('@@', 'BlockAttribute', i, line, lineStart));
          i += 2;
        } else {
          tokens.push(fixedToken('@', 'FieldAttribute', i, line, lineStart));
          i++;
        }
        continue;
      }
      if (c === 34) {
        let end = i + 1;
        let closed = false;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === 92) {
            // A backslash escapes the next character, but never a line break. Strings use JSON's escapes, as in Prisma.
            const next = text.charCodeAt(end + 1);
            if (next === 10 || Number.isNaN(next)) {
              end++;
              continue;
            }
            const escape = escapeLength(text, end);
            if (escape === 0) {
              const width = next === 117 ? 6 : 2; // `\uXXXX`: show what stands where the four hex digits should
              const shown = text.slice(end, end + width).split('\n')[0]!;
              problems.push({ kind: 'InvalidEscape', start: end, end: end + shown.length, text: shown });
            }
            end += Math.max(2, escape);
            continue;
          }
          if (d === 10) break;
          if (d < 32 && d !== 13) problems.push({ kind: 'ControlInString', start: end, end: end + 1, text: text[end]! });
          if (d === 34) {
            closed = true;
            end++;
            break;
          }
          end++;
        }
        if (closed) {
          tokens.push(token(text, 'StringLiteral', i, end, line, lineStart));
        } else {
          let stop = end;
          if (stop > i && text.charCodeAt(stop - 1) === 13) stop--;
          problems.push({ kind: 'UnterminatedString', start: i, end: stop, text: text.slice(i, stop) });
          // Recover: treat the rest of the line as the string so that later tokens keep their places.
          tokens.push(token(text, 'StringLiteral', i, stop, line, lineStart));
        }
        i = end;
        continue;
      }
      if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(i + 1)))) {
        let end = i + (c === 45 ? 1 : 0);
        while (isDigit(text.charCodeAt(end))) end++;
        if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
          end++;
          while (isDigit(text.charCodeAt(end))) end++;
        }
        // Prisma's numbers have no exponent: `1e5` is a name that starts with a digit, as below.
        if (isUnicodeLetterAt(text, end) || text.charCodeAt(end) === 95) {
          // `1abc`: Prisma reads this as a name and rejects it for starting with a digit.
          const k = nameEnd(text, end);
          problems.push({ kind: 'NameStartsWithDigit', start: i, end: k, text: text.slice(i, k) });
          tokens.push(token(text, 'Identifier', i, k, line, lineStart));
          i = k;
          continue;
        }
        tokens.push(token(text, 'NumberLiteral', i, end, line, lineStart));
        i = end;
        continue;
      }
      if (isUnicodeLetterAt(text, i)) {
        // A name that starts beyond ASCII (ASCII letters took the branch above): never a keyword.
        const end = nameEnd(text, i + charLength(text, i));
        tokens.push(token(text, 'Identifier', i, end, line, lineStart));
        i = end;
        continue;
      }
      const punct = punctuation(c);
      if (punct) {
        if (c === 40 || c === 91) depth++;
        else if ((c === 41 || c === 93) && depth > 0) depth--;
        tokens.push(fixedToken(PUNCTUATION_IMAGES[c - 40]!, punct, i, line, lineStart));
        i++;
        continue;
      }
      // Anything else is invalid. Group a run of invalid characters (and a name glued to it, as in `$bad` or
      // `_id`) into one problem, so that one mistake gives one diagnostic.
      let end = i + charLength(text, i);
      while (end < n) {
        const d = text.charCodeAt(end);
        if (isNameCharAt(text, end) || (!isBlank(d) && d !== 10 && punctuation(d) === undefined && d !== 34 && d !== 64 && d !== 47 && d > 127)) end += charLength(text, end);
        else break;
      }
      problems.push({ kind: 'InvalidCharacter', start: i, end, text: text.slice(i, end) });
      i = end;
    }
    this.#i = i;
    this.#line = line;
    this.#lineStart = lineStart;
    this.#depth = depth;
    this.bracketsSpanLines = bracketsSpanLines;
  }
}

/** The length of a valid JSON escape at `at` (a backslash): 2, or 6 for `\uXXXX`; 0 when it is not one. */
function escapeLength(text: string, at: number): number {
  const c = text[at + 1];
  if (c === 'u') return /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)) ? 6 : 0;
  return c !== undefined && '"\\/bfnrt'.includes(c) ? 2 : 0;
}

/** Decodes the text of a string literal (with its quotes) into its value. */
export function decodeStringLiteral(image: string): string {
  const body = image.length >= 2 && image.endsWith('"') ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i === body.length - 1) {
      out += ch;
      continue;
    }
    const next = body[++i]!;
    switch (next) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case '0':
        out += '\0';
        break;
      case 'u': {
        const hex = body.slice(i + 1, i + 5);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else out += 'u';
        break;
      }
      default:
        out += next;
    }
  }
  return out;
}
