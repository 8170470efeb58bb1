import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as assert from 'uvu/assert';

/**
 * Compares text with a committed golden file. `UPDATE_GOLDEN=1 npm test` rewrites the file instead; goldens are
 * reviewed like code. A missing golden fails (it is never created silently).
 */
export function assertGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) assert.unreachable(`missing golden file ${file}: run UPDATE_GOLDEN=1 npm test and review it`);
  assert.fixture(actual, readFileSync(file, 'utf8'));
}
