/** How the reports describe the generated client: one phrase per generator, and a diff cut to a readable length. */
import type { ClientStatus } from '../../api/check.js';

/** Diff lines shown per stale client: enough to see what changed, short enough for a CI log or a PR comment. */
export const CLIENT_DIFF_LINES = 40;

/** `generated (up to date)`, `generated (stale: generated/index.ts)`, …; `code` marks up paths (markdown). */
export function describeClient(c: ClientStatus, code: (path: string) => string = (p) => p): string {
  switch (c.status) {
    case 'up-to-date':
      return `${code(c.output)} (up to date)`;
    case 'stale':
      return `${code(c.output)} (stale: ${c.staleFiles.map(code).join(', ')})`;
    case 'not-generated':
      return `${code(c.output)} (not in this checkout: not checked)`;
    case 'failed':
      return `${code(c.output)} (errors: see the findings)`;
  }
}

/** The first `max` lines of a diff, and how many were left out. */
export function clippedDiff(diff: string, max = CLIENT_DIFF_LINES): string {
  const lines = diff.replace(/\n$/, '').split('\n');
  if (lines.length <= max) return lines.join('\n');
  return [...lines.slice(0, max), `… ${lines.length - max} more lines (run \`codegen generate --check\` for the whole diff)`].join('\n');
}
