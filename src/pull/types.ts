/**
 * Declared SQLite type → Prisma field type. The mapping is the inverse of from-schema.ts (`TEXT` ↔ `String`,
 * `INTEGER` ↔ `Int`, `BIGINT` ↔ `BigInt`, `REAL` ↔ `Float`, `DECIMAL` ↔ `Decimal`, `DATETIME` ↔ `DateTime`,
 * `BOOLEAN` ↔ `Boolean`, `BLOB` ↔ `Bytes`, `JSONB` ↔ `Json`), widened to every spelling that the differ treats as
 * the same type (normalize.ts `typeFamily`: `VARCHAR(255)`, `NUMERIC`, `TIMESTAMP`, `DATE`, `JSON`, `INT8`, and
 * names read by their affinity). A pulled field therefore never diffs against its column. What has no Prisma type
 * becomes `Unsupported("<declared type>")`, which from-schema writes back verbatim.
 */
import { typeFamily } from '../database/normalize.js';
import type { ScalarType } from '../schema/model.js';

export type PulledType = { readonly kind: 'scalar'; readonly type: ScalarType } | { readonly kind: 'unsupported'; readonly sqlType: string };

export function pulledTypeOf(declared: string): PulledType {
  const family = typeFamily(declared);
  return family.startsWith('Unsupported:') ? { kind: 'unsupported', sqlType: declared } : { kind: 'scalar', type: family as ScalarType };
}

/** The type as written in a schema: `String`, `Unsupported("circle")`. */
export function typeText(type: PulledType): string {
  return type.kind === 'scalar' ? type.type : `Unsupported(${pslString(type.sqlType)})`;
}

/** A string literal of the schema language (JSON escapes: `\"`, `\\`, `\n`, `\u0000`). */
export function pslString(value: string): string {
  return JSON.stringify(value);
}
