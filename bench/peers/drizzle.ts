/** drizzle-orm on better-sqlite3: the query builder (built per call) and every query prepared once. */
import { and, count, desc, eq, relations, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { openDatabase, type Contender, type Inputs } from '../client/workload.ts';

const users = sqliteTable('User', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  createdAt: text('createdAt').notNull(),
});
const posts = sqliteTable(
  'Post',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    body: text('body'),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    views: integer('views').notNull().default(0),
    authorId: integer('authorId').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('Post_authorId_idx').on(t.authorId)],
);
const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
const postsRelations = relations(posts, ({ one }) => ({ author: one(users, { fields: [posts.authorId], references: [users.id] }) }));
const schema = { users, posts, usersRelations, postsRelations };

export function drizzleBuilder(path: string): Contender {
  const conn = openDatabase(path);
  const db = drizzle({ client: conn, schema });
  return {
    name: 'drizzle (query builder)',
    run: {
      createUsers: (i: Inputs) => db.transaction((tx) => { for (const u of i.users) tx.insert(users).values({ email: u.email, name: u.name, createdAt: new Date().toISOString() }).returning().get(); }),
      createPosts: (i: Inputs) => db.transaction((tx) => { for (let k = 0; k < i.posts.length; k += 500) tx.insert(posts).values(i.posts.slice(k, k + 500)).run(); }),
      findUnique: (i: Inputs) => { for (const id of i.userIds) db.select().from(users).where(eq(users.id, id)).get(); },
      findMany: (i: Inputs) => { for (const id of i.authorIds) db.select().from(posts).where(and(eq(posts.authorId, id), eq(posts.published, true))).orderBy(desc(posts.id)).limit(10).all(); },
      include: (i: Inputs) => { for (const id of i.includeIds) db.query.users.findFirst({ where: eq(users.id, id), with: { posts: true } }).sync(); },
      update: (i: Inputs) => { for (const id of i.postIds) db.update(posts).set({ views: sql`${posts.views} + 1` }).where(eq(posts.id, id)).returning().get(); },
      count: (i: Inputs) => { for (let k = 0; k < i.sizes.counts; k++) db.select({ n: count() }).from(posts).where(eq(posts.published, true)).get(); },
      delete: (i: Inputs) => { for (const id of i.deleteIds) db.delete(users).where(eq(users.id, id)).returning().get(); },
    },
    close: () => conn.close(),
  };
}

export function drizzlePrepared(path: string): Contender {
  const conn = openDatabase(path);
  const db = drizzle({ client: conn, schema });
  const p = sql.placeholder;
  const insertUser = db.insert(users).values({ email: p('email'), name: p('name'), createdAt: p('createdAt') }).returning().prepare();
  const insertPost = db.insert(posts).values({ title: p('title'), body: p('body'), published: p('published'), authorId: p('authorId') }).prepare();
  const byId = db.select().from(users).where(eq(users.id, p('id'))).prepare();
  const recent = db.select().from(posts).where(and(eq(posts.authorId, p('id')), eq(posts.published, true))).orderBy(desc(posts.id)).limit(10).prepare();
  const withPosts = db.query.users.findFirst({ where: eq(users.id, p('id')), with: { posts: true } }).prepare();
  const bump = db.update(posts).set({ views: sql`${posts.views} + 1` }).where(eq(posts.id, p('id'))).returning().prepare();
  const published = db.select({ n: count() }).from(posts).where(eq(posts.published, true)).prepare();
  const del = db.delete(users).where(eq(users.id, p('id'))).returning().prepare();
  return {
    name: 'drizzle (prepared)',
    run: {
      createUsers: (i: Inputs) => db.transaction(() => { for (const u of i.users) insertUser.get({ email: u.email, name: u.name, createdAt: new Date().toISOString() }); }),
      createPosts: (i: Inputs) => db.transaction(() => { for (const x of i.posts) insertPost.run({ ...x, published: x.published ? 1 : 0 }); }),
      findUnique: (i: Inputs) => { for (const id of i.userIds) byId.get({ id }); },
      findMany: (i: Inputs) => { for (const id of i.authorIds) recent.all({ id }); },
      include: (i: Inputs) => { for (const id of i.includeIds) withPosts.get({ id }); },
      update: (i: Inputs) => { for (const id of i.postIds) bump.get({ id }); },
      count: (i: Inputs) => { for (let k = 0; k < i.sizes.counts; k++) published.get(); },
      delete: (i: Inputs) => { for (const id of i.deleteIds) del.get({ id }); },
    },
    close: () => conn.close(),
  };
}
