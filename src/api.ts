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
