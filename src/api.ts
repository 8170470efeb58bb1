/**
 * The programmatic API (DESIGN.md §1.5): the CLI is a thin skin over these functions, and build tools and app
 * code call them directly. They never print and never call process.exit: problems come back as diagnostics.
 */
export * from './api/schema.js';
export * from './api/diff.js';
export * from './api/erd.js';
export type { DiffSource } from './api/sources.js';
export * from './api/pull.js';
export * from './api/generate.js';
export * from './api/plan.js';
export * from './api/lint.js';
export * from './api/check.js';
export { migrate, MigrationError } from './api/migrate.js';
export type { MigrateOptions, MigrateResult, BundledMigration } from './api/migrate.js';
export { loadConfig } from './config/config.js';
export type { CodegenConfig, LoadedConfig, LintLevel } from './config/config.js';
