/**
 * What each datasource provider supports, as far as validation needs to know. Modelled on the capabilities of
 * Prisma's connectors (psl-core `builtin_connectors`). Only SQLite is checked in detail; for the other providers
 * we check structure and accept what Prisma accepts, without native type details.
 */
import type { ReferentialAction } from '../model.js';

export type Provider = 'sqlite' | 'postgresql' | 'cockroachdb' | 'mysql' | 'sqlserver' | 'mongodb';

export interface Capabilities {
  readonly provider: Provider;
  /** The product name, for messages: `SQLite`, `PostgreSQL`, … */
  readonly displayName: string;
  /** `String[]` and other lists of scalars or enums. */
  readonly scalarLists: boolean;
  /** `Json[]` (PostgreSQL and MongoDB, not CockroachDB). */
  readonly jsonLists: boolean;
  /** `@db.*` attributes. */
  readonly nativeTypes: boolean;
  /** `type` blocks. */
  readonly compositeTypes: boolean;
  readonly enums: boolean;
  readonly json: boolean;
  readonly decimal: boolean;
  readonly fullTextIndex: boolean;
  /** `clustered:` on ids and indexes. */
  readonly clustering: boolean;
  /** `length:` on index fields. */
  readonly indexLength: boolean;
  /** `sort:` on primary key fields. */
  readonly primaryKeySort: boolean;
  /** `@id(map:)` / `@@id(map:)`. */
  readonly namedPrimaryKeys: boolean;
  /** `@relation(map:)`. */
  readonly namedForeignKeys: boolean;
  /** `@default(…, map:)`. */
  readonly namedDefaults: boolean;
  /** `@@index(type: Hash)` and friends. */
  readonly indexTypes: boolean;
  /** `where:` on indexes and unique constraints (behind the `partialIndexes` preview feature). */
  readonly partialIndexes: boolean;
  /** `@@schema` and the datasource `schemas` property. */
  readonly multiSchema: boolean;
  /** The datasource `extensions` property. */
  readonly extensions: boolean;
  readonly shardKeys: boolean;
  readonly implicitManyToMany: boolean;
  /** `@@id([a, b])`. */
  readonly compoundIds: boolean;
  /** `autoincrement()` at all, and on which types. */
  readonly autoincrementTypes: readonly ('Int' | 'BigInt')[];
  /** Relations are always emulated (MongoDB has no foreign keys). */
  readonly emulatedRelationsOnly: boolean;
  /** PostgreSQL accepts SetNull on a required foreign key with foreign keys (it fails only when it fires). */
  readonly setNullOnRequired: boolean;
  /** Cyclic referential actions are rejected even with foreign keys (SQL Server). */
  readonly referenceCycleDetection: boolean;
  /** The id must be stored in `_id` (MongoDB). */
  readonly idColumn?: string;
  /** `autoincrement()` on a field that is not the single-field id. */
  readonly autoincrementOnNonId: boolean;
  /** More than one `autoincrement()` per model. */
  readonly autoincrementMultiple: boolean;
  /** An `autoincrement()` field must lead a key or an index (MySQL). */
  readonly autoincrementNeedsIndex: boolean;
  /** Default functions only this provider has. */
  readonly defaultFunctions: readonly ('sequence' | 'auto')[];
  /** Referential actions with foreign keys, and with `relationMode = "prisma"`. */
  readonly foreignKeyActions: readonly ReferentialAction[];
  readonly emulatedActions: readonly ReferentialAction[];
  /** Where index, unique (and primary key) names must be unique: across all tables, or per table. */
  readonly indexNameScope: 'global' | 'model';
  /** Whether primary key names share the index namespace. */
  readonly primaryKeyNamesInIndexScope: boolean;
  /** Where foreign key names must be unique; `none` when the database has no named foreign keys. */
  readonly foreignKeyNameScope: 'global' | 'model' | 'none';
  /** The longest identifier: default constraint names are truncated to fit, as Prisma does. */
  readonly maxIdentifierLength: number;
}

const ALL_ACTIONS: readonly ReferentialAction[] = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault'];

const SQLITE: Capabilities = {
  provider: 'sqlite',
  displayName: 'SQLite',
  scalarLists: false,
  jsonLists: false,
  nativeTypes: false,
  compositeTypes: false,
  enums: true,
  json: true,
  decimal: true,
  fullTextIndex: false,
  clustering: false,
  indexLength: false,
  primaryKeySort: false,
  namedPrimaryKeys: false,
  namedForeignKeys: false,
  namedDefaults: false,
  indexTypes: false,
  partialIndexes: true,
  multiSchema: false,
  extensions: false,
  shardKeys: false,
  implicitManyToMany: true,
  compoundIds: true,
  autoincrementTypes: ['Int', 'BigInt'],
  emulatedRelationsOnly: false,
  setNullOnRequired: false,
  referenceCycleDetection: false,
  autoincrementOnNonId: false,
  autoincrementMultiple: false,
  autoincrementNeedsIndex: false,
  defaultFunctions: [],
  foreignKeyActions: ALL_ACTIONS,
  emulatedActions: ['Cascade', 'Restrict', 'SetNull'],
  indexNameScope: 'global',
  primaryKeyNamesInIndexScope: false,
  foreignKeyNameScope: 'none',
  maxIdentifierLength: 10000,
};

const SQL_BASE: Capabilities = {
  ...SQLITE,
  nativeTypes: true,
  namedPrimaryKeys: true,
  namedForeignKeys: true,
  autoincrementOnNonId: true,
  autoincrementMultiple: true,
};

const CAPABILITIES: Record<Provider, Capabilities> = {
  sqlite: SQLITE,
  postgresql: {
    ...SQL_BASE,
    provider: 'postgresql',
    displayName: 'PostgreSQL',
    setNullOnRequired: true,
    scalarLists: true,
    jsonLists: true,
    indexTypes: true,
    multiSchema: true,
    extensions: true,
    primaryKeyNamesInIndexScope: true,
    foreignKeyNameScope: 'model',
    maxIdentifierLength: 63,
  },
  cockroachdb: {
    ...SQL_BASE,
    provider: 'cockroachdb',
    displayName: 'CockroachDB',
    autoincrementTypes: ['BigInt'],
    scalarLists: true,
    indexTypes: true,
    multiSchema: true,
    defaultFunctions: ['sequence'],
    primaryKeyNamesInIndexScope: true,
    foreignKeyNameScope: 'model',
    maxIdentifierLength: 63,
  },
  mysql: {
    ...SQL_BASE,
    provider: 'mysql',
    displayName: 'MySQL',
    autoincrementNeedsIndex: true,
    fullTextIndex: true,
    indexLength: true,
    primaryKeySort: true,
    partialIndexes: false,
    multiSchema: true,
    shardKeys: true,
    emulatedActions: ['Cascade', 'Restrict', 'NoAction', 'SetNull'],
    indexNameScope: 'model',
    foreignKeyNameScope: 'global',
    maxIdentifierLength: 64,
  },
  sqlserver: {
    ...SQL_BASE,
    provider: 'sqlserver',
    displayName: 'SQL Server',
    referenceCycleDetection: true,
    enums: false,
    json: false,
    clustering: true,
    primaryKeySort: true,
    namedDefaults: true,
    multiSchema: true,
    foreignKeyActions: ['Cascade', 'NoAction', 'SetNull', 'SetDefault'],
    emulatedActions: ['Cascade', 'Restrict', 'NoAction', 'SetNull'],
    primaryKeyNamesInIndexScope: true,
    foreignKeyNameScope: 'global',
    maxIdentifierLength: 128,
  },
  mongodb: {
    ...SQLITE,
    provider: 'mongodb',
    displayName: 'MongoDB',
    scalarLists: true,
    jsonLists: true,
    nativeTypes: true,
    compositeTypes: true,
    decimal: false,
    fullTextIndex: true,
    partialIndexes: false,
    implicitManyToMany: false,
    compoundIds: false,
    autoincrementTypes: [],
    emulatedRelationsOnly: true,
    idColumn: '_id',
    defaultFunctions: ['auto'],
    emulatedActions: ['Cascade', 'Restrict', 'NoAction', 'SetNull'],
    indexNameScope: 'model',
    maxIdentifierLength: 127,
  },
};

/**
 * The capabilities for a provider as written (`postgres` is `postgresql`). Without a datasource, or with an
 * unknown provider (both already reported), Prisma validates against a connector that supports no more than
 * SQLite, so SQLite's rules apply.
 */
export function capabilitiesFor(provider: string | undefined): Capabilities {
  const normalized = provider === 'postgres' ? 'postgresql' : provider;
  return normalized !== undefined && Object.hasOwn(CAPABILITIES, normalized) ? CAPABILITIES[normalized as Provider] : SQLITE;
}
