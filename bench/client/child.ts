/** Runs one contender's whole workload in its own process and prints its peak RSS (for the memory column). */
import { loadContender } from './contenders.ts';
import { FULL, makeInputs, OPERATIONS, QUICK } from './workload.ts';

const [name, dbPath, generatedDir, quick] = process.argv.slice(2) as [string, string, string, string];
const c = await loadContender(name, dbPath, generatedDir);
const inputs = makeInputs(quick === '1' ? QUICK : FULL);
for (const [op] of OPERATIONS) await c.run[op](inputs);
await c.close();
process.stdout.write(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
