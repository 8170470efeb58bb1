/**
 * Comments on their own lines. `//` and `///` lines are printed as written (trailing spaces included). A
 * `/* … *\/` comment is rewritten the way Prisma's formatter does: `/**`, then ` * text` for every non-empty
 * line (leading stars and spaces removed), then ` *\/`, each line indented like the block it is in.
 */
import type { CommentNode } from '../ast.js';

/** The spaces and tabs right before a comment on its line (the input text of the comment's file). */
export function whitespaceBefore(comment: CommentNode, source: string): string {
  let start = comment.span.start.offset;
  while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
  return source.slice(start, comment.span.start.offset);
}

/**
 * The lines a comment prints as, without indentation.
 *
 * `leading` is the white space before the comment when it is not the first of a run of comment lines. Prisma's
 * grammar counts that white space as part of such a comment and then strips two characters (meant for `/*`) from
 * the front, so an indented `/* x *\/` after a `//` line prints as ` * /* x`. We reproduce it for identical output.
 */
export function commentLines(comment: CommentNode, leading = ''): string[] {
  if (!comment.text.startsWith('/*')) return [comment.text];
  const content = leading + comment.text;
  const inner = content.slice(2, content.endsWith('*/') ? -2 : undefined);
  const lines = ['/**'];
  for (const raw of inner.split('\n')) {
    const trimmed = raw.trim();
    const line = trimmed.startsWith('*') ? trimmed.slice(1).trimStart() : trimmed;
    if (line !== '') lines.push(` * ${line}`);
  }
  lines.push(' */');
  return lines;
}
