/**
 * Value codecs: how each Prisma scalar is stored in SQLite and read back, compatible with what Prisma wrote.
 * Booleans are 0/1; DateTime is read from integer milliseconds (Prisma's Rust engine), ISO-8601 text (Prisma's JS
 * adapters) or `YYYY-MM-DD HH:MM:SS` (CURRENT_TIMESTAMP) and written in one configured format; Decimal is text,
 * never routed through a float; Json is text; Bytes is a Uint8Array; BigInt is a bigint.
 */
import { ClientError } from './errors.js';
import type { FieldMeta, ScalarKind } from './meta.js';

export type DateTimeFormat = 'iso' | 'unixepoch-ms';

const SQL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: ?(Z|[+-]\d{2}:?\d{2}))?$/;

/** `YYYY-MM-DDTHH:MM:SS.sssZ` */
function isIsoUtc(s: string): boolean {
  return s.charCodeAt(23) === 90 && s.charCodeAt(10) === 84 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 && s.charCodeAt(19) === 46;
}

/** The decimal digit at `i` (NaN when it is not one). */
function one(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function two(s: string, i: number): number {
  return one(s, i) * 10 + one(s, i + 1);
}

/**
 * Milliseconds since the epoch of `YYYY-MM-DDTHH:MM:SS.sssZ`, by the days-from-civil formula (H. Hinnant), or
 * undefined when the month or day is out of range. A third faster than `Date.UTC`, which also reads years 0–99 as
 * 1900–1999.
 */
function isoUtcMs(v: string): number | undefined {
  const year = two(v, 0) * 100 + two(v, 2);
  const month = two(v, 5);
  const day = two(v, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return days * 86400000 + two(v, 11) * 3600000 + two(v, 14) * 60000 + two(v, 17) * 1000 + two(v, 20) * 10 + one(v, 22);
}

/** Reads a stored DateTime in any of Prisma's formats. */
export function readDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return new Date(v);
  if (typeof v === 'bigint') return new Date(Number(v));
  if (typeof v === 'string') {
    // `toISOString()` output (what we and Prisma's JS adapters write) is decoded by hand (about twice as fast as
    // the Date parser); other ISO-8601 text parses natively; only the SQL text forms need the regex.
    if (v.length === 24 && isIsoUtc(v)) {
      const ms = isoUtcMs(v);
      if (ms !== undefined) return new Date(ms);
    }
    if (v.length > 10 && v.charCodeAt(10) === 84 /* T */) return new Date(v);
    const m = SQL_TIMESTAMP.exec(v);
    if (m) return new Date(`${m[1]}T${m[2]}${m[3] ? (m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3]) : 'Z'}`);
    if (/^\d+$/.test(v)) return new Date(Number(v));
    return new Date(v);
  }
  throw new ClientError('P2023', `Cannot read a DateTime from a ${typeof v} value.`);
}

export function readJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return JSON.parse(v);
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function readBool(v: unknown): boolean | null {
  return v === null || v === undefined ? null : !!v;
}

export function readInt(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function readBigInt(v: unknown): bigint | null {
  return v === null || v === undefined ? null : typeof v === 'bigint' ? v : BigInt(v as number);
}

export function readDecimal(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function readBytes(v: unknown): Uint8Array | null {
  return v === null || v === undefined ? null : (v as Uint8Array);
}

const identity = (v: unknown): unknown => (v === undefined ? null : v);

/** The reader for a field (used by the generic paths; full rows use the generated mapper). */
export function readerFor(kind: ScalarKind, safeIntegers: boolean): (v: unknown) => unknown {
  switch (kind) {
    case 'Boolean':
      return readBool;
    case 'DateTime':
      return readDate;
    case 'Json':
      return readJson;
    case 'Int':
    case 'Float':
      return safeIntegers ? readInt : identity;
    case 'BigInt':
      return readBigInt;
    case 'Decimal':
      return readDecimal;
    default:
      return identity;
  }
}

let nowMs = NaN;
let nowIso = '';

/**
 * The current time in the write format (`now()` defaults, `@updatedAt`). The ISO text is formatted once per
 * millisecond: `toISOString()` costs more than the rest of a `create`, and a loop of creates runs many per millisecond.
 */
export function writeNow(format: DateTimeFormat): string | number {
  const ms = Date.now();
  if (format !== 'iso') return ms;
  if (ms !== nowMs) {
    nowIso = new Date(ms).toISOString();
    nowMs = ms;
  }
  return nowIso;
}

export function writeDate(v: unknown, format: DateTimeFormat, field?: string): string | number {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new ClientError('P2007', `Invalid DateTime value${field ? ` for \`${field}\`` : ''}: ${String(v)}.`);
  return format === 'iso' ? d.toISOString() : d.getTime();
}

/** Encodes a value for binding. `null` stays null; `undefined` means "absent" and must not reach here. */
export function encodeValue(f: FieldMeta, v: unknown, format: DateTimeFormat, model: string): unknown {
  if (v === null) return null;
  switch (f.kind) {
    case 'Boolean':
      if (typeof v !== 'boolean') throw invalid(model, f, v, 'a boolean');
      return v ? 1 : 0;
    case 'DateTime':
      return writeDate(v, format, `${model}.${f.name}`);
    case 'Json':
      return JSON.stringify(v);
    case 'Bytes':
      if (!(v instanceof Uint8Array)) throw invalid(model, f, v, 'a Uint8Array');
      return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    case 'Decimal':
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') throw invalid(model, f, v, 'a decimal string');
      return String(v);
    case 'Enum':
      if (typeof v !== 'string' || !f.enumValues!.includes(v)) {
        throw new ClientError('P2007', `Invalid value ${JSON.stringify(v)} for the enum field \`${model}.${f.name}\`: expected one of ${f.enumValues!.join(', ')}.`, { model, fields: [f.name] });
      }
      return v;
    case 'Int':
    case 'Float':
      if (typeof v !== 'number' && typeof v !== 'bigint') throw invalid(model, f, v, 'a number');
      return v;
    case 'BigInt':
      if (typeof v !== 'bigint' && typeof v !== 'number') throw invalid(model, f, v, 'a bigint');
      return v;
    case 'String':
      if (typeof v !== 'string') throw invalid(model, f, v, 'a string');
      return v;
  }
}

function invalid(model: string, f: FieldMeta, v: unknown, expected: string): ClientError {
  const got = v instanceof Date ? 'a Date' : Array.isArray(v) ? 'an array' : typeof v;
  return new ClientError('P2007', `Invalid value for \`${model}.${f.name}\`: expected ${expected}, got ${got}.`, { model, fields: [f.name] });
}
