import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAnnotations } from '../../src/schema/annotations.ts';

test('named and positional arguments are decoded; quotes and brackets hide commas and parentheses', () => {
  const [shared, local, renamed] = parseAnnotations('@shared(id: pub_id, modelId: 12, x: "a,)b", y: [1,(2)], on: true) @local\n@renamed("old_name", -1.5)');
  assert.equal(shared!.name, 'shared');
  assert.equal(shared!.args, { id: 'pub_id', modelId: 12, x: 'a,)b', y: '[1,(2)]', on: true });
  assert.equal(shared!.raw, '@shared(id: pub_id, modelId: 12, x: "a,)b", y: [1,(2)], on: true)');
  assert.equal(local, { name: 'local', args: {}, positional: [], raw: '@local' });
  assert.equal(renamed!.positional, ['old_name', -1.5]);
});

test('escaped quotes, an unclosed parenthesis and an e-mail address', () => {
  assert.equal(parseAnnotations(`@k(v: "say \\"hi\\"")`)[0]!.args, { v: 'say "hi"' });
  assert.equal(parseAnnotations('@broken(a: 1'), []);
  assert.equal(parseAnnotations('mail me at x@example.com'), []);
  assert.equal(parseAnnotations(undefined), []);
});

test.run();
