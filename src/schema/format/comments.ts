/**
 * Comments on their own lines. `//` and `///` lines are printed as written (trailing spaces included). A
 * `/* … *\/` comment is rewritten the way Prisma's formatter does: `/**`, then ` * text` for every non-empty
 * line (leading stars and spaces removed), then ` *\/`, each line indented like the block it is in.
 */
import type { CommentNode } from '../ast.js';

/** The lines a comment prints as, without indentation. */
export function commentLines(comment: CommentNode): string[] {
  if (!comment.text.startsWith('/*')) return [comment.text];
  const inner = comment.text.slice(2, comment.text.endsWith('*/') && comment.text.length >= 4 ? -2 : undefined);
  const lines = ['/**'];
  for (const raw of inner.split('\n')) {
    const trimmed = raw.trim();
    const line = trimmed.startsWith('*') ? trimmed.slice(1).trimStart() : trimmed;
    if (line !== '') lines.push(` * ${line}`);
  }
  lines.push(' */');
  return lines;
}
