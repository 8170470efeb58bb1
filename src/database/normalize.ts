/**
 * Equivalence rules for comparing two DatabaseModels, so that equal schemas spelled differently do not diff:
 * type names by the Prisma type family they map to, defaults by value for the column's type, identifiers
 * without case (SQLite compares them case-insensitively).
 */
import type { Column, ForeignKey, Index, IndexColumn } from './model.js';
import { unquoteString } from './sql-text.js';

/** The type family of a declared type, as Prisma's SQLite describer classifies it. */
export type TypeFamily = 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'Boolean' | 'String' | 'DateTime' | 'Bytes' | 'Json' | `Unsupported:${string}`;

/**
 * typeFamily by declared type. Diffing a large database asks for the family of every column several times over,
 * and a schema uses a handful of distinct type names, so the cache stays small.
 */
const familyCache = new Map<string, TypeFamily>();

export function typeFamily(declared: string): TypeFamily {
  let family = familyCache.get(declared);
  if (family === undefined) {
    family = computeTypeFamily(declared);
    familyCache.set(declared, family);
  }
  return family;
}

function computeTypeFamily(declared: string): TypeFamily {
  const t = declared.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = t.replace(/\s*\(.*\)$/, '');
  switch (base) {
    case 'int':
    case 'integer':
    case 'mediumint':
    case 'smallint':
    case 'tinyint':
    case 'int2':
    case 'int4':
      return 'Int';
    case 'bigint':
    case 'int8':
    case 'unsigned big int':
      return 'BigInt';
    case 'real':
    case 'float':
    case 'double':
    case 'double precision':
      return 'Float';
    case 'decimal':
    case 'numeric':
      return 'Decimal';
    case 'boolean':
    case 'bool':
      return 'Boolean';
    case 'text':
    case 'varchar':
    case 'character':
    case 'varying character':
    case 'nchar':
    case 'native character':
    case 'nvarchar':
    case 'clob':
    case 'char':
      return 'String';
    case 'datetime':
    case 'date':
    case 'timestamp':
      return 'DateTime';
    case 'blob':
      return 'Bytes';
    case 'jsonb':
    case 'json':
      return 'Json';
    default:
      return affinityFamily(base) ?? `Unsupported:${t}`;
  }
}

/**
 * The family of a name not listed above, from SQLite's column affinity rules (sqlite.org/datatype3.html §3.1), where
 * the affinity settles what the column holds: TEXT affinity (`CHARACTER VARYING(20)`, `LONGTEXT`, `VARCHAR2`) holds
 * only text, REAL affinity (`FLOAT8`, `DOUBLE PRECISION`) only floating point numbers, a BLOB name holds bytes. An
 * INTEGER affinity name counts only when it names an integer (`INT UNSIGNED`, `UNSIGNED BIG INT`): `POINT` and
 * `INTERVAL` have INTEGER affinity too, by the substring rule, and stay Unsupported, as does every NUMERIC name.
 * Prisma's describer reads `…char…` as String the same way.
 */
function affinityFamily(base: string): TypeFamily | undefined {
  if (base.includes('int')) {
    if (!/^(unsigned )?(tiny|small|medium|big)?int(eger)?\d*( unsigned)?$|^unsigned big int$/.test(base)) return undefined;
    return base.includes('big') || base.endsWith('int8') ? 'BigInt' : 'Int';
  }
  if (base.includes('char') || base.includes('clob') || base.includes('text')) return 'String';
  if (base.includes('blob')) return 'Bytes';
  if (base.includes('real') || base.includes('floa') || base.includes('doub')) return 'Float';
  return undefined;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function sameType(a: string, b: string): boolean {
  return typeFamily(a) === typeFamily(b);
}

/** Strips redundant outer parentheses: `(0)` → `0`, `((x))` → `x`. */
export function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

/** Whether the parentheses in SQL text pair up, outside '…' strings and "…" identifiers. */
function balanced(s: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && quote === undefined;
}

/**
 * A canonical form of a DEFAULT expression for a column of the given declared type, so that `'0'`/`0`,
 * `TRUE`/`true`/`1`, `current_timestamp`/`CURRENT_TIMESTAMP`, `[]`/`'[]'` and `1.50`/`1.5` compare equal.
 */
export function normalizeDefault(expression: string | undefined, declaredType: string): string | undefined {
  if (expression === undefined) return undefined;
  const raw = stripParens(expression);
  if (/^null$/i.test(raw)) return undefined;
  const family = typeFamily(declaredType);
  const upper = raw.toUpperCase();
  if (upper === 'CURRENT_TIMESTAMP' || upper === 'CURRENT_DATE' || upper === 'CURRENT_TIME') return `fn:${upper}`;
  const str = unquoteString(raw);
  switch (family) {
    case 'Boolean': {
      const v = (str ?? raw).toLowerCase();
      if (v === 'true' || v === '1') return 'bool:1';
      if (v === 'false' || v === '0') return 'bool:0';
      return `expr:${raw}`;
    }
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal': {
      const v = (str ?? raw).trim();
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v)) return `num:${canonicalNumber(v)}`;
      return str !== undefined ? `str:${str}` : `expr:${raw.toLowerCase()}`;
    }
    case 'Json':
      // Prisma writes JSON defaults unquoted (`DEFAULT []`); we write them quoted.
      return `json:${(str ?? raw).replace(/\s+/g, '')}`;
    default:
      if (str !== undefined) return `str:${str}`;
      if (/^[+-]?\d+(\.\d+)?$/.test(raw)) return `str:${canonicalNumber(raw)}`;
      return `expr:${raw.replace(/\s+/g, ' ').toLowerCase()}`;
  }
}

/** `1.50` → `1.5`, `-0` → `0`, `007` → `7`, `1e3` → `1000`; exact for long integers (no float rounding). */
export function canonicalNumber(text: string): string {
  const t = text.trim().replace(/^\+/, '');
  if (/^-?\d+$/.test(t)) {
    const n = BigInt(t);
    return n.toString();
  }
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) return t;
  const [, sign, int = '', frac = '', exp] = m;
  if (exp !== undefined) return String(Number(t));
  const i = int.replace(/^0+(?=\d)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  const body = f ? `${i}.${f}` : i;
  return body === '0' ? '0' : `${sign}${body}`;
}

export function sameDefault(a: Column, b: Column): boolean {
  // The same text for the same type needs no normalising: the common case when a database matches its schema.
  if (a.default === b.default && (b.type || a.type) === a.type) return true;
  return normalizeDefault(a.default, a.type) === normalizeDefault(b.default, b.type || a.type);
}

function sameIndexColumn(a: IndexColumn, b: IndexColumn): boolean {
  if ((a.sort ?? 'ASC') !== (b.sort ?? 'ASC')) return false;
  if (a.name !== undefined && b.name !== undefined) return sameName(a.name, b.name);
  return normalizeExpression(a.expression ?? '') === normalizeExpression(b.expression ?? '');
}

/** Whitespace, quoting of simple identifiers and case of keywords do not matter in a WHERE or expression. */
export function normalizeExpression(sql: string): string {
  return stripParens(sql)
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)"/g, '$1')
    .replace(/`([A-Za-z_][A-Za-z0-9_]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),=<>])\s*/g, '$1')
    .toLowerCase()
    .trim();
}

/** Same columns in the same order with the same sort, same uniqueness and same partial condition. */
export function sameIndexDefinition(a: Index, b: Index): boolean {
  if (a.unique !== b.unique || a.columns.length !== b.columns.length) return false;
  if (!a.columns.every((c, i) => sameIndexColumn(c, b.columns[i]!))) return false;
  const wa = a.where === undefined ? '' : normalizeExpression(a.where);
  const wb = b.where === undefined ? '' : normalizeExpression(b.where);
  return wa === wb;
}

/** Same columns pointing at the same table and columns (names of constraints are not compared on SQLite). */
export function sameForeignKeyTarget(a: ForeignKey, b: ForeignKey, resolve: (fk: ForeignKey) => readonly string[]): boolean {
  if (!sameName(a.referencedTable, b.referencedTable)) return false;
  if (a.columns.length !== b.columns.length || !a.columns.every((c, i) => sameName(c, b.columns[i]!))) return false;
  const ra = resolve(a);
  const rb = resolve(b);
  return ra.length === rb.length && ra.every((c, i) => sameName(c, rb[i]!));
}
