// Values compatible with what Prisma stored: rows written by raw SQL in each of Prisma's formats read back right.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, setupClient } from '../helpers/client.ts';

const { client: c, db } = await setupClient('client-values', fixture('client/schema.prisma'));
const insert = db.prepare('INSERT INTO "Value" ("id", "big", "dec", "bytes", "json", "when", "flag", "cuid", "cuid2", "nano", "ulid", "uuid7") VALUES (?, ?, ?, ?, ?, ?, ?, \'c\', \'c2\', \'n\', \'u\', \'u7\')');

test('DateTime: integer milliseconds (Rust engine), ISO-8601 (JS adapters), CURRENT_TIMESTAMP text, Prisma default text', () => {
  const ms = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
  insert.run('ms', null, null, null, null, ms, null);
  insert.run('iso', null, null, null, null, '2024-01-02T03:04:05.678Z', null);
  insert.run('iso-offset', null, null, null, null, '2024-01-02T05:04:05.678+02:00', null);
  insert.run('sql', null, null, null, null, '2024-01-02 03:04:05', null);
  insert.run('prisma-default', null, null, null, null, '2024-01-02 03:04:05.678 +00:00', null);
  const read = (id: string) => c.value.findUnique({ where: { id } })!.when!.getTime();
  assert.is(read('ms'), ms);
  assert.is(read('iso'), ms);
  assert.is(read('iso-offset'), ms);
  assert.is(read('sql'), ms - 678);
  assert.is(read('prisma-default'), ms);
  const v = c.value.findUnique({ where: { id: 'sql' }, select: { when: true } })!;
  assert.ok(v.when instanceof Date);
});

test('DateTime: ISO-8601 text decodes to the same instant as the Date parser (years before 100, leap days, before 1970)', () => {
  const texts = ['0001-03-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2000-02-29T12:34:56.789Z', '2100-03-01T00:00:00.001Z', '9999-12-31T23:59:59.999Z'];
  texts.forEach((text, i) => insert.run(`iso-${i}`, null, null, null, null, text, null));
  texts.forEach((text, i) => assert.is(c.value.findUnique({ where: { id: `iso-${i}` } })!.when!.toISOString(), text));
});

test('DateTime writes ISO-8601 by default and integer milliseconds with dateTimeFormat "unixepoch-ms"', async () => {
  const when = new Date(Date.UTC(2030, 5, 6, 7, 8, 9, 10));
  c.value.create({ data: { id: 'w-iso', when } });
  assert.is(db.prepare('SELECT "when" FROM "Value" WHERE id = ?').pluck().get('w-iso'), '2030-06-06T07:08:09.010Z');
  const ms = await setupClient<any>('client-values-ms', fixture('client/schema.prisma'), { dateTimeFormat: 'unixepoch-ms' });
  ms.client.value.create({ data: { id: 'w-ms', when } });
  assert.is(ms.db.prepare('SELECT "when" FROM "Value" WHERE id = ?').pluck().get('w-ms'), when.getTime());
  assert.is(ms.client.value.findUnique({ where: { id: 'w-ms' } }).when.getTime(), when.getTime());
  // a string is accepted and normalised
  c.value.create({ data: { id: 'w-str', when: '2030-06-06T07:08:09.010Z' } });
  assert.is(c.value.findUnique({ where: { id: 'w-str' } })!.when!.getTime(), when.getTime());
  assert.throws(() => c.value.create({ data: { id: 'bad', when: 'not a date' } }), (e: any) => e.code === 'P2007');
});

test('Boolean 0/1, BigInt as bigint (per model, other integers stay numbers), Decimal as text, Bytes, Json', () => {
  insert.run('b1', 9007199254740993n, '12345678901.25', Buffer.from([0, 255, 7]), '{"a":[1,"x",null],"b":true}', null, 1);
  insert.run('b0', -5n, '0.1', null, '"just a string"', null, 0);
  const v = c.value.findUnique({ where: { id: 'b1' } })!;
  assert.is(v.big, 9007199254740993n);
  assert.is(typeof v.count, 'number');
  assert.is(v.dec, '12345678901.25');
  assert.ok(v.bytes instanceof Uint8Array);
  assert.equal([...v.bytes!], [0, 255, 7]);
  assert.equal(v.json, { a: [1, 'x', null], b: true });
  assert.is(v.flag, true);
  const w = c.value.findUnique({ where: { id: 'b0' } })!;
  assert.is(w.flag, false);
  assert.is(w.json, 'just a string');
  assert.is(w.big, -5n);
  // writes
  const created = c.value.create({ data: { big: 2n ** 62n, dec: '3.50', bytes: new Uint8Array([1, 2, 3]), json: [1, { x: 'y' }], flag: true, count: 7 } });
  const raw = db.prepare('SELECT * FROM "Value" WHERE id = ?').safeIntegers(true).get(created.id) as Record<string, unknown>;
  assert.is(raw.big, 2n ** 62n);
  assert.is(raw.flag, 1n);
  assert.is(raw.json, '[1,{"x":"y"}]');
  assert.is(created.count, 7);
  assert.is(typeof created.count, 'number');
  // filters and aggregates with BigInt and Decimal
  assert.is(c.value.count({ where: { big: { gt: 2n ** 52n } } }), 2);
  const agg = c.value.aggregate({ _max: { big: true }, _sum: { count: true } });
  assert.is(agg._max.big, 2n ** 62n);
  assert.is(agg._sum.count, 7);
  assert.is(c.value.findFirst({ where: { json: { equals: [1, { x: 'y' }] } } })!.id, created.id);
});

test('client-side defaults: uuid(), uuid(7), cuid(), cuid(2), nanoid(10), ulid(), now(), @updatedAt', () => {
  const v = c.value.create({ data: {} });
  assert.match(v.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(v.uuid7, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(v.cuid, /^c[0-9a-z]{24}$/);
  assert.match(v.cuid2, /^[a-z][0-9a-z]{23}$/);
  assert.match(v.nano, /^[\w-]{10}$/);
  assert.match(v.ulid, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  const ms = parseInt(v.uuid7.replace(/-/g, '').slice(0, 12), 16);
  assert.ok(Math.abs(ms - Date.now()) < 60_000);
  const u = c.user.create({ data: { email: `d${Date.now()}@x.io` } });
  assert.ok(Math.abs(u.createdAt.getTime() - Date.now()) < 60_000);
  assert.is(u.updatedAt.getTime(), u.createdAt.getTime());
  const other = c.value.create({ data: {} });
  assert.is.not(other.id, v.id);
  assert.is.not(other.cuid2, v.cuid2);
});

test('enums are checked on write and stored as their mapped values', () => {
  const u = c.user.create({ data: { email: `e${Date.now()}@x.io`, role: 'admin' } });
  assert.is(db.prepare('SELECT role FROM "User" WHERE id = ?').pluck().get(u.id), 'admin');
  assert.throws(() => c.user.update({ where: { id: u.id }, data: { role: 'ADMIN' as never } }), (e: any) => e.code === 'P2007' && e.model === 'User' && e.fields[0] === 'role');
  assert.throws(() => c.user.create({ data: { email: 'x', name: 5 as never } }), (e: any) => e.code === 'P2007' && e.fields[0] === 'name');
});

test.run();
