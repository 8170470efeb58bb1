import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { closest } from '../parse.js';
import type { ValidationContext } from './context.js';

export const KNOWN_PROVIDERS = ['sqlite', 'postgresql', 'postgres', 'mysql', 'sqlserver', 'mongodb', 'cockroachdb'] as const;

/** Connection URLs that Prisma 7 moved to prisma.config.ts; SQLite tools here read `url` only. */
const CONNECTION_PROPERTIES = ['directUrl', 'shadowDatabaseUrl'];

/**
 * A datasource is required and its provider must be known. Its properties must fit the provider: `extensions` is
 * PostgreSQL's, `schemas` needs a multi-schema provider, `relationMode` replaces `referentialIntegrity`.
 */
export function validateDatasource(ctx: ValidationContext): Diagnostic[] {
  const { schema, caps } = ctx;
  const out: Diagnostic[] = [];
  const ds = schema.datasource;
  if (!ds) {
    const file = schema.files[0];
    out.push(
      diagnostic('V201', 'The schema has no datasource.', {
        ...(file ? { span: { file: file.path, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } } : {}),
      }),
    );
    return out;
  }
  const prop = (key: string) => ds.properties.find((p) => p.key === key);
  const providerProp = prop('provider');
  const known = ds.provider === '' || (KNOWN_PROVIDERS as readonly string[]).includes(ds.provider);
  if (!known) {
    const suggestion = closest(ds.provider, KNOWN_PROVIDERS);
    out.push(
      diagnostic('V203', `Unknown datasource provider \`${ds.provider}\`.`, {
        span: providerProp?.valueSpan ?? ds.nameSpan,
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Use "sqlite" (or another Prisma provider: postgresql, mysql, sqlserver, mongodb, cockroachdb).',
      }),
    );
  }
  const url = prop('url');
  if (ds.provider === 'sqlite' && ds.url?.kind === 'String' && !ds.url.value.startsWith('file:')) {
    out.push(
      diagnostic('V231', 'A SQLite datasource `url` must start with `file:`; commands that open the database will refuse it.', {
        severity: 'warning',
        span: url?.valueSpan ?? ds.nameSpan,
        hint: `Write \`url = "file:${ds.url.value.replace(/^\w+:(\/\/)?/, '')}"\`; the path is relative to the schema file.`,
      }),
    );
  }
  const relationMode = prop('relationMode');
  const integrity = prop('referentialIntegrity');
  if (integrity && relationMode) {
    out.push(
      diagnostic('V231', '`referentialIntegrity` and `relationMode` cannot be used together.', {
        span: integrity.span,
        hint: 'Keep `relationMode` only: `referentialIntegrity` is its old name.',
      }),
    );
  } else if (integrity) {
    out.push(
      diagnostic('V231', '`referentialIntegrity` is deprecated.', {
        severity: 'warning',
        span: integrity.span,
        hint: 'Rename it to `relationMode`.',
      }),
    );
  }
  const extensions = prop('extensions');
  if (extensions && known && !caps.extensions) {
    out.push(
      diagnostic('V231', `The datasource property \`extensions\` is not known for the provider \`${ds.provider}\`.`, {
        span: extensions.span,
        hint: 'Remove it: database extensions exist only for PostgreSQL.',
      }),
    );
  }
  if (extensions && caps.extensions && !ctx.previewFeatures.has('postgresqlExtensions')) {
    out.push(
      diagnostic('V239', 'The datasource property `extensions` needs the `postgresqlExtensions` preview feature.', {
        span: extensions.span,
        hint: 'Add `previewFeatures = ["postgresqlExtensions"]` to the generator block.',
      }),
    );
  }
  const schemas = prop('schemas');
  if (schemas && known && !caps.multiSchema) {
    out.push(
      diagnostic('V232', `The datasource property \`schemas\` is not supported by the provider \`${ds.provider}\`.`, {
        span: schemas.span,
        hint: ds.provider === 'sqlite' ? 'Remove it: a SQLite database has one schema.' : 'Remove it.',
      }),
    );
  }
  if (ds.provider === 'sqlite') {
    for (const key of CONNECTION_PROPERTIES) {
      const p = prop(key);
      if (!p) continue;
      out.push(
        diagnostic('V241', `\`${key}\` has no effect on SQLite, and Prisma 7 no longer accepts it in schema files.`, {
          span: p.span,
          hint: 'Remove it. With Prisma 7, connection URLs live in `prisma.config.ts`.',
        }),
      );
    }
  }
  return out;
}
