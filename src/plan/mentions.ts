import { quoteIdentifier } from '../database/sql-text.js';
import { tokenizeSql } from '../sqlite/ddl-tokens.js';

/** Whether SQL text names an identifier (quoted or not, without case), read with the one SQL tokenizer. */
export function mentionsIdentifier(sql: string, name: string): boolean {
  const lower = name.toLowerCase();
  return tokenizeSql(sql).tokens.some((t) => (t.kind === 'word' || t.kind === 'quoted') && t.value.toLowerCase() === lower);
}

/** An identifier in SQL text (a bare word or a quoted name), with its offsets: `sql.slice(start, end)` as written. */
export interface IdentifierAt {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** A bare word, which may be a keyword; false for a quoted name. */
  readonly bare: boolean;
  /** The identifier right before a `.` in front of this one (`NEW` in `NEW."a"`, `t` in `t.a`). */
  readonly qualifier?: string;
  /** A `(` follows: a function name, not a column. */
  readonly call: boolean;
}

/** The identifiers in SQL text (bare words, keywords included, and quoted names), read with the one SQL tokenizer. */
export function identifiersAt(sql: string): IdentifierAt[] {
  const tokens = tokenizeSql(sql).tokens;
  const out: IdentifierAt[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'quoted') return;
    const dot = tokens[i - 1];
    const owner = tokens[i - 2];
    const qualified = dot?.kind === 'punct' && dot.text === '.' && (owner?.kind === 'word' || owner?.kind === 'quoted');
    const next = tokens[i + 1];
    out.push({ name: t.value, start: t.start, end: t.end, bare: t.kind === 'word', ...(qualified ? { qualifier: owner.value } : {}), call: next?.kind === 'punct' && next.text === '(' });
  });
  return out;
}

/** SQL text with identifiers renamed: `rename` returns an identifier's new name (written quoted), or undefined to keep it. */
export function renameIdentifiers(sql: string, rename: (id: IdentifierAt) => string | undefined): string {
  let out = '';
  let last = 0;
  for (const id of identifiersAt(sql)) {
    const to = rename(id);
    if (to === undefined) continue;
    out += sql.slice(last, id.start) + quoteIdentifier(to);
    last = id.end;
  }
  return out + sql.slice(last);
}
