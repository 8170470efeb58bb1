/**
 * Quoting for SQL text we generate. better-sqlite3 builds SQLite with DQS=0, so identifiers always take
 * double quotes and strings single quotes; both escape by doubling.
 */
export { quoteIdentifier } from '../sqlite/quote.js';

/**
 * Not sqlite/quote's `quoteString`, which refuses a NUL (it writes our own statements, where a parameter can carry
 * one): this renders a schema's string defaults exactly as Prisma's engine does, NUL included; SQLite then rejects
 * the statement when the migration runs, inside its transaction.
 */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The value of a single-quoted SQL string literal, or undefined when the text is not one. */
export function unquoteString(text: string): string | undefined {
  const t = text.trim();
  if (t.length < 2 || t[0] !== "'" || t[t.length - 1] !== "'") return undefined;
  const body = t.slice(1, -1);
  // A lone quote inside means this is not a single literal (e.g. 'a' || 'b').
  if (/(^|[^'])'($|[^'])/.test(body.replace(/''/g, ''))) return undefined;
  return body.replace(/''/g, "'");
}

/**
 * Whether a DEFAULT expression is a constant SQLite accepts in `ALTER TABLE … ADD COLUMN`: a number, a string,
 * a blob, NULL, TRUE or FALSE. Not CURRENT_TIMESTAMP and friends, nor a parenthesised expression.
 */
export function isConstantDefault(expression: string): boolean {
  const t = expression.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return true;
  if (/^(null|true|false)$/i.test(t)) return true;
  if (/^[xX]'[0-9a-fA-F]*'$/.test(t)) return true;
  return unquoteString(t) !== undefined;
}
