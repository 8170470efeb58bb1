// A differential property test: seeded random CREATE TABLE statements (odd names, comments, every constraint
// kind in random order) go through SQLite, and introspection must read every one that SQLite accepts without an
// I611, agreeing with SQLite's PRAGMAs and with what the generator wrote.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../conformance/gen/random.ts';
import type { Table } from '../../src/database/model.ts';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { quoteIdentifier } from '../../src/sqlite/quote.ts';

const SPELLINGS = [(n: string) => quoteIdentifier(n), (n: string) => `[${n}]`, (n: string) => `\`${n}\``, (n: string) => n];
const NAMES = ['id', 'name', 'key', 'value', 'Amount', 'created_at', 'x1', 'group', 'order by', 'a"b', 'É'];
const TYPES = ['', 'INTEGER', 'TEXT', 'int', 'REAL', 'BLOB', 'DECIMAL(10, 2)', 'VARCHAR ( 255 )', 'UNSIGNED BIG INT', 'DATETIME', 'JSONB', 'BOOLEAN'];
const DEFAULTS = ['0', '-1', '+2.5', "'it''s'", "''", "X'00ff'", 'NULL', 'TRUE', 'false', 'CURRENT_TIMESTAMP', "(datetime('now'))", '((1 + 2) * 3)', "(lower('A,B'))"];
const ACTIONS = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];
const GAPS = [' ', '  ', '\n    ', ' /* c */ ', ' -- note\n '];

interface Expected {
  readonly sql: string;
  readonly name: string;
  readonly defaults: Map<string, string>;
  readonly collations: Map<string, string>;
  readonly checks: number;
  readonly autoincrement: boolean;
  readonly foreignKeyNames: (string | undefined)[];
}

function generateTable(r: Random, index: number): Expected {
  const gap = (): string => r.pick(GAPS);
  const spell = (n: string): string => (/^[a-z_]\w*$/i.test(n) && n !== 'group' ? r.pick(SPELLINGS)(n) : quoteIdentifier(n));
  const name = `t${index}`;
  const columnNames = r.shuffle(NAMES).slice(0, r.int(1, 5));
  const defaults = new Map<string, string>();
  const collations = new Map<string, string>();
  const foreignKeyNames: (string | undefined)[] = [];
  let checks = 0;
  let autoincrement = false;
  const pkColumn = r.chance(0.6) ? columnNames[0] : undefined;
  const columns = columnNames.map((column) => {
    const type = column === pkColumn && r.chance(0.5) ? 'INTEGER' : r.pick(TYPES);
    const parts: string[] = [];
    if (column === pkColumn) {
      const desc = r.chance(0.2);
      const auto = type === 'INTEGER' && !desc && r.chance(0.5);
      autoincrement = auto;
      parts.push(`PRIMARY KEY${desc ? ' DESC' : ''}${auto ? ' AUTOINCREMENT' : ''}`);
    }
    if (r.chance(0.4)) parts.push(r.chance(0.2) ? 'NOT NULL ON CONFLICT ABORT' : 'NOT NULL');
    if (r.chance(0.5)) {
      const value = r.pick(DEFAULTS);
      defaults.set(column, value);
      parts.push(`DEFAULT ${value}`);
    }
    if (r.chance(0.3)) {
      collations.set(column, 'NOCASE');
      parts.push('COLLATE NOCASE');
    }
    if (r.chance(0.3)) {
      checks++;
      parts.push(`${r.chance(0.5) ? `CONSTRAINT ${spell(`${column}_check`)} ` : ''}CHECK (${spell(column)} IS NOT 'x')`);
    }
    if (r.chance(0.2)) parts.push('UNIQUE');
    if (r.chance(0.3)) {
      const fkName = r.chance(0.5) ? `${name}_${column}_fkey` : undefined;
      foreignKeyNames.push(fkName);
      parts.push(`${fkName ? `CONSTRAINT ${spell(fkName)} ` : ''}REFERENCES parent (id) ON DELETE ${r.pick(ACTIONS)}${r.chance(0.3) ? ' DEFERRABLE INITIALLY DEFERRED' : ''}`);
    }
    return [spell(column), type, ...r.shuffle(parts)].filter(Boolean).join(gap());
  });
  const constraints: string[] = [];
  if (r.chance(0.3)) {
    checks++;
    constraints.push(`CHECK (${columnNames.map(spell).join(' || ')} IS NOT NULL)`);
  }
  if (r.chance(0.3)) {
    const fkName = r.chance(0.5) ? `${name}_fk` : undefined;
    foreignKeyNames.push(fkName);
    constraints.push(`${fkName ? `CONSTRAINT ${spell(fkName)} ` : ''}FOREIGN KEY (${spell(columnNames.at(-1)!)}) REFERENCES parent (id) ON UPDATE ${r.pick(ACTIONS)}`);
  }
  const body = [...columns, ...constraints].join(`,${gap()}`);
  const options = pkColumn && !autoincrement && r.chance(0.2) ? `${gap()}WITHOUT ROWID` : '';
  return { sql: `CREATE TABLE${gap()}${spell(name)}${gap()}(${gap()}${body}${gap()})${options}`, name, defaults, collations, checks, autoincrement, foreignKeyNames };
}

test('random DDL that SQLite accepts is read without an I611, agreeing with SQLite and with the text', () => {
  const r = new Random(20240601);
  const conn = openDatabase(':memory:');
  conn.runAtomic(['CREATE TABLE parent (id INTEGER PRIMARY KEY)']);
  const accepted: Expected[] = [];
  for (let i = 0; i < 400; i++) {
    const expected = generateTable(r, i);
    try {
      conn.runAtomic([expected.sql]);
      accepted.push(expected);
    } catch (e) {
      if (!(e instanceof AtomicUnitError)) throw e; // SQLite refused this combination (say, a DEFAULT on a key): skip it
    }
  }
  assert.ok(accepted.length > 250, `only ${accepted.length} tables accepted`);
  const { model, diagnostics } = introspectDatabase(conn);
  assert.equal(diagnostics.filter((d) => d.code === 'I611'), []);
  const pragmaDefaults = new Map(conn.query("SELECT m.name || '.' || c.name AS k, c.dflt_value AS v FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) c WHERE m.type = 'table'").map((row) => [row.k as string, row.v as string | null]));
  for (const expected of accepted) {
    const table = model.tables.find((t) => t.name === expected.name) as Table;
    const context = `${expected.sql}\n`;
    for (const column of table.columns) {
      assert.is(column.default, expected.defaults.get(column.name), `${context}default of ${column.name}`);
      const stripped = column.default?.startsWith('(') ? column.default.slice(1, -1) : column.default;
      assert.is(stripped ?? null, pragmaDefaults.get(`${table.name}.${column.name}`) ?? null, `${context}SQLite's default of ${column.name}`);
      assert.is(column.collation, expected.collations.get(column.name), `${context}collation of ${column.name}`);
    }
    assert.is(table.checks.length, expected.checks, `${context}checks`);
    assert.is(table.primaryKey?.autoincrement ?? false, expected.autoincrement, `${context}autoincrement`);
    assert.equal(table.foreignKeys.map((f) => f.name), expected.foreignKeyNames, `${context}foreign keys`);
  }
  conn.close();
});

test.run();
