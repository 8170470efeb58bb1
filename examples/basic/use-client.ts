// The generated client in use: run by `npm run example` after `codegen generate` (see scripts/example.mjs).
// It is plain, synchronous code: better-sqlite3 is synchronous, and so is every accessor.
import { CodegenClientError, createClient, Role } from './generated/index.js';

const db = createClient(new URL('./prisma/dev.db', import.meta.url).pathname);
const show = (label: string, value: unknown): void => console.log(`${label}:`, JSON.stringify(value, null, 2));

// Create: a user with a profile and two posts, tags created or connected on the way.
const ada = db.user.create({
  data: {
    email: 'ada@example.com',
    name: 'Ada',
    role: Role.AUTHOR,
    profile: { create: { bio: 'Writes about engines.' } },
    posts: {
      create: [
        { title: 'Notes on the Analytical Engine', published: true, tags: { create: [{ label: 'history' }, { label: 'computing' }] } },
        { title: 'A draft', tags: { connect: [{ label: 'computing' }] } },
      ],
    },
  },
});
db.user.create({ data: { email: 'grace@example.com', name: 'Grace', posts: { create: { title: 'Compilers', published: true, tags: { connectOrCreate: { where: { label: 'computing' }, create: { label: 'computing' } } } } } } });
console.log(`created ${db.user.count()} users, ${db.post.count()} posts, ${db.tag.count()} tags`);

// Query with relations: the result type narrows to what is selected or included.
const authors = db.user.findMany({
  where: { posts: { some: { published: true } } },
  orderBy: { email: 'asc' },
  select: { email: true, profile: { select: { bio: true } }, posts: { where: { published: true }, select: { title: true, tags: { select: { label: true } } } }, _count: { select: { posts: true } } },
});
show('authors with published posts', authors);

// Update: operators and nested writes.
const draft = db.post.findFirstOrThrow({ where: { author: { email: 'ada@example.com' }, published: false } });
const published = db.post.update({ where: { id: draft.id }, data: { published: true, views: { increment: 10 }, tags: { disconnect: { label: 'computing' } } }, include: { tags: true } });
show('published the draft', { title: published.title, views: published.views, tags: published.tags.map((t) => t.label), updatedAt: published.updatedAt });

// Aggregate and group.
show('views per author', db.post.groupBy({ by: ['authorId'], _sum: { views: true }, _count: { _all: true }, orderBy: { authorId: 'asc' } }));

// Errors are typed and coded (P2002: unique constraint).
try {
  db.user.create({ data: { email: 'ada@example.com' } });
} catch (e) {
  if (e instanceof CodegenClientError) console.log(`expected error: ${e.code} on ${e.model}.${e.fields.join(', ')}: ${e.message}`);
  else throw e;
}

// Delete: the posts and the profile go with the user (ON DELETE CASCADE).
const removed = db.user.delete({ where: { id: ada.id } });
console.log(`deleted ${removed.email}; ${db.post.count()} post(s) and ${db.profile.count()} profile(s) left`);
db.$close();
