/**
 * Line edits on a schema file: remove or replace whole lines, insert lines after a line. A re-pull edits the
 * user's text this way, so that every line it does not touch stays exactly as written; the formatter aligns the
 * result afterwards. Pure.
 */
export type LineEdit =
  | { readonly kind: 'Remove'; readonly from: number; readonly to: number }
  | { readonly kind: 'Replace'; readonly from: number; readonly to: number; readonly lines: readonly string[] }
  | { readonly kind: 'InsertAfter'; readonly line: number; readonly lines: readonly string[] };

/** Lines are numbered from 1; `InsertAfter` line 0 inserts at the top. Remove and Replace ranges must not overlap. */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  const dropped = new Map<number, readonly string[] | null>();
  const inserts = new Map<number, string[]>();
  for (const e of edits) {
    if (e.kind === 'InsertAfter') {
      inserts.set(e.line, [...(inserts.get(e.line) ?? []), ...e.lines]);
      continue;
    }
    for (let l = e.from; l <= e.to; l++) {
      if (dropped.has(l)) {
        // Removing a line twice is harmless; replacing one that is already edited is a bug in the caller.
        if (e.kind === 'Remove' && dropped.get(l) === null) continue;
        throw new Error(`pull: overlapping edits at line ${l}`);
      }
      dropped.set(l, l === e.from && e.kind === 'Replace' ? e.lines : null);
    }
  }
  const out: string[] = [...(inserts.get(0) ?? [])];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!dropped.has(n)) out.push(line);
    else out.push(...(dropped.get(n) ?? []));
    out.push(...(inserts.get(n) ?? []));
  });
  return out.join('\n');
}
