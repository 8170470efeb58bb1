/**
 * Names for pulled models and fields. A schema name must match `[A-Za-z][A-Za-z0-9_]*`, and a model (or enum) name
 * must not be one of the names Prisma reserves (JavaScript keywords, `PrismaClient`, the scalar type names).
 *
 * - `--naming prisma` (the default) keeps the database names, as `prisma db pull` does: a name that is not valid is
 *   sanitised the way Prisma does it (leading characters that are not letters dropped, every other invalid character
 *   replaced by `_`), and a reserved model name is prefixed with `Renamed` (`class` → `Renamedclass`).
 * - `--naming camel` gives models PascalCase names (`user_profile` → `UserProfile`) and fields camelCase names
 *   (`created_at` → `createdAt`).
 *
 * Either way, a name that differs from the database name gets `@@map`/`@map` back to it. Where Prisma would give two
 * models or two fields the same name, we add a number (`fa`, `fa2`), so that the schema stays valid.
 */
import { camelCase } from '../schema/format/inflect.js';
import { SCALAR_TYPES } from '../schema/model.js';

export type NamingStyle = 'prisma' | 'camel';

/** Names Prisma refuses for models and enums (psl `reserved_model_names.rs`, plus the scalar type names). */
const RESERVED_MODEL_NAMES = new Set([
  'PrismaClient',
  'Prisma',
  ...SCALAR_TYPES,
  'Unsupported',
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return super switch this throw true try typeof var void while with yield'.split(' '),
]);

export function isReservedModelName(name: string): boolean {
  return RESERVED_MODEL_NAMES.has(name);
}

/** Prisma's sanitising: `2fa` → `fa`, `my-table` → `my_table`, `my col` → `my_col`. Empty when nothing is left. */
export function sanitizeName(name: string): string {
  return name.replace(/^[^A-Za-z]+/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

export function modelNameFor(table: string, style: NamingStyle): string {
  const base = style === 'camel' ? pascalCase(table) : sanitizeName(table);
  const name = base === '' ? 'Model' : base;
  return isReservedModelName(name) ? `Renamed${name}` : name;
}

export function fieldNameFor(column: string, style: NamingStyle): string {
  const base = style === 'camel' ? lowerFirst(camelCase(sanitizeName(column)) || sanitizeName(column)) : sanitizeName(column);
  return base === '' ? 'field' : base;
}

export function pascalCase(name: string): string {
  const camel = camelCase(sanitizeName(name)) || sanitizeName(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The first of `base`, `base2`, `base3`, … that is not taken, compared without case when `ignoreCase` (model names
 * must differ in more than case for the generated client's file names).
 */
export function uniqueName(base: string, taken: ReadonlySet<string>, ignoreCase = false): string {
  const has = (n: string): boolean => (ignoreCase ? [...taken].some((t) => t.toLowerCase() === n.toLowerCase()) : taken.has(n));
  if (!has(base)) return base;
  for (let i = 2; ; i++) if (!has(`${base}${i}`)) return `${base}${i}`;
}

/**
 * The naming an existing schema follows, for the tables and columns a re-pull adds: `camel` when most of its
 * mapped names are the camelCase forms of their database names, `prisma` otherwise.
 */
export function inferNamingStyle(pairs: readonly { readonly name: string; readonly dbName: string; readonly kind: 'model' | 'field' }[]): NamingStyle {
  let camel = 0;
  let kept = 0;
  for (const p of pairs) {
    const asCamel = p.kind === 'model' ? modelNameFor(p.dbName, 'camel') : fieldNameFor(p.dbName, 'camel');
    const asIs = p.kind === 'model' ? modelNameFor(p.dbName, 'prisma') : fieldNameFor(p.dbName, 'prisma');
    if (asCamel === asIs) continue; // `id`, `User`: both namings agree
    if (p.name === asCamel) camel++;
    else if (p.name === asIs) kept++;
  }
  return camel > kept ? 'camel' : 'prisma';
}
