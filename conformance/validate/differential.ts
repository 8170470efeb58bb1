/**
 * Differential validation against Prisma 7 (the in-process oracle): same input, compare valid/invalid. Every
 * disagreement is either explained by a documented difference (differences.ts) or listed, and written to
 * .tmp/conformance-validate/ for a closer look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Oracle } from '../oracle.ts';
import { explainLaxer, explainStricter } from './differences.ts';
import { describeErrors, ourVerdict, prismaErrors } from './verdict.ts';

export interface Case {
  readonly id: string;
  readonly files: readonly (readonly [string, string])[];
  /** How the input was made (the mutation), for the report. */
  readonly description?: string;
}

export interface Disagreement {
  readonly id: string;
  readonly description?: string;
  readonly prismaValid: boolean;
  readonly ours: string;
  readonly prisma: string;
}

export interface Tally {
  readonly total: number;
  readonly agree: number;
  /** Disagreements explained by a documented difference, by reason. */
  readonly explained: ReadonlyMap<string, number>;
  readonly disagreements: readonly Disagreement[];
  /** Cases Prisma rejects (useful to see that mutations are not all no-ops). */
  readonly prismaInvalid: number;
}

export function compareWithOracle(oracle: Oracle, cases: Iterable<Case>, outDir?: string): Tally {
  let total = 0;
  let agree = 0;
  let prismaInvalid = 0;
  const explained = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  for (const c of cases) {
    total++;
    const prisma = oracle.validateFiles(c.files);
    if (!prisma.valid) prismaInvalid++;
    const ours = ourVerdict(c.files);
    if (prisma.valid === ours.valid) {
      agree++;
      continue;
    }
    const reason = prisma.valid ? explainStricter(ours.errors, c.files) : explainLaxer(prisma.message);
    if (reason) {
      explained.set(reason, (explained.get(reason) ?? 0) + 1);
      continue;
    }
    const d: Disagreement = {
      id: c.id,
      ...(c.description ? { description: c.description } : {}),
      prismaValid: prisma.valid,
      ours: ours.valid ? 'valid' : describeErrors(ours.errors),
      prisma: prisma.valid ? 'valid' : prismaErrors(prisma.message),
    };
    disagreements.push(d);
    if (outDir) saveCase(outDir, c, d);
  }
  return { total, agree, explained, disagreements, prismaInvalid };
}

function saveCase(outDir: string, c: Case, d: Disagreement): void {
  mkdirSync(outDir, { recursive: true });
  const header = [`// ${d.id}${d.description ? `: ${d.description}` : ''}`, `// prisma: ${d.prisma}`, `// ours:   ${d.ours}`].join('\n');
  const name = d.id.replace(/[^\w.-]+/g, '_');
  writeFileSync(path.join(outDir, `${name}.prisma`), `${header}\n${c.files.map(([, t]) => t).join('\n')}`);
}

export function printTally(title: string, t: Tally, maxListed = 40): void {
  const explainedCount = [...t.explained.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  ${title}: ${t.agree}/${t.total} agree (${((100 * t.agree) / Math.max(1, t.total)).toFixed(1)}%), ` +
      `${explainedCount} differ as documented, ${t.disagreements.length} unexplained; Prisma rejects ${t.prismaInvalid}`,
  );
  for (const [reason, n] of t.explained) console.log(`      documented (${n}): ${reason}`);
  for (const d of t.disagreements.slice(0, maxListed)) {
    console.log(`    DISAGREE ${d.id}${d.description ? ` [${d.description}]` : ''}`);
    console.log(`        prisma: ${d.prisma}`);
    console.log(`        ours:   ${d.ours}`);
  }
  if (t.disagreements.length > maxListed) console.log(`    … ${t.disagreements.length - maxListed} more in .tmp/conformance-validate/`);
}
