/**
 * Runs one contender in its own process: an untimed warm-up run on a scratch database, then the timed run on a
 * fresh one. Prints per-operation CPU seconds and the process's peak RSS as JSON. One process per contender keeps
 * one contender's garbage from being collected on another's time.
 */
import { readFileSync } from 'node:fs';
import { loadContender } from './contenders.ts';
import { createDatabase, FULL, makeInputs, OPERATIONS, PASSES, QUICK } from './workload.ts';

const [name, dbPath, generatedDir, quick, ddlPath] = process.argv.slice(2) as [string, string, string, string, string];
const ddl = readFileSync(ddlPath, 'utf8');
const inputs = makeInputs(quick === '1' ? QUICK : FULL);

// Warm-up, twice over the whole workload: V8 runs new code in its interpreter and optimises it only after tens of
// thousands of calls; an app's long-lived process runs optimised code, so the timed run measures that for everyone.
for (let pass = 0; pass < 2; pass++) {
  const warmPath = `${dbPath}.warmup${pass}`;
  createDatabase(warmPath, ddl);
  const warm = await loadContender(name, warmPath, generatedDir);
  for (const [op] of OPERATIONS) await warm.run[op](inputs);
  await warm.close();
}

createDatabase(dbPath, ddl);
const c = await loadContender(name, dbPath, generatedDir);
const seconds: Record<string, number> = {};
for (const [op] of OPERATIONS) {
  let best = Infinity;
  for (let pass = 0; pass < PASSES[op]; pass++) {
    const t = process.cpuUsage();
    await c.run[op](inputs);
    const u = process.cpuUsage(t);
    best = Math.min(best, (u.user + u.system) / 1e6);
  }
  seconds[op] = best;
}
await c.close();
process.stdout.write(JSON.stringify({ seconds, maxRSS: process.resourceUsage().maxRSS }));
