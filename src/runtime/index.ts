// @spacepos/codegen/runtime: what generated clients import. Depends on better-sqlite3 types only.
export const RUNTIME_VERSION = 1;
