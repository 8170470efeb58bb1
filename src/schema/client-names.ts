/**
 * The names the generated client declares and refers to (templates/), and the schema names that clash with them.
 * Prisma accepts every one of these schemas (its client namespaces its types), so `validate` only warns (V244).
 * `generate` works around what it can: a model or enum whose name cannot be a TypeScript type in the generated
 * module gets another type name (`object` → `object_`, see clientTypeNames). What it cannot work around — two models
 * with one accessor, a field named like a filter combinator — stops `generate` (G508).
 *
 * This lives with the schema, not in codegen/, because the validator needs it too and schema/ comes first.
 */
import type { Span } from '../diagnostics/span.js';
import type { RelatedInformation } from '../diagnostics/diagnostic.js';
import { isColumnField, type Model, type SchemaModel } from './model.js';

/** TypeScript's type keywords: no interface or type alias can have these names. */
const TS_TYPE_KEYWORDS = ['any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown'];
/** Not a binding name in an ES module (strict mode), beyond the JavaScript keywords Prisma reserves itself. */
const STRICT_MODE_RESERVED = ['arguments', 'eval', 'static'];
/** Globals that generated code refers to (field types, row mapping) or that templates commonly use: a declaration shadows them. */
const GLOBALS = ['Array', 'Date', 'Number', 'Omit', 'Partial', 'Pick', 'Promise', 'Readonly', 'Record', 'Uint8Array'];
/** What the generated module declares or re-exports next to the models. */
const MODULE_NAMES = ['ClientError', 'ClientErrorCode', 'ClientOptions', 'CodegenClient', 'CodegenClientError', 'JsonValue', 'SortOrder', 'createClient'];

const RESERVED = new Map<string, string>([
  ...TS_TYPE_KEYWORDS.map((n) => [n, 'a TypeScript type keyword'] as const),
  ...STRICT_MODE_RESERVED.map((n) => [n, 'reserved in JavaScript modules'] as const),
  ...GLOBALS.map((n) => [n, 'a global TypeScript type'] as const),
  ...MODULE_NAMES.map((n) => [n, 'a name the generated module exports'] as const),
]);

/** Every name a TypeScript type of the generated client cannot have, whatever the schema. */
export const CLIENT_RESERVED_NAMES: readonly string[] = [...RESERVED.keys()];

/** The types the generated client declares per model, as `<Model><suffix>` (templates/partials/model-types.hbs). */
export const CLIENT_TYPE_SUFFIXES = [
  'Payload', 'WhereInput', 'WhereUniqueInput', 'ScalarField', 'OrderByInput', 'Select', 'Include', 'CreateInput',
  'CreateManyInput', 'UpdateManyInput', 'UpdateInput', 'Types', 'Delegate', 'GetPayload',
] as const;

/** The filter combinators of `<Model>WhereInput`: no field can have these names. */
export const FILTER_COMBINATORS = ['AND', 'OR', 'NOT'];

/** `User` → `user`, `file_path` → `file_path` (Prisma lowercases the first character only). */
export function accessorName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/** Models the client covers: not ignored, with a primary key or a unique key to identify rows. */
export function clientModels(schema: SchemaModel): Model[] {
  return schema.models.filter((m) => !m.ignored && hasIdentity(m));
}

/** Whether identityOf(m) is not empty, without building it. */
function hasIdentity(m: Model): boolean {
  if (m.primaryKey) return m.primaryKey.fields.length > 0;
  const u = m.uniques.find((x) => !x.where);
  return u !== undefined && u.fields.length > 0;
}

/** The fields that identify a model's rows: the primary key, else the first full unique key. */
export function identityOf(m: Model): string[] {
  if (m.primaryKey) return m.primaryKey.fields.map((f) => f.name);
  const u = m.uniques.find((x) => !x.where);
  return u ? u.fields.map((f) => f.name) : [];
}

export interface ClientTypeName {
  readonly kind: 'model' | 'enum';
  /** The schema name, and the database name (`@@map`). */
  readonly name: string;
  readonly dbName: string;
  readonly nameSpan: Span;
  /** The TypeScript type name in the generated client: the schema name unless it clashes. */
  readonly typeName: string;
  /** Why the schema name could not be the type name (absent when it is). */
  readonly clash?: string;
}

/**
 * The TypeScript type name of each client model and enum. A name that is reserved (CLIENT_RESERVED_NAMES), that is
 * the name of a type generated for another model (`UserSelect` next to `User`), or whose own generated types would
 * clash gets `_` appended until nothing clashes. Clean names are placed first, so that they never move. Pure and
 * deterministic: `validate` reports the same names that `generate` uses.
 */
export function clientTypeNames(schema: SchemaModel): ClientTypeName[] {
  const decls = [
    ...schema.enums.map((e) => ({ kind: 'enum' as const, name: e.name, dbName: e.dbName, nameSpan: e.nameSpan })),
    ...clientModels(schema).map((m) => ({ kind: 'model' as const, name: m.name, dbName: m.dbName, nameSpan: m.nameSpan })),
  ];
  if (!mayClash(decls)) return decls.map((d) => ({ ...d, typeName: d.name }));
  return resolveClientTypeNames(decls);
}

type Declaration = Omit<ClientTypeName, 'typeName' | 'clash'>;

/**
 * Every `t` with `t + s1 = s2` for two claims' suffixes `s1` and `s2` (`''` is the claim of the name itself): one
 * declaration's claims can meet another's only when one name is the other plus such a `t` (`UserSelect` =
 * `User` + `Select`; `UserGet` + `Payload` = `User` + `GetPayload`).
 */
const CLAIM_GAPS: readonly string[] = (() => {
  const all = ['', ...CLIENT_TYPE_SUFFIXES];
  const gaps = new Set<string>();
  for (const s2 of all) for (const s1 of all) if (s1.length < s2.length && s2.endsWith(s1)) gaps.add(s2.slice(0, s2.length - s1.length));
  return [...gaps];
})();

/**
 * Whether any declaration's claims may meet a reserved name or another declaration's claims. Exact in one
 * direction: when this says no, resolveClientTypeNames finds no clash (test/schema/client-names.test.ts). It reads
 * each name against the ~15 gaps instead of building and hashing 15 claims per model (7 ms at 1,000 models).
 */
function mayClash(decls: readonly Declaration[]): boolean {
  const names = new Set<string>();
  for (const d of decls) {
    if (RESERVED.has(d.name) || names.has(d.name)) return true;
    names.add(d.name);
  }
  const prefixedBy = (name: string, among: ReadonlySet<string>): boolean =>
    CLAIM_GAPS.some((gap) => name.length > gap.length && name.endsWith(gap) && among.has(name.slice(0, name.length - gap.length)));
  // A declaration that is another plus a gap, or a reserved name that is a declaration plus one.
  return decls.some((d) => prefixedBy(d.name, names)) || [...RESERVED.keys()].some((r) => prefixedBy(r, names));
}

/** The full resolution (see clientTypeNames): claims, clashes, and `_` appended until nothing clashes. */
export function resolveClientTypeNames(decls: readonly Declaration[]): ClientTypeName[] {
  const claims = (kind: 'model' | 'enum', name: string): string[] => (kind === 'model' ? [name, ...CLIENT_TYPE_SUFFIXES.map((s) => name + s)] : [name]);
  // Each declaration's own claims, built once (a model's are 15 names; a schema may have thousands of models).
  const ownClaims = decls.map((d) => claims(d.kind, d.name));
  const generatedBy = new Map<string, string>();
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i]!;
    if (d.kind !== 'model') continue;
    const own = ownClaims[i]!;
    for (let k = 1; k < own.length; k++) generatedBy.set(own[k]!, d.name);
  }
  const taken = new Set<string>(RESERVED.keys());
  const typeNames = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i]!;
    const owner = generatedBy.get(d.name);
    const why = RESERVED.get(d.name) ?? (owner !== undefined && owner !== d.name ? `the name of a type the client declares for the model \`${owner}\`` : undefined);
    if (why !== undefined) clashes.set(d.name, why);
    else {
      const own = ownClaims[i]!;
      const clashing = own.find((n) => taken.has(n));
      if (clashing !== undefined) clashes.set(d.name, `a name whose generated type \`${clashing}\` another declaration already has`);
      else {
        typeNames.set(d.name, d.name);
        for (const n of own) taken.add(n);
      }
    }
  }
  for (const d of decls) {
    if (typeNames.has(d.name)) continue;
    let candidate = `${d.name}_`;
    while (claims(d.kind, candidate).some((n) => taken.has(n))) candidate += '_';
    typeNames.set(d.name, candidate);
    for (const n of claims(d.kind, candidate)) taken.add(n);
  }
  return decls.map((d) => {
    const clash = clashes.get(d.name);
    const typeName = typeNames.get(d.name)!;
    return clash !== undefined
      ? { kind: d.kind, name: d.name, dbName: d.dbName, nameSpan: d.nameSpan, typeName, clash }
      : { kind: d.kind, name: d.name, dbName: d.dbName, nameSpan: d.nameSpan, typeName };
  });
}

/** A name the generated client cannot work around: described once, reported as V244 (validate) or G508 (generate). */
export interface ClientNameConflict {
  readonly message: string;
  readonly span: Span;
  readonly hint: string;
  readonly related?: readonly RelatedInformation[];
}

/** Two client models with one accessor (`User` and `user`), and fields named `AND`, `OR` or `NOT`. */
export function clientNameConflicts(schema: SchemaModel): ClientNameConflict[] {
  const out: ClientNameConflict[] = [];
  const accessors = new Map<string, Model>();
  for (const m of clientModels(schema)) {
    const accessor = accessorName(m.name);
    const earlier = accessors.get(accessor);
    if (!earlier) accessors.set(accessor, m);
    else {
      out.push({
        message: `The models \`${m.name}\` and \`${earlier.name}\` would both be \`client.${accessor}\` in the generated client.`,
        span: m.nameSpan,
        hint: modelRenameHint(m),
        related: [{ span: earlier.nameSpan, message: `the model \`${earlier.name}\`` }],
      });
    }
    for (const f of m.fields) {
      if (!FILTER_COMBINATORS.includes(f.name)) continue;
      out.push({
        message: `The field name \`${f.name}\` clashes with the \`${f.name}\` filter of the generated client.`,
        span: f.nameSpan,
        hint: isColumnField(f) ? `Rename the field, and keep the column name with \`@map("${f.dbName}")\`.` : 'Rename the relation field.',
      });
    }
  }
  return out;
}

/** Rename a model (or view, or enum), and keep its database name. */
export function modelRenameHint(m: { readonly kind: 'model' | 'view' | 'enum'; readonly dbName: string }): string {
  return m.kind === 'enum'
    ? `Rename the enum, and keep the database name with \`@@map("${m.dbName}")\`.`
    : `Rename the ${m.kind}, and keep the table name with \`@@map("${m.dbName}")\`.`;
}
