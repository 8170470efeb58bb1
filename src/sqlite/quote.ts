/**
 * Identifiers and literals in SQL text: quoting what we write, and comparing names as SQLite does. better-sqlite3
 * builds SQLite with DQS=0, so a double-quoted word is always an identifier and a string must use single quotes.
 * Both escape their quote character by doubling it.
 */

/** `User` → `"User"`, `a"b` → `"a""b"`. Always quotes, so keywords and odd names are safe. */
export function quoteIdentifier(name: string): string {
  // Nearly every name has no quote: skip the replace (it runs for every identifier of a rendered migration).
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/** `it's` → `'it''s'`. */
export function quoteString(value: string): string {
  if (value.includes('\0')) {
    // SQL text ends at a NUL, so the literal would be cut short. Callers bind such values as parameters instead.
    throw new Error('quoteString: a string literal cannot contain a NUL character');
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Bytes as a blob literal: `X'00ff'`. */
export function quoteBlob(bytes: Uint8Array): string {
  return `X'${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}'`;
}

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

/** Any value as a SQL literal, for statements that cannot take bound parameters (an atomic unit's text). */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? '1' : '0';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`sqlLiteral: ${value} has no SQL literal`);
      return String(value);
    case 'object':
      return quoteBlob(value);
  }
}

/**
 * A key under which SQLite considers two identifiers the same: it folds ASCII letters only (sqlite3StrICmp), so
 * `User` and `USER` match while `É` and `é` do not.
 */
export function identifierKey(name: string): string {
  for (let i = 0; i < name.length; i++) {
    // toLowerCase() would also fold non-ASCII letters; take the fast native path only for ASCII names.
    if (name.charCodeAt(i) >= 0x80) return name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  }
  return name.toLowerCase();
}

export function sameIdentifier(a: string, b: string): boolean {
  return a.length === b.length && identifierKey(a) === identifierKey(b);
}
