import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDiagram } from '../../src/erd/model.ts';
import { globToRegExp, keysOnly, parseModelPatterns, selectEntities } from '../../src/erd/select.ts';
import { SHOP, schemaOf } from '../helpers/erd.ts';

const diagram = buildDiagram(schemaOf(SHOP));

test('patterns: commas and repeats, globs', () => {
  assert.equal(parseModelPatterns(['User,Post', ' Tag ', '']), ['User', 'Post', 'Tag']);
  assert.ok(globToRegExp('P*').test('Profile'));
  assert.ok(globToRegExp('?ag').test('Tag'));
  assert.not.ok(globToRegExp('P*').test('User'));
  assert.not.ok(globToRegExp('a.b').test('axb'));
  assert.not.ok(globToRegExp('post').test('Post'));
});

test('a selection keeps its neighbours, collapsed to their keys, and only the edges that touch it', () => {
  const { diagram: d, unmatched } = selectEntities(diagram, ['Profile']);
  assert.equal(unmatched, []);
  assert.equal(d.entities.map((e) => [e.name, e.role ?? 'selected']), [
    ['User', 'neighbour'],
    ['Profile', 'selected'],
  ]);
  const user = d.entities[0]!;
  assert.equal(user.attributes.map((a) => a.name), ['id', 'email']);
  assert.is(user.hiddenAttributes, 1);
  assert.equal(d.edges.map((e) => `${e.from.entity}->${e.to.entity}`), ['User->Profile']);
  // The neighbour's enum column is hidden, so its enum is not drawn.
  assert.equal(d.enums, []);
});

test('globs and table names select; edges between two neighbours are left out', () => {
  const { diagram: d } = selectEntities(diagram, ['users']);
  assert.equal(d.entities.map((e) => e.name), ['User', 'Profile', 'Post']);
  assert.equal(d.edges.length, 2);
  assert.equal(d.enums.map((e) => e.name), ['Role']);
  const both = selectEntities(diagram, ['P*']).diagram;
  assert.equal(both.entities.filter((e) => e.role === undefined).map((e) => e.name), ['Profile', 'Post']);
  assert.equal(both.edges.length, 4);
});

test('patterns that match nothing are reported', () => {
  assert.equal(selectEntities(diagram, ['User', 'Nope*', 'Usr']).unmatched, ['Nope*', 'Usr']);
});

test('keysOnly: every entity with its key columns, the rest counted', () => {
  const k = keysOnly(diagram);
  const post = k.entities.find((e) => e.name === 'Post')!;
  assert.equal(post.attributes.map((a) => a.name), ['id', 'authorId', 'categoryId']);
  assert.is(post.hiddenAttributes, 2);
  assert.equal(post.compositeUniques, []);
  assert.is(k.edges.length, diagram.edges.length);
});

test.run();
