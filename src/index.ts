// Public API barrel: no logic here.
export { generate, loadSchema, validateSources, validateSchemaText } from './api.js';
export type { GenerateOptions, GenerateResult, LoadSchemaOptions, LoadSchemaResult } from './api.js';
export { TEMPLATE_CONTEXT_VERSION } from './codegen/context-types.js';
export { buildTemplateContext } from './codegen/context.js';
export type * from './codegen/context-types.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export { CODES } from './diagnostics/codes.js';
export { formatDiagnosticsText, diagnosticsToJson, formatDiagnosticsGithub } from './diagnostics/format.js';
export type { Span, Position } from './diagnostics/span.js';
export type * from './schema/model.js';
