import { tokenizeSql } from '../sqlite/ddl-tokens.js';

/** Whether SQL text names an identifier (quoted or not, without case), read with the one SQL tokenizer. */
export function mentionsIdentifier(sql: string, name: string): boolean {
  const lower = name.toLowerCase();
  return tokenizeSql(sql).tokens.some((t) => (t.kind === 'word' || t.kind === 'quoted') && t.value.toLowerCase() === lower);
}
