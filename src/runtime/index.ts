// @spacepos/codegen/runtime: what generated clients import. Depends on better-sqlite3 only.
export const RUNTIME_VERSION = 1;
export { createClientFromMeta, type ClientBase, type ClientOptions } from './client.js';
export { ClientError, CodegenClientError, type ClientErrorCode } from './errors.js';
export { readBool, readBigInt, readBytes, readDate, readDecimal, readInt, readJson } from './codecs.js';
export type { DefaultKind, FieldMeta, ModelMeta, RelationMeta, ScalarKind, SchemaMeta } from './meta.js';
export type * from './types.js';
export type { Database } from 'better-sqlite3';
