import type { Span } from '../diagnostics/span.js';

/**
 * The syntax tree of one schema file, as written: every declaration, comment and blank line, each with its span.
 * The formatter prints it back; `lower.ts` turns the declarations into the resolved SchemaModel.
 */

export type Expr = StringExpr | NumberExpr | BooleanExpr | NullExpr | ConstantExpr | ArrayExpr | CallExpr | ObjectExpr;

export interface StringExpr {
  readonly kind: 'String';
  /** The decoded value. */
  readonly value: string;
  /** The literal as written, with its quotes and escapes. */
  readonly raw: string;
  readonly span: Span;
}
export interface NumberExpr {
  readonly kind: 'Number';
  /** Kept as text so that BigInt and Decimal values never pass through a float. */
  readonly raw: string;
  readonly span: Span;
}
export interface BooleanExpr {
  readonly kind: 'Boolean';
  readonly value: boolean;
  readonly span: Span;
}
export interface NullExpr {
  readonly kind: 'Null';
  readonly span: Span;
}
/** A bare name: a field reference, an enum value, a referential action, `Desc`. */
export interface ConstantExpr {
  readonly kind: 'Constant';
  readonly name: string;
  readonly span: Span;
}
export interface ArrayExpr {
  readonly kind: 'Array';
  readonly items: readonly Expr[];
  readonly span: Span;
}
/** A function call: `now()`, `env("X")`, `uuid(7)`, `dbgenerated("…")`, or a field with arguments `title(sort: Desc)`. */
export interface CallExpr {
  readonly kind: 'Call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Argument[];
  readonly span: Span;
}
export interface ObjectExpr {
  readonly kind: 'Object';
  readonly entries: readonly Argument[];
  readonly span: Span;
}

/** An argument, positional (`[a, b]`) or named (`map: "x"`). */
export interface Argument {
  readonly name?: string;
  readonly nameSpan?: Span;
  readonly value: Expr;
  readonly span: Span;
}

export interface AttributeNode {
  readonly kind: 'Attribute';
  /** `@@index` is a block attribute, `@unique` a field attribute. */
  readonly block: boolean;
  /** The full name without the `@`s, including a namespace: `db.VarChar`. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Argument[];
  /** Whether the attribute was written with parentheses, even empty ones. */
  readonly hasParens: boolean;
  readonly span: Span;
}

export interface CommentNode {
  readonly kind: 'Comment';
  /** The comment as written, starting with `//` or `///`, without the line break. */
  readonly text: string;
  readonly doc: boolean;
  readonly span: Span;
}

export interface EmptyLineNode {
  readonly kind: 'EmptyLine';
  readonly span: Span;
}

export interface TypeRef {
  readonly name: string;
  /** For `Unsupported("…")`: the database type. */
  readonly unsupported?: string;
  readonly optional: boolean;
  readonly list: boolean;
  readonly span: Span;
}

interface DeclarationBase {
  readonly name: string;
  readonly nameSpan: Span;
  /** `///` lines directly above the declaration, without the slashes, plus a trailing `///` comment. */
  readonly docs: readonly string[];
  /** A `//` or `///` comment after the declaration on the same line. */
  readonly trailingComment?: CommentNode;
  readonly span: Span;
}

export interface FieldNode extends DeclarationBase {
  readonly kind: 'Field';
  readonly type: TypeRef;
  readonly attributes: readonly AttributeNode[];
}

export interface EnumValueNode extends DeclarationBase {
  readonly kind: 'EnumValue';
  readonly attributes: readonly AttributeNode[];
}

export interface AssignmentNode extends DeclarationBase {
  readonly kind: 'Assignment';
  readonly value: Expr;
}

export interface BlockAttributeNode {
  readonly kind: 'BlockAttribute';
  readonly attribute: AttributeNode;
  readonly trailingComment?: CommentNode;
  readonly span: Span;
}

export type Member = FieldNode | EnumValueNode | AssignmentNode | BlockAttributeNode | CommentNode | EmptyLineNode;

export type BlockKeyword = 'model' | 'view' | 'type' | 'enum' | 'datasource' | 'generator';

export interface BlockNode {
  readonly kind: 'Block';
  readonly keyword: BlockKeyword;
  readonly keywordSpan: Span;
  readonly name: string;
  readonly nameSpan: Span;
  readonly docs: readonly string[];
  /** A comment after the opening `{` on the same line. */
  readonly openComment?: CommentNode;
  readonly members: readonly Member[];
  readonly span: Span;
}

export type TopLevel = BlockNode | CommentNode | EmptyLineNode;

export interface SchemaFileAst {
  readonly file: string;
  readonly text: string;
  readonly items: readonly TopLevel[];
}
