/** The corpus projects that have a SQLite migrations history, with their schema and folder. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface CorpusProject {
  readonly name: string;
  readonly dir: string;
  readonly schema: string;
  readonly migrations: string;
}

export function corpusProjects(corpus: string): CorpusProject[] {
  const out: CorpusProject[] = [];
  const add = (name: string, dir: string): void => {
    const migrations = path.join(dir, 'migrations');
    const schema = path.join(dir, 'schema.prisma');
    if (existsSync(migrations) && existsSync(schema)) out.push({ name, dir, schema, migrations });
  };
  // Spacedrive first: the flagship SQLite app.
  add('spacedrive', path.join(corpus, 'spacedrive'));
  for (const p of readdirSync(corpus).sort()) if (p !== 'spacedrive') add(p, path.join(corpus, p));
  for (const group of ['blitz/apps', 'prisma-client-extensions', 'keystone/examples']) {
    const base = path.join(corpus, group);
    if (!existsSync(base)) continue;
    for (const p of readdirSync(base).sort()) add(`${group.split('/')[0]}/${p}`, path.join(base, p));
  }
  return out;
}

/**
 * Real drift in the corpus: the schema changed without a migration. Each entry says what the diff shows and why;
 * the conformance run checks that the diff is exactly the explained one.
 */
export const EXPLAINED_DRIFT: Record<string, { readonly changes: readonly string[]; readonly why: string }> = {
  'prisma-client-extensions/model-filters': {
    changes: ['DropForeignKey', 'AddForeignKey', 'DropForeignKey', 'AddForeignKey', 'DropForeignKey', 'AddForeignKey'],
    why: 'the schema added `onDelete: Cascade` to three relations after the only migration was made (the migration still says ON DELETE RESTRICT)',
  },
};
