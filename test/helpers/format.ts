import * as assert from 'uvu/assert';
import { formatSchemaText } from '../../src/schema/format.ts';

/** Schema text from lines, with a final line break. */
export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** Formats and checks the output, then checks that formatting the output again changes nothing. */
export function expectFormat(input: string, expected: string): void {
  const result = formatSchemaText(input);
  assert.equal(result.diagnostics, []);
  assert.fixture(result.text!, expected);
  assert.fixture(formatSchemaText(result.text!).text!, expected, 'not idempotent');
}
