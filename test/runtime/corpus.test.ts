// The generated client on a real-world schema (Spacedrive, from the shared corpus when present): @@map'd snake_case
// tables, Bytes unique keys, compound primary keys and explicit join models.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../helpers/cli.ts';
import { setupClient } from '../helpers/client.ts';

const candidates = [path.resolve(ROOT, '../shared/corpus/spacedrive/schema.prisma'), path.resolve(ROOT, '../../shared/corpus/spacedrive/schema.prisma')];
const schemaFile = candidates.find((f) => existsSync(f));

test('Spacedrive: create, connect through an explicit join model, include across it, compound keys', async () => {
  if (!schemaFile) {
    console.log('  (corpus not found: skipped)');
    return;
  }
  const { client: c } = await setupClient('client-spacedrive', readFileSync(schemaFile, 'utf8'));
  const id = (n: number) => new Uint8Array([n, 0, 0, 1]);
  const tag = c.tag.create({ data: { pub_id: id(1), name: 'Photos', date_created: new Date(0) } });
  const obj = c.object.create({ data: { pub_id: id(2), favorite: true, tags: { create: { tag: { connect: { id: tag.id } }, date_created: new Date() } } } });
  assert.ok(c.object.findUnique({ where: { pub_id: id(2) } }));
  const withTags = c.object.findUnique({ where: { id: obj.id }, include: { tags: { include: { tag: true } } } });
  assert.equal(withTags.tags.map((t: any) => t.tag.name), ['Photos']);
  assert.is(withTags.favorite, true);
  const link = c.tagOnObject.findUnique({ where: { tag_id_object_id: { tag_id: tag.id, object_id: obj.id } } });
  assert.ok(link);
  assert.equal([...c.tag.findFirst({ where: { tag_objects: { some: { object: { favorite: true } } } } }).pub_id], [1, 0, 0, 1]);
  // Restrict: the object cannot go while a tag points at it (P2003), then can.
  assert.throws(() => c.object.delete({ where: { id: obj.id } }), (e: any) => e.code === 'P2003');
  c.tagOnObject.delete({ where: { tag_id_object_id: { tag_id: tag.id, object_id: obj.id } } });
  assert.is(c.object.delete({ where: { id: obj.id } }).id, obj.id);
});

test.run();
