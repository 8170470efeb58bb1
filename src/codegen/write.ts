/** Writes generated files, or (`--check`) compares them with what is on disk and prints a unified diff. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedFile } from './templates.js';

export interface FileOutcome {
  readonly path: string;
  readonly status: 'written' | 'unchanged' | 'stale' | 'missing';
}

export interface WriteResult {
  readonly files: FileOutcome[];
  /** Unified diff of every stale or missing file (check mode). */
  readonly diff: string;
}

export function writeFiles(outDir: string, files: readonly RenderedFile[], check: boolean): WriteResult {
  const outcomes: FileOutcome[] = [];
  let diff = '';
  for (const f of files) {
    const full = path.join(outDir, f.path);
    const before = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (before === f.content) {
      outcomes.push({ path: f.path, status: 'unchanged' });
      continue;
    }
    if (check) {
      outcomes.push({ path: f.path, status: before === undefined ? 'missing' : 'stale' });
      diff += unifiedDiff(before ?? '', f.content, before === undefined ? '/dev/null' : `a/${f.path}`, `b/${f.path}`);
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, f.content);
    outcomes.push({ path: f.path, status: 'written' });
  }
  return { files: outcomes, diff };
}

const CONTEXT = 3;

/**
 * A unified diff of two texts. Common leading and trailing lines are trimmed; the changed middle is diffed
 * with an LCS when small and shown as one replacement when large.
 */
export function unifiedDiff(a: string, b: string, nameA: string, nameB: string): string {
  if (a === b) return '';
  const x = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const y = b === '' ? [] : b.replace(/\n$/, '').split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const ops: [' ' | '-' | '+', string][] = [];
  const midX = x.slice(start, endX);
  const midY = y.slice(start, endY);
  if (midX.length * midY.length <= 4_000_000) ops.push(...lcsOps(midX, midY));
  else ops.push(...midX.map((l) => ['-', l] as ['-', string]), ...midY.map((l) => ['+', l] as ['+', string]));
  const from = Math.max(0, start - CONTEXT);
  const before = x.slice(from, start).map((l) => [' ', l] as [' ', string]);
  const after = x.slice(endX, Math.min(x.length, endX + CONTEXT)).map((l) => [' ', l] as [' ', string]);
  const all = [...before, ...ops, ...after];
  const lenA = all.filter(([k]) => k !== '+').length;
  const lenB = all.filter(([k]) => k !== '-').length;
  const header = `--- ${nameA}\n+++ ${nameB}\n@@ -${lenA ? from + 1 : from},${lenA} +${lenB ? from + 1 : from},${lenB} @@\n`;
  return header + all.map(([k, l]) => `${k}${l}\n`).join('');
}

function lcsOps(x: readonly string[], y: readonly string[]): [' ' | '-' | '+', string][] {
  const n = x.length;
  const m = y.length;
  const t = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const out: [' ' | '-' | '+', string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push([' ', x[i]!]);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) out.push(['-', x[i++]!]);
    else out.push(['+', y[j++]!]);
  }
  while (i < n) out.push(['-', x[i++]!]);
  while (j < m) out.push(['+', y[j++]!]);
  return out;
}
