/** kysely with its SqliteDialect on better-sqlite3 (an async API over a synchronous driver). */
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { openDatabase, type Inputs } from '../client/workload.ts';

interface DB {
  User: { id: Generated<number>; email: string; name: string | null; createdAt: string };
  Post: { id: Generated<number>; title: string; body: string | null; published: Generated<number>; views: Generated<number>; authorId: number };
}

export interface AsyncContender {
  readonly name: string;
  readonly run: Record<string, (inputs: Inputs) => Promise<unknown>>;
  close(): Promise<void>;
}

export function kysely(path: string): AsyncContender {
  const conn = openDatabase(path);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: conn }) });
  return {
    name: 'kysely',
    run: {
      createUsers: (i) => db.transaction().execute(async (tx) => { for (const u of i.users) await tx.insertInto('User').values({ email: u.email, name: u.name, createdAt: new Date().toISOString() }).returningAll().executeTakeFirst(); }),
      createPosts: (i) => db.transaction().execute(async (tx) => { for (let k = 0; k < i.posts.length; k += 500) await tx.insertInto('Post').values(i.posts.slice(k, k + 500).map((p) => ({ ...p, published: p.published ? 1 : 0 }))).execute(); }),
      findUnique: async (i) => { for (const id of i.userIds) await db.selectFrom('User').selectAll().where('id', '=', id).executeTakeFirst(); },
      findMany: async (i) => { for (const id of i.authorIds) await db.selectFrom('Post').selectAll().where('authorId', '=', id).where('published', '=', 1).orderBy('id', 'desc').limit(10).execute(); },
      include: async (i) => {
        for (const id of i.includeIds) {
          await db.selectFrom('User').selectAll('User').select((eb) => [jsonArrayFrom(eb.selectFrom('Post').select(['Post.id', 'Post.title', 'Post.body', 'Post.published', 'Post.views', 'Post.authorId']).whereRef('Post.authorId', '=', 'User.id')).as('posts')]).where('User.id', '=', id).executeTakeFirst();
        }
      },
      update: async (i) => { for (const id of i.postIds) await db.updateTable('Post').set({ views: sql`views + 1` }).where('id', '=', id).returningAll().executeTakeFirst(); },
      count: async (i) => { for (let k = 0; k < i.sizes.counts; k++) await db.selectFrom('Post').select((eb) => eb.fn.countAll().as('n')).where('published', '=', 1).executeTakeFirst(); },
      delete: async (i) => { for (const id of i.deleteIds) await db.deleteFrom('User').where('id', '=', id).returningAll().executeTakeFirst(); },
    },
    close: () => db.destroy(),
  };
}
