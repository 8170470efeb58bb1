// findMany's fast path (plain equalities, one orderBy, literal take/skip, statements prepared per argument shape)
// against the general path, over a real database: seeded random argument shapes, alternating so that both a
// repeated shape (the plan is reused) and a changed one (a new plan) are exercised. `select: null` means the same as
// no select, and sends the call down the general path: the two must always agree, errors included.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, setupClient } from '../helpers/client.ts';

const { client: c } = await setupClient('find-plan', fixture('client/schema.prisma'));

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const DATES = [new Date('2024-01-01T00:00:00.000Z'), new Date('2024-06-01T12:30:00.000Z'), new Date('2025-01-01T00:00:00.000Z')];

const authors = [1, 2, 3].map((i) => c.user.create({ data: { email: `u${i}@x.io`, name: i === 3 ? null : `U${i}` } }));
for (let i = 0; i < 60; i++) {
  c.post.create({ data: { title: `t${i % 7}-${i}`, published: i % 3 === 0, views: i % 5, rating: i % 4 === 0 ? null : (i % 4) / 2, authorId: authors[i % 3]!.id } });
  c.value.create({ data: { id: `v${i}`, big: BigInt(i % 4) * 10_000_000_000n, flag: i % 3 === 0 ? null : i % 2 === 0, when: DATES[i % 3]!, count: i % 6 } });
}

/** What a call returns or throws, comparable with assert.equal. */
function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (e: any) {
    return { error: e.code, message: e.message };
  }
}

const POST_WHERE: Record<string, () => unknown> = {
  authorId: () => pick(authors).id,
  published: () => pick([true, false]),
  views: () => pick([0, 1, 2, 3, 4]),
  title: () => pick(['t0-0', 't3-10', 'none']),
  rating: () => pick([0.5, 1, 1.5]),
};
const VALUE_WHERE: Record<string, () => unknown> = {
  big: () => pick([0n, 10_000_000_000n, 30_000_000_000n]),
  flag: () => pick([true, false]),
  when: () => pick(DATES),
  count: () => pick([0, 1, 5]),
};

function randomArgs(fields: Record<string, () => unknown>, order: readonly string[]): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) if (rnd() < 0.4) where[k] = fields[k]!();
  const args: Record<string, unknown> = {};
  if (rnd() < 0.9) args.where = where;
  if (rnd() < 0.6) args.orderBy = { [pick(order)]: pick(['asc', 'desc']) };
  if (rnd() < 0.5) args.take = pick([0, 1, 3, 10]);
  if (rnd() < 0.3) args.skip = pick([0, 2, 5]);
  return args;
}

test('fast path and general path agree on 600 random argument shapes (Post and Value: Int, Boolean, String, Float, BigInt, DateTime)', () => {
  let nonEmpty = 0;
  for (let i = 0; i < 300; i++) {
    // Each shape twice in a row with fresh values: the second call reuses the plan.
    const post = randomArgs(POST_WHERE, ['id', 'views', 'title', 'rating']);
    for (const args of [post, { ...post, where: { ...(post.where as object), ...(post.where && 'views' in (post.where as object) ? { views: POST_WHERE.views!() } : {}) } }]) {
      const fast = outcome(() => c.post.findMany(args));
      assert.equal(fast, outcome(() => c.post.findMany({ ...args, select: null })), JSON.stringify(args));
      if ((fast as { ok?: unknown[] }).ok?.length) nonEmpty++;
    }
    const value = randomArgs(VALUE_WHERE, ['id', 'count', 'when', 'big']);
    assert.equal(outcome(() => c.value.findMany(value)), outcome(() => c.value.findMany({ ...value, select: null })), String(i));
  }
  assert.ok(nonEmpty > 150, `the random shapes find rows (${nonEmpty} non-empty)`);
});

test('shapes the fast path leaves to the general path still work, and errors are the same', () => {
  const ann = authors[0]!.id;
  const cases: Record<string, unknown>[] = [
    { where: { rating: null } },
    { where: { views: { gt: 2 } }, orderBy: { id: 'asc' } },
    { where: { authorId: ann }, orderBy: [{ views: 'desc' }, { id: 'asc' }] },
    { where: { authorId: ann }, orderBy: { views: 'desc', id: 'asc' } },
    { where: { authorId: ann }, take: -2 },
    { where: { authorId: ann }, take: 2.5 },
    { where: { nope: 1 } },
    { where: { views: 'many' } },
    { orderBy: { author: 'asc' } },
    { where: { author: { name: 'U1' } }, take: 3 },
    { where: { authorId: ann }, cursor: { id: 4 }, take: 2 },
  ];
  for (const args of cases) assert.equal(outcome(() => c.post.findMany(args)), outcome(() => c.post.findMany({ ...args, select: null })), JSON.stringify(args));
  // The same shape again after an error: the plan is intact.
  assert.equal(c.post.findMany({ where: { authorId: ann, published: true }, take: 2 }).length, 2);
  const bad = outcome(() => c.post.findMany({ where: { views: 'many' } })) as { error: string };
  assert.is(bad.error, 'P2007');
});

test.run();
