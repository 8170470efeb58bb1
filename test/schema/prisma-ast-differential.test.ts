/**
 * prisma-ast is the reference grammar. Our parser reads the same grammar with exact positions, error recovery and
 * about 4x the speed (see src/schema/parse.ts); this test parses every corpus schema and a set of generated ones
 * with both, and requires the same structure: blocks, fields with their types and modifiers, attributes with their
 * arguments, enum values and assignments.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getSchema, type Attribute, type BlockAttribute, type Enumerator, type Field } from '@mrleebo/prisma-ast';
import { parseSchemaFile } from '../../src/schema/parse.ts';
import type { AttributeNode, BlockNode } from '../../src/schema/ast.ts';
import { generateSchemaText } from '../../conformance/gen/schema-generator.ts';
import { ROOT } from '../helpers/cli.ts';

type Shape = (string | Shape)[];

/** Our tree reduced to the structure both parsers describe. */
function ours(text: string): Shape {
  const { ast, diagnostics } = parseSchemaFile('schema.prisma', text);
  assert.equal(diagnostics, [], 'our parser reports no syntax error');
  const attr = (a: AttributeNode): Shape => [`${a.block ? '@@' : '@'}${a.name}`, String(a.args.length)];
  return ast.items
    .filter((i): i is BlockNode => i.kind === 'Block')
    .map((b) => [
      b.keyword,
      b.name,
      b.members.flatMap((m): Shape[] => {
        switch (m.kind) {
          case 'Field':
            return [['field', m.name, m.type.unsupported !== undefined ? 'Unsupported' : m.type.name, m.type.optional ? '?' : m.type.list ? '[]' : '', m.attributes.map(attr)]];
          case 'EnumValue':
            return [['value', m.name, m.attributes.map(attr)]];
          case 'Assignment':
            return [['assignment', m.name]];
          case 'BlockAttribute':
            return [attr(m.attribute)];
          default:
            return [];
        }
      }),
    ]);
}

/** prisma-ast's tree reduced the same way. */
function theirs(text: string): Shape {
  const schema = getSchema(text);
  const attr = (a: Attribute | BlockAttribute): Shape => [`${a.kind === 'field' ? '@' : '@@'}${a.group ? `${a.group}.` : ''}${a.name}`, String(a.args?.length ?? 0)];
  return schema.list.flatMap((b): Shape[] => {
    switch (b.type) {
      case 'model':
      case 'view':
      case 'type':
        return [
          [
            b.type,
            b.name,
            b.properties.flatMap((p): Shape[] => {
              if (p.type === 'field') {
                const f = p as Field;
                const typeName = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
                return [['field', f.name, typeName, f.optional ? '?' : f.array ? '[]' : '', (f.attributes ?? []).map(attr)]];
              }
              if (p.type === 'attribute') return [attr(p)];
              return [];
            }),
          ],
        ];
      case 'enum':
        return [
          [
            'enum',
            b.name,
            b.enumerators.flatMap((e): Shape[] => (e.type === 'enumerator' ? [['value', e.name, ((e as Enumerator).attributes ?? []).map(attr)]] : e.type === 'attribute' ? [attr(e as BlockAttribute)] : [])),
          ],
        ];
      case 'datasource':
      case 'generator':
        return [[b.type, b.name, b.assignments.flatMap((a): Shape[] => (a.type === 'assignment' ? [['assignment', a.key]] : []))]];
      default:
        return [];
    }
  });
}

/** Inputs prisma-ast reads as Prisma does: it rejects one-line blocks and multi-line arguments, and so do we. */
function corpusSchemas(): string[] {
  const corpus = [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')].find((p) => existsSync(p));
  if (!corpus) return [];
  return execFileSync('find', [corpus, '-name', '*.prisma', '-not', '-path', '*/psl-validation/*', '-not', '-path', '*/expected-format/*'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort();
}

test('our parser and prisma-ast agree on the structure of every corpus schema', () => {
  const files = corpusSchemas();
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let reference: Shape;
    try {
      reference = theirs(text);
    } catch {
      // prisma-ast cannot read a few valid inputs (block comments, `}` after a value): nothing to compare.
      continue;
    }
    assert.equal(ours(text), reference, file);
    compared++;
  }
  if (files.length) assert.ok(compared >= files.length - 5, `compared ${compared} of ${files.length}`);
});

test('our parser and prisma-ast agree on 200 generated schemas', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const text = generateSchemaText(seed, { models: 1 + (seed % 15) });
    assert.equal(ours(text), theirs(text), `seed ${seed}`);
  }
});

test.run();
