/**
 * Canonical text of attributes (`@relation(fields: [a], references: [b])`, `@@index([a, b])`) and their order.
 * Values print with `exprText`: literals as written, canonical spacing between tokens (an empty object prints
 * as `{  }`, as in Prisma).
 */
import type { AttributeNode } from '../ast.js';
import { argumentText } from '../attributes.js';

/** `@name(args)` or `@@name(args)`; parentheses only where they were written. */
export function printAttribute(attribute: AttributeNode): string {
  const at = attribute.block ? '@@' : '@';
  return `${at}${attribute.name}${attribute.hasParens ? `(${attribute.args.map(argumentText).join(', ')})` : ''}`;
}

/**
 * Prisma's formatter moves the attributes it knows into this order (a stable sort: the others keep their order,
 * after these). The same order applies to field attributes and to block attributes.
 */
const ATTRIBUTE_ORDER = ['id', 'unique', 'default', 'updatedAt', 'index', 'fulltext', 'map', 'relation', 'ignore'];

function attributeRank(name: string): number {
  const rank = ATTRIBUTE_ORDER.indexOf(name);
  return rank === -1 ? ATTRIBUTE_ORDER.length : rank;
}

/** The attributes in Prisma's canonical order; `key` reads the attribute out of each item. */
export function sortAttributes<T>(items: readonly T[], key: (item: T) => AttributeNode): T[] {
  return [...items].sort((a, b) => attributeRank(key(a).name) - attributeRank(key(b).name));
}
