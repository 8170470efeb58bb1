/**
 * A line diff in unified format (`@@ -a,b +c,d @@`, ` `, `-`, `+` lines), for showing what a check would change.
 * Myers' algorithm on the lines between the common head and tail; beyond MAX_EDITS differences the middle is
 * shown as removed and added whole, which is still correct, only less precise.
 */

type Edit = { readonly op: ' ' | '-' | '+'; readonly line: string };

const MAX_EDITS = 2000;

export interface UnifiedDiffOptions {
  readonly fromLabel: string;
  readonly toLabel: string;
  /** Unchanged lines shown around each change. Default 1. */
  readonly context?: number;
  /** Cut the hunks after this many lines (a note says how many were left out). Default: no limit. */
  readonly maxLines?: number;
}

/** The unified diff of two texts, or '' when they have the same lines. */
export function unifiedDiff(before: string, after: string, options: UnifiedDiffOptions): string {
  const edits = diffLines(splitLines(before), splitLines(after));
  if (edits.every((e) => e.op === ' ')) return '';
  const hunks = toHunks(edits, options.context ?? 1);
  const max = options.maxLines ?? Infinity;
  const body = hunks.flat();
  const shown = body.slice(0, max);
  const more = body.length - shown.length;
  return [`--- ${options.fromLabel}`, `+++ ${options.toLabel}`, ...shown, ...(more > 0 ? [`… ${more} more diff lines`] : [])].join('\n') + '\n';
}

function splitLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [
    ...a.slice(0, head).map((line): Edit => ({ op: ' ', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Edit => ({ op: ' ', line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
    trace.push(v.slice(offset - d, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return [...a.map((line): Edit => ({ op: '-', line })), ...b.map((line): Edit => ({ op: '+', line }))];
}

/** Walks the saved frontiers back from the end to recover the edit script. */
function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], last: number): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d--) {
    const frontier = trace[d]!; // v[k] for k in [-d-1, d], stored at k + d
    const at = (k: number): number => frontier[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      edits.push({ op: ' ', line: a[--x]! });
    }
    if (d === 0) break;
    if (x === prevX) edits.push({ op: '+', line: b[--y]! });
    else edits.push({ op: '-', line: a[--x]! });
  }
  return edits.reverse();
}

/** Groups edits into hunks with `context` unchanged lines around each change. */
function toHunks(edits: readonly Edit[], context: number): string[][] {
  const hunks: string[][] = [];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  const positions = edits.map((e) => {
    const at = { old: oldLine, new: newLine };
    if (e.op !== '+') oldLine++;
    if (e.op !== '-') newLine++;
    return at;
  });
  while (i < edits.length) {
    if (edits[i]!.op === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while the next change is within 2 × context unchanged lines.
    for (let j = i; j < edits.length; j++) {
      if (edits[j]!.op !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(edits.length, end + context + 1);
    const slice = edits.slice(start, stop);
    const oldCount = slice.filter((e) => e.op !== '+').length;
    const newCount = slice.filter((e) => e.op !== '-').length;
    const from = positions[start]!;
    hunks.push([`@@ -${from.old},${oldCount} +${from.new},${newCount} @@`, ...slice.map((e) => `${e.op}${e.line}`)]);
    i = stop;
  }
  return hunks;
}
