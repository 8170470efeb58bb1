/** Shared by the erd tests: a small schema with every kind of relation, and the geometry of a rendered SVG. */
import { validateSchemaText } from '../../src/api.ts';
import type { SchemaModel } from '../../src/schema/model.ts';
import { SQLITE_DATASOURCE } from './cli.ts';
import { classes, parseXml, walk, type XmlElement } from './xml.ts';

/** 1-1 (User–Profile), 1-n required and optional (User–Post, Post–Category), m-n (Post–Tag), self 1-n, an enum. */
export const SHOP = `${SQLITE_DATASOURCE}
/// Someone who "writes" <posts> & comments.
model User {
  id      Int      @id @default(autoincrement())
  /// Where we send mail.
  email   String   @unique
  role    Role     @default(READER)
  posts   Post[]
  profile Profile?
  @@map("users")
}

model Profile {
  id     Int    @id @default(autoincrement())
  bio    String
  userId Int    @unique
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model Post {
  id         Int       @id @default(autoincrement())
  title      String
  slug       String
  authorId   Int
  author     User      @relation(fields: [authorId], references: [id])
  categoryId Int?      @map("category_id")
  category   Category? @relation(fields: [categoryId], references: [id])
  tags       Tag[]
  @@unique([authorId, slug])
}

model Category {
  id       Int        @id
  parentId Int?
  parent   Category?  @relation("Tree", fields: [parentId], references: [id])
  children Category[] @relation("Tree")
  posts    Post[]
}

model Tag {
  name  String @id
  posts Post[]
}

model Like {
  userId Int
  postId Int
  @@id([userId, postId])
}

/// Who may do what.
enum Role {
  READER
  AUTHOR @map("author")
}
`;

export function schemaOf(text: string): SchemaModel {
  const r = validateSchemaText(text);
  if (!r.ok) throw new Error(`The test schema is invalid: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return r.schema;
}

export interface Box {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface SvgLayout {
  readonly root: XmlElement;
  /** One box a node (entity or enum), from its polygons' points, in the graph's coordinates. */
  readonly entities: Box[];
  readonly enums: Box[];
  readonly relations: XmlElement[];
  readonly viewBox: { readonly width: number; readonly height: number };
  /** The graph group's translation. */
  readonly translate: { readonly x: number; readonly y: number };
}

/** Parses an SVG from Graphviz (throws when it is not well-formed XML) and measures its boxes. */
export function readSvgLayout(svg: string): SvgLayout {
  const root = parseXml(svg);
  if (root.name !== 'svg') throw new Error(`The root is <${root.name}>`);
  const [, , width, height] = (root.attributes.viewBox ?? '').split(/\s+/).map(Number);
  const graph = root.children.find((c) => c.name === 'g' && classes(c).includes('graph'));
  const t = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(graph?.attributes.transform ?? '');
  const entities: Box[] = [];
  const enums: Box[] = [];
  const relations: XmlElement[] = [];
  for (const el of walk(root)) {
    if (el.name !== 'g') continue;
    const c = classes(el);
    if (c.includes('node') && c.includes('entity')) entities.push(boxOf(el));
    else if (c.includes('node') && c.includes('enum')) enums.push(boxOf(el));
    else if (c.includes('edge') && c.includes('relation')) relations.push(el);
  }
  return { root, entities, enums, relations, viewBox: { width: width ?? NaN, height: height ?? NaN }, translate: { x: Number(t?.[1] ?? 0), y: Number(t?.[2] ?? 0) } };
}

function boxOf(node: XmlElement): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const el of walk(node)) {
    if (el.name !== 'polygon' && el.name !== 'polyline') continue;
    for (const pair of (el.attributes.points ?? '').trim().split(/\s+/)) {
      const [x, y] = pair.split(',').map(Number);
      xs.push(x!);
      ys.push(y!);
    }
  }
  if (xs.length === 0) throw new Error(`The node ${node.attributes.id} has no polygon`);
  return { id: node.attributes.id ?? '?', x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** Pairs of boxes whose insides intersect (touching edges do not count). */
export function overlaps(boxes: readonly Box[]): [string, string][] {
  const out: [string, string][] = [];
  const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x1 < a.x2; j++) {
      const b = sorted[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** Boxes that stick out of the viewBox. */
export function outside(layout: SvgLayout, boxes: readonly Box[]): string[] {
  const { x, y } = layout.translate;
  return boxes.filter((b) => b.x1 + x < 0 || b.y1 + y < 0 || b.x2 + x > layout.viewBox.width || b.y2 + y > layout.viewBox.height).map((b) => b.id);
}
