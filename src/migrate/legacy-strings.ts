/**
 * SQLite's double-quoted string literal quirk. Prisma's native engines ran migrations on a SQLite that reads
 * `"text"` as a string when no column has that name; better-sqlite3 (like SQLite's recommended build) does not,
 * so a hand-written `INSERT … VALUES ("instance-id")` that worked under Prisma fails here. When SQLite reports
 * exactly that, the migration is retried with the named token — and only inside VALUES lists and on the right of
 * `=` in SET clauses — written as a string literal, and a warning says so.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { tokenizeSql, type Token } from '../sqlite/ddl-tokens.js';

const HINT = /no such column: (.+?) - should this be a string literal in single-quotes\?/;

/** The identifier SQLite could not resolve and suggests quoting as a string, from its error message. */
export function unresolvedDoubleQuotedName(message: string): string | undefined {
  return HINT.exec(message)?.[1]?.replace(/^"|"$/g, '');
}

/** Rewrites `"name"` to `'name'` where it is used as a value. Returns undefined when nothing changed. */
export function quoteLegacyStringLiteral(sql: string, name: string): string | undefined {
  const { tokens } = tokenizeSql(sql);
  const edits: Token[] = [];
  let inValues = false;
  let depth = 0;
  let valuesDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && t.upper === 'VALUES') {
      inValues = true;
      valuesDepth = depth;
      continue;
    }
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (t.text === ';') inValues = false;
      continue;
    }
    if (t.kind === 'word' && inValues && depth === valuesDepth && t.upper !== 'VALUES') inValues = false;
    if (t.kind !== 'quoted' || t.text[0] !== '"' || t.value !== name) continue;
    const previous = tokens[i - 1];
    const afterEquals = previous?.kind === 'punct' && previous.text === '=' && isInSetClause(tokens, i);
    if ((inValues && depth > valuesDepth) || afterEquals) edits.push(t);
  }
  if (edits.length === 0) return undefined;
  let out = '';
  let at = 0;
  for (const t of edits) {
    out += sql.slice(at, t.start) + `'${t.value.replace(/'/g, "''")}'`;
    at = t.end;
  }
  return out + sql.slice(at);
}

/** Whether the token at `index` is inside an UPDATE … SET clause (before WHERE). */
function isInSetClause(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.text === ';') return false;
    if (t.kind === 'word' && (t.upper === 'WHERE' || t.upper === 'SELECT' || t.upper === 'ON')) return false;
    if (t.kind === 'word' && t.upper === 'SET') return true;
  }
  return false;
}

/**
 * Runs a migration's SQL; when SQLite rejects a double-quoted string literal, rewrites it and runs again (each
 * run is atomic, so a failed one left nothing behind). Returns the names that were rewritten.
 */
export function runWithLegacyStrings(sql: string, run: (sql: string) => void): string[] {
  const rewritten: string[] = [];
  let current = sql;
  for (;;) {
    try {
      run(current);
      return rewritten;
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      const message = cause instanceof Error ? cause.message : e instanceof Error ? e.message : '';
      const name = unresolvedDoubleQuotedName(message);
      const next = name !== undefined && !rewritten.includes(name) ? quoteLegacyStringLiteral(current, name) : undefined;
      if (!next || rewritten.length >= 50) throw e;
      rewritten.push(name!);
      current = next;
    }
  }
}

export function legacyStringWarning(migration: string, names: readonly string[]): Diagnostic {
  return diagnostic('M423', `The migration \`${migration}\` uses ${names.map((n) => `"${n}"`).join(', ')} as a string literal in double quotes; it was run with single quotes instead.`, {
    hint: 'SQLite (as built by better-sqlite3) only accepts single-quoted strings. Prisma\'s older engines accepted both. The file is unchanged.',
  });
}
