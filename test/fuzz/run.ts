/**
 * `npm run fuzz [-- --count N --seed S]`: seeded mutations of the corpus schemas (plus the seed schemas and generated
 * ones) through parse + lower + validate. Fails on any uncaught exception and on any diagnostic without a real
 * location. Mutations: delete, duplicate or swap tokens and lines, insert garbage (also as raw bytes), truncate,
 * random Unicode, and the semantic edits of the differential run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutateRepeatedly, type MutationLevel } from '../../conformance/gen/mutate.ts';
import { Random } from '../../conformance/gen/random.ts';
import { generateSchemaText } from '../../conformance/gen/schema-generator.ts';
import { decodeSchemaBytes } from '../../src/schema/load.ts';
import { fuzzOne } from './check.ts';
import { SEED_SCHEMAS } from './seeds.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const count = Number(valueOf('--count') ?? 10_000);
const firstSeed = Number(valueOf('--seed') ?? 1);
const LEVELS: MutationLevel[][] = [['token', 'line'], ['garbage'], ['token', 'line', 'garbage', 'semantic']];

const bases = loadBases();
console.log(`fuzz: ${count} inputs from ${bases.length} base schemas, seeds ${firstSeed}..${firstSeed + count - 1}`);
const started = performance.now();
let failures = 0;
let refusedBytes = 0;
const seen = new Set<string>();
for (let seed = firstSeed; seed < firstSeed + count; seed++) {
  const rng = new Random(seed);
  const base = bases[seed % bases.length]!;
  const mutation = mutateRepeatedly(base.text, seed, rng.int(1, 3), rng.pick(LEVELS));
  let text = mutation.text;
  if (rng.chance(0.05)) {
    // Garbage bytes: corrupt the UTF-8 encoding itself, then read it as the loader does.
    const bytes = Buffer.from(text, 'utf8');
    const at = rng.int(0, bytes.length);
    const junk = Buffer.from(Array.from({ length: rng.int(1, 6) }, () => rng.int(1, 255)));
    const decoded = decodeSchemaBytes(Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), 'fuzz.prisma');
    if (!('text' in decoded)) {
      refusedBytes++;
      continue;
    }
    text = decoded.text;
  }
  for (const f of fuzzOne([{ path: 'schema.prisma', text }])) {
    failures++;
    const key = f.detail.split('\n').slice(0, 2).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    console.log(`FAIL seed ${seed} (${base.name}: ${mutation.description})\n  ${f.kind}: ${f.detail.split('\n').slice(0, 6).join('\n  ')}`);
  }
  if ((seed - firstSeed + 1) % 2000 === 0) console.log(`  ${seed - firstSeed + 1} inputs, ${failures} failures, ${seconds()} s`);
}
console.log(`fuzz: ${count} inputs (${refusedBytes} refused as invalid UTF-8, as they should be), ${failures} failures, ${seconds()} s`);
process.exit(failures ? 1 : 0);

function seconds(): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
}

function loadBases(): { name: string; text: string }[] {
  const corpus = process.env.CODEGEN_CORPUS ?? [path.join(root, '../shared/corpus'), path.join(root, '../../shared/corpus')].find(existsSync);
  const out: { name: string; text: string }[] = [];
  if (corpus) {
    for (const file of findSchemas(corpus)) out.push({ name: path.relative(corpus, file), text: readFileSync(file, 'utf8') });
  } else console.log('fuzz: no corpus found; using the seed schemas and generated ones only');
  for (const [name, text] of Object.entries(SEED_SCHEMAS)) out.push({ name: `seed:${name}`, text });
  for (let i = 1; i <= 40; i++) out.push({ name: `generated-${i}`, text: generateSchemaText(i, { models: 1 + (i % 10) }) });
  return out;
}

function findSchemas(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findSchemas(full));
    else if (e.name.endsWith('.prisma')) out.push(full);
  }
  return out.sort();
}
