import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderDiagnosticsDoc } from '../src/diagnostics/doc.ts';
import { CODES } from '../src/diagnostics/codes.ts';
import { ROOT } from './helpers/cli.ts';

test('docs/diagnostics.md is generated from the code registry (run `npm run docs`)', () => {
  assert.fixture(readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8'), renderDiagnosticsDoc());
});

test('codes follow the family pattern', () => {
  for (const code of Object.keys(CODES)) assert.match(code, /^[PVDMGIL]\d{3}$/);
});

test.run();
