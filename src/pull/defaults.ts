/**
 * A column's SQL DEFAULT → the `@default(…)` of its field: the inverse of from-schema.ts `renderDefault`. A literal
 * becomes a literal of the field's type when from-schema would write it back to the same value
 * (normalize.ts `normalizeDefault`); everything else is kept exactly as `dbgenerated("…")`, parentheses included,
 * because `DEFAULT lower('x')` without them is not valid SQL.
 *
 * Where Prisma's introspection differs (and why we do not follow it): it turns `(datetime('now'))` into `now()`
 * (a different expression), an expression such as `(lower('x'))` into the string `"lower('x')"` (a different
 * value), and a JSON default `'[]'` into `"'[]'"` (quotes included). It writes DateTime and Bytes literals as
 * `dbgenerated`, where a typed literal round-trips exactly.
 */
import { canonicalNumber, stripParens } from '../database/normalize.js';
import { formatDateTimeDefault } from '../database/from-schema.js';
import type { Column } from '../database/model.js';
import { unquoteString } from '../database/sql-text.js';
import { pslString, type PulledType } from './types.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** The argument of `@default(…)` for a column, or undefined when it has no default. */
export function defaultArgument(column: Column, type: PulledType, autoincrement: boolean): string | undefined {
  if (autoincrement) return 'autoincrement()';
  const text = column.default;
  if (text === undefined) return undefined;
  const raw = stripParens(text);
  if (/^null$/i.test(raw)) return undefined;
  const literal = type.kind === 'scalar' ? typedLiteral(raw, type.type) : undefined;
  return literal ?? `dbgenerated(${pslString(text)})`;
}

function typedLiteral(raw: string, type: Extract<PulledType, { kind: 'scalar' }>['type']): string | undefined {
  const upper = raw.toUpperCase();
  const str = unquoteString(raw);
  switch (type) {
    case 'DateTime':
      if (upper === 'CURRENT_TIMESTAMP') return 'now()';
      return str !== undefined ? dateTimeLiteral(str) : undefined;
    case 'Boolean':
      // Unquoted only: a quoted 'true' is stored as text, not as 1.
      if (/^(true|1)$/i.test(raw)) return 'true';
      if (/^(false|0)$/i.test(raw)) return 'false';
      return undefined;
    case 'Int':
    case 'BigInt': {
      // INTEGER affinity stores '5' as 5, so a quoted integer is the same default.
      const v = str ?? raw;
      return INTEGER.test(v) ? BigInt(v).toString() : undefined;
    }
    case 'Float':
    case 'Decimal': {
      const v = str ?? raw;
      if (!NUMBER.test(v)) return undefined;
      // Kept as written (`1.50` stays `1.50`), unless it has an exponent or a sign Prisma does not read.
      return /[eE]|^\+|^\./.test(v) ? canonicalNumber(v) : v;
    }
    case 'String':
      if (str !== undefined) return pslString(str);
      // TEXT affinity stores the number 12 as the text '12'.
      return NUMBER.test(raw) ? pslString(raw) : undefined;
    case 'Json':
      return str !== undefined ? pslString(str) : undefined;
    case 'Bytes':
      // Prisma writes a Bytes default as the hex text of its bytes (`'0102'` for `"AQI="`).
      return str !== undefined && /^([0-9a-fA-F]{2})*$/.test(str) && str === str.toLowerCase() ? pslString(Buffer.from(str, 'hex').toString('base64')) : undefined;
  }
}

/**
 * `'2020-01-01 00:00:00 +00:00'` → `"2020-01-01T00:00:00+00:00"`, only when from-schema writes that timestamp back
 * as the same text (Prisma's storage format for DateTime defaults). Other date texts stay `dbgenerated`.
 */
function dateTimeLiteral(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}T${m[2]}${m[3]}`;
  return formatDateTimeDefault(iso) === value ? pslString(iso) : undefined;
}
