// `@spacepos/codegen/migrate`: what an app needs to migrate at launch, and nothing else (no schema parser).
export { migrate, MigrationError, connectionFor } from './api/migrate.js';
export type { MigrateOptions, MigrateResult, BundledMigration } from './api/migrate.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
