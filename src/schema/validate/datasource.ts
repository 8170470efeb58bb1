import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { SchemaModel } from '../model.js';
import { closest } from '../parse.js';

export const KNOWN_PROVIDERS = ['sqlite', 'postgresql', 'postgres', 'mysql', 'sqlserver', 'mongodb', 'cockroachdb'] as const;

/** A datasource is required, its provider must be known, and a SQLite url must be a `file:` url. */
export function validateDatasource(schema: SchemaModel): Diagnostic[] {
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
  const providerProp = ds.properties.find((p) => p.key === 'provider');
  if (ds.provider !== '' && !(KNOWN_PROVIDERS as readonly string[]).includes(ds.provider)) {
    const suggestion = closest(ds.provider, KNOWN_PROVIDERS);
    out.push(
      diagnostic('V203', `Unknown datasource provider \`${ds.provider}\`.`, {
        span: providerProp?.valueSpan ?? ds.nameSpan,
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Use "sqlite" (or another Prisma provider: postgresql, mysql, sqlserver, mongodb, cockroachdb).',
      }),
    );
  }
  if (ds.provider === 'sqlite' && ds.url?.kind === 'String' && !ds.url.value.startsWith('file:')) {
    const urlProp = ds.properties.find((p) => p.key === 'url');
    out.push(
      diagnostic('V231', 'A SQLite datasource `url` must start with `file:`; commands that open the database will refuse it.', {
        severity: 'warning',
        span: urlProp?.valueSpan ?? ds.nameSpan,
        hint: `Write \`url = "file:${ds.url.value.replace(/^\w+:(\/\/)?/, '')}"\`; the path is relative to the schema file.`,
      }),
    );
  }
  return out;
}
