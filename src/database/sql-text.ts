/**
 * Quoting for SQL text we generate. better-sqlite3 builds SQLite with DQS=0, so identifiers always take
 * double quotes and strings single quotes; both escape by doubling.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

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

/** The identifiers in a piece of SQL (bare words and quoted names), skipping strings and comments. */
export function identifiersIn(sql: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'") {
      i++;
      while (i < n && !(sql[i] === "'" && sql[i + 1] !== "'")) i += sql[i] === "'" ? 2 : 1;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (sql[j] === close) {
          if (close !== ']' && sql[j + 1] === close) {
            name += close;
            j += 2;
            continue;
          }
          break;
        }
        name += sql[j];
        j++;
      }
      out.push(name);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push(sql.slice(i, j));
      i = j;
    } else i++;
  }
  return out;
}

/** Whether SQL text names an identifier (case-insensitive, quoted or not). */
export function mentionsIdentifier(sql: string, name: string): boolean {
  const lower = name.toLowerCase();
  return identifiersIn(sql).some((id) => id.toLowerCase() === lower);
}
