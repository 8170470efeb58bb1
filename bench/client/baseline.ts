/** The baseline: hand-written prepared statements on better-sqlite3, returning rows as Prisma's API does. */
import { openDatabase, type Contender, type Inputs } from './workload.ts';

export function baseline(path: string): Contender {
  const db = openDatabase(path);
  const insertUser = db.prepare('INSERT INTO "User" ("email", "name", "createdAt") VALUES (?, ?, ?) RETURNING *');
  const insertPost = db.prepare('INSERT INTO "Post" ("title", "body", "published", "authorId") VALUES (?, ?, ?, ?)');
  const byId = db.prepare('SELECT * FROM "User" WHERE "id" = ?');
  const recent = db.prepare('SELECT * FROM "Post" WHERE "authorId" = ? AND "published" = 1 ORDER BY "id" DESC LIMIT 10');
  const postsOf = db.prepare('SELECT * FROM "Post" WHERE "authorId" = ?');
  const bump = db.prepare('UPDATE "Post" SET "views" = "views" + 1 WHERE "id" = ? RETURNING *');
  const published = db.prepare('SELECT COUNT(*) AS n FROM "Post" WHERE "published" = 1').pluck();
  const del = db.prepare('DELETE FROM "User" WHERE "id" = ? RETURNING *');
  return {
    name: 'better-sqlite3 (baseline)',
    run: {
      createUsers: (i: Inputs) => db.transaction(() => { for (const u of i.users) insertUser.get(u.email, u.name, new Date().toISOString()); })(),
      createPosts: (i: Inputs) => db.transaction(() => { for (const p of i.posts) insertPost.run(p.title, p.body, p.published ? 1 : 0, p.authorId); })(),
      findUnique: (i: Inputs) => { for (const id of i.userIds) byId.get(id); },
      findMany: (i: Inputs) => { for (const id of i.authorIds) recent.all(id); },
      include: (i: Inputs) => {
        for (const id of i.includeIds) {
          const u = byId.get(id) as Record<string, unknown> | undefined;
          if (u) u.posts = postsOf.all(id);
        }
      },
      update: (i: Inputs) => { for (const id of i.postIds) bump.get(id); },
      count: (i: Inputs) => { for (let k = 0; k < i.sizes.counts; k++) published.get(); },
      delete: (i: Inputs) => { for (const id of i.deleteIds) del.get(id); },
    },
    close: () => db.close(),
  };
}
