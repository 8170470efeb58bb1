/**
 * Prisma 7's own CLI, when `npm install --prefix bench` installed it: the command users run, for same-run
 * comparisons (`prisma validate`, `prisma generate`). Offline, it must not look for its schema engine binary
 * (neither command needs it): a stand-in path stops the download attempt.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The CLI's entry script, or undefined when it is not installed. */
export function prismaCli(root: string): string | undefined {
  const cli = path.join(root, 'bench/node_modules/prisma/build/index.js');
  return existsSync(cli) ? cli : undefined;
}

export const PRISMA_CLI_ENV: Readonly<Record<string, string>> = {
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

/** A schema as Prisma 7 takes it: the datasource `url` moved to prisma.config.ts, and our generator as Prisma's. */
export function asPrisma7Schema(text: string): string {
  return text.replace(/^\s*url\s*=.*$/m, '').replace(/provider\s*=\s*"codegen"/, 'provider = "prisma-client"');
}
