/** The generated client (`codegen generate` on the workload schema). */
import { openDatabase, type Contender, type Inputs } from './workload.ts';

// The generated module's createClient, typed loosely here because the module is generated at bench time.
type CreateClient = (db: unknown) => any;

export function generatedClient(path: string, createClient: CreateClient): Contender {
  const db = openDatabase(path);
  const c = createClient(db);
  return {
    name: 'generated client',
    run: {
      createUsers: (i: Inputs) => c.$transaction(() => { for (const u of i.users) c.user.create({ data: { email: u.email, name: u.name } }); }),
      createPosts: (i: Inputs) => c.post.createMany({ data: i.posts }),
      findUnique: (i: Inputs) => { for (const id of i.userIds) c.user.findUnique({ where: { id } }); },
      findMany: (i: Inputs) => { for (const id of i.authorIds) c.post.findMany({ where: { authorId: id, published: true }, orderBy: { id: 'desc' }, take: 10 }); },
      include: (i: Inputs) => { for (const id of i.includeIds) c.user.findUnique({ where: { id }, include: { posts: true } }); },
      update: (i: Inputs) => { for (const id of i.postIds) c.post.update({ where: { id }, data: { views: { increment: 1 } } }); },
      count: (i: Inputs) => { for (let k = 0; k < i.sizes.counts; k++) c.post.count({ where: { published: true } }); },
      delete: (i: Inputs) => { for (const id of i.deleteIds) c.user.delete({ where: { id } }); },
    },
    close: () => db.close(),
  };
}
