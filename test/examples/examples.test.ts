// Every folder in examples/ runs end to end, as `npm run example -- <name>` runs it: the real CLI, the generated client,
// the example apps as child processes. Each run gets a folder of its own under .tmp/test/examples/, so that the runs
// (started together, since they spend most of their time waiting on children) never clash with each other or with
// a `npm run example` of yours.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli.ts';

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function runExample(name: string): Promise<Run> {
  const workDir = path.join(ROOT, '.tmp/test/examples', name);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/example.mjs'), name, '--work-dir', workDir], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The lines each example must print, beyond a clean exit and the first two steps that all of them run. */
const EXPECTED: Record<string, readonly (string | RegExp)[]> = {
  basic: [
    /created 2 users, 3 posts, 2 tags/,
    'expected error: P2002 on User.email',
    /exit 3: a type change may alter data/,
    'nothing lost',
    'The generated files in generated are up to date',
    'Applied 2 migrations to prisma/fresh.db',
    'The database is up to date.',
    'No difference detected.',
  ],
  library: ['The schema at prisma/schema.prisma is valid: 8 models, 2 enums.', 'Drew 8 models, 8 relations and 2 enums into erd.html.'],
  'node-launch': [
    '(no type errors)',
    /Created library\.db: applied 1 migration in [\d.]+ ms/,
    /library\.db is up to date: 1 migration applied before, checked in [\d.]+ ms/,
    'Reading list (3): Dune, Neuromancer, Piranesi',
    'Bundled 2 migrations into src/migrations.generated.ts.',
    /Applying \d+_shelves…\n {2}Updated library\.db: applied 1 migration in [\d.]+ ms, after a backup to library\.db\.backup-\d+T\d+\.db\n {2}Reading list \(3\): Dune, Neuromancer, Piranesi\n/,
    /\[[AB]\] Updated restored\.db: applied 1 migration in [\d.]+ ms/,
    /\[[AB]\] restored\.db is up to date/,
    /Reading list \(5\): Dune, Neuromancer, Piranesi, Book from [AB], Book from [AB]/,
    /both succeeded; _prisma_migrations in data\/restored\.db: \d+_init ×1, \d+_shelves ×1/,
  ],
};

const names = readdirSync(path.join(ROOT, 'examples')).filter((n) => existsSync(path.join(ROOT, 'examples', n, 'prisma')));
const runs = new Map(names.map((n) => [n, runExample(n)]));

test('every example has expectations here', () => {
  assert.equal(names.filter((n) => !EXPECTED[n]), [], 'add the new example to EXPECTED');
});

for (const name of names) {
  test(`npm run example -- ${name}`, async () => {
    const { code, output } = await runs.get(name)!;
    assert.is(code, 0, output);
    for (const line of ['1 file already formatted.', /Created migration prisma\/migrations\/\d+_init\/migration\.sql/, `Done. The example ran in .tmp/test/examples/${name}/`, ...(EXPECTED[name] ?? [])]) {
      if (typeof line === 'string') assert.ok(output.includes(line), `${name}: expected "${line}" in:\n${output}`);
      else assert.match(output, line, `${name}: expected ${line} in:\n${output}`);
    }
  });
}

test.run();
