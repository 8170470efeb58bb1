/**
 * The client benchmark's workload: a User/Post blog in a WAL file database with synchronous=NORMAL, and eight
 * operations. Every contender implements the same operations with the same results (created, updated and deleted
 * rows are returned, as Prisma's API does).
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';

export const SCHEMA = `datasource db {
  provider = "sqlite"
  url      = "file:./bench.db"
}

generator client {
  provider = "codegen"
  output   = "./generated"
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now())
  posts     Post[]
}

model Post {
  id        Int     @id @default(autoincrement())
  title     String
  body      String?
  published Boolean @default(false)
  views     Int     @default(0)
  authorId  Int
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
}
`;

export interface Sizes {
  readonly users: number;
  readonly posts: number;
  readonly findUnique: number;
  readonly findMany: number;
  readonly include: number;
  readonly updates: number;
  readonly counts: number;
  readonly deletes: number;
}

export const FULL: Sizes = { users: 10_000, posts: 50_000, findUnique: 20_000, findMany: 2_000, include: 2_000, updates: 10_000, counts: 1_000, deletes: 1_000 };
export const QUICK: Sizes = { users: 1_000, posts: 5_000, findUnique: 2_000, findMany: 200, include: 200, updates: 1_000, counts: 100, deletes: 100 };

export const OPERATIONS = [
  ['createUsers', 'users', '1. create user (one by one, 1 txn)'],
  ['createPosts', 'posts', '2. create posts (1 txn)'],
  ['findUnique', 'findUnique', '3. findUnique by id'],
  ['findMany', 'findMany', '4. findMany author+published, id desc, 10'],
  ['include', 'include', '5. user with posts (include)'],
  ['update', 'updates', '6. update views increment by id'],
  ['count', 'counts', '7. count published posts'],
  ['delete', 'deletes', '8. delete user (cascade)'],
] as const;
export type OperationName = (typeof OPERATIONS)[number][0];
/**
 * How many times each operation is timed (the best pass is kept, which filters out a scheduler's hiccup): the
 * lookups change nothing and take milliseconds, so they run 10 passes; the counts (a table scan each, seconds in
 * all) and the increment (the same work again: it only grows a number) run 3; creates and deletes run once.
 */
export const PASSES: Readonly<Record<OperationName, number>> = { createUsers: 1, createPosts: 1, findUnique: 10, findMany: 10, include: 10, update: 3, count: 3, delete: 1 };

/** The inputs of one run: ids drawn with a seeded generator so that every contender does the same work. */
export interface Inputs {
  readonly sizes: Sizes;
  readonly users: { email: string; name: string | null }[];
  readonly posts: { title: string; body: string | null; published: boolean; authorId: number }[];
  readonly userIds: number[];
  readonly authorIds: number[];
  readonly includeIds: number[];
  readonly postIds: number[];
  readonly deleteIds: number[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function makeInputs(sizes: Sizes): Inputs {
  const r = rng(42);
  const pick = (n: number, max: number): number[] => Array.from({ length: n }, () => 1 + Math.floor(r() * max));
  const users = Array.from({ length: sizes.users }, (_, i) => ({ email: `user${i}@example.com`, name: i % 5 === 0 ? null : `User ${i}` }));
  const posts = Array.from({ length: sizes.posts }, (_, i) => ({
    title: `Post ${i}`,
    body: i % 4 === 0 ? null : `Body of post ${i}`,
    published: i % 3 === 0,
    authorId: 1 + (i % sizes.users),
  }));
  const deleteIds = [...new Set(pick(sizes.deletes * 2, sizes.users))].slice(0, sizes.deletes);
  return {
    sizes,
    users,
    posts,
    userIds: pick(sizes.findUnique, sizes.users),
    authorIds: pick(sizes.findMany, sizes.users),
    includeIds: pick(sizes.include, sizes.users),
    postIds: pick(sizes.updates, sizes.posts),
    deleteIds,
  };
}

/** One contender's implementation of the operations. Each call runs all iterations of one operation. */
export interface Contender {
  readonly name: string;
  readonly run: Record<OperationName, (inputs: Inputs) => unknown>;
  close(): void;
}

/** Creates the database file with the schema's tables (the same DDL for everyone), in WAL mode. */
export function createDatabase(path: string, ddl: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(ddl);
  db.close();
}

export function openDatabase(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

export function writeSchema(dir: string): string {
  const file = `${dir}/schema.prisma`;
  writeFileSync(file, SCHEMA);
  return file;
}
