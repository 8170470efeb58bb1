/**
 * The schema grammar over the repaired token stream (repair.ts): blocks and their members, producing the syntax
 * tree of ast.ts with a span for every node. It follows prisma-ast's grammar (which follows Prisma's): members are
 * separated by line breaks, two line breaks in a row are an empty line, comments attach as documentation.
 * A mistake skips the rest of its line with one diagnostic, so one run reports every independent error.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { endOffsetOf, startOffsetOf, type LineIndex, type Span } from '../diagnostics/span.js';
import type { AttributeNode, BlockKeyword, BlockNode, CommentNode, Member, TopLevel, TypeRef } from './ast.js';
import { Cursor, exact, parseAttribute, parseValue, spanOf, SyntaxFailure } from './grammar-values.js';
import type { Token } from './lexer.js';
import { BLOCK_KEYWORDS, isCommentToken } from './repair.js';

export interface GrammarSink {
  readonly file: string;
  readonly lines: LineIndex;
  syntaxError(d: Diagnostic): void;
  lineText(line: number): string;
}

/** `more`: tokens arrive a line at a time (Cursor). */
export function parseTokens(tokens: Token[], sink: GrammarSink, more?: (window: Token[]) => boolean): TopLevel[] {
  return new Grammar(new Cursor(tokens, sink.file, sink.lines, more), sink).schema();
}

/** The text of a `///` comment without the slashes and one following space (block comments: without the stars). */
export function docText(comment: string): string {
  if (comment.startsWith('/*')) return comment.slice(2, comment.endsWith('*/') ? -2 : undefined).trim();
  return comment.replace(/^\/\/\/ ?/, '');
}

class Grammar {
  constructor(
    readonly c: Cursor,
    readonly sink: GrammarSink,
  ) {}

  schema(): TopLevel[] {
    const c = this.c;
    const items: TopLevel[] = [];
    let docs: string[] = [];
    while (c.peek()) {
      const t = c.peek()!;
      if (isCommentToken(t)) {
        const comment = this.comment(c.next());
        items.push(comment);
        if (comment.doc) docs.push(docText(comment.text));
      } else if (t.kind === 'LineBreak') {
        const empty = this.emptyLine();
        if (empty) {
          items.push(empty);
          docs = [];
        }
      } else if (t.kind === 'Identifier' && c.is('Identifier', 1) && c.is('LCurly', 2) && BLOCK_KEYWORDS.includes(t.image as BlockKeyword)) {
        items.push(this.block(docs));
        docs = [];
      } else {
        this.fail(new SyntaxFailure(t, 'top'));
      }
    }
    return items;
  }

  /** Two line breaks in a row make an empty line; a single one separates members. */
  emptyLine(): { kind: 'EmptyLine'; span: Span } | undefined {
    const first = this.c.next();
    if (!this.c.is('LineBreak')) return undefined;
    const second = this.c.next();
    return { kind: 'EmptyLine', span: this.c.span(first.start, second.end) };
  }

  comment(t: Token): CommentNode {
    return { kind: 'Comment', text: t.image, doc: t.kind === 'DocComment' || t.kind === 'BlockComment', span: this.c.tokenSpan(t) };
  }

  block(docs: string[]): BlockNode {
    const c = this.c;
    const keywordTok = c.next();
    const nameTok = c.next();
    const lcurly = c.next();
    const keyword = keywordTok.image as BlockKeyword;
    const members: Member[] = [];
    let openComment: CommentNode | undefined;
    let pendingDocs: string[] = [];
    let lastDeclLine = lcurly.line;
    let last: Token = lcurly;
    if (c.is('LineBreak')) last = c.next();
    while (c.peek() && !c.is('RCurly')) {
      const t = c.peek()!;
      if (isCommentToken(t)) {
        last = c.next();
        const comment = this.comment(t);
        if (t.line === lcurly.line && members.length === 0 && !openComment) openComment = comment;
        else if (!attachTrailing(members, comment, t.line === lastDeclLine)) {
          members.push(comment);
          if (comment.doc) pendingDocs.push(docText(comment.text));
        }
        continue;
      }
      if (t.kind === 'LineBreak') {
        const empty = this.emptyLine();
        last = c.tokens[c.i - 1] ?? last;
        if (empty) {
          members.push(empty);
          pendingDocs = [];
        }
        continue;
      }
      const lineStart = members.length;
      const lineStartDocs = pendingDocs;
      const lineStartDeclLine = lastDeclLine;
      // Reported only when the whole line parses: otherwise the line's own error says more. Made when needed (rarely):
      // this runs for every line of the file.
      let secondDeclarations: Diagnostic[] | undefined;
      try {
        // One line may hold several declarations (an error), so parse until the line break.
        while (c.peek() && !c.is('LineBreak') && !isCommentToken(c.peek()!)) {
          // A `}` closes the block only at the start of a line (repair puts it there); elsewhere it is a mistake.
          if (c.is('RCurly')) throw new SyntaxFailure(c.peek(), 'block');
          // Lines from the member's first and last tokens: its span would compute them from offsets (span.ts).
          const firstLine = c.peek()!.line;
          const member = this.member(keyword, pendingDocs);
          pendingDocs = [];
          if (!member) continue;
          if (firstLine === lastDeclLine && members.length > 0 && isDeclaration(members[members.length - 1]!)) {
            (secondDeclarations ??= []).push(diagnostic('P106', 'Only one declaration is allowed per line.', { span: member.span, hint: 'Move this declaration to its own line.' }));
          }
          members.push(member);
          lastDeclLine = c.tokens[c.i - 1]!.line;
        }
        if (secondDeclarations) for (const d of secondDeclarations) this.sink.syntaxError(d);
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        this.fail(e);
        members.length = lineStart;
        pendingDocs = lineStartDocs;
        lastDeclLine = lineStartDeclLine;
      }
      last = c.tokens[c.i - 1] ?? last;
    }
    if (c.is('RCurly')) last = c.next();
    const keywordSpan = c.tokenSpan(keywordTok);
    const nameSpan = c.tokenSpan(nameTok);
    const span = spanOf(c, keywordTok, last);
    // Two literals, as for fields (below): `openComment` is absent when there is none, in the tree's key order.
    return openComment
      ? { kind: 'Block', keyword, keywordSpan, name: nameTok.image, nameSpan, docs: exact(docs), openComment, members, span }
      : { kind: 'Block', keyword, keywordSpan, name: nameTok.image, nameSpan, docs: exact(docs), members, span };
  }

  /** One declaration: a field, an enum value, a `key = value` assignment or a block attribute. */
  member(keyword: BlockKeyword, docs: string[]): Member | undefined {
    const c = this.c;
    const t = c.peek()!;
    if (t.kind === 'BlockAttribute') {
      const attribute = parseAttribute(c, true);
      return { kind: 'BlockAttribute', attribute, span: attribute.span };
    }
    if (t.kind !== 'Identifier') throw new SyntaxFailure(t, 'block');
    const isObject = keyword === 'model' || keyword === 'view' || keyword === 'type';
    if (c.is('Equals', 1)) return this.assignment(keyword, docs);
    if (isObject) return this.field(docs);
    if (keyword === 'enum') return this.enumValue(docs);
    throw new SyntaxFailure(c.peek(1), 'assignment');
  }

  assignment(keyword: BlockKeyword, docs: string[]): Member | undefined {
    const c = this.c;
    const key = c.next();
    c.next();
    if (!c.peek() || c.is('LineBreak') || c.is('RCurly') || isCommentToken(c.peek()!)) throw new SyntaxFailure(c.peek(), 'block');
    const value = parseValue(c);
    const nameSpan = c.tokenSpan(key);
    const span = c.span(key.start, endOffsetOf(value.span));
    if (keyword === 'model' || keyword === 'view' || keyword === 'type') {
      this.sink.syntaxError(
        diagnostic('P103', `\`${key.image} = …\` is not valid in a ${keyword}.`, {
          span,
          hint: 'Assignments (`key = value`) belong in `datasource` and `generator` blocks; in a model, write a field `name Type`.',
        }),
      );
      return undefined;
    }
    return { kind: 'Assignment', name: key.image, nameSpan, value, docs: exact(docs), span };
  }

  field(docs: string[]): Member {
    const c = this.c;
    const nameTok = c.next();
    const next = c.peek();
    if (!next || next.kind === 'LineBreak' || next.kind === 'RCurly' || isCommentToken(next) || next.kind === 'FieldAttribute') {
      throw new SyntaxFailure(nameTok, 'field');
    }
    const typeExpr = parseValue(c);
    let last = c.tokens[c.i - 1]!;
    let optional = false;
    let list = false;
    if (c.is('LSquare') && c.is('RSquare', 1)) {
      c.next();
      last = c.next();
      list = true;
    } else if (c.is('QuestionMark')) {
      last = c.next();
      optional = true;
    }
    let type: TypeRef;
    const typeSpan = optional || list ? c.span(startOffsetOf(typeExpr.span), last.end) : typeExpr.span;
    if (typeExpr.kind === 'Constant') type = { name: typeExpr.name, optional, list, span: typeSpan };
    else if (typeExpr.kind === 'Call' && typeExpr.name === 'Unsupported' && typeExpr.args[0]?.value.kind === 'String') {
      type = { name: 'Unsupported', unsupported: typeExpr.args[0].value.value, optional, list, span: typeSpan };
    } else {
      this.sink.syntaxError(
        diagnostic('P107', `The type of field \`${nameTok.image}\` is not a type name.`, {
          span: typeExpr.span,
          hint: 'Use a scalar type (`String`, `Int`, …), a model or enum name, or `Unsupported("…")`.',
        }),
      );
      type = { name: '', optional, list, span: typeExpr.span };
    }
    const tail = this.declarationTail(nameTok, last, docs);
    // Properties spelled out, not spread: a spread copies through a slow path and leaves an out-of-object property
    // store on each of the file's fields. The order is the tree's (kind, type, name, …, span).
    return tail.trailingComment
      ? { kind: 'Field', type, name: tail.name, nameSpan: tail.nameSpan, attributes: tail.attributes, docs: tail.docs, trailingComment: tail.trailingComment, span: tail.span }
      : { kind: 'Field', type, name: tail.name, nameSpan: tail.nameSpan, attributes: tail.attributes, docs: tail.docs, span: tail.span };
  }

  enumValue(docs: string[]): Member {
    const nameTok = this.c.next();
    const tail = this.declarationTail(nameTok, nameTok, docs);
    return tail.trailingComment
      ? { kind: 'EnumValue', name: tail.name, nameSpan: tail.nameSpan, attributes: tail.attributes, docs: tail.docs, trailingComment: tail.trailingComment, span: tail.span }
      : { kind: 'EnumValue', name: tail.name, nameSpan: tail.nameSpan, attributes: tail.attributes, docs: tail.docs, span: tail.span };
  }

  /** What fields and enum values end with: attributes and a trailing comment (which may be documentation). */
  declarationTail(nameTok: Token, last: Token, docs: string[]): DeclarationTail {
    const c = this.c;
    const attributes: AttributeNode[] = [];
    let end = last;
    while (c.is('FieldAttribute')) {
      attributes.push(parseAttribute(c, false));
      end = c.tokens[c.i - 1]!;
    }
    const trailingComment = this.trailing();
    const nameSpan = c.tokenSpan(nameTok);
    return {
      name: nameTok.image,
      nameSpan,
      attributes: exact(attributes),
      docs: trailingComment?.doc ? [...docs, docText(trailingComment.text)] : exact(docs),
      trailingComment,
      span: spanOf(c, nameTok, end),
    };
  }

  trailing(): CommentNode | undefined {
    const t = this.c.peek();
    return t && isCommentToken(t) ? this.comment(this.c.next()) : undefined;
  }

  /** Reports a syntax error for the line and skips to its line break. */
  fail(e: SyntaxFailure): void {
    const c = this.c;
    const t = e.token;
    const atEof = !t;
    const span = t ? c.tokenSpan(t) : c.span(lastOffset(c), lastOffset(c));
    this.sink.syntaxError(this.describe(e, span, atEof));
    while (c.peek() && !c.is('LineBreak')) c.next();
  }

  describe(e: SyntaxFailure, span: Span, atEof: boolean): Diagnostic {
    const t = e.token;
    const found = atEof ? 'the end of the file' : t!.kind === 'LineBreak' ? 'the end of the line' : `\`${t!.image}\``;
    const before = t && this.c.peek() === t ? this.c.tokens[this.c.i - 1] : undefined;
    if (t?.kind === 'QuestionMark' && before?.kind === 'RSquare') {
      return diagnostic('P103', 'Optional lists are not supported.', { span, hint: 'Use either `Type[]` or `Type?`: an empty list already means "no values".' });
    }
    switch (e.context) {
      case 'top':
        return diagnostic('P103', 'This line is invalid. It does not start with any known schema keyword.', {
          span,
          hint: 'A top-level line starts a block: `model`, `enum`, `view`, `type`, `datasource` or `generator`, followed by a name and `{`.',
        });
      case 'field':
        return diagnostic('P107', `The field \`${t?.image}\` has no type.`, { span, hint: `Write the type after the name, for example \`${t?.image} String\`.` });
      case 'attribute':
        return diagnostic('P103', `Invalid attribute or value: unexpected ${found}.`, {
          span,
          hint: 'Attributes look like `@default(now())`, `@relation(fields: [a], references: [b])` or `@@index([a, b])`.',
        });
      case 'assignment': {
        // The cursor still stands on the key; the failing token is the one after it.
        const key = this.c.peek();
        return diagnostic('P103', `Expected \`=\` after \`${key?.image ?? ''}\`, but found ${found}.`, {
          span,
          hint: 'A datasource or generator block holds `key = value` lines, for example `provider = "sqlite"`.',
        });
      }
      case 'block':
        return diagnostic('P103', `This line is not a valid definition inside the block: unexpected ${found}.`, {
          span,
          hint: 'Each line in a block is one field, enum value, `key = value` assignment, block attribute or comment.',
        });
    }
  }
}

interface DeclarationTail {
  readonly name: string;
  readonly nameSpan: Span;
  readonly attributes: AttributeNode[];
  readonly docs: string[];
  readonly trailingComment: CommentNode | undefined;
  readonly span: Span;
}

function isDeclaration(m: Member): boolean {
  return m.kind !== 'Comment' && m.kind !== 'EmptyLine';
}

/** A comment after a declaration on the same line (`sameLine`) belongs to it. */
function attachTrailing(members: Member[], c: CommentNode, sameLine: boolean): boolean {
  const last = members[members.length - 1];
  if (!last || !sameLine) return false;
  if (last.kind !== 'Field' && last.kind !== 'EnumValue' && last.kind !== 'Assignment' && last.kind !== 'BlockAttribute') return false;
  if (last.trailingComment) return false;
  const withComment = { ...last, trailingComment: c };
  if (c.doc && last.kind !== 'BlockAttribute') (withComment as { docs: readonly string[] }).docs = [...last.docs, docText(c.text)];
  members[members.length - 1] = withComment;
  return true;
}

function lastOffset(c: Cursor): number {
  const t = c.tokens[c.tokens.length - 1];
  return t ? t.end : 0;
}
