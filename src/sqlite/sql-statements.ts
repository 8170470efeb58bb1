/**
 * Splitting SQL text into statements with the one tokenizer, so that a `;` inside a string, a comment or a
 * trigger body never splits a statement. Used to refuse transaction control inside an atomic unit before anything
 * runs.
 */
import { tokenizeSql, type SqlSyntaxError, type Token } from './ddl-tokens.js';

export interface SqlStatement {
  /** The statement's text without the closing `;`, from its first token to its last. */
  readonly text: string;
  readonly tokens: readonly Token[];
}

export interface SplitResult {
  readonly statements: SqlStatement[];
  readonly error?: SqlSyntaxError;
}

export function splitSqlStatements(source: string): SplitResult {
  const { tokens, error } = tokenizeSql(source);
  const statements: SqlStatement[] = [];
  const emit = (from: number, to: number): void => {
    if (to > from) statements.push({ text: source.slice(tokens[from]!.start, tokens[to - 1]!.end), tokens: tokens.slice(from, to) });
  };
  let start = 0;
  let inTriggerBody = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // CREATE TRIGGER … BEGIN stmt; stmt; END: the body's `;` do not end the statement, and the body ends at an
    // END that directly follows a `;` (a CASE … END never does). sqlite3_complete() uses the same rule.
    if (!inTriggerBody && t.upper === 'BEGIN' && isCreateTrigger(tokens, start, i)) inTriggerBody = true;
    if (t.kind !== 'punct' || t.text !== ';') continue;
    if (inTriggerBody) {
      if (tokens[i + 1]?.upper === 'END') {
        inTriggerBody = false;
        i++;
      }
      continue;
    }
    emit(start, i);
    start = i + 1;
  }
  emit(start, tokens.length);
  return { statements, ...(error ? { error } : {}) };
}

function isCreateTrigger(tokens: readonly Token[], start: number, at: number): boolean {
  if (tokens[start]?.upper !== 'CREATE') return false;
  for (let i = start + 1; i < at && i <= start + 3; i++) if (tokens[i]!.upper === 'TRIGGER') return true;
  return false;
}

/** Statements that open, end or replace the transaction an atomic unit runs in. */
const TRANSACTION_CONTROL = new Set(['BEGIN', 'COMMIT', 'END', 'ROLLBACK']);

/**
 * The first statement that would break an atomic unit (`COMMIT`, `BEGIN`, a plain `ROLLBACK`, …), or undefined.
 * `ROLLBACK TO savepoint` is fine inside a transaction.
 */
export function findTransactionControl(statements: readonly SqlStatement[]): SqlStatement | undefined {
  return statements.find((s) => {
    const first = s.tokens[0]?.upper ?? '';
    if (!TRANSACTION_CONTROL.has(first)) return false;
    if (first === 'ROLLBACK') return !s.tokens.some((t) => t.upper === 'TO');
    return true;
  });
}
