/**
 * Safety checks: which changes lose data (warnings) and which cannot run on the data at hand (unexecutable),
 * with live row counts when a database is given, as Prisma's destructive change checker does. Without a
 * database, the same checks produce the static warnings Prisma writes into a migration file's header.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseModel, Index, Table } from '../database/model.js';
import { findTable } from '../database/model.js';
import { sameName, typeFamily } from '../database/normalize.js';
import { quoteIdentifier as q, quoteString } from '../database/sql-text.js';
import { indexRenames } from './dependents.js';
import { mentionsIdentifier } from './mentions.js';
import type { Change } from '../diff/changes.js';

export type Query = (sql: string) => Record<string, unknown>[];

export interface SchemaHints {
  /** `table.column` (database names) of required columns whose default lives in the client (uuid(), @updatedAt…). */
  readonly clientDefaults?: ReadonlySet<string>;
  /** Enum columns of the desired schema and the values they may hold. */
  readonly enumColumns?: readonly { readonly table: string; readonly column: string; readonly enumName: string; readonly values: readonly string[] }[];
}

export interface SafetyReport {
  /** Data may be lost: needs confirmation (`--accept-data-loss`). */
  readonly warnings: Diagnostic[];
  /** Cannot run on this data: the migration must change first. */
  readonly unexecutable: Diagnostic[];
}

export interface CheckInput {
  readonly from: DatabaseModel;
  readonly to: DatabaseModel;
  readonly changes: readonly Change[];
  /** Runs a read-only query on the `from` database. Absent: static checks only. */
  readonly query?: Query;
  readonly hints?: SchemaHints;
  /** countStatements(from, changes), when the caller has them already (it posted them ahead). */
  readonly countStatements?: readonly CountStatement[];
}

/** Prisma's names for type families in messages (`Int`, `String`, …); unsupported types keep their SQL name. */
function typeName(declared: string): string {
  if (declared.trim() === '') return '(none)';
  const f = typeFamily(declared);
  return f.startsWith('Unsupported:') ? declared : f;
}

/** The counts the checks read, each one scalar SQL query: built here only, so that a prefetched count is found. */
const rowCount = (table: string): string => `SELECT count(*) FROM ${q(table)}`;
const nonNullCount = (table: string, column: string): string => `SELECT count(${q(column)}) FROM ${q(table)}`;
const nullCount = (table: string, column: string): string => `SELECT count(*) FROM ${q(table)} WHERE ${q(column)} IS NULL`;

/** How the checks find what a table and column of the migration's result were, through the declared renames. */
interface Before {
  readonly table: (name: string) => Table | undefined;
  readonly column: (table: string, column: string) => string;
}

function beforeOf(from: DatabaseModel, changes: readonly Change[]): Before {
  const renamedFrom = indexRenames(changes, 'to');
  return { table: (name) => findTable(from, renamedFrom.table(name) ?? name), column: (table, column) => renamedFrom.column(table, column) ?? column };
}

/**
 * The counts the checks below read whatever the answers are: a dropped table's rows, a dropped or recast column's
 * values, a column made required's NULLs, the rows of a table that gains a required column without a default or a
 * new primary key. Counted up front in few statements: one statement per count was ~50 µs each, 13 ms for the 250
 * type changes of the 1,000-model bench. Only these: a count scans its table, so one that a check reads only
 * depending on another answer (the duplicates of a new unique index) is run when it is needed.
 */
function countsSurelyRead(changes: readonly Change[], before: Before): string[] {
  const counts: string[] = [];
  for (const c of changes) {
    if (c.kind === 'DropTable') {
      counts.push(rowCount(c.table.name));
      continue;
    }
    if (c.kind !== 'DropColumn' && c.kind !== 'AlterColumn' && c.kind !== 'AddColumn' && c.kind !== 'AlterPrimaryKey') continue;
    const t = before.table(c.table);
    if (!t) continue;
    if (c.kind === 'DropColumn') counts.push(nonNullCount(t.name, c.column.name));
    else if (c.kind === 'AlterColumn') {
      const source = before.column(c.table, c.to.name);
      if (castsData(c)) counts.push(nonNullCount(t.name, source));
      if (requiresWithoutDefault(c)) counts.push(nullCount(t.name, source));
    } else if (c.kind === 'AddColumn' ? addsRequiredWithoutDefault(c) : c.from && c.to) counts.push(rowCount(t.name));
  }
  return counts;
}

function addsRequiredWithoutDefault(c: Extract<Change, { kind: 'AddColumn' }>): boolean {
  return c.column.notNull && c.column.default === undefined && !c.column.generated;
}

/** A type change whose values SQLite may convert (to a String column, every value keeps its text). */
function castsData(c: Extract<Change, { kind: 'AlterColumn' }>): boolean {
  return c.changes.includes('type') && typeFamily(c.to.type) !== 'String';
}

function requiresWithoutDefault(c: Extract<Change, { kind: 'AlterColumn' }>): boolean {
  return c.changes.includes('nullability') && c.to.notNull && c.to.default === undefined;
}

/**
 * The statements that read the counts the checks surely need (countsSurelyRead), up to 500 scalar subqueries each
 * (SQLite allows 2,000 result columns by default). Exported so that a caller whose `query` runs elsewhere can post
 * them ahead (api/diff.ts), while it plans.
 */
export function countStatements(from: DatabaseModel, changes: readonly Change[]): CountStatement[] {
  return statementsFor(countsSurelyRead(changes, beforeOf(from, changes)));
}

function statementsFor(counts: readonly string[]): CountStatement[] {
  const unique = [...new Set(counts)];
  const statements: CountStatement[] = [];
  for (let at = 0; at < unique.length; at += COUNTS_PER_STATEMENT) {
    const chunk = unique.slice(at, at + COUNTS_PER_STATEMENT);
    statements.push({ counts: chunk, sql: `SELECT ${chunk.map((count, i) => `(${count}) AS c${i}`).join(', ')}` });
  }
  return statements;
}

export interface CountStatement {
  /** The scalar queries it answers, in the order of its columns c0, c1, … */
  readonly counts: readonly string[];
  readonly sql: string;
}

/** The answers of the statements, keyed by the scalar query each column answers. */
function readCounts(query: Query, statements: readonly CountStatement[]): Map<string, number> {
  const answers = new Map<string, number>();
  for (const { counts, sql } of statements) {
    const row = query(sql)[0] ?? {};
    counts.forEach((count, i) => answers.set(count, Number(row[`c${i}`] ?? 0)));
  }
  return answers;
}

const COUNTS_PER_STATEMENT = 500;

export function checkMigration(input: CheckInput): SafetyReport {
  const { from, changes, query, hints } = input;
  const warnings: Diagnostic[] = [];
  const unexecutable: Diagnostic[] = [];
  const live = query !== undefined;
  const { table: before, column: columnBefore } = beforeOf(from, changes);
  const answers = live ? readCounts(query, input.countStatements ?? statementsFor(countsSurelyRead(changes, { table: before, column: columnBefore }))) : new Map<string, number>();
  const count = (sql: string): number => {
    let n = answers.get(sql);
    if (n === undefined) answers.set(sql, (n = Number(Object.values(query!(sql)[0] ?? {})[0] ?? 0)));
    return n;
  };
  const rowsIn = (table: string): number => count(rowCount(table));

  for (const c of changes) {
    switch (c.kind) {
      case 'DropTable': {
        if (!live) {
          warnings.push(diagnostic('D301', `You are about to drop the \`${c.table.name}\` table. If the table is not empty, all the data it contains will be lost.`));
          break;
        }
        const n = rowsIn(c.table.name);
        if (n > 0) warnings.push(diagnostic('D301', `You are about to drop the \`${c.table.name}\` table, which is not empty (${n} row${n === 1 ? '' : 's'}).`));
        break;
      }
      case 'DropColumn': {
        const t = before(c.table);
        if (!t) break;
        if (!live) {
          warnings.push(diagnostic('D302', `You are about to drop the column \`${c.column.name}\` on the \`${c.table}\` table. All the data in the column will be lost.`));
          break;
        }
        const n = count(nonNullCount(t.name, c.column.name));
        if (n > 0) warnings.push(diagnostic('D302', `You are about to drop the column \`${c.column.name}\` on the \`${c.table}\` table, which still contains ${n} non-null value${n === 1 ? '' : 's'}.`));
        break;
      }
      case 'AlterColumn': {
        const t = before(c.table);
        if (!t) break;
        const source = columnBefore(c.table, c.to.name);
        if (castsData(c)) {
          const cast = `The data in that column will be cast from \`${typeName(c.from.type)}\` to \`${typeName(c.to.type)}\`.`;
          if (!live) warnings.push(diagnostic('D303', `You are about to alter the column \`${c.to.name}\` on the \`${c.table}\` table. The data in that column could be lost. ${cast}`));
          else {
            const n = count(nonNullCount(t.name, source));
            if (n > 0) warnings.push(diagnostic('D303', `You are about to alter the column \`${c.to.name}\` on the \`${c.table}\` table, which contains ${n} non-null value${n === 1 ? '' : 's'}. ${cast}`));
          }
        }
        if (requiresWithoutDefault(c)) {
          if (!live) {
            warnings.push(diagnostic('D309', `Made the column \`${c.to.name}\` on table \`${c.table}\` required. This is not possible if the column holds NULL values.`, { severity: 'warning' }));
          } else {
            const nulls = count(nullCount(t.name, source));
            if (nulls > 0) unexecutable.push(diagnostic('D309', `Made the column \`${c.to.name}\` on table \`${c.table}\` required, but there ${nulls === 1 ? 'is 1 existing NULL value' : `are ${nulls} existing NULL values`}.`));
          }
        }
        if (c.changes.includes('nullability') && c.to.notNull && c.to.default !== undefined) {
          // Its NULLs become the default: a unique index over it (kept, not added here) may no longer hold.
          const added = new Set(changes.filter((x) => x.kind === 'AddIndex').map((x) => (x.kind === 'AddIndex' ? x.index : undefined)));
          for (const index of findTable(input.to, c.table)?.indexes ?? []) {
            if (index.unique && !added.has(index) && index.columns.some((x) => x.name !== undefined && sameName(x.name, c.to.name))) checkNewUnique(index, c.to.name);
          }
        }
        break;
      }
      case 'AddColumn': {
        if (!addsRequiredWithoutDefault(c)) break;
        const t = before(c.table);
        if (!t) break;
        const clientSide = hints?.clientDefaults?.has(`${c.table}.${c.column.name}`.toLowerCase()) ?? false;
        const code = clientSide ? 'D310' : 'D308';
        const what = clientSide ? 'with a default that only the client computes (such as `uuid()` or `@updatedAt`)' : 'without a default value';
        if (!live) {
          warnings.push(diagnostic(code, `Added the required column \`${c.column.name}\` to the \`${c.table}\` table ${what}. This is not possible if the table is not empty.`, { severity: 'warning' }));
          break;
        }
        const n = rowsIn(t.name);
        if (n > 0) unexecutable.push(diagnostic(code, `Added the required column \`${c.column.name}\` to the \`${c.table}\` table ${what}. There ${n === 1 ? 'is 1 row' : `are ${n} rows`} in this table, it is not possible to execute this step.`));
        break;
      }
      case 'AddIndex':
        if (c.index.unique) checkNewUnique(c.index);
        break;
      case 'AlterPrimaryKey': {
        const t = before(c.table);
        if (!t || !c.from || !c.to) break;
        if (!live || rowsIn(t.name) > 0) {
          warnings.push(diagnostic('D306', `The primary key for the \`${c.table}\` table will be changed. If it partially fails, the table could be left without primary key constraint.`));
        }
        break;
      }
      case 'AddForeignKey': {
        const t = before(c.table);
        if (!t || !live) break;
        const parent = before(c.foreignKey.referencedTable);
        const cols = c.foreignKey.columns.map((col) => columnBefore(c.table, col));
        if (!cols.every((col) => t.columns.some((x) => sameName(x.name, col)))) break;
        if (!parent) {
          // The parent is created by this migration, so it starts empty: every reference the rows hold breaks.
          const pointing = count(`SELECT count(*) FROM ${q(t.name)} WHERE ${cols.map((col) => `${q(col)} IS NOT NULL`).join(' AND ')}`);
          if (pointing > 0) {
            unexecutable.push(
              diagnostic(
                'D313',
                `The new foreign key on \`${c.table}\`(${cols.join(', ')}) → \`${c.foreignKey.referencedTable}\` does not hold: \`${c.foreignKey.referencedTable}\` is created empty by this migration, and ${pointing} row${pointing === 1 ? ' points' : 's point'} at it.`,
                { hint: `If \`${c.foreignKey.referencedTable}\` is a renamed table, declare the rename (\`/// @renamed(from: "old")\` on the model) so that its rows are kept.` },
              ),
            );
          }
          break;
        }
        const refs = c.foreignKey.referencedColumns.length ? c.foreignKey.referencedColumns : (parent.primaryKey?.columns ?? []);
        if (refs.length !== cols.length || !refs.every((r) => parent.columns.some((x) => sameName(x.name, r)))) break;
        const orphans = count(
          `SELECT count(*) FROM ${q(t.name)} AS c WHERE ${cols.map((col) => `c.${q(col)} IS NOT NULL`).join(' AND ')} AND NOT EXISTS (SELECT 1 FROM ${q(parent.name)} AS p WHERE ${cols.map((col, i) => `p.${q(refs[i]!)} = c.${q(col)}`).join(' AND ')})`,
        );
        if (orphans > 0) {
          unexecutable.push(
            diagnostic('D313', `The new foreign key on \`${c.table}\`(${cols.join(', ')}) → \`${parent.name}\` does not hold: ${orphans} row${orphans === 1 ? '' : 's'} point${orphans === 1 ? 's' : ''} at missing parents.`),
          );
        }
        break;
      }
      default:
        break;
    }
  }

  if (live) {
    for (const e of hints?.enumColumns ?? []) {
      const t = before(e.table);
      if (!t || !t.columns.some((x) => sameName(x.name, columnBefore(e.table, e.column)))) continue;
      const col = q(columnBefore(e.table, e.column));
      const rows = query!(`SELECT ${col} AS v, count(*) AS n FROM ${q(t.name)} WHERE ${col} IS NOT NULL AND ${col} NOT IN (${e.values.map(quoteString).join(', ') || 'NULL'}) GROUP BY ${col} ORDER BY ${col} LIMIT 6`);
      if (rows.length === 0) continue;
      const total = rows.reduce((s, r) => s + Number(r.n), 0);
      warnings.push(
        diagnostic('D307', `The column \`${e.column}\` on \`${e.table}\` holds values that are not in the enum \`${e.enumName}\`: ${rows.slice(0, 5).map((r) => `'${String(r.v)}'`).join(', ')}${rows.length > 5 ? ', …' : ''} (${total}${rows.length > 5 ? '+' : ''} row${total === 1 && rows.length <= 5 ? '' : 's'}).`, {
          hint: `Add the values back to \`${e.enumName}\`, or update those rows before migrating.`,
        }),
      );
    }
  }
  return { warnings, unexecutable };

  /** The default that fills the NULLs of a column this migration makes required, if it does. */
  function fillOf(table: string, column: string): string | undefined {
    const c = changes.find((x) => x.kind === 'AlterColumn' && sameName(x.table, table) && sameName(x.to.name, column));
    return c && c.kind === 'AlterColumn' && c.changes.includes('nullability') && c.to.notNull ? c.to.default : undefined;
  }

  /**
   * Whether a unique index holds on the rows once the migration has filled them: an index this migration adds
   * (`filled` undefined), or an existing one over a column it makes required with a default (`filled`: that column).
   */
  function checkNewUnique(index: Index, filled?: string): void {
    const cols = index.columns.map((x) => x.name).filter((x): x is string => x !== undefined);
    const described = `\`[${cols.join(',')}]\``;
    if (!live) {
      if (filled === undefined) warnings.push(diagnostic('D304', `A unique constraint covering the columns ${described} on the table \`${index.table}\` will be added. If there are existing duplicate values, this will fail.`));
      return;
    }
    const t = before(index.table);
    if (!t) return;
    const sources = cols.map((col) => columnBefore(index.table, col));
    if (sources.length !== index.columns.length) return;
    const existing = sources.filter((col) => t.columns.some((x) => sameName(x.name, col)));
    const added = sources.filter((col) => !existing.includes(col));
    if (added.length > 0) {
      // A column added by this migration holds the same value on every existing row: its default, or NULL (which
      // never collides). So the rows collide when they agree on the index's other columns.
      const table = findTable(input.to, index.table);
      const columns = added.map((col) => table?.columns.find((x) => sameName(x.name, col)));
      if (columns.some((c) => !c || c.default === undefined || c.generated)) return;
      if (index.where !== undefined && added.some((col) => mentionsIdentifier(index.where!, col))) return;
    }
    if (rowsIn(t.name) === 0) return;
    // A column made required with a default holds that default where it held NULL.
    const fills = cols.map((col) => fillOf(index.table, col));
    const expressions = existing.map((col) => {
      const fill = fills[sources.indexOf(col)];
      return fill !== undefined ? `coalesce(${q(col)}, ${fill})` : q(col);
    });
    const list = expressions.join(', ');
    const conditions = [index.where, ...expressions.map((e) => `${e} IS NOT NULL`)].filter(Boolean);
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const finder = existing.length
      ? `SELECT ${list}, count(*) FROM ${q(t.name)}${where} GROUP BY ${list} HAVING count(*) > 1`
      : `SELECT count(*) FROM ${q(t.name)}${where} HAVING count(*) > 1`;
    const dups = count(`SELECT count(*) FROM (${finder})`);
    const filledNames = cols.filter((_, i) => fills[i] !== undefined && existing.includes(sources[i]!));
    const why = [
      added.length ? `the new column${added.length === 1 ? '' : 's'} ${added.map((c) => `\`${c}\``).join(', ')} get${added.length === 1 ? 's' : ''} the same default on every existing row` : '',
      filledNames.length ? `the NULLs of ${filledNames.map((c) => `\`${c}\``).join(', ')}, made required, become the default` : '',
    ].filter(Boolean);
    const because = why.length ? ` (${why.join('; ')})` : '';
    if (dups > 0) {
      const what = filled === undefined ? 'cannot be added' : 'would not hold';
      unexecutable.push(
        diagnostic('D305', `A unique constraint covering the columns ${described} on the table \`${index.table}\` ${what}: ${dups} value${dups === 1 ? ' is' : 's are'} duplicated${because}.`, {
          hint: `Find them with: ${finder};`,
        }),
      );
    } else if (filled === undefined) {
      warnings.push(diagnostic('D304', `A unique constraint covering the columns ${described} on the table \`${index.table}\` will be added. The current rows hold no duplicates.`, { severity: 'info' }));
    }
  }
}
