import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Column } from '../../src/database/model.ts';
import { renderDefault } from '../../src/database/from-schema.ts';
import { normalizeDefault } from '../../src/database/normalize.ts';
import { defaultArgument } from '../../src/pull/defaults.ts';
import { fieldNameFor, modelNameFor, sanitizeName, uniqueName } from '../../src/pull/names.ts';
import { pulledTypeOf, typeText } from '../../src/pull/types.ts';
import { validateSchemaText } from '../../src/api/schema.ts';
import { isColumnField } from '../../src/schema/model.ts';

test('declared types map to Prisma types by name, then by affinity; the rest is Unsupported', () => {
  const cases: [string, string][] = [
    ['TEXT', 'String'],
    ['varchar(255)', 'String'],
    ['CHARACTER VARYING(20)', 'String'],
    ['NVARCHAR(20)', 'String'],
    ['LONGTEXT', 'String'],
    ['CLOB', 'String'],
    ['INTEGER', 'Int'],
    ['INT', 'Int'],
    ['SMALLINT', 'Int'],
    ['INTEGER UNSIGNED', 'Int'],
    ['BIGINT', 'BigInt'],
    ['INT8', 'BigInt'],
    ['UNSIGNED BIG INT', 'BigInt'],
    ['REAL', 'Float'],
    ['DOUBLE PRECISION', 'Float'],
    ['FLOAT8', 'Float'],
    ['DECIMAL', 'Decimal'],
    ['DECIMAL(10,2)', 'Decimal'],
    ['NUMERIC', 'Decimal'],
    ['DATETIME', 'DateTime'],
    ['TIMESTAMP', 'DateTime'],
    ['DATE', 'DateTime'],
    ['BOOLEAN', 'Boolean'],
    ['BOOL', 'Boolean'],
    ['BLOB', 'Bytes'],
    ['MEDIUMBLOB', 'Bytes'],
    ['JSONB', 'Json'],
    ['JSON', 'Json'],
    ['circle', 'Unsupported("circle")'],
    ['POINT', 'Unsupported("POINT")'],
    ['INTERVAL', 'Unsupported("INTERVAL")'],
    ['MONEY', 'Unsupported("MONEY")'],
    ['', 'Unsupported("")'],
  ];
  for (const [declared, expected] of cases) assert.is(typeText(pulledTypeOf(declared)), expected, declared);
});

const column = (type: string, def?: string): Column => ({ name: 'c', type, notNull: false, ...(def !== undefined ? { default: def } : {}) });
const pulledDefault = (type: string, def?: string): string | undefined => defaultArgument(column(type, def), pulledTypeOf(type), false);

test('SQL defaults become typed literals where they round-trip, dbgenerated otherwise', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['DATETIME', 'CURRENT_TIMESTAMP', 'now()'],
    ['DATETIME', 'current_timestamp', 'now()'],
    ['DATETIME', '(CURRENT_TIMESTAMP)', 'now()'],
    ['DATETIME', "(datetime('now'))", `dbgenerated("(datetime('now'))")`],
    ['DATETIME', 'CURRENT_DATE', 'dbgenerated("CURRENT_DATE")'],
    ['DATETIME', "'2020-01-01 00:00:00 +00:00'", '"2020-01-01T00:00:00+00:00"'],
    ['DATETIME', "'2020-01-01 10:30:00.250 +02:00'", '"2020-01-01T10:30:00.250+02:00"'],
    ['DATETIME', "'2020-01-01'", `dbgenerated("'2020-01-01'")`],
    ['BOOLEAN', 'true', 'true'],
    ['BOOLEAN', '0', 'false'],
    ['BOOLEAN', 'FALSE', 'false'],
    ['BOOLEAN', "'true'", `dbgenerated("'true'")`],
    ['INTEGER', '0', '0'],
    ['INTEGER', '-1', '-1'],
    ['INTEGER', "'5'", '5'],
    ['INTEGER', '(7)', '7'],
    ['INTEGER', '1.5', 'dbgenerated("1.5")'],
    ['BIGINT', '9007199254740993', '9007199254740993'],
    ['REAL', '1.5', '1.5'],
    ['REAL', '1e3', '1000'],
    ['DECIMAL', '1.50', '1.50'],
    ['DECIMAL', "'2.5'", '2.5'],
    ['TEXT', "'it''s'", '"it\'s"'],
    ['TEXT', "'say \"hi\"\\n'", '"say \\"hi\\"\\\\n"'],
    ['TEXT', '12', '"12"'],
    ['TEXT', "''", '""'],
    ['TEXT', "'a' || 'b'", `dbgenerated("'a' || 'b'")`],
    ['TEXT', "(lower('X'))", `dbgenerated("(lower('X'))")`],
    ['TEXT', 'NULL', undefined],
    ['TEXT', undefined, undefined],
    ['JSONB', "'[]'", '"[]"'],
    ['JSONB', `'{"a":1}'`, '"{\\"a\\":1}"'],
    ['BLOB', "'0102'", '"AQI="'],
    ['BLOB', "X'0102'", `dbgenerated("X'0102'")`],
    ['BLOB', "'zz'", `dbgenerated("'zz'")`],
    ['circle', "'x'", `dbgenerated("'x'")`],
  ];
  for (const [type, def, expected] of cases) assert.is(pulledDefault(type, def), expected, `${type} DEFAULT ${def}`);
});

test('a pulled default is written back by from-schema as the same default (normalised)', () => {
  const cases: [string, string][] = [
    ['DATETIME', 'CURRENT_TIMESTAMP'],
    ['DATETIME', "'2020-01-01 10:30:00.250 +02:00'"],
    ['DATETIME', "(datetime('now'))"],
    ['BOOLEAN', '1'],
    ['INTEGER', "'5'"],
    ['DECIMAL', '1.50'],
    ['REAL', '1e3'],
    ['TEXT', "'it''s'"],
    ['TEXT', '12'],
    ['JSONB', `'{"a": [1, 2]}'`],
    ['BLOB', "'68656c6c6f'"],
    ['BLOB', "X'00'"],
  ];
  for (const [type, def] of cases) {
    const arg = pulledDefault(type, def)!;
    const prismaType = typeText(pulledTypeOf(type));
    const { schema, diagnostics } = validateSchemaText(`datasource db {\n  provider = "sqlite"\n}\nmodel M {\n  id Int @id\n  c ${prismaType}? @default(${arg})\n}\n`);
    assert.equal(diagnostics.filter((d) => d.severity === 'error'), [], `${type} ${def}`);
    const field = schema.models[0]!.fields.find((f) => f.name === 'c')!;
    assert.ok(isColumnField(field));
    const written = renderDefault(field, new Map());
    assert.is(normalizeDefault(written, type), normalizeDefault(def, type), `${type} DEFAULT ${def} → @default(${arg}) → DEFAULT ${written}`);
  }
});

test('the rowid key gets autoincrement()', () => {
  assert.is(defaultArgument(column('INTEGER'), pulledTypeOf('INTEGER'), true), 'autoincrement()');
});

test('names: sanitised as Prisma does, reserved model names renamed, camelCase on request', () => {
  assert.is(sanitizeName('2fa'), 'fa');
  assert.is(sanitizeName('my-table'), 'my_table');
  assert.is(sanitizeName('my col'), 'my_col');
  assert.is(modelNameFor('class', 'prisma'), 'Renamedclass');
  assert.is(modelNameFor('String', 'prisma'), 'RenamedString');
  assert.is(modelNameFor('user_profile', 'camel'), 'UserProfile');
  assert.is(modelNameFor('class', 'camel'), 'Class');
  assert.is(modelNameFor('123', 'prisma'), 'Model');
  assert.is(fieldNameFor('created_at', 'camel'), 'createdAt');
  assert.is(fieldNameFor('ID', 'camel'), 'id');
  assert.is(fieldNameFor('userId', 'camel'), 'userId');
  assert.is(fieldNameFor('my col', 'prisma'), 'my_col');
  assert.is(uniqueName('fa', new Set(['fa', 'fa2'])), 'fa3');
  assert.is(uniqueName('user', new Set(['User']), true), 'user2');
});

test.run();
