/** SQL text for tables and indexes, in exactly the layout Prisma's migration engine writes. */
import type { Column, ForeignKey, Index, Table } from '../database/model.js';
import { quoteIdentifier as q } from '../database/sql-text.js';

const INDENT = '    ';

export function renderColumn(column: Column, inlinePrimaryKey?: { autoincrement: boolean }): string {
  let sql = q(column.name);
  if (column.type) sql += ` ${column.type}`;
  if (column.collation) sql += ` COLLATE ${column.collation}`;
  if (column.notNull) sql += ' NOT NULL';
  if (inlinePrimaryKey) sql += inlinePrimaryKey.autoincrement ? ' PRIMARY KEY AUTOINCREMENT' : ' PRIMARY KEY';
  if (column.default !== undefined) sql += ` DEFAULT ${column.default}`;
  if (column.generated) sql += ` GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`;
  return sql;
}

export function renderForeignKey(fk: ForeignKey): string {
  const name = fk.name !== undefined ? `CONSTRAINT ${q(fk.name)} ` : '';
  const refs = fk.referencedColumns.length > 0 ? ` (${fk.referencedColumns.map(q).join(', ')})` : '';
  const deferrable = fk.deferrable ? ' DEFERRABLE INITIALLY DEFERRED' : '';
  return `${name}FOREIGN KEY (${fk.columns.map(q).join(', ')}) REFERENCES ${q(fk.referencedTable)}${refs} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${deferrable}`;
}

/** `CREATE TABLE "name" (…);` — a single-column key inline, a compound key after a blank line, then foreign keys. */
export function renderCreateTable(table: Table, name: string = table.name): string {
  const pk = table.primaryKey;
  const inline = pk && pk.columns.length === 1 ? pk.columns[0]!.toLowerCase() : undefined;
  const columns = table.columns.map((c) => INDENT + renderColumn(c, inline !== undefined && c.name.toLowerCase() === inline ? { autoincrement: pk!.autoincrement } : undefined));
  let body = columns.join(',\n');
  if (pk && pk.columns.length > 1) {
    const constraint = pk.constraintName !== undefined ? `CONSTRAINT ${q(pk.constraintName)} ` : '';
    body += `,\n\n${INDENT}${constraint}PRIMARY KEY (${pk.columns.map(q).join(', ')})`;
  }
  for (const ck of table.checks) body += `,\n${INDENT}${ck.name !== undefined ? `CONSTRAINT ${q(ck.name)} ` : ''}CHECK (${ck.expression})`;
  for (const fk of table.foreignKeys) body += `,\n${INDENT}${renderForeignKey(fk)}`;
  const options = [table.withoutRowid ? 'WITHOUT ROWID' : '', table.strict ? 'STRICT' : ''].filter(Boolean).join(', ');
  return `CREATE TABLE ${q(name)} (\n${body}\n)${options ? ` ${options}` : ''};`;
}

/** `CREATE [UNIQUE] INDEX "name" ON "table"("a", "b" DESC) [WHERE …];` */
export function renderCreateIndex(index: Index, table: string = index.table): string {
  const cols = index.columns
    .map((c) => {
      const target = c.name !== undefined ? q(c.name) : `${c.expression}`;
      return `${target}${c.collation ? ` COLLATE ${c.collation}` : ''}${c.sort === 'DESC' ? ' DESC' : ''}`;
    })
    .join(', ');
  const where = index.where !== undefined ? ` WHERE ${index.where}` : '';
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)}(${cols})${where};`;
}
