import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attributeType, buildDiagram } from '../../src/erd/model.ts';
import { SHOP, schemaOf } from '../helpers/erd.ts';

const diagram = buildDiagram(schemaOf(SHOP));
const entity = (name: string) => diagram.entities.find((e) => e.name === name)!;
const attr = (model: string, field: string) => entity(model).attributes.find((a) => a.name === field)!;
const edge = (from: string, to: string) => diagram.edges.find((e) => e.from.entity === from && e.to.entity === to)!;

test('entities: every model, columns only (relation fields are edges), table names and docs', () => {
  assert.equal(diagram.entities.map((e) => e.name), ['User', 'Profile', 'Post', 'Category', 'Tag', 'Like']);
  assert.equal(entity('User').attributes.map((a) => a.name), ['id', 'email', 'role']);
  assert.is(entity('User').dbName, 'users');
  assert.is(entity('Post').dbName, undefined);
  assert.is(entity('User').docs, 'Someone who "writes" <posts> & comments.');
  assert.is(attr('User', 'email').docs, 'Where we send mail.');
  assert.is(attr('Post', 'categoryId').dbName, 'category_id');
});

test('key markers: PK (single and composite), FK, UK; a composite unique is listed, not marked', () => {
  assert.equal(attr('User', 'id').markers, ['PK']);
  assert.equal(attr('User', 'email').markers, ['UK']);
  assert.equal(attr('Profile', 'userId').markers, ['FK', 'UK']);
  assert.equal(attr('Post', 'authorId').markers, ['FK']);
  assert.equal(attr('Post', 'slug').markers, []);
  assert.equal(entity('Post').compositeUniques, [['authorId', 'slug']]);
  assert.equal(attr('Like', 'userId').markers, ['PK']);
  assert.equal(attr('Like', 'postId').markers, ['PK']);
  assert.equal(attr('Category', 'parentId').markers, ['FK']);
});

test('types: modifiers and enums', () => {
  assert.is(attributeType(attr('Post', 'categoryId')), 'Int?');
  assert.is(attr('User', 'role').isEnum, true);
  assert.is(attr('User', 'role').type, 'Role');
  assert.is(attr('User', 'email').isEnum, false);
});

test('edges: one per relation, parent to child, with cardinality at both ends', () => {
  assert.is(diagram.edges.length, 5);
  const oneToOne = edge('User', 'Profile');
  assert.is(oneToOne.cardinality, 'OneToOne');
  assert.equal([oneToOne.from.min, oneToOne.from.max, oneToOne.to.min, oneToOne.to.max], [1, 1, 0, 1]);
  assert.equal([oneToOne.to.columns, oneToOne.from.columns], [['userId'], ['id']]);
  assert.is(oneToOne.onDelete, 'Cascade');

  const required = edge('User', 'Post');
  assert.is(required.cardinality, 'OneToMany');
  assert.equal([required.from.min, required.from.max, required.to.min, required.to.max], [1, 1, 0, 'many']);
  assert.equal([required.from.field, required.to.field], ['posts', 'author']);

  const optional = edge('Category', 'Post');
  assert.equal([optional.from.min, optional.to.max], [0, 'many']);

  const self = edge('Category', 'Category');
  assert.is(self.name, 'Tree');

  const manyToMany = diagram.edges.find((e) => e.cardinality === 'ManyToMany')!;
  assert.equal([manyToMany.from.entity, manyToMany.to.entity, manyToMany.joinTable], ['Post', 'Tag', '_PostToTag']);
  assert.equal([manyToMany.from.min, manyToMany.from.max, manyToMany.to.min, manyToMany.to.max], [0, 'many', 0, 'many']);
});

test('enums: values, mapped values and docs', () => {
  assert.equal(diagram.enums, [{ name: 'Role', values: [{ name: 'READER' }, { name: 'AUTHOR', dbName: 'author' }], docs: 'Who may do what.' }]);
});

test.run();
