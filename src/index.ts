// Public API barrel: no logic here.
export { loadSchema, validateSources, validateSchemaText, formatSchema, writeFormattedFiles } from './api.js';
export type { LoadSchemaOptions, LoadSchemaResult, FormatSchemaOptions, FormatSchemaResult, FormattedFile } from './api.js';
export { validate, diff, planMigration, lint, check, migrate, MigrationError, loadConfig } from './api.js';
export type {
  DiffOptions,
  DiffResult,
  DiffSource,
  MigrationPlanResult,
  PlanMigrationOptions,
  PlanMigrationResult,
  PlanSide,
  LintMigrationsOptions,
  LintMigrationsResult,
  LintedMigration,
  LintSeverities,
  IgnoredFinding,
  CheckOptions,
  CheckResult,
  CheckFinding,
  FindingCategory,
  NewMigration,
  ClientStatus,
  MigrateOptions,
  MigrateResult,
  BundledMigration,
  CodegenConfig,
  LoadedConfig,
  LintLevel,
} from './api.js';
export type { Change, Renames } from './diff/changes.js';
export type { Step } from './plan/steps.js';
export type { ApplyResult } from './migrate/apply.js';
export type { BaseRef } from './check/git.js';
export { erd, renderDiagram, ERD_FORMATS } from './api.js';
export type { ErdOptions, ErdResult, ErdFormat, DiagramOptions, DiagramResult } from './api.js';
export type { Diagram, ErdEntity, ErdAttribute, ErdEdge, ErdEnum, EdgeEnd, Cardinality, KeyMarker } from './erd/model.js';
export { pull, writePulledFiles, pullSchemaText, repullSchema } from './api.js';
export type { PullOptions, PullResult, PulledFile } from './api.js';
export type { NamingStyle } from './pull/names.js';
export { formatSchemaText } from './schema/format.js';
export type { FormatTextResult } from './schema/format.js';
export { generate } from './api.js';
export type { GenerateOptions, GenerateResult, GeneratedOutput, GeneratedFile } from './api.js';
export { TEMPLATE_CONTEXT_VERSION } from './codegen/context-types.js';
export { buildTemplateContext } from './codegen/context.js';
export type * from './codegen/context-types.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export { CODES } from './diagnostics/codes.js';
export { formatDiagnosticsText, diagnosticsToJson, formatDiagnosticsGithub } from './diagnostics/format.js';
export type { Span, Position } from './diagnostics/span.js';
export type * from './schema/model.js';
export { openDatabase } from './sqlite/open.js';
export type { OpenDatabaseOptions } from './sqlite/open.js';
export { introspectDatabase } from './sqlite/introspect.js';
export type { IntrospectionResult } from './sqlite/introspect.js';
export { DatabaseError, DatabaseOpenError, AtomicUnitError } from './sqlite/errors.js';
export type { ForeignKeyViolation } from './sqlite/errors.js';
export type { DatabaseConnection, AtomicOptions, Capabilities, Row } from './sqlite/connection.js';
export type {
  DatabaseModel,
  Table,
  Column,
  PrimaryKey as TablePrimaryKey,
  Index,
  IndexColumn,
  IndexSort,
  ForeignKey,
  ForeignKeyAction,
  CheckConstraint,
  View,
  Trigger,
} from './database/model.js';
