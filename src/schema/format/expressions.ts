/**
 * Canonical text of values and attributes: `@relation(fields: [a], references: [b])`, `@@index([a, b])`,
 * `{ published: true }`. Literals are printed as written (quotes and escapes kept); only the spacing between
 * tokens is canonical.
 */
import { assertNever } from '../../assert.js';
import type { Argument, AttributeNode, Expr } from '../ast.js';

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'String':
      return expr.raw;
    case 'Number':
      return expr.raw;
    case 'Boolean':
      return expr.value ? 'true' : 'false';
    case 'Null':
      return 'null';
    case 'Constant':
      return expr.name;
    case 'Array':
      return `[${expr.items.map(printExpr).join(', ')}]`;
    case 'Call':
      return `${expr.name}${printArgs(expr.args)}`;
    case 'Object':
      // Prisma prints an empty object as `{  }`: the two inner spaces are kept for byte-identical output.
      return `{ ${expr.entries.map(printArg).join(', ')} }`;
    default:
      return assertNever(expr);
  }
}

function printArg(arg: Argument): string {
  return arg.name === undefined ? printExpr(arg.value) : `${arg.name}: ${printExpr(arg.value)}`;
}

function printArgs(args: readonly Argument[]): string {
  return `(${args.map(printArg).join(', ')})`;
}

/** `@name(args)` or `@@name(args)`; parentheses only where they were written. */
export function printAttribute(attribute: AttributeNode): string {
  const at = attribute.block ? '@@' : '@';
  return `${at}${attribute.name}${attribute.hasParens ? printArgs(attribute.args) : ''}`;
}

/**
 * Prisma's formatter moves the attributes it knows into this order (a stable sort: the others keep their order,
 * after these). The same order applies to field attributes and to block attributes.
 */
const ATTRIBUTE_ORDER = ['id', 'unique', 'default', 'updatedAt', 'index', 'fulltext', 'map', 'relation', 'ignore'];

export function attributeRank(name: string): number {
  const rank = ATTRIBUTE_ORDER.indexOf(name);
  return rank === -1 ? ATTRIBUTE_ORDER.length : rank;
}

/** The attributes in Prisma's canonical order; `key` reads the attribute out of each item. */
export function sortAttributes<T>(items: readonly T[], key: (item: T) => AttributeNode): T[] {
  return [...items].sort((a, b) => attributeRank(key(a).name) - attributeRank(key(b).name));
}
