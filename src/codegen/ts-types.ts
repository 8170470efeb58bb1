/** Per-field TypeScript types and read expressions: the decisions the templates interpolate. */
import type { ScalarKind } from './context-types.js';

const OUTPUT: Record<Exclude<ScalarKind, 'Enum'>, string> = {
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
  BigInt: 'bigint',
  Decimal: 'string',
  DateTime: 'Date',
  Json: '$R.JsonValue',
  Bytes: 'Uint8Array',
};

const INPUT: Record<Exclude<ScalarKind, 'Enum'>, string> = {
  ...OUTPUT,
  BigInt: 'bigint | number',
  Decimal: 'string | number',
  DateTime: 'Date | string',
};

const NUMERIC: ReadonlySet<ScalarKind> = new Set(['Int', 'Float', 'BigInt', 'Decimal']);

export function isNumericKind(kind: ScalarKind): boolean {
  return NUMERIC.has(kind);
}

export interface FieldTypes {
  readonly tsType: string;
  /** The non-null input type (create values, unique keys). */
  readonly inputType: string;
  readonly whereType: string;
  readonly createType: string;
  readonly updateType: string;
}

export function fieldTypes(kind: ScalarKind, enumName: string | null, optional: boolean): FieldTypes {
  const out = kind === 'Enum' ? enumName! : OUTPUT[kind];
  const input = kind === 'Enum' ? enumName! : INPUT[kind];
  const orNull = (t: string): string => (optional ? `${t} | null` : t);
  let whereType: string;
  switch (kind) {
    case 'String':
      whereType = `${orNull('string')} | $R.StringFilter<${orNull('string')}>`;
      break;
    case 'Boolean':
    case 'Bytes':
      whereType = `${orNull(input)} | $R.EqualityFilter<${orNull(input)}>`;
      break;
    case 'Json':
      whereType = '$R.EqualityFilter<$R.JsonValue>';
      break;
    default:
      whereType = `${orNull(input)} | $R.Filter<${orNull(input)}>`;
  }
  let updateType: string;
  if (kind === 'Json') updateType = '$R.JsonValue';
  else if (NUMERIC.has(kind)) updateType = `${orNull(input)} | $R.NumberOps<${orNull(input)}>`;
  else updateType = `${orNull(input)} | $R.SetOp<${orNull(input)}>`;
  return { tsType: orNull(out), inputType: input, whereType, createType: kind === 'Json' ? '$R.JsonValue' : orNull(input), updateType };
}

/** The expression that reads this field from a full row `r` read in raw mode (an array; typed any). */
export function readExpression(kind: ScalarKind, index: number, optional: boolean, safeIntegers: boolean): string {
  const v = `r[${index}]`;
  switch (kind) {
    case 'Int':
    case 'Float':
      return safeIntegers ? (optional ? `$R.readInt(${v})` : `Number(${v})`) : v;
    case 'Boolean':
      return optional ? `$R.readBool(${v})` : `!!${v}`;
    case 'DateTime':
      return optional ? `$R.readDate(${v})` : `$R.readDate(${v})!`;
    case 'Json':
      return `$R.readJson(${v}) as $R.JsonValue`;
    default:
      return v;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
