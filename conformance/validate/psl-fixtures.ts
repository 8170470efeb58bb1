/**
 * Prisma's own validation fixtures (psl-validation/validation/**): a schema followed by `// error:` and
 * `// warning:` blocks. A fixture with an `// error:` block expects the schema to be invalid; warnings do not
 * make it invalid. We compare verdicts, not messages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeErrors, ourVerdict } from './verdict.ts';

/** Fixtures that test a rule of another provider, not of SQLite and not of every provider. */
export const PROVIDER_SPECIFIC: Record<string, string> = {
  'attributes/schema/bad_schema_attribute.prisma': 'multi-schema (`@@schema`) on PostgreSQL',
  'attributes/schema/tables_in_same_schema_with_same_mapped_name.prisma': 'multi-schema namespaces on SQL Server',
  'attributes/schema/tables_in_same_schema_with_same_constraint_names.prisma': 'multi-schema namespaces and primary key names on PostgreSQL',
  'attributes/shard_key/unsupported_provider.prisma': 'shard keys (PlanetScale) on MongoDB',
  'attributes/index_clustering/non_boolean_index_clustering.prisma': 'index clustering on SQL Server',
};
/** The missing-index warnings of `relationMode = "prisma"` are MySQL's (PlanetScale) advice. */
const PROVIDER_SPECIFIC_FOLDERS: Record<string, string> = {
  'attributes/index/missing_index_warning/': 'relation index warnings of MySQL with `relationMode = "prisma"`',
};

/** Fixtures whose expectation Prisma 7 itself no longer holds (checked with the oracle): not a target. */
export const STALE: Record<string, string> = {
  'views/no_unique.prisma': 'Prisma 7 accepts a view without a unique criterion',
  'models/field_with_non_ascii_ident_should_not_error.prisma': 'Prisma 7 accepts non-ASCII letters in names (`lööps`)',
};

/** Fixtures where we differ from Prisma on purpose (docs/schema-language.md, "Differences from Prisma"). */
export const INTENTIONAL: Record<string, string> = {
  'datasource/direct_url_same_as_shadow.prisma': 'we accept the Prisma 6 connection URLs (`url`, `directUrl`, `shadowDatabaseUrl`) that Prisma 7 moved to prisma.config.ts',
  'datasource/url_same_as_shadow.prisma': 'we accept the Prisma 6 connection URLs (`url`, `directUrl`, `shadowDatabaseUrl`) that Prisma 7 moved to prisma.config.ts',
  'preview_features/driver_adapters/sqlite/shadow_database_url_is_not_required.prisma':
    'we accept the Prisma 6 connection URLs (`url`, `directUrl`, `shadowDatabaseUrl`) that Prisma 7 moved to prisma.config.ts',
};

export interface FixtureResult {
  readonly file: string;
  readonly expectedValid: boolean;
  readonly ourValid: boolean;
  readonly providerSpecific?: string;
  readonly stale?: string;
  readonly intentional?: string;
  readonly details: string;
}

export function providerSpecificReason(rel: string): string | undefined {
  return PROVIDER_SPECIFIC[rel] ?? Object.entries(PROVIDER_SPECIFIC_FOLDERS).find(([folder]) => rel.startsWith(folder))?.[1];
}

/** The schema part of a fixture (the expectation comments are comments, so the whole text is the schema). */
export function expectsInvalid(text: string): boolean {
  return /^\/\/ error:/m.test(text);
}

export function runPslFixtures(corpus: string): FixtureResult[] {
  const root = path.join(corpus, 'psl-validation/validation');
  const files = execFileSync('find', [root, '-name', '*.prisma'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).sort();
  return files.map((file) => {
    const rel = path.relative(root, file);
    const text = readFileSync(file, 'utf8');
    const ours = ourVerdict([['schema.prisma', text]]);
    const providerSpecific = providerSpecificReason(rel);
    return {
      file: rel,
      expectedValid: !expectsInvalid(text),
      ourValid: ours.valid,
      ...(providerSpecific ? { providerSpecific } : {}),
      ...(STALE[rel] ? { stale: STALE[rel] } : {}),
      ...(INTENTIONAL[rel] ? { intentional: INTENTIONAL[rel] } : {}),
      details: describeErrors(ours.errors),
    };
  });
}

export interface FixtureScore {
  readonly agree: number;
  readonly total: number;
}

export function score(results: readonly FixtureResult[]): FixtureScore {
  return { agree: results.filter((r) => r.expectedValid === r.ourValid).length, total: results.length };
}

export function percent(s: FixtureScore): string {
  return s.total === 0 ? 'n/a' : `${((100 * s.agree) / s.total).toFixed(1)}%`;
}
