/**
 * The little `check` needs from git: the repository root, the base commit to compare with, and the migration files
 * as they are at that commit. It runs the `git` command (no library), and reports a missing base ref with what to
 * fetch, since CI checkouts are often shallow.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GitError((err.stderr || err.message).trim());
  }
}

export function gitRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
}

function commitOf(cwd: string, ref: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface BaseRef {
  /** What the user named (or what we chose). */
  readonly ref: string;
  /** The commit compared with: the merge base of `ref` and HEAD. */
  readonly sha: string;
}

export type BaseResult = { readonly base: BaseRef } | { readonly problem: string; readonly fix: string };

/** `--base`, or the merge base with origin/main, then main (then origin/master, master). */
export function resolveBase(cwd: string, explicit?: string): BaseResult {
  const shallow = isShallow(cwd);
  const candidates = explicit !== undefined ? [explicit] : ['origin/main', 'main', 'origin/master', 'master'];
  for (const ref of candidates) {
    if (!commitOf(cwd, ref)) continue;
    try {
      const sha = git(cwd, ['merge-base', ref, 'HEAD']).trim();
      if (sha) return { base: { ref, sha } };
    } catch {
      // no common history (a shallow clone): explained below
    }
    return {
      problem: `No merge base between ${ref} and HEAD${shallow ? ' (this is a shallow clone)' : ''}.`,
      fix: shallow ? `Fetch more history: \`git fetch --unshallow\`, or \`git fetch --depth=200 origin ${ref.replace(/^origin\//, '')}\`; in GitHub Actions use \`actions/checkout\` with \`fetch-depth: 0\`.` : `Check that ${ref} shares history with this branch.`,
    };
  }
  const name = explicit ?? 'origin/main';
  return {
    problem: explicit !== undefined ? `The base ref \`${explicit}\` does not exist here.` : 'Found neither origin/main nor main to compare with.',
    fix: `Fetch it: \`git fetch origin ${name.replace(/^origin\//, '')}\` (in GitHub Actions, \`actions/checkout\` with \`fetch-depth: 0\`), or name the base with \`--base <ref>\`.`,
  };
}

function isShallow(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    return false;
  }
}

/** Files under a folder at a commit: path (relative to the repository root) → content. Two git processes in all. */
export function filesAtCommit(cwd: string, sha: string, folder: string): Map<string, Buffer> {
  const root = gitRoot(cwd)!;
  const rel = path.relative(root, folder).split(path.sep).join('/');
  const out = new Map<string, Buffer>();
  let listing: string;
  try {
    listing = git(root, ['ls-tree', '-r', sha, '--', rel]);
  } catch {
    return out;
  }
  const entries = listing
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, oid] = line.slice(0, tab).split(' ');
      return { type, oid: oid!, file: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob');
  if (entries.length === 0) return out;
  // One `git cat-file --batch` for every blob: "<oid> blob <size>\n<content>\n" each.
  const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: entries.map((e) => e.oid).join('\n') + '\n', maxBuffer: 512 * 1024 * 1024 });
  let at = 0;
  for (const e of entries) {
    const headerEnd = batch.indexOf(10, at);
    const size = Number(batch.subarray(at, headerEnd).toString('utf8').split(' ')[2]);
    out.set(e.file, batch.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return out;
}

/** A path relative to the repository root, with forward slashes (as git prints paths). */
export function repoPath(cwd: string, file: string): string {
  const root = gitRoot(cwd) ?? cwd;
  return path.relative(root, file).split(path.sep).join('/');
}
