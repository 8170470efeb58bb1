/**
 * Parses one schema file into its syntax tree (ast.ts) with prisma-ast's grammar.
 *
 * prisma-ast (0.15) has gaps that must not reach users, so this adapter wraps it:
 * - our own tokenizer (lexer.ts) feeds prisma-ast's parser, so invalid characters and unterminated strings are
 *   reported instead of skipped, and every token keeps an exact position;
 * - the parser runs with error recovery, so one run reports every syntax error it can find, not only the first;
 * - structural mistakes that Prisma rejects (a one-line block, attribute arguments split over lines, two
 *   declarations on one line, an unclosed block) get a specific diagnostic and are repaired in the token stream,
 *   so parsing goes on;
 * - our own visitor builds the tree with a span for every node (prisma-ast's visitor keeps names only), and
 *   tolerates the partial nodes error recovery leaves behind (prisma-ast's throws on `model A {\n}` shapes).
 */
import { PrismaParser } from '@mrleebo/prisma-ast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { LineIndex, type Span } from '../diagnostics/span.js';
import type {
  Argument,
  AttributeNode,
  BlockKeyword,
  BlockNode,
  CommentNode,
  Expr,
  Member,
  SchemaFileAst,
  TopLevel,
  TypeRef,
} from './ast.js';
import { CODES, type CodeInfo } from '../diagnostics/codes.js';
import { decodeStringLiteral, tokenize, type Token, type TokenKind } from './lexer.js';

// ── Minimal shapes of chevrotain's CST (prisma-ast's parser produces them) ─────────────────────────────────
interface ChevToken {
  image: string;
  startOffset: number;
  endOffset: number;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  tokenTypeIdx: number;
  tokenType: { name: string; tokenTypeIdx?: number };
  isInsertedInRecovery?: boolean;
}
interface CstNode {
  readonly name: string;
  readonly children: Record<string, CstElement[]>;
  readonly recoveredNode?: boolean;
  /** Offsets of the first and last character (inclusive), from nodeLocationTracking. */
  readonly location?: { readonly startOffset: number; readonly endOffset?: number };
}
type CstElement = ChevToken | CstNode;
interface RecognitionError {
  readonly name: string;
  readonly message: string;
  readonly token: ChevToken;
  readonly context?: { ruleStack?: string[] };
}
interface ChevParser {
  input: ChevToken[];
  errors: RecognitionError[];
  schema(): CstNode;
  tokensMap: Record<string, { name: string; tokenTypeIdx?: number }>;
}

export const BLOCK_KEYWORDS: readonly BlockKeyword[] = ['model', 'view', 'type', 'enum', 'datasource', 'generator'];
const MAX_SYNTAX_ERRORS = 100;

/**
 * One parser instance, created on first use: building it costs ~15 ms (grammar analysis). It is reused only
 * synchronously (set input, parse, read), so no state leaks between calls.
 */
let sharedParser: ChevParser | undefined;
function getParser(): ChevParser {
  sharedParser ??= new PrismaParser({ nodeLocationTracking: 'full', recoveryEnabled: true } as never) as unknown as ChevParser;
  return sharedParser;
}

export interface ParseResult {
  readonly ast: SchemaFileAst;
  readonly diagnostics: Diagnostic[];
}

export function parseSchemaFile(file: string, text: string): ParseResult {
  return new FileParser(file, text).run();
}

function isToken(el: CstElement): el is ChevToken {
  return (el as ChevToken).image !== undefined;
}

class FileParser {
  readonly #lines: LineIndex;
  readonly #diagnostics: Diagnostic[] = [];
  /** Lines that already have a syntax error: Prisma reports one per line, and so do we. */
  readonly #errorLines = new Set<number>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.#lines = new LineIndex(text);
  }

  run(): ParseResult {
    const { tokens, problems } = tokenize(this.text);
    for (const p of problems) {
      const span = this.span(p.start, p.end);
      switch (p.kind) {
        case 'InvalidCharacter':
          this.syntaxError(
            diagnostic('P101', `Invalid character ${describeChars(p.text)}.`, {
              span,
              ...(/^[_$]/.test(p.text) ? { hint: 'Names must start with an ASCII letter: remove the leading character.' } : {}),
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
        case 'NameStartsWithDigit':
          this.syntaxError(diagnostic('V222', `The name \`${p.text}\` must not start with a number.`, { span, hint: 'Start the name with a letter.' }));
          break;
      }
    }
    const cst = this.parseLines(this.repair(tokens));
    const items = this.visitSchema(cst);
    return { ast: { file: this.file, text: this.text, items }, diagnostics: sortDiagnostics(this.#diagnostics) };
  }

  /**
   * Runs the grammar. On errors, reports the first error of each block (later ones in the same block are often
   * consequences), removes the offending lines and parses again, so that one run finds every independent error.
   */
  parseLines(initial: Token[][]): CstNode {
    const parser = getParser();
    const types = parser.tokensMap;
    let lines = initial;
    for (let attempt = 0; ; attempt++) {
      const lineOf = new Map<ChevToken, number>();
      const input: ChevToken[] = [];
      lines.forEach((line, index) => {
        for (const t of line) {
          const ct = this.toChevrotain(t, types);
          lineOf.set(ct, index);
          input.push(ct);
        }
      });
      parser.input = input;
      const cst = parser.schema();
      const errors = [...parser.errors];
      if (errors.length === 0) return cst;
      if (attempt >= 30) {
        for (const e of errors) this.reportRecognitionError(e);
        return cst;
      }
      // Past the error limit nothing more is reported, so another pass would only cost time.
      if (this.#errorLines.size > MAX_SYNTAX_ERRORS) return cst;
      const blockOf = blockIndexOfLines(lines);
      const seenBlocks = new Set<number>();
      const drop = new Set<number>();
      for (const e of errors) {
        const index = lineOf.get(e.token) ?? lines.length - 1;
        const block = blockOf[index] ?? -1 - index;
        if (seenBlocks.has(block)) continue;
        seenBlocks.add(block);
        this.reportRecognitionError(e);
        drop.add(index);
      }
      lines = lines.map((line, index) => {
        if (!drop.has(index)) return line;
        const lb = line.find((t) => t.kind === 'LineBreak');
        return lb ? [lb] : [];
      });
    }
  }

  // ── Spans ────────────────────────────────────────────────────────────────────────────────────────────
  span(start: number, end: number): Span {
    return this.#lines.span(this.file, start, end);
  }
  tokenSpan(t: ChevToken): Span {
    const start = Number.isFinite(t.startOffset) ? t.startOffset : this.text.length;
    const end = Number.isFinite(t.endOffset) ? t.endOffset + 1 : start;
    return this.span(start, Math.max(start, end));
  }
  /** The span of a CST node, from the first to the last real token inside it. */
  nodeSpan(node: CstElement): Span | undefined {
    if (!isToken(node) && !node.recoveredNode && node.location) {
      const { startOffset, endOffset } = node.location;
      if (Number.isFinite(startOffset) && endOffset !== undefined && Number.isFinite(endOffset) && endOffset >= startOffset) {
        return this.span(startOffset, endOffset + 1);
      }
    }
    let lo = Infinity;
    let hi = -Infinity;
    const walk = (el: CstElement): void => {
      if (isToken(el)) {
        if (el.isInsertedInRecovery || !Number.isFinite(el.startOffset)) return;
        if (el.image === '' && el.tokenType.name === 'LineBreak') return;
        lo = Math.min(lo, el.startOffset);
        hi = Math.max(hi, el.endOffset + 1);
        return;
      }
      for (const list of Object.values(el.children)) for (const c of list) walk(c);
    };
    walk(node);
    return lo === Infinity ? undefined : this.span(lo, hi);
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

  // ── Token stream repair ──────────────────────────────────────────────────────────────────────────────
  /**
   * Finds the structural mistakes Prisma rejects line by line, reports each one precisely, and repairs the
   * token stream so that the grammar can parse the rest of the file. Returns logical lines: each ends with its
   * line break token (the last line may not).
   */
  repair(tokens: Token[]): Token[][] {
    return this.repairBlocks(splitLines(this.joinBracketedLines(tokens)));
  }

  synthetic(kind: TokenKind, at: number, image = ''): Token {
    const pos = this.#lines.position(at);
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
   */
  repairBlocks(lines: Token[][]): Token[][] {
    const out: Token[][] = [];
    let open: { token: Token; header: string } | undefined;
    let skipUnknownBlock = false;
    const queue = [...lines];
    while (queue.length > 0) {
      const line = queue.shift()!;
      const sig = line.filter((t) => !isTrivia(t));
      const lb = line[line.length - 1]?.kind === 'LineBreak' ? line[line.length - 1]! : undefined;
      const first = sig[0];
      if (skipUnknownBlock) {
        // Inside a block with an unknown keyword: skip up to its closing brace.
        if (first?.kind === 'RCurly') skipUnknownBlock = false;
        out.push(lb ? [lb] : []);
        continue;
      }
      if (!first) {
        out.push(line);
        continue;
      }
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
          skipUnknownBlock = !sig.some((t) => t.kind === 'RCurly');
          out.push(lb ? [lb] : []);
          continue;
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
          skipUnknownBlock = sig[sig.length - 1]!.kind === 'LCurly';
          out.push(lb ? [lb] : []);
          continue;
        }
        const lcurlyIndex = line.findIndex((t) => t.kind === 'LCurly');
        const lcurly = line[lcurlyIndex]!;
        open = { token: lcurly, header: sig.slice(0, sig.indexOf(lcurly)).map((t) => t.image).join(' ') };
        const rest = line.slice(lcurlyIndex + 1).filter((t) => t.kind !== 'LineBreak');
        const restSig = rest.filter((t) => !isCommentToken(t));
        const head = [...line.slice(0, lcurlyIndex + 1)];
        if (restSig.length === 0) {
          // `model A {` or `model A { // comment`: the grammar wants the line break right after `{`.
          out.push(rest.length > 0 ? [...head, this.synthetic('LineBreak', lcurly.end), ...rest, ...(lb ? [lb] : [])] : line);
          continue;
        }
        this.syntaxError(
          diagnostic('P106', `The \`{\` of \`${open.header}\` must end its line.`, {
            span: this.span(lcurly.start, lcurly.end),
            hint: `Write the block over several lines:\n${open.header} {\n  …\n}`,
          }),
        );
        out.push([...head, this.synthetic('LineBreak', lcurly.end)]);
        queue.unshift([...rest, ...(lb ? [lb] : [])]);
        continue;
      }
      // Inside a block.
      if (first.kind === 'RCurly') {
        open = undefined;
        const rest = line.slice(line.indexOf(first) + 1);
        if (rest.some((t) => !isTrivia(t))) {
          // `} model C {`: Prisma accepts a new block right after the brace.
          out.push([first, this.synthetic('LineBreak', first.end)]);
          queue.unshift(rest);
        } else out.push(line);
        continue;
      }
      if (this.blockHeader(sig) === 'block') {
        this.reportUnclosedBlock(open.token, open.header);
        out.push([this.synthetic('RCurly', first.start, '}'), this.synthetic('LineBreak', first.start)]);
        open = undefined;
        queue.unshift(line);
        continue;
      }
      const last = sig[sig.length - 1]!;
      if (last.kind === 'RCurly' && sig.length > 1 && !sig.some((t) => t.kind === 'LCurly')) {
        this.syntaxError(
          diagnostic('P106', 'The closing `}` of a block must be on its own line.', {
            span: this.span(last.start, last.end),
            hint: 'Move the `}` to the next line.',
          }),
        );
        const at = line.indexOf(last);
        out.push([...line.slice(0, at), this.synthetic('LineBreak', last.start)]);
        queue.unshift(line.slice(at));
        continue;
      }
      out.push(line);
    }
    if (open) {
      this.reportUnclosedBlock(open.token, open.header);
      out.push([this.synthetic('LineBreak', this.text.length), this.synthetic('RCurly', this.text.length, '}')]);
    }
    return out;
  }

  /** Whether significant tokens of a line open a block: `keyword Name {` with nothing after the brace but more lines. */
  blockHeader(sig: Token[]): 'block' | 'unknown-keyword' | undefined {
    const [a, b, c] = sig;
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

  toChevrotain(t: Token, types: ChevParser['tokensMap']): ChevToken {
    // Block comments have no token type in prisma-ast; they take the place of a doc comment.
    const tokenType = types[t.kind === 'BlockComment' ? 'DocComment' : t.kind]!;
    // Synthetic tokens have no width, so that node locations never grow to include them.
    const length = t.synthetic ? 0 : Math.max(t.end - t.start, 1);
    return {
      image: t.image,
      startOffset: t.start,
      endOffset: t.start + length - 1,
      startLine: t.line,
      endLine: t.line,
      startColumn: t.column,
      endColumn: t.column + length - 1,
      tokenTypeIdx: tokenType.tokenTypeIdx!,
      tokenType,
      ...(t.synthetic ? { isInsertedInRecovery: true } : {}),
    };
  }

  // ── Parser errors ────────────────────────────────────────────────────────────────────────────────────
  reportRecognitionError(e: RecognitionError): void {
    const tok = e.token;
    const atEof = tok.tokenType.name === 'EOF' || !Number.isFinite(tok.startOffset);
    const span = atEof ? this.span(this.text.length, this.text.length) : this.tokenSpan(tok);
    const rules = e.context?.ruleStack ?? [];
    const rule = rules[rules.length - 1];
    const found = atEof ? 'the end of the file' : tok.tokenType.name === 'LineBreak' ? 'the end of the line' : `\`${tok.image}\``;
    const lineText = this.#lines.lineText(span.start.line).trim();
    let message: string;
    let hint: string | undefined;
    if (!atEof && tok.image === '?' && this.text.slice(0, tok.startOffset).trimEnd().endsWith('[]')) {
      this.syntaxError(diagnostic('P103', 'Optional lists are not supported.', { span, hint: 'Use either `Type[]` or `Type?`: an empty list already means "no values".' }));
      return;
    }
    if (rule === 'schema' || rule === undefined) {
      message = 'This line is invalid. It does not start with any known schema keyword.';
      hint = 'A top-level line starts a block: `model`, `enum`, `view`, `type`, `datasource` or `generator`, followed by a name and `{`.';
    } else if (rule === 'component') {
      message = `Expected a block name and \`{\`, but found ${found}.`;
      hint = 'Write a block as `model Name {` on one line.';
    } else if ((rule === 'field' || rule === 'block') && /^[A-Za-z][\w-]*\s*(\/\/.*)?$/.test(lineText)) {
      const name = /^[A-Za-z][\w-]*/.exec(lineText)![0];
      this.syntaxError(diagnostic('P107', `The field \`${name}\` has no type.`, { span, hint: `Write the type after the name, for example \`${name} String\`.` }));
      return;
    } else if (rule === 'field' && tok.tokenType.name !== 'FieldAttribute') {
      const m = /^([A-Za-z][\w-]*)\s*$/.exec(lineText);
      if (m) {
        this.syntaxError(
          diagnostic('P107', `The field \`${m[1]}\` has no type.`, { span, hint: `Write the type after the name, for example \`${m[1]} String\`.` }),
        );
        return;
      }
      message = `This line is not a valid field definition: unexpected ${found}.`;
      hint = 'A field is `name Type` with optional `?` or `[]` and attributes, for example `email String? @unique`.';
    } else if (rule === 'fieldAttribute' || rule === 'blockAttribute' || rule === 'attributeArg' || rule === 'keyedArg' || rule === 'value' || rule === 'func' || rule === 'array' || rule === 'object') {
      message = `Invalid attribute or value: unexpected ${found}.`;
      hint = 'Attributes look like `@default(now())`, `@relation(fields: [a], references: [b])` or `@@index([a, b])`.';
    } else if (rule === 'block' || rule === 'assignment' || rule === 'property' || rule === 'enum') {
      message = `This line is not a valid definition inside the block: unexpected ${found}.`;
      hint = 'Each line in a block is one field, enum value, `key = value` assignment, block attribute or comment.';
    } else {
      message = `Unexpected ${found}.`;
    }
    this.syntaxError(diagnostic('P103', message, { span, ...(hint ? { hint } : {}) }));
  }

  // ── CST → AST ────────────────────────────────────────────────────────────────────────────────────────
  visitSchema(cst: CstNode): TopLevel[] {
    const elements = sortByOffset([...(cst.children.list ?? []), ...(cst.children.LineBreak ?? [])]);
    const items: TopLevel[] = [];
    let pendingDocs: string[] = [];
    for (const el of elements) {
      if (isToken(el)) continue; // single line breaks between blocks carry no meaning
      if (el.name === 'comment') {
        const c = this.visitComment(el);
        if (!c) continue;
        items.push(c);
        if (c.doc) pendingDocs.push(docText(c.text));
        continue;
      }
      if (el.name === 'break') {
        const span = this.nodeSpan(el);
        if (span) items.push({ kind: 'EmptyLine', span });
        pendingDocs = [];
        continue;
      }
      if (el.name === 'component') {
        const block = this.visitComponent(el, pendingDocs);
        if (block) items.push(block);
        pendingDocs = [];
      }
    }
    return items;
  }

  visitComment(node: CstNode): CommentNode | undefined {
    const tok = (node.children.text ?? []).find(isToken);
    if (!tok || tok.isInsertedInRecovery) return undefined;
    return { kind: 'Comment', text: tok.image, doc: tok.tokenType.name === 'DocComment', span: this.tokenSpan(tok) };
  }

  visitComponent(node: CstNode, docs: string[]): BlockNode | undefined {
    const typeTok = firstToken(node, 'type');
    const nameTok = firstToken(node, 'componentName');
    const blockNode = firstNode(node, 'block');
    if (!typeTok || typeTok.isInsertedInRecovery) return undefined;
    const keyword = typeTok.image;
    const keywordSpan = this.tokenSpan(typeTok);
    if (!BLOCK_KEYWORDS.includes(keyword as BlockKeyword)) {
      const suggestion = closest(keyword, BLOCK_KEYWORDS);
      this.syntaxError(
        diagnostic('P104', `Unknown block type \`${keyword}\`.`, {
          span: keywordSpan,
          ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}),
        }),
      );
      return undefined;
    }
    if (!nameTok || nameTok.isInsertedInRecovery) return undefined;
    const group = firstToken(node, 'groupName');
    const name = group ? `${group.image}.${nameTok.image}` : nameTok.image;
    const span = this.nodeSpan(node) ?? keywordSpan;
    const { members, openComment } = blockNode ? this.visitBlock(blockNode, keyword as BlockKeyword) : { members: [], openComment: undefined };
    return {
      kind: 'Block',
      keyword: keyword as BlockKeyword,
      keywordSpan,
      name,
      nameSpan: this.tokenSpan(nameTok),
      docs,
      ...(openComment ? { openComment } : {}),
      members,
      span,
    };
  }

  visitBlock(node: CstNode, keyword: BlockKeyword): { members: Member[]; openComment?: CommentNode } {
    const lcurly = firstToken(node, 'LCurly');
    const elements = sortByOffset(node.children.list ?? []);
    const members: Member[] = [];
    let openComment: CommentNode | undefined;
    let pendingDocs: string[] = [];
    let lastLine = lcurly?.startLine ?? 0;
    let lastDeclLine = lcurly?.startLine ?? 0;
    let lastMember: Member | undefined;

    const attachTrailing = (c: CommentNode): boolean => {
      if (!lastMember || c.span.start.line !== lastDeclLine) return false;
      if (lastMember.kind === 'Field' || lastMember.kind === 'EnumValue' || lastMember.kind === 'Assignment' || lastMember.kind === 'BlockAttribute') {
        if (lastMember.trailingComment) return false;
        const withComment = { ...lastMember, trailingComment: c };
        if (c.doc && lastMember.kind !== 'BlockAttribute') {
          (withComment as { docs: readonly string[] }).docs = [...lastMember.docs, docText(c.text)];
        }
        members[members.length - 1] = withComment;
        lastMember = withComment;
        return true;
      }
      return false;
    };

    for (const el of elements) {
      if (isToken(el)) continue;
      const span = this.nodeSpan(el);
      if (!span) continue;
      if (el.name === 'comment') {
        const c = this.visitComment(el);
        if (!c) continue;
        if (lcurly && c.span.start.line === lcurly.startLine && members.length === 0 && !openComment) {
          openComment = c;
          continue;
        }
        if (attachTrailing(c)) continue;
        members.push(c);
        lastMember = c;
        lastLine = c.span.end.line;
        if (c.doc) pendingDocs.push(docText(c.text));
        continue;
      }
      if (el.name === 'break') {
        members.push({ kind: 'EmptyLine', span });
        lastMember = members[members.length - 1];
        pendingDocs = [];
        lastLine = span.end.line;
        continue;
      }
      if (span.start.line === lastDeclLine && lastMember && lastMember.kind !== 'Comment' && lastMember.kind !== 'EmptyLine') {
        this.syntaxError(
          diagnostic('P106', 'Only one declaration is allowed per line.', {
            span,
            hint: 'Move this declaration to its own line.',
          }),
        );
      }
      let member: Member | undefined;
      switch (el.name) {
        case 'field':
          member = this.visitField(el, pendingDocs);
          break;
        case 'enum':
          member = this.visitEnumValue(el, pendingDocs);
          break;
        case 'assignment':
        case 'property':
          member = this.visitAssignment(el, pendingDocs, keyword);
          break;
        case 'blockAttribute': {
          const attribute = this.visitAttribute(el, true);
          if (attribute) member = { kind: 'BlockAttribute', attribute, span: attribute.span };
          break;
        }
      }
      pendingDocs = [];
      if (!member) continue;
      members.push(member);
      lastMember = member;
      lastDeclLine = member.span.end.line;
      lastLine = lastDeclLine;
    }
    void lastLine;
    return openComment ? { members, openComment } : { members };
  }

  visitField(node: CstNode, docs: string[]): Member | undefined {
    const nameTok = firstToken(node, 'fieldName');
    if (!nameTok || nameTok.isInsertedInRecovery) return undefined;
    const span = this.nodeSpan(node)!;
    const typeNode = firstNode(node, 'fieldType');
    const optional = (node.children.optional ?? []).some((t) => isToken(t) && !t.isInsertedInRecovery);
    const list = (node.children.array ?? []).some((t) => isToken(t) && !t.isInsertedInRecovery);
    let type: TypeRef;
    const typeExpr = typeNode ? this.visitValue(typeNode) : undefined;
    if (typeExpr?.kind === 'Constant') {
      type = { name: typeExpr.name, optional, list, span: this.typeSpan(typeExpr.span, node) };
    } else if (typeExpr?.kind === 'Call' && typeExpr.name === 'Unsupported' && typeExpr.args[0]?.value.kind === 'String') {
      type = { name: 'Unsupported', unsupported: typeExpr.args[0].value.value, optional, list, span: this.typeSpan(typeExpr.span, node) };
    } else {
      const where = typeExpr?.span ?? this.tokenSpan(nameTok);
      if (typeExpr) {
        this.syntaxError(
          diagnostic('P107', `The type of field \`${nameTok.image}\` is not a type name.`, {
            span: where,
            hint: 'Use a scalar type (`String`, `Int`, …), a model or enum name, or `Unsupported("…")`.',
          }),
        );
      }
      type = { name: '', optional, list, span: where };
    }
    const attributes = this.visitAttributes(node);
    const trailingComment = this.trailingComment(node);
    return {
      kind: 'Field',
      name: nameTok.image,
      nameSpan: this.tokenSpan(nameTok),
      type,
      attributes,
      docs: trailingComment?.doc ? [...docs, docText(trailingComment.text)] : docs,
      ...(trailingComment ? { trailingComment } : {}),
      span: trailingComment ? this.spanWithout(node, trailingComment) : span,
    };
  }

  /** The type's span grown to include `?` or `[]`. */
  typeSpan(base: Span, node: CstNode): Span {
    const marks = [...(node.children.optional ?? []), ...(node.children.array ?? [])].filter(isToken).filter((t) => !t.isInsertedInRecovery);
    if (marks.length === 0) return base;
    const end = Math.max(...marks.map((t) => t.endOffset + 1));
    return this.span(base.start.offset, Math.max(end, base.end.offset));
  }

  /** The span of a declaration without its trailing comment. */
  spanWithout(node: CstNode, comment: CommentNode): Span {
    const full = this.nodeSpan(node)!;
    let end = comment.span.start.offset;
    while (end > full.start.offset && /\s/.test(this.text[end - 1]!)) end--;
    return this.span(full.start.offset, end);
  }

  trailingComment(node: CstNode): CommentNode | undefined {
    const tok = (node.children.comment ?? []).find(isToken);
    if (!tok || tok.isInsertedInRecovery) return undefined;
    return { kind: 'Comment', text: tok.image, doc: tok.tokenType.name === 'DocComment', span: this.tokenSpan(tok) };
  }

  visitEnumValue(node: CstNode, docs: string[]): Member | undefined {
    const nameTok = firstToken(node, 'enumName');
    if (!nameTok || nameTok.isInsertedInRecovery) return undefined;
    const trailingComment = this.trailingComment(node);
    return {
      kind: 'EnumValue',
      name: nameTok.image,
      nameSpan: this.tokenSpan(nameTok),
      attributes: this.visitAttributes(node),
      docs: trailingComment?.doc ? [...docs, docText(trailingComment.text)] : docs,
      ...(trailingComment ? { trailingComment } : {}),
      span: trailingComment ? this.spanWithout(node, trailingComment) : this.nodeSpan(node)!,
    };
  }

  visitAssignment(node: CstNode, docs: string[], keyword: BlockKeyword): Member | undefined {
    const keyTok = firstToken(node, 'assignmentName') ?? firstToken(node, 'propertyName');
    const valueNode = firstNode(node, 'assignmentValue') ?? firstNode(node, 'propertyValue');
    if (!keyTok || keyTok.isInsertedInRecovery || !valueNode) return undefined;
    const value = this.visitValue(valueNode);
    if (!value) return undefined;
    const span = this.nodeSpan(node)!;
    if (keyword === 'model' || keyword === 'view' || keyword === 'type') {
      this.syntaxError(
        diagnostic('P103', `\`${keyTok.image} = …\` is not valid in a ${keyword}.`, {
          span,
          hint: 'Assignments (`key = value`) belong in `datasource` and `generator` blocks; in a model, write a field `name Type`.',
        }),
      );
      return undefined;
    }
    return { kind: 'Assignment', name: keyTok.image, nameSpan: this.tokenSpan(keyTok), value, docs, span };
  }

  visitAttributes(node: CstNode): AttributeNode[] {
    const out: AttributeNode[] = [];
    for (const el of node.children.attributeList ?? []) {
      if (isToken(el)) continue;
      const a = this.visitAttribute(el, false);
      if (a) out.push(a);
    }
    return out;
  }

  visitAttribute(node: CstNode, block: boolean): AttributeNode | undefined {
    const nameTok = firstToken(node, 'attributeName');
    if (!nameTok || nameTok.isInsertedInRecovery) return undefined;
    const group = firstToken(node, 'groupName');
    const at = firstToken(node, block ? 'blockAttribute' : 'fieldAttribute');
    const name = group ? `${group.image}.${nameTok.image}` : nameTok.image;
    const nameStart = at ? at.startOffset : (group ?? nameTok).startOffset;
    const args: Argument[] = [];
    for (const el of sortByOffset(node.children.attributeArg ?? [])) {
      if (isToken(el)) continue;
      const inner = firstElement(el, 'value');
      if (!inner || isToken(inner)) continue;
      const arg = inner.name === 'keyedArg' ? this.visitKeyedArg(inner) : this.positional(inner);
      if (arg) args.push(arg);
    }
    const lround = firstToken(node, 'LRound');
    return {
      kind: 'Attribute',
      block,
      name,
      nameSpan: this.span(nameStart, nameTok.endOffset + 1),
      args,
      hasParens: !!lround && !lround.isInsertedInRecovery,
      span: this.nodeSpan(node)!,
    };
  }

  positional(valueNode: CstNode): Argument | undefined {
    const value = this.visitValue(valueNode);
    return value ? { value, span: value.span } : undefined;
  }

  visitKeyedArg(node: CstNode): Argument | undefined {
    const keyTok = firstToken(node, 'keyName');
    const valueNode = firstNode(node, 'value');
    if (!keyTok || keyTok.isInsertedInRecovery || !valueNode) return undefined;
    const value = this.visitValue(valueNode);
    if (!value) return undefined;
    const keySpan = this.tokenSpan(keyTok);
    return { name: keyTok.image, nameSpan: keySpan, value, span: this.span(keySpan.start.offset, value.span.end.offset) };
  }

  visitValue(node: CstNode): Expr | undefined {
    const inner = firstElement(node, 'value');
    if (!inner) return undefined;
    if (isToken(inner)) {
      if (inner.isInsertedInRecovery) return undefined;
      const span = this.tokenSpan(inner);
      switch (inner.tokenType.name) {
        case 'StringLiteral':
          return { kind: 'String', value: decodeStringLiteral(inner.image), raw: inner.image, span };
        case 'NumberLiteral':
          return { kind: 'Number', raw: inner.image, span };
        case 'True':
          return { kind: 'Boolean', value: true, span };
        case 'False':
          return { kind: 'Boolean', value: false, span };
        case 'Null':
          return { kind: 'Null', span };
        default:
          return { kind: 'Constant', name: inner.image, span };
      }
    }
    const span = this.nodeSpan(inner);
    if (!span) return undefined;
    switch (inner.name) {
      case 'array': {
        const items: Expr[] = [];
        for (const el of sortByOffset(inner.children.value ?? [])) {
          if (isToken(el)) continue;
          const v = this.visitValue(el);
          if (v) items.push(v);
        }
        return { kind: 'Array', items, span };
      }
      case 'func': {
        const nameTok = firstToken(inner, 'funcName');
        if (!nameTok) return undefined;
        const args: Argument[] = [];
        for (const el of sortByOffset([...(inner.children.value ?? []), ...(inner.children.keyedArg ?? [])])) {
          if (isToken(el)) continue;
          const arg = el.name === 'keyedArg' ? this.visitKeyedArg(el) : this.positional(el);
          if (arg) args.push(arg);
        }
        return { kind: 'Call', name: nameTok.image, nameSpan: this.tokenSpan(nameTok), args, span };
      }
      case 'object': {
        const entries: Argument[] = [];
        for (const el of sortByOffset(inner.children.keyedArg ?? [])) {
          if (isToken(el)) continue;
          const arg = this.visitKeyedArg(el);
          if (arg) entries.push(arg);
        }
        return { kind: 'Object', entries, span };
      }
      default:
        return undefined;
    }
  }
}

function isCommentToken(t: Token): boolean {
  return t.kind === 'LineComment' || t.kind === 'DocComment' || t.kind === 'BlockComment';
}
function isTrivia(t: Token): boolean {
  return t.kind === 'LineBreak' || isCommentToken(t);
}

/** Splits tokens into lines, each ending with its line break token (the last line may have none). */
function splitLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    current.push(t);
    if (t.kind === 'LineBreak') {
      lines.push(current);
      current = [];
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** For each line, the index of the block it belongs to (header and closing lines included), or undefined outside. */
function blockIndexOfLines(lines: Token[][]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let block: number | undefined;
  let count = 0;
  for (const line of lines) {
    const sig = line.filter((t) => !isTrivia(t));
    if (block === undefined && sig[sig.length - 1]?.kind === 'LCurly' && sig.length >= 3 && sig[1]?.kind === 'Identifier') {
      block = count++;
      out.push(block);
      continue;
    }
    out.push(block);
    if (block !== undefined && sig[0]?.kind === 'RCurly') block = undefined;
  }
  return out;
}

// ── Helpers ────────────────────────────────────────────────────────────────────────────────────────────
function firstElement(node: CstNode, label: string): CstElement | undefined {
  return node.children[label]?.[0];
}
function firstToken(node: CstNode, label: string): ChevToken | undefined {
  const el = node.children[label]?.find(isToken);
  return el && isToken(el) ? el : undefined;
}
function firstNode(node: CstNode, label: string): CstNode | undefined {
  const el = node.children[label]?.find((e) => !isToken(e));
  return el && !isToken(el) ? el : undefined;
}
function startOf(el: CstElement): number {
  if (isToken(el)) return Number.isFinite(el.startOffset) ? el.startOffset : Infinity;
  if (el.location && Number.isFinite(el.location.startOffset)) return el.location.startOffset;
  let min = Infinity;
  for (const list of Object.values(el.children)) for (const c of list) min = Math.min(min, startOf(c));
  return min;
}
function sortByOffset(elements: CstElement[]): CstElement[] {
  return elements
    .map((el) => ({ el, at: startOf(el) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.el);
}

/** The text of a `///` comment without the slashes and one following space. */
export function docText(comment: string): string {
  if (comment.startsWith('/*')) return comment.slice(2, comment.endsWith('*/') ? -2 : undefined).trim();
  return comment.replace(/^\/\/\/ ?/, '');
}

function describeChars(text: string): string {
  const first = [...text][0] ?? text;
  const code = first.codePointAt(0)!;
  const shown = code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `\`${first}\``;
  return text.length > first.length ? `${shown} in \`${text}\`` : shown;
}

/** The closest candidate by edit distance, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
