import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defined } from '../src/defined.ts';

test('defined leaves undefined-valued properties out and keeps the order of the others', () => {
  const column = defined({ name: 'a', default: undefined as string | undefined, notNull: false, collation: 'NOCASE', sort: undefined });
  assert.equal(Object.keys(column), ['name', 'notNull', 'collation']);
  assert.not.ok('default' in column);
  // Falsy values that are not undefined stay: false, null, 0 and '' are values.
  assert.equal(defined({ a: false, b: null, c: 0, d: '' }), { a: false, b: null, c: 0, d: '' });
  // The same value as a JSON round trip gives (JSON drops undefined too).
  const value = { x: 1, y: undefined, z: [1] };
  assert.equal(defined(value), JSON.parse(JSON.stringify(value)));
});

test.run();
