/**
 * What lint rules read about one migration: its statements with their lines, the changes between the database
 * before and after it, and which tables it rebuilds and what the rebuild copies.
 */
import { LineIndex, type Span } from '../diagnostics/span.js';
import type { DatabaseModel, Table } from '../database/model.js';
import { findTable } from '../database/model.js';
import { sameName } from '../database/normalize.js';
import type { Change } from '../diff/changes.js';
import { diffDatabases } from '../diff/diff.js';
import type { Token } from '../sqlite/ddl-tokens.js';
import { splitSqlStatements } from '../sqlite/sql-statements.js';

export interface Statement {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Upper-cased words and identifier values, for matching (`DROP`, `TABLE`, `User`). */
  readonly words: readonly string[];
  readonly span: Span;
}

export interface RebuiltTable {
  readonly table: string;
  readonly before: Table;
  readonly after: Table;
  /** The columns the rebuild's INSERT … SELECT fills, or undefined when it has none. */
  readonly copied?: readonly string[];
  readonly statement: Statement;
}

export interface LintContext {
  readonly name: string;
  /** The file as shown in findings. */
  readonly file: string;
  readonly sql: string;
  readonly before: DatabaseModel;
  readonly after: DatabaseModel;
  readonly changes: readonly Change[];
  readonly statements: readonly Statement[];
  readonly rebuilt: readonly RebuiltTable[];
}

function wordOf(t: Token): string {
  return t.kind === 'word' ? t.upper : t.kind === 'quoted' ? t.value : t.text;
}

export function buildLintContext(input: { name: string; file: string; sql: string; before: DatabaseModel; after: DatabaseModel }): LintContext {
  const lines = new LineIndex(input.sql);
  const statements: Statement[] = splitSqlStatements(input.sql).statements.map((s) => {
    const start = s.tokens[0]!.start;
    const end = s.tokens[s.tokens.length - 1]!.end;
    return { text: s.text, tokens: s.tokens, words: s.tokens.map(wordOf), span: lines.span(input.file, start, end) };
  });
  const changes = diffDatabases(input.before, input.after);
  const rebuilt: RebuiltTable[] = [];
  for (const st of statements) {
    const w = st.words;
    if (w[0] !== 'DROP' || w[1] !== 'TABLE') continue;
    const name = w[2] === 'IF' ? w[4] : w[2];
    if (!name || /^(temp|main)$/i.test(name)) continue;
    const before = findTable(input.before, name);
    const after = findTable(input.after, name);
    if (!before || !after) continue;
    rebuilt.push({ table: after.name, before, after, ...copiedColumns(statements, after.name), statement: st });
  }
  return { ...input, changes, statements, rebuilt };
}

/** The column list of the INSERT … SELECT that fills a rebuilt table (Prisma's `new_T`, or `T` itself). */
function copiedColumns(statements: readonly Statement[], table: string): { copied?: string[] } {
  for (const st of statements) {
    const w = st.words;
    if (w[0] !== 'INSERT' || w[1] !== 'INTO') continue;
    const target = w[2] ?? '';
    if (!sameName(target, table) && !sameName(target, `new_${table}`)) continue;
    if (w[3] !== '(') continue;
    const cols: string[] = [];
    for (let i = 4; i < w.length && w[i] !== ')'; i++) if (w[i] !== ',') cols.push(w[i]!);
    if (!w.includes('SELECT')) continue;
    return { copied: cols };
  }
  return {};
}

/** The first statement matching a predicate over its words, for placing a finding on the right line. */
export function findStatement(ctx: LintContext, predicate: (words: readonly string[]) => boolean): Statement | undefined {
  return ctx.statements.find((s) => predicate(s.words));
}

/** Whether words contain a sequence (identifiers compared without case). */
export function hasSequence(words: readonly string[], ...sequence: string[]): boolean {
  outer: for (let i = 0; i + sequence.length <= words.length; i++) {
    for (let k = 0; k < sequence.length; k++) if (words[i + k]!.toLowerCase() !== sequence[k]!.toLowerCase()) continue outer;
    return true;
  }
  return false;
}
