/** The contenders by name; the peers load from bench/node_modules when installed. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseline } from './baseline.ts';
import { generatedClient } from './generated.ts';
import type { Inputs, OperationName } from './workload.ts';

export interface AnyContender {
  readonly name: string;
  readonly run: Record<OperationName, (inputs: Inputs) => unknown>;
  close(): unknown;
}

export const CONTENDERS = ['baseline', 'generated', 'drizzle', 'drizzle-prepared', 'kysely'] as const;

// Peers are imported through variables so that the main type-check never needs bench/node_modules.
const DRIZZLE = '../peers/drizzle.ts';
const KYSELY = '../peers/kysely.ts';

export async function peersInstalled(): Promise<boolean> {
  try {
    await import(DRIZZLE);
    await import(KYSELY);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return false;
    throw e;
  }
}

export async function loadContender(name: string, dbPath: string, generatedDir: string): Promise<AnyContender> {
  switch (name) {
    case 'baseline':
      return baseline(dbPath);
    case 'generated': {
      // The compiled module (index.mjs, as an app would ship it), written by the suite before it runs.
      const mod = (await import(pathToFileURL(path.join(generatedDir, 'index.mjs')).href)) as { createClient: (db: unknown) => unknown };
      return generatedClient(dbPath, mod.createClient as never);
    }
    case 'drizzle':
      return (await import(DRIZZLE)).drizzleBuilder(dbPath);
    case 'drizzle-prepared':
      return (await import(DRIZZLE)).drizzlePrepared(dbPath);
    case 'kysely':
      return (await import(KYSELY)).kysely(dbPath) as AnyContender;
  }
  throw new Error(`Unknown contender ${name}`);
}
