// End-to-end: the generated client over a real SQLite database created by the diff engine.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, setupClient } from '../helpers/client.ts';

const { client: c, db } = await setupClient('client-e2e', fixture('client/schema.prisma'));

function seed() {
  db.exec('DELETE FROM "_Follows"; DELETE FROM "_PostToTag"; DELETE FROM "Post"; DELETE FROM "Profile"; DELETE FROM "Tag"; DELETE FROM "User";');
  const ann = c.user.create({
    data: {
      email: 'ann@x.io',
      name: 'Ann',
      role: 'admin',
      profile: { create: { bio: 'Writes a lot' } },
      posts: {
        create: [
          { title: 'Hello', published: true, views: 10, tags: { create: [{ label: 'intro' }, { label: 'news' }] } },
          { title: 'Draft', views: 1 },
        ],
      },
    },
  });
  const bob = c.user.create({ data: { email: 'bob@x.io', name: 'Bob', manager: { connect: { id: ann.id } }, posts: { create: { title: 'Bob post', published: true, views: 5, rating: 4.5, tags: { connect: { label: 'news' } } } } } });
  const cid = c.user.create({ data: { email: 'cid@x.io', managerId: ann.id, following: { connect: [{ id: ann.id }, { id: bob.id }] } } });
  return { ann, bob, cid };
}

test('create returns the record with defaults applied by the client', () => {
  const { ann } = seed();
  assert.is(ann.email, 'ann@x.io');
  assert.is(ann.role, 'admin'); // the enum's stored value (@map)
  assert.ok(ann.createdAt instanceof Date);
  assert.ok(ann.updatedAt instanceof Date);
  assert.is(typeof ann.id, 'number');
});

test('findUnique / findUniqueOrThrow / findFirst / findFirstOrThrow', () => {
  const { ann, bob } = seed();
  assert.is(c.user.findUnique({ where: { id: ann.id } })!.email, 'ann@x.io');
  assert.is(c.user.findUnique({ where: { email: 'bob@x.io' } })!.id, bob.id);
  assert.is(c.user.findUnique({ where: { id: 999_999 } }), null);
  assert.is(c.post.findUnique({ where: { authorId_title: { authorId: ann.id, title: 'Draft' } } })!.views, 1);
  assert.is(c.user.findFirst({ where: { name: { startsWith: 'B' } } })!.id, bob.id);
  assert.is(c.user.findFirst({ where: { name: 'Nobody' } }), null);
  try {
    c.user.findUniqueOrThrow({ where: { id: 999_999 } });
    assert.unreachable();
  } catch (e: any) {
    assert.is(e.code, 'P2025');
    assert.is(e.model, 'User');
    assert.is(e.name, 'CodegenClientError');
  }
  assert.throws(() => c.user.findFirstOrThrow({ where: { email: 'none' } }), (e: any) => e.code === 'P2025');
});

test('findMany: where, orderBy over several fields, take, skip, negative take, distinct, cursor', () => {
  seed();
  const titles = (xs: { title: string }[]) => xs.map((x) => x.title);
  assert.equal(titles(c.post.findMany({ orderBy: [{ published: 'desc' }, { views: 'asc' }] })), ['Bob post', 'Hello', 'Draft']);
  assert.equal(titles(c.post.findMany({ orderBy: { views: 'desc' }, take: 2 })), ['Hello', 'Bob post']);
  assert.equal(titles(c.post.findMany({ orderBy: { views: 'desc' }, skip: 1, take: 1 })), ['Bob post']);
  assert.equal(titles(c.post.findMany({ orderBy: { views: 'desc' }, take: -1 })), ['Draft']);
  assert.equal(c.post.findMany({ distinct: ['published'], orderBy: { id: 'asc' }, select: { published: true } }), [{ published: true }, { published: false }]);
  const all = c.post.findMany({ orderBy: { id: 'asc' } });
  assert.equal(titles(c.post.findMany({ cursor: { id: all[1]!.id }, orderBy: { id: 'asc' } })), titles(all.slice(1)));
  assert.equal(titles(c.post.findMany({ cursor: { id: all[1]!.id }, skip: 1, orderBy: { id: 'asc' } })), titles(all.slice(2)));
  assert.equal(c.post.findMany({ cursor: { id: 999_999 } }), []);
});

test('filters: equals, not, in, notIn, comparisons, string ops with mode, AND/OR/NOT, null checks', () => {
  seed();
  const emails = (w: object) => c.user.findMany({ where: w, orderBy: { email: 'asc' } }).map((u: any) => u.email);
  assert.equal(emails({ name: { equals: 'Ann' } }), ['ann@x.io']);
  assert.equal(emails({ name: { not: 'Ann' } }), ['bob@x.io']); // NULL names do not match `not`
  assert.equal(emails({ name: null }), ['cid@x.io']);
  assert.equal(emails({ name: { not: null } }), ['ann@x.io', 'bob@x.io']);
  assert.equal(emails({ email: { in: ['bob@x.io', 'cid@x.io'] } }), ['bob@x.io', 'cid@x.io']);
  assert.equal(emails({ email: { notIn: ['bob@x.io'] } }), ['ann@x.io', 'cid@x.io']);
  assert.equal(emails({ email: { in: [] } }), []);
  assert.equal(emails({ email: { contains: 'b@' } }), ['bob@x.io']);
  assert.equal(emails({ name: { contains: 'ANN' } }), []);
  assert.equal(emails({ name: { contains: 'ANN', mode: 'insensitive' } }), ['ann@x.io']);
  assert.equal(emails({ name: { equals: 'bob', mode: 'insensitive' } }), ['bob@x.io']);
  assert.equal(emails({ email: { startsWith: 'ci' } }), ['cid@x.io']);
  assert.equal(emails({ email: { endsWith: 'x.io', startsWith: 'a' } }), ['ann@x.io']);
  assert.equal(emails({ name: { contains: '%' } }), []);
  assert.equal(emails({ OR: [{ email: 'ann@x.io' }, { name: 'Bob' }] }), ['ann@x.io', 'bob@x.io']);
  assert.equal(emails({ AND: [{ name: { not: null } }, { NOT: { email: 'ann@x.io' } }] }), ['bob@x.io']);
  assert.equal(emails({ role: 'admin' }), ['ann@x.io']);
  assert.equal(emails({ role: { in: ['READER'] } }), ['bob@x.io', 'cid@x.io']);
  const views = (w: object) => c.post.findMany({ where: w, orderBy: { views: 'asc' } }).map((p: any) => p.views);
  assert.equal(views({ views: { gt: 1, lte: 10 } }), [5, 10]);
  assert.equal(views({ views: { lt: 5 } }), [1]);
  assert.equal(views({ views: { gte: 5, not: { equals: 10 } } }), [5]);
  assert.equal(views({ rating: { gte: 4 } }), [5]);
  assert.equal(views({ published: false }), [1]);
  assert.equal(c.user.count({ where: { createdAt: { lte: new Date(Date.now() + 60_000) } } }), 3);
});

test('relation filters: some/every/none, is/isNot, to-one shorthand and null', () => {
  seed();
  const emails = (w: object) => c.user.findMany({ where: w, orderBy: { email: 'asc' } }).map((u: any) => u.email);
  assert.equal(emails({ posts: { some: { published: true } } }), ['ann@x.io', 'bob@x.io']);
  assert.equal(emails({ posts: { none: {} } }), ['cid@x.io']);
  assert.equal(emails({ posts: { every: { published: true } } }), ['bob@x.io', 'cid@x.io']);
  assert.equal(emails({ profile: { is: { bio: { contains: 'lot' } } } }), ['ann@x.io']);
  assert.equal(emails({ profile: null }), ['bob@x.io', 'cid@x.io']);
  assert.equal(emails({ profile: { isNot: null } }), ['ann@x.io']);
  assert.equal(emails({ manager: { email: 'ann@x.io' } }), ['bob@x.io', 'cid@x.io']);
  assert.equal(emails({ manager: null }), ['ann@x.io']);
  assert.equal(emails({ followers: { some: { email: 'cid@x.io' } } }), ['ann@x.io', 'bob@x.io']);
  assert.equal(emails({ posts: { some: { tags: { some: { label: 'news' } } } } }), ['ann@x.io', 'bob@x.io']);
  const titles = c.post.findMany({ where: { author: { is: { role: 'admin' } }, tags: { none: {} } } }).map((p: any) => p.title);
  assert.equal(titles, ['Draft']);
});

test('include and select, nested to any depth, across 1-1, 1-n, n-1, self and m-n relations', () => {
  const { ann, bob, cid } = seed();
  const u = c.user.findUnique({
    where: { id: ann.id },
    include: {
      profile: true,
      posts: { orderBy: { id: 'asc' }, include: { tags: { orderBy: { label: 'asc' } }, author: { select: { email: true } } } },
      reports: { orderBy: { id: 'asc' }, select: { email: true, manager: { select: { name: true } } } },
      followers: { select: { email: true } },
      _count: true,
    },
  })!;
  assert.is(u.profile!.bio, 'Writes a lot');
  assert.equal(u.posts.map((p: any) => p.title), ['Hello', 'Draft']);
  assert.equal(u.posts[0]!.tags.map((t: any) => t.label), ['intro', 'news']);
  assert.equal(u.posts[0]!.author, { email: 'ann@x.io' });
  assert.equal(u.reports, [
    { email: 'bob@x.io', manager: { name: 'Ann' } },
    { email: 'cid@x.io', manager: { name: 'Ann' } },
  ]);
  assert.equal(u.followers, [{ email: 'cid@x.io' }]);
  assert.equal(u._count, { posts: 2, reports: 2, following: 0, followers: 1 });
  const s = c.user.findMany({ orderBy: { id: 'asc' }, select: { email: true, manager: true, following: { select: { id: true } }, _count: { select: { posts: true } } } });
  assert.equal(s[0], { email: 'ann@x.io', manager: null, following: [], _count: { posts: 2 } });
  assert.equal(s[2]!.following.map((f: any) => f.id).sort(), [ann.id, bob.id].sort());
  assert.is(s[1]!.manager!.id, ann.id);
  // nested take per parent (window function) and where on a to-many include
  const withOne = c.user.findMany({ orderBy: { id: 'asc' }, include: { posts: { take: 1, orderBy: { views: 'desc' } } } });
  assert.equal(withOne.map((x: any) => x.posts.map((p: any) => p.title)), [["Hello"], ["Bob post"], []]);
  const published = c.tag.findUnique({ where: { label: 'news' }, include: { posts: { where: { author: { email: 'bob@x.io' } } } } })!;
  assert.equal(published.posts.map((p: any) => p.title), ['Bob post']);
  assert.is(cid.managerId, ann.id);
});

test('relations load with one query per relation per level (never N+1)', () => {
  seed();
  let statements = 0;
  const original = db.prepare.bind(db);
  const counting = db as unknown as { prepare: typeof db.prepare };
  // Count executions through a wrapper on the statements the engine prepares from now on.
  const seen = new WeakSet<object>();
  counting.prepare = ((sql: string) => {
    const s = original(sql);
    for (const m of ['all', 'get', 'run'] as const) {
      const f = (s as any)[m].bind(s);
      (s as any)[m] = (...a: unknown[]) => (statements++, f(...a));
    }
    seen.add(s);
    return s;
  }) as typeof db.prepare;
  try {
    for (let i = 0; i < 20; i++) c.user.create({ data: { email: `n${i}@x.io`, posts: { create: [{ title: 'a' }, { title: 'b' }] } } });
    // Fresh shapes so that new statements go through the counting wrapper.
    statements = 0;
    const users = c.user.findMany({ where: { email: { startsWith: 'n' } }, include: { posts: { include: { tags: true, author: { select: { id: true } } } }, profile: { select: { bio: true } } } });
    assert.is(users.length, 20);
    assert.ok(statements <= 5, `${statements} statements`);
  } finally {
    counting.prepare = original;
  }
});

test('nested writes: connectOrCreate, connect, disconnect, set (m-n), delete, update, upsert, createMany', () => {
  const { ann, bob } = seed();
  const hello = c.post.findFirst({ where: { title: 'Hello' } })!;
  c.post.update({ where: { id: hello.id }, data: { tags: { connectOrCreate: [{ where: { label: 'news' }, create: { label: 'news' } }, { where: { label: 'fresh' }, create: { label: 'fresh' } }] } } });
  const labels = () => c.post.findUnique({ where: { id: hello.id }, include: { tags: { orderBy: { label: 'asc' } } } })!.tags.map((t: any) => t.label);
  assert.equal(labels(), ['fresh', 'intro', 'news']);
  c.post.update({ where: { id: hello.id }, data: { tags: { disconnect: { label: 'intro' } } } });
  assert.equal(labels(), ['fresh', 'news']);
  c.post.update({ where: { id: hello.id }, data: { tags: { set: [{ label: 'intro' }] } } });
  assert.equal(labels(), ['intro']);
  // 1-1 back side: update, delete, create
  c.user.update({ where: { id: ann.id }, data: { profile: { update: { bio: 'Edited' } } } });
  assert.is(c.profile.findFirst({ where: { userId: ann.id } })!.bio, 'Edited');
  c.user.update({ where: { id: ann.id }, data: { profile: { delete: true } } });
  assert.is(c.profile.count(), 0);
  c.user.update({ where: { id: bob.id }, data: { profile: { create: { bio: 'Bob bio' } } } });
  assert.is(c.user.findUnique({ where: { id: bob.id }, include: { profile: true } })!.profile!.bio, 'Bob bio');
  // to-one held here: disconnect an optional relation, connect again
  c.user.update({ where: { id: bob.id }, data: { manager: { disconnect: true } } });
  assert.is(c.user.findUnique({ where: { id: bob.id } })!.managerId, null);
  c.user.update({ where: { id: bob.id }, data: { manager: { connect: { email: 'ann@x.io' } } } });
  assert.is(c.user.findUnique({ where: { id: bob.id } })!.managerId, ann.id);
  // to-many: createMany, update, updateMany, deleteMany, delete, upsert
  c.user.update({ where: { id: bob.id }, data: { posts: { createMany: { data: [{ title: 'b1' }, { title: 'b2' }] } } } });
  c.user.update({ where: { id: bob.id }, data: { posts: { update: { where: { authorId_title: { authorId: bob.id, title: 'b1' } }, data: { views: { increment: 3 } } }, updateMany: { where: { title: { startsWith: 'b' } }, data: { published: true } } } } });
  assert.equal(c.post.findMany({ where: { authorId: bob.id, title: { startsWith: 'b' } }, orderBy: { title: 'asc' }, select: { title: true, views: true, published: true } }), [
    { title: 'b1', views: 3, published: true },
    { title: 'b2', views: 0, published: true },
  ]);
  c.user.update({ where: { id: bob.id }, data: { posts: { deleteMany: { title: 'b2' }, delete: { authorId_title: { authorId: bob.id, title: 'b1' } } } } });
  assert.is(c.post.count({ where: { authorId: bob.id } }), 1);
  c.user.update({ where: { id: bob.id }, data: { posts: { upsert: { where: { authorId_title: { authorId: bob.id, title: 'up' } }, create: { title: 'up' }, update: { views: 9 } } } } });
  c.user.update({ where: { id: bob.id }, data: { posts: { upsert: { where: { authorId_title: { authorId: bob.id, title: 'up' } }, create: { title: 'up' }, update: { views: 9 } } } } });
  assert.is(c.post.findFirst({ where: { title: 'up' } })!.views, 9);
  // create with connect on the FK side and the nested create of a parent
  const p = c.post.create({ data: { title: 'New', author: { create: { email: 'dan@x.io' } } }, include: { author: true } });
  assert.is(p.author.email, 'dan@x.io');
  // disconnecting a required relation is refused (P2014)
  assert.throws(() => c.user.update({ where: { id: ann.id }, data: { posts: { disconnect: { id: hello.id } } } }), (e: any) => e.code === 'P2014');
  assert.throws(() => c.post.update({ where: { id: hello.id }, data: { tags: { connect: { label: 'missing' } } } }), (e: any) => e.code === 'P2025');
});

test('update operators, updateMany, upsert, delete, deleteMany, @updatedAt', async () => {
  const { ann } = seed();
  const post = c.post.findFirst({ where: { title: 'Hello' } })!;
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { increment: 5 } } }).views, 15);
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { decrement: 3 } } }).views, 12);
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { multiply: 2 } } }).views, 24);
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { divide: 4 } } }).views, 6);
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { set: 1 }, title: 'Hi' } }).title, 'Hi');
  const before = c.user.findUnique({ where: { id: ann.id } })!.updatedAt;
  await new Promise((r) => setTimeout(r, 5));
  const after = c.user.update({ where: { id: ann.id }, data: { name: 'Anne' } }).updatedAt;
  assert.ok(after.getTime() > before.getTime());
  assert.equal(c.post.updateMany({ where: { published: false }, data: { published: true } }), { count: 1 });
  const up1 = c.tag.upsert({ where: { label: 'z' }, create: { label: 'z' }, update: { label: 'zz' } });
  const up2 = c.tag.upsert({ where: { label: 'z' }, create: { label: 'z' }, update: { label: 'zz' } });
  assert.is(up1.label, 'z');
  assert.is(up2.label, 'zz');
  assert.is(c.tag.delete({ where: { label: 'zz' } }).label, 'zz');
  assert.throws(() => c.tag.delete({ where: { label: 'zz' } }), (e: any) => e.code === 'P2025');
  assert.throws(() => c.tag.update({ where: { label: 'zz' }, data: { label: 'q' } }), (e: any) => e.code === 'P2025');
  assert.equal(c.tag.deleteMany({ where: { label: { in: ['intro', 'news'] } } }), { count: 2 });
  // deleting a user cascades to posts and profile
  const deleted = c.user.delete({ where: { id: ann.id }, include: { posts: true } });
  assert.is(deleted.posts.length, 2);
  assert.is(c.post.count({ where: { authorId: ann.id } }), 0);
});

test('update and delete by primary key: shapes alternate, @updatedAt is stamped only when not given, P2025 when missing', () => {
  const { ann } = seed();
  const post = c.post.findFirst({ where: { title: 'Hello' } })!;
  // One prepared statement per data shape (fields, operators and their order); switching shapes keeps values right.
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { increment: 1 } } }).views, 11);
  assert.is(c.post.update({ where: { id: post.id }, data: { title: 'A' } }).title, 'A');
  assert.is(c.post.update({ where: { id: post.id }, data: { views: { increment: 1 } } }).views, 12);
  assert.is(c.post.update({ where: { id: post.id }, data: { views: 3 } }).views, 3);
  const both = c.post.update({ where: { id: post.id }, data: { title: 'B', views: { set: 7 } } });
  const swapped = c.post.update({ where: { id: post.id }, data: { views: { set: 8 }, title: 'C' } });
  assert.equal([both.title, both.views, swapped.title, swapped.views], ['B', 7, 'C', 8]);
  assert.is(c.post.update({ where: { id: post.id }, data: { title: undefined, views: { increment: 2 } } }).views, 10);
  const epoch = c.user.update({ where: { id: ann.id }, data: { updatedAt: new Date(0) } });
  assert.is(epoch.updatedAt.getTime(), 0);
  const stamped = c.user.update({ where: { id: ann.id }, data: { name: 'Anne' } });
  assert.ok(stamped.updatedAt.getTime() > 0);
  assert.throws(() => c.post.update({ where: { id: 987654 }, data: { views: { increment: 1 } } }), (e: any) => e.code === 'P2025' && e.model === 'Post');
  const gone = c.post.delete({ where: { id: post.id } });
  assert.is(gone.title, 'C');
  assert.throws(() => c.post.delete({ where: { id: post.id } }), (e: any) => e.code === 'P2025' && e.model === 'Post');
  assert.throws(() => c.post.update({ where: { id: post.id }, data: { views: { increment: 1 } } }), (e: any) => e.code === 'P2025');
});

test('createMany (batched, skipDuplicates), count, aggregate, groupBy', () => {
  seed();
  assert.equal(c.tag.createMany({ data: [{ label: 'a' }, { label: 'b' }] }), { count: 2 });
  assert.equal(c.tag.createMany({ data: [{ label: 'a' }, { label: 'c' }], skipDuplicates: true }), { count: 1 });
  assert.throws(() => c.tag.createMany({ data: [{ label: 'd' }, { label: 'd' }] }), (e: any) => e.code === 'P2002');
  assert.is(c.tag.count({ where: { label: 'd' } }), 0); // createMany is atomic
  assert.is(c.post.count(), 3);
  assert.equal(c.post.count({ select: { _all: true, rating: true } }), { _all: 3, rating: 1 });
  const agg = c.post.aggregate({ _count: true, _sum: { views: true }, _avg: { views: true }, _min: { title: true }, _max: { views: true }, where: { views: { gt: 0 } } });
  assert.equal(agg, { _count: 3, _sum: { views: 16 }, _avg: { views: 16 / 3 }, _min: { title: 'Bob post' }, _max: { views: 10 } });
  const groups = c.post.groupBy({ by: ['published'], _count: { _all: true }, _sum: { views: true }, orderBy: { published: 'asc' } });
  assert.equal(groups, [
    { published: false, _count: { _all: 1 }, _sum: { views: 1 } },
    { published: true, _count: { _all: 2 }, _sum: { views: 15 } },
  ]);
  const having = c.post.groupBy({ by: ['authorId'], _count: { _all: true }, having: { views: { _sum: { gt: 10 } } } });
  assert.is(having.length, 1);
});

test('errors are typed, coded and name the model and fields: unique, foreign key, validation', () => {
  seed();
  try {
    c.user.create({ data: { email: 'ann@x.io' } });
    assert.unreachable();
  } catch (e: any) {
    assert.is(e.code, 'P2002');
    assert.is(e.model, 'User');
    assert.equal(e.fields, ['email']);
  }
  try {
    c.post.create({ data: { title: 'x', authorId: 424242 } });
    assert.unreachable();
  } catch (e: any) {
    assert.is(e.code, 'P2003');
    assert.is(e.model, 'Post');
    assert.equal(e.fields, ['authorId']);
  }
  assert.throws(() => c.user.create({ data: { email: 'e@x', role: 'OWNER' as never } }), (e: any) => e.code === 'P2007' && /Role|role/.test(e.message));
  assert.throws(() => c.user.findMany({ where: { nope: 1 } as never }), (e: any) => e.code === 'P2009');
  assert.throws(() => c.user.create({ data: { email: 'u@x', nope: 1 } as never }), (e: any) => e.code === 'P2009' && e.fields[0] === 'nope');
  assert.throws(() => c.user.update({ where: { email: 'ann@x.io' }, data: { nope: 1 } as never }), (e: any) => e.code === 'P2009');
  assert.throws(() => c.post.create({ data: { title: 'x', author: { connect: { id: 424242 } } } }), (e: any) => e.code === 'P2025');
});

test('$transaction (nested savepoints roll back), $queryRaw/$executeRaw with parameters', () => {
  const { ann } = seed();
  assert.throws(() =>
    c.$transaction(() => {
      c.tag.create({ data: { label: 'tx1' } });
      c.$transaction(() => c.tag.create({ data: { label: 'tx2' } }));
      throw new Error('boom');
    }),
  );
  assert.is(c.tag.count({ where: { label: { startsWith: 'tx' } } }), 0);
  c.$transaction(() => {
    c.tag.create({ data: { label: 'outer' } });
    try {
      c.$transaction(() => {
        c.tag.create({ data: { label: 'inner' } });
        throw new Error('inner fails');
      });
    } catch {
      // the savepoint rolled back; the outer transaction goes on
    }
  });
  assert.equal(c.tag.findMany({ where: { label: { in: ['outer', 'inner'] } } }).map((t: any) => t.label), ['outer']);
  const evil = "'); DROP TABLE \"User\"; --";
  const rows = c.$queryRaw`SELECT "email" FROM "User" WHERE "id" = ${ann.id} OR "email" = ${evil}`;
  assert.equal(rows, [{ email: 'ann@x.io' }]);
  assert.is(c.$executeRaw`UPDATE "User" SET "name" = ${evil} WHERE "id" = ${ann.id}`, 1);
  assert.is(c.user.findUnique({ where: { id: ann.id } })!.name, evil);
  assert.is(c.$queryRawUnsafe('SELECT COUNT(*) AS n FROM "User" WHERE "name" = ?', evil)[0]!.n, 1);
});

test('hostile strings change nothing: quotes and SQL in values, @map names with quotes', () => {
  seed();
  const evil = ["'); DROP TABLE \"User\"; --", '" OR 1=1 --', "\\'", '%_', '\u0000x', 'a"b\'c'];
  for (const [i, s] of evil.entries()) {
    c.weird.create({ data: { id: i, name: s } });
    assert.is(c.weird.findUnique({ where: { name: s } })!.id, i);
    assert.is(c.weird.count({ where: { name: { contains: s } } }), 1);
    assert.is(c.user.count({ where: { email: s } }), 0);
  }
  assert.is(c.weird.count({ where: { name: { startsWith: '%' } } }), 1);
  assert.is(c.weird.update({ where: { id: 0 }, data: { name: 'plain' } }).name, 'plain');
  assert.ok(c.user.count() >= 3, 'the User table is still there');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  assert.ok(tables.includes('User') && tables.includes(`we"ird 'table`));
});

test('createClient by path never creates a missing database unless asked', async () => {
  const { pathToFileURL } = await import('node:url');
  const path = await import('node:path');
  const { existsSync } = await import('node:fs');
  const { TMP } = await import('../helpers/client.ts');
  const mod = await import(pathToFileURL(path.join(TMP, 'client-e2e/generated/index.ts')).href);
  const missing = path.join(TMP, 'client-e2e/missing.db');
  assert.throws(() => mod.createClient(missing));
  assert.not.ok(existsSync(missing));
  const created = mod.createClient(missing, { create: true });
  assert.ok(existsSync(missing));
  created.$close();
  const opened = mod.createClient(path.join(TMP, 'client-e2e/test.db'));
  assert.ok(opened.user.count() >= 0);
  opened.$close();
});

test('a transaction takes the write lock first: a write from another process cannot slip in between its read and its write', async () => {
  const { default: Database } = await import('better-sqlite3');
  // WAL, as apps run it: there a deferred transaction that read before another connection committed fails its
  // first write at once with SQLITE_BUSY (busy_timeout does not apply), which broke upserts in concurrent launches.
  db.pragma('journal_mode = WAL');
  const other = new Database(db.name, { timeout: 0 });
  try {
    c.$transaction(() => {
      c.tag.findMany();
      assert.throws(() => other.prepare('INSERT INTO "Tag" ("label") VALUES (\'from another process\')').run(), /locked|busy/i);
      c.tag.upsert({ where: { label: 'lock-first' }, create: { label: 'lock-first' }, update: {} });
    });
    assert.is(c.tag.count({ where: { label: 'lock-first' } }), 1);
  } finally {
    other.close();
    db.pragma('journal_mode = DELETE');
  }
});

test.run();
