import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/codegen.cjs');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Whether the tests run as root, who writes through every permission: `unprivileged` runs then run as nobody. */
export const AS_ROOT = process.getuid?.() === 0;

/**
 * Runs the real CLI (built into dist/) as a child process. `unprivileged`: as nobody when the tests run as root,
 * so that file permissions apply.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string; unprivileged?: boolean } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
    ...(options.unprivileged && AS_ROOT ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory with the given files (paths relative to it). */
export function tempProject(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codegen-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export const SQLITE_DATASOURCE = 'datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n';

/** Runs git in `dir` with a fixed author, returning its output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}
