/**
 * Lint rules over one migration, each with a stable L7xx code. A rule reads the LintContext (changes, statements,
 * rebuilt tables) and returns findings; severities and ignores are applied by lint.ts.
 */
import type { Span } from '../diagnostics/span.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { findTable } from '../database/model.js';
import { sameName, typeFamily, type TypeFamily } from '../database/normalize.js';
import { findStatement, hasSequence, type LintContext } from './context.js';

export interface Finding {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span?: Span;
  readonly hint?: string;
}

export type Rule = (ctx: LintContext) => Finding[];

const q = (name: string): string => `\`${name}\``;

function at(ctx: LintContext, predicate: (w: readonly string[]) => boolean): { span?: Span } {
  const st = findStatement(ctx, predicate);
  return st ? { span: st.span } : {};
}

/** How much a type family can hold, for "narrowing": a change to a lower rank may not fit the values. */
const RANK: Partial<Record<TypeFamily, number>> = { Boolean: 1, Int: 2, BigInt: 3, Float: 4, Decimal: 4, DateTime: 4, Json: 5, String: 6, Bytes: 6 };

export const RULES: Record<string, Rule> = {
  L701: (ctx) =>
    ctx.changes.flatMap((c) =>
      c.kind === 'DropTable'
        ? [{ code: 'L701', message: `Drops the table ${q(c.table.name)} and every row in it.`, ...at(ctx, (w) => hasSequence(w, 'DROP', 'TABLE') && w.some((x) => sameName(x, c.table.name))) }]
        : [],
    ),
  L702: (ctx) =>
    ctx.changes.flatMap((c) =>
      c.kind === 'DropColumn'
        ? [
            {
              code: 'L702',
              message: `Drops the column ${q(c.column.name)} of ${q(c.table)} and its values.`,
              ...at(ctx, (w) => (hasSequence(w, 'DROP', 'COLUMN') && w.some((x) => sameName(x, c.column.name))) || (w[0] === 'CREATE' && w.some((x) => sameName(x, c.table) || sameName(x, `new_${c.table}`)))),
            },
          ]
        : [],
    ),
  L703: (ctx) =>
    ctx.rebuilt.flatMap((r) => {
      const kept = r.after.columns.filter((c) => !c.generated && r.before.columns.some((b) => sameName(b.name, c.name) && !b.generated));
      if (r.copied === undefined) {
        return kept.length ? [{ code: 'L703', message: `Rebuilds ${q(r.table)} without copying its rows: the table ends up empty.`, span: r.statement.span }] : [];
      }
      const missing = kept.filter((c) => !r.copied!.some((x) => sameName(x, c.name)));
      return missing.length
        ? [{ code: 'L703', message: `Rebuilds ${q(r.table)} without copying ${missing.map((c) => q(c.name)).join(', ')}: their values are lost.`, span: r.statement.span }]
        : [];
    }),
  L704: (ctx) =>
    ctx.changes.flatMap((c) => {
      if (c.kind !== 'AddIndex' || !c.index.unique || !findTable(ctx.before, c.index.table)) return [];
      const cols = c.index.columns.map((x) => x.name ?? x.expression ?? '');
      return [
        {
          code: 'L704',
          message: `Adds a unique constraint on ${q(c.index.table)}(${cols.join(', ')}): it fails if existing rows hold duplicates.`,
          ...at(ctx, (w) => hasSequence(w, 'CREATE', 'UNIQUE', 'INDEX') && w.some((x) => sameName(x, c.index.name))),
        },
      ];
    }),
  L705: (ctx) =>
    ctx.changes.flatMap((c) =>
      c.kind === 'AlterColumn' && c.changes.includes('nullability') && c.to.notNull
        ? [
            {
              code: 'L705',
              message: `Makes ${q(c.table)}.${q(c.to.name)} required${c.to.default !== undefined ? ` (NULLs are filled with ${c.to.default} only if the rebuild coalesces them)` : ': it fails if rows hold NULL in it'}.`,
              ...at(ctx, (w) => w[0] === 'CREATE' && w.some((x) => sameName(x, c.table) || sameName(x, `new_${c.table}`))),
            },
          ]
        : [],
    ),
  L706: (ctx) =>
    ctx.changes.flatMap((c) =>
      c.kind === 'AddColumn' &&
      c.column.notNull &&
      c.column.default === undefined &&
      !c.column.generated &&
      findTable(ctx.before, c.table) &&
      // A rebuild that fills the new column itself (a hand-written backfill in its INSERT … SELECT) is fine.
      !ctx.rebuilt.some((r) => sameName(r.table, c.table) && r.copied?.some((x) => sameName(x, c.column.name)))
        ? [
            {
              code: 'L706',
              message: `Adds the required column ${q(c.column.name)} to ${q(c.table)} without a default: it fails if the table has rows.`,
              ...at(ctx, (w) => w.some((x) => sameName(x, c.column.name))),
            },
          ]
        : [],
    ),
  L707: (ctx) =>
    ctx.changes.flatMap((c) => {
      if (c.kind !== 'AlterColumn' || !c.changes.includes('type')) return [];
      const from = RANK[typeFamily(c.from.type)];
      const to = RANK[typeFamily(c.to.type)];
      if (from === undefined || to === undefined || to >= from) return [];
      return [
        {
          code: 'L707',
          message: `Narrows ${q(c.table)}.${q(c.to.name)} from ${c.from.type} to ${c.to.type}: values that do not fit are kept as they are, or rounded.`,
          ...at(ctx, (w) => w[0] === 'CREATE' && w.some((x) => sameName(x, c.table) || sameName(x, `new_${c.table}`))),
        },
      ];
    }),
  L708: (ctx) =>
    ctx.statements.flatMap((st) => {
      const w = st.words;
      if (w[0] !== 'ALTER' || w[1] !== 'TABLE') return [];
      const renameTo = w.indexOf('RENAME');
      if (renameTo === -1) return [];
      const table = w[2]!;
      if (w[renameTo + 1] === 'TO' && !/^new_/.test(table) && !/^_codegen_/.test(table)) {
        return [{ code: 'L708', message: `Renames the table ${q(table)} to ${q(w[renameTo + 2] ?? '')}.`, span: st.span }];
      }
      if (w[renameTo + 1] === 'COLUMN' || (w[renameTo + 2] === 'TO' && w[renameTo + 1] !== 'TO')) {
        const from = w[renameTo + 1] === 'COLUMN' ? w[renameTo + 2] : w[renameTo + 1];
        const to = w[w.length - 1];
        return [{ code: 'L708', message: `Renames the column ${q(table)}.${q(from ?? '')} to ${q(to ?? '')}.`, span: st.span }];
      }
      return [];
    }),
  L709: (ctx) => {
    const out: Finding[] = [];
    for (const drop of ctx.changes) {
      if (drop.kind !== 'DropColumn') continue;
      const add = ctx.changes.find((c) => c.kind === 'AddColumn' && sameName(c.table, drop.table) && typeFamily(c.column.type) === typeFamily(drop.column.type));
      if (!add || add.kind !== 'AddColumn') continue;
      out.push({
        code: 'L709',
        message: `${q(drop.table)} drops ${q(drop.column.name)} and adds ${q(add.column.name)} of the same type: if this is a rename, the values of ${q(drop.column.name)} are lost.`,
        ...at(ctx, (w) => w.some((x) => sameName(x, add.column.name))),
      });
    }
    return out;
  },
  L710: (ctx) => newColumnsOfFamily(ctx, 'Decimal').map(({ table, column, span }) => ({ code: 'L710', message: `${q(table)}.${q(column)} is DECIMAL: SQLite stores it as a float.`, ...(span ? { span } : {}) })),
  L711: (ctx) => newColumnsOfFamily(ctx, 'Json').map(({ table, column, span }) => ({ code: 'L711', message: `${q(table)}.${q(column)} is JSONB, which has NUMERIC affinity in SQLite.`, ...(span ? { span } : {}) })),
  L712: (ctx) => ctx.rebuilt.map((r) => ({ code: 'L712', message: `Rebuilds ${q(r.table)}: every row is copied while the write lock is held.`, span: r.statement.span })),
  L713: (ctx) => {
    let inTransaction = false;
    const out: Finding[] = [];
    for (const st of ctx.statements) {
      const w = st.words;
      if (w[0] === 'BEGIN') inTransaction = true;
      else if (w[0] === 'COMMIT' || w[0] === 'END' || (w[0] === 'ROLLBACK' && w[1] !== 'TO')) inTransaction = false;
      else if (inTransaction && w[0] === 'PRAGMA' && w.some((x) => /^foreign_keys$/i.test(x))) {
        out.push({ code: 'L713', message: '`PRAGMA foreign_keys` inside BEGIN … COMMIT does nothing.', span: st.span });
      }
    }
    return out;
  },
  L714: (ctx) => {
    const out: Finding[] = [];
    const dropped = ctx.statements.filter((s) => s.words[0] === 'DROP' && s.words[1] === 'TABLE');
    for (const st of dropped) {
      const name = st.words[2] === 'IF' ? st.words[4] : st.words[2];
      if (!name) continue;
      const children = ctx.before.tables.filter((t) => !sameName(t.name, name) && t.foreignKeys.some((fk) => sameName(fk.referencedTable, name) && fk.onDelete === 'CASCADE'));
      if (children.length === 0) continue;
      out.push({
        code: 'L714',
        message: `Dropping ${q(name)} deletes the rows of ${children.map((c) => q(c.name)).join(', ')} (ON DELETE CASCADE) when the file runs inside a transaction with foreign keys on.`,
        span: st.span,
      });
    }
    return out;
  },
  L715: (ctx) =>
    ctx.statements.flatMap((st) => {
      const w = st.words;
      if (w.some((x) => /^(sqlite_sequence|_codegen_(old|seq)_.*)$/.test(x))) return []; // a rebuild's own bookkeeping
      const isData = w[0] === 'UPDATE' || w[0] === 'DELETE' || (w[0] === 'INSERT' && !isRebuildCopy(ctx, w));
      return isData ? [{ code: 'L715', message: `Hand-written ${w[0]}: ${st.text.replace(/\s+/g, ' ').slice(0, 100)}`, span: st.span }] : [];
    }),
};

/** An INSERT that fills a rebuilt table (Prisma's `new_T`, ours in place), which the diff engine writes itself. */
function isRebuildCopy(ctx: LintContext, w: readonly string[]): boolean {
  const target = (w[2] ?? '').replace(/^temp\./i, '');
  return w.includes('SELECT') && (/^new_/.test(target) || ctx.rebuilt.some((r) => sameName(r.table, target)));
}

/** Columns of a family that this migration adds or changes into that family. */
function newColumnsOfFamily(ctx: LintContext, family: TypeFamily): { table: string; column: string; span?: Span }[] {
  const out: { table: string; column: string; span?: Span }[] = [];
  for (const c of ctx.changes) {
    const cols =
      c.kind === 'AddTable'
        ? c.table.columns.map((col) => ({ table: c.table.name, col }))
        : c.kind === 'AddColumn'
          ? [{ table: c.table, col: c.column }]
          : c.kind === 'AlterColumn' && c.changes.includes('type')
            ? [{ table: c.table, col: c.to }]
            : [];
    for (const { table, col } of cols) {
      if (typeFamily(col.type) !== family) continue;
      const st = findStatement(ctx, (w) => w.some((x) => sameName(x, col.name)) && w.some((x) => sameName(x, table) || sameName(x, `new_${table}`)));
      out.push({ table, column: col.name, ...(st ? { span: st.span } : {}) });
    }
  }
  return out;
}
