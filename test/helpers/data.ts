/**
 * Seeded rows for a DatabaseModel, so that a database built from a generated schema is realistic: every table gets
 * rows whose values fit the column's type (Prisma's storage: booleans 0/1, DateTime as ISO text, integer
 * milliseconds or `YYYY-MM-DD HH:MM:SS`, BigInt past 2^53, Decimal, JSON text, blobs), NOT NULL columns are filled,
 * unique and primary keys hold, and every foreign key points at an existing parent row (self references and
 * m-n join rows included). Rows are returned as INSERT statements with SQL literals, so that a failure can print
 * exactly what was inserted.
 */
import type { Column, DatabaseModel, Table } from '../../src/database/model.ts';
import { typeFamily } from '../../src/database/normalize.ts';
import { quoteIdentifier as q, quoteString } from '../../src/database/sql-text.ts';
import { schemaHints } from '../../src/database/schema-hints.ts';
import type { SchemaModel } from '../../src/schema/model.ts';
import { Random } from '../../conformance/gen/random.ts';

/** A SQL literal: `NULL`, a number, a quoted string or a blob. */
type Literal = string;
type Row = Map<string, Literal>;

export interface RowOptions {
  /** Rows per table: the least and the most (each table draws its own count). Default 1..5. */
  readonly min?: number;
  readonly max?: number;
}

const NULL = 'NULL';
const WORDS = ['amber', 'basalt', "it's", 'Ωmega', 'delta', 'ember', 'a "quoted" word', 'fjord', '', 'granite', 'ÄÖÜ', 'x;y'];

/** One value of a column's type, distinct for distinct `serial` so that unique keys are easy to satisfy. */
function valueFor(column: Column, serial: number, rng: Random, enumValues: readonly string[] | undefined): Literal {
  if (enumValues) return quoteString(enumValues[serial % enumValues.length]!);
  const family = typeFamily(column.type);
  switch (family) {
    case 'Int':
      return String(rng.pick([serial, serial * 7 - 50, 100_000 + serial]));
    case 'BigInt':
      return rng.chance(0.5) ? (9007199254740993n + BigInt(serial)).toString() : String(-serial);
    case 'Float':
      return rng.pick([`${serial}.5`, `${-serial}.25`, `${serial}e3`]);
    case 'Decimal':
      return rng.pick([`${serial}.75`, String(serial * 100)]);
    case 'Boolean':
      return String(serial % 2);
    case 'DateTime': {
      const ms = Date.UTC(2020, 0, 1) + serial * 86_399_123;
      const iso = new Date(ms).toISOString();
      return rng.pick([quoteString(iso), String(ms), quoteString(iso.slice(0, 19).replace('T', ' '))]);
    }
    case 'Json':
      return quoteString(JSON.stringify(rng.pick([{ n: serial }, [serial, 'x'], `s${serial}`, null])));
    case 'Bytes':
      return `X'${Buffer.from(`b${serial}`).toString('hex')}'`;
    case 'String':
      return quoteString(`${rng.pick(WORDS)}#${serial}`);
    default:
      return quoteString(`v${serial}`);
  }
}

/** The unique keys of a table, as column lists: the primary key, UNIQUE constraints and unique indexes. */
function uniqueKeys(table: Table): string[][] {
  const keys: string[][] = [];
  if (table.primaryKey) keys.push(table.primaryKey.columns.map((c) => c.toLowerCase()));
  for (const ix of table.indexes) {
    if (!ix.unique || ix.columns.some((c) => c.name === undefined)) continue;
    keys.push(ix.columns.map((c) => c.name!.toLowerCase()));
  }
  return keys;
}

/**
 * INSERT statements that fill every table of `db` with rows (run them with foreign keys off or on: every reference
 * is valid). `schema` supplies the enum values of enum columns.
 */
export function generateRows(db: DatabaseModel, schema: SchemaModel, seed: number, options: RowOptions = {}): string[] {
  const rng = new Random(seed ^ 0x5eed);
  const min = options.min ?? 1;
  const max = options.max ?? 5;
  const enums = new Map<string, readonly string[]>();
  for (const e of schemaHints(schema).enumColumns ?? []) enums.set(`${e.table}.${e.column}`.toLowerCase(), e.values);

  const rows = new Map<string, Row[]>();
  const fkColumns = (t: Table): Set<string> => new Set(t.foreignKeys.flatMap((fk) => fk.columns.map((c) => c.toLowerCase())));
  let serial = 1;

  // Pass 1: every column that is not a foreign key, keeping the unique keys that involve none.
  for (const table of db.tables) {
    const fks = fkColumns(table);
    const keys = uniqueKeys(table).filter((k) => !k.some((c) => fks.has(c)));
    const seen = keys.map(() => new Set<string>());
    const list: Row[] = [];
    const count = rng.int(min, max);
    for (let attempt = 0; list.length < count && attempt < count * 10; attempt++) {
      const row: Row = new Map();
      for (const col of table.columns) {
        const key = col.name.toLowerCase();
        if (fks.has(key) || col.generated) continue;
        const nullable = !col.notNull && !table.primaryKey?.columns.some((c) => c.toLowerCase() === key);
        row.set(key, nullable && rng.chance(0.25) ? NULL : valueFor(col, serial++, rng, enums.get(`${table.name}.${col.name}`.toLowerCase())));
      }
      if (!claimKeys(row, keys, seen)) continue;
      list.push(row);
    }
    rows.set(table.name.toLowerCase(), list);
  }

  // Pass 2: foreign keys, from the parents' rows; keys that involve them must stay unique.
  for (const table of db.tables) {
    const fks = fkColumns(table);
    if (fks.size === 0) continue;
    const keys = uniqueKeys(table).filter((k) => k.some((c) => fks.has(c)));
    const seen = keys.map(() => new Set<string>());
    const kept: Row[] = [];
    for (const row of rows.get(table.name.toLowerCase())!) {
      let ok = false;
      for (let attempt = 0; attempt < 12 && !ok; attempt++) {
        const candidate = new Map(row);
        let possible = true;
        for (const fk of table.foreignKeys) {
          const parentRows = rows.get(fk.referencedTable.toLowerCase()) ?? [];
          const parent = db.tables.find((t) => t.name.toLowerCase() === fk.referencedTable.toLowerCase());
          const refs = fk.referencedColumns.length ? fk.referencedColumns : (parent?.primaryKey?.columns ?? []);
          const nullable = fk.columns.every((c) => !table.columns.find((x) => x.name.toLowerCase() === c.toLowerCase())?.notNull);
          const values = refs.map((r) => r.toLowerCase());
          const pick = parentRows.length > 0 && !(nullable && (attempt >= 8 || rng.chance(0.2))) ? rng.pick(parentRows) : undefined;
          if (!pick || values.some((v) => (pick.get(v) ?? NULL) === NULL)) {
            if (!nullable) possible = false;
            for (const c of fk.columns) candidate.set(c.toLowerCase(), NULL);
          } else fk.columns.forEach((c, i) => candidate.set(c.toLowerCase(), pick.get(values[i]!)!));
        }
        if (possible && claimKeys(candidate, keys, seen)) {
          row.clear();
          for (const [k, v] of candidate) row.set(k, v);
          ok = true;
        }
      }
      if (ok) kept.push(row);
    }
    rows.set(table.name.toLowerCase(), kept);
  }

  // Rows dropped above may be parents (self references, keys made of foreign keys): drop their orphans too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of db.tables) {
      const list = rows.get(table.name.toLowerCase())!;
      const valid = list.filter((row) =>
        table.foreignKeys.every((fk) => {
          const values = fk.columns.map((c) => row.get(c.toLowerCase()) ?? NULL);
          if (values.some((v) => v === NULL)) return true;
          const parent = db.tables.find((t) => t.name.toLowerCase() === fk.referencedTable.toLowerCase());
          const refs = (fk.referencedColumns.length ? fk.referencedColumns : (parent?.primaryKey?.columns ?? [])).map((r) => r.toLowerCase());
          return (rows.get(fk.referencedTable.toLowerCase()) ?? []).some((p) => refs.every((r, i) => p.get(r) === values[i]));
        }),
      );
      if (valid.length !== list.length) {
        rows.set(table.name.toLowerCase(), valid);
        changed = true;
      }
    }
  }

  const statements: string[] = [];
  for (const table of db.tables) {
    for (const row of rows.get(table.name.toLowerCase())!) {
      const cols = table.columns.filter((c) => row.has(c.name.toLowerCase()));
      statements.push(`INSERT INTO ${q(table.name)} (${cols.map((c) => q(c.name)).join(', ')}) VALUES (${cols.map((c) => row.get(c.name.toLowerCase())).join(', ')});`);
    }
  }
  return statements;
}

/** Records the row's value of each key; false (and nothing recorded) when one is taken. NULLs never collide. */
function claimKeys(row: Row, keys: readonly string[][], seen: Set<string>[]): boolean {
  const tuples = keys.map((k) => k.map((c) => row.get(c) ?? NULL));
  const texts = tuples.map((t) => (t.includes(NULL) ? undefined : canonicalKey(t)));
  if (texts.some((t, i) => t !== undefined && seen[i]!.has(t))) return false;
  texts.forEach((t, i) => t !== undefined && seen[i]!.add(t));
  return true;
}

/** Literals compare as SQLite compares the stored values: `1.50` and `1.5` are one number. */
function canonicalKey(literals: readonly string[]): string {
  return literals.map((l) => (/^-?\d+(\.\d+)?(e\d+)?$/i.test(l) && !/^-?\d{16,}$/.test(l) ? String(Number(l)) : l)).join('\u0000');
}
