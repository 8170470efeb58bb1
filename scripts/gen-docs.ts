// Writes docs/diagnostics.md from the code registry (src/diagnostics/codes.ts). `npm run docs`.
// A test fails when the committed file differs from what this prints.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDiagnosticsDoc } from '../src/diagnostics/doc.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'docs/diagnostics.md'), renderDiagnosticsDoc());
console.log('wrote docs/diagnostics.md');
