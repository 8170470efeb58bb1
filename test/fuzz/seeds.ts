/**
 * Small hand-written schemas that exercise every part of the language (blocks, attributes, relations, defaults,
 * comments, views, enums, config), used as fuzzing seeds by the test suite and `npm run fuzz`.
 */
export const SEED_SCHEMAS: Record<string, string> = {
  blog: `// A blog
datasource db {
  provider = "sqlite"
  url      = "file:./dev.db"
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views", "partialIndexes"]
}

/// A person who writes
model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  name      String?   @map("display_name")
  role      Role      @default(USER)
  createdAt DateTime  @default(now())
  updatedAt DateTime  @updatedAt
  posts     Post[]
  profile   Profile?

  @@index([name(sort: Desc)], where: raw("name IS NOT NULL"))
  @@map("users")
}

model Profile {
  id     String @id @default(uuid(7))
  bio    String @default("")
  userId Int    @unique
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model Post {
  id        String   @id @default(cuid(2))
  title     String
  body      Json     @default("{}")
  price     Decimal  @default("10.50")
  views     BigInt   @default(0)
  score     Float    @default(-1.5)
  raw       Bytes?
  authorId  Int?
  author    User?    @relation(fields: [authorId], references: [id], onDelete: SetNull)
  tags      Tag[]
  published Boolean  @default(false) // not yet

  @@unique([title, authorId], name: "titlePerAuthor")
}

model Tag {
  name  String @id
  posts Post[]
}

enum Role {
  USER
  ADMIN @map("admin")
}

view Stats {
  userId Int @unique
  posts  Int
}
`,
  tree: `datasource db {
  provider     = "sqlite"
  relationMode = "foreignKeys"
}

model Node {
  id       Int    @id
  parentId Int?
  parent   Node?  @relation("tree", fields: [parentId], references: [id], onDelete: NoAction, onUpdate: NoAction)
  children Node[] @relation("tree")
  meta     Unsupported("circle")?

  @@index([parentId])
}

model Pair {
  a     Int
  b     String
  label String @default(dbgenerated("'x'"))

  @@id([a, b])
}
`,
  postgres: `datasource db {
  provider   = "postgresql"
  extensions = [pgcrypto]
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

/**
 * Accounts
 */
model Account {
  id    String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  tags  String[]
  score Int      @default(autoincrement())
}
`,
};
