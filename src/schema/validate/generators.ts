import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Generator } from '../model.js';
import { closest } from '../parse.js';
import type { ValidationContext } from './context.js';

/** Preview features Prisma 7 knows and acts on. */
export const PREVIEW_FEATURES = [
  'fullTextSearchPostgres',
  'nativeDistinct',
  'partialIndexes',
  'postgresqlExtensions',
  'relationJoins',
  'schemaEngineDriverAdapters',
  'shardKeys',
  'strictUndefinedChecks',
  'typedSql',
  'views',
] as const;

/** Features that became stable or were dropped: Prisma 7 still accepts the names and ignores them. */
const RETIRED_FEATURES = new Set([
  'aggregateApi', 'atomicNumberOperations', 'clientExtensions', 'cockroachdb', 'connectOrCreate', 'createMany', 'dataProxy',
  'deno', 'distinct', 'driverAdapters', 'extendedWhereUnique', 'fieldReference', 'filteredRelationCount', 'fullTextIndex',
  'fullTextSearch', 'groupBy', 'improvedQueryRaw', 'interactiveTransactions', 'jsonProtocol', 'microsoftSqlServer',
  'middlewares', 'mongoDb', 'multiSchema', 'nApi', 'namedConstraints', 'napi', 'nativeTypes', 'omitApi', 'orderByAggregateGroup',
  'orderByNulls', 'orderByRelation', 'prismaSchemaFolder', 'queryCompiler', 'referentialActions', 'referentialIntegrity',
  'selectRelationCount', 'tracing', 'transactionApi', 'uncheckedScalarInputs',
]);

/** Names Prisma 6 knew that Prisma 7 rejects. Old schemas carry them; we warn instead of failing. */
const REMOVED_FEATURES = new Set(['metrics', 'insensitiveFilters', 'sqlServer']);

/** A generator's `provider` must be a string (or `env()`), and every preview feature must exist. */
export function validateGenerators(ctx: ValidationContext): Diagnostic[] {
  return ctx.schema.generators.flatMap((g) => validateGenerator(g, ctx));
}

function validateGenerator(generator: Generator, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const provider = generator.properties.find((p) => p.key === 'provider');
  if (provider && provider.value.kind !== 'String' && provider.value.kind !== 'Env') {
    out.push(
      diagnostic('V230', `The \`provider\` of generator \`${generator.name}\` must be a string.`, {
        span: provider.valueSpan,
        hint: 'For example `provider = "prisma-client-js"`.',
      }),
    );
  }
  const preview = generator.properties.find((p) => p.key === 'previewFeatures');
  if (!preview) return out;
  for (const name of generator.previewFeatures) {
    if ((PREVIEW_FEATURES as readonly string[]).includes(name) || RETIRED_FEATURES.has(name)) continue;
    if (REMOVED_FEATURES.has(name)) {
      out.push(
        diagnostic('V230', `The preview feature "${name}" no longer exists; Prisma 7 rejects it.`, {
          severity: 'warning',
          span: ctx.narrow(preview.valueSpan, `"${name}"`),
          hint: `Remove "${name}" from \`previewFeatures\`.`,
        }),
      );
      continue;
    }
    const suggestion = closest(name, PREVIEW_FEATURES);
    out.push(
      diagnostic('V230', `Unknown preview feature "${name}".`, {
        span: ctx.narrow(preview.valueSpan, `"${name}"`),
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Known preview features: ${PREVIEW_FEATURES.map((f) => `"${f}"`).join(', ')}.`,
      }),
    );
  }
  return out;
}
