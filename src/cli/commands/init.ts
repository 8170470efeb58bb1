/** `codegen init`: a schema, a config and a .gitignore entry for the dev database. It never overwrites a file. */
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, type CliIO } from '../io.js';

export const INIT_SCHEMA = `// The data model of this app. Change it, then run \`npx codegen migrate dev\`.

datasource db {
  provider = "sqlite"
  url      = "file:./dev.db"
}

generator client {
  provider = "codegen"
  output   = "../src/generated/db"
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now())
}
`;

export const INIT_CONFIG = `${JSON.stringify({ schema: 'prisma/schema.prisma', migrations: 'prisma/migrations', lint: { L712: 'info' } }, null, 2)}\n`;

const IGNORED = ['prisma/dev.db', 'prisma/dev.db-journal', 'prisma/dev.db-wal', 'prisma/dev.db-shm'];

export function runInit(args: { dir?: string }, io: CliIO): number {
  const root = path.resolve(io.cwd, args.dir ?? '.');
  const said: string[] = [];
  const create = (rel: string, content: string): void => {
    const file = path.join(root, rel);
    if (existsSync(file)) {
      said.push(`kept     ${rel} (it exists; nothing was changed)`);
      return;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content, { flag: 'wx' });
    said.push(`created  ${rel}`);
  };
  const hasSchema = existsSync(path.join(root, 'prisma/schema.prisma')) || existsSync(path.join(root, 'schema.prisma'));
  if (hasSchema && !existsSync(path.join(root, 'prisma/schema.prisma'))) said.push('kept     schema.prisma (a schema exists; no new one was written)');
  else create('prisma/schema.prisma', INIT_SCHEMA);
  if (existsSync(path.join(root, 'package.json')) && (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { codegen?: unknown }).codegen !== undefined) {
    said.push('kept     the "codegen" config in package.json');
  } else if (!['codegen.config.json', 'codegen.config.js', 'codegen.config.mjs', 'codegen.config.ts'].some((f) => existsSync(path.join(root, f)))) {
    create('codegen.config.json', INIT_CONFIG);
  } else said.push('kept     the existing codegen.config file');
  const gitignore = path.join(root, '.gitignore');
  const current = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  const missing = IGNORED.filter((line) => !current.split(/\r?\n/).includes(line));
  if (missing.length) {
    appendFileSync(gitignore, `${current && !current.endsWith('\n') ? '\n' : ''}${current ? '\n' : ''}# codegen: the dev database\n${missing.join('\n')}\n`);
    said.push(`${current ? 'updated ' : 'created '} .gitignore (${missing.length} entr${missing.length === 1 ? 'y' : 'ies'} for the dev database)`);
  }
  io.stdout(said.map((l) => `  ${l}`).join('\n') + '\n\nNext: edit prisma/schema.prisma, then run `npx codegen migrate dev --name init` and `npx codegen generate`.\n');
  return EXIT.ok;
}
