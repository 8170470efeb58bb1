import type { BenchSuite } from '../suite.ts';
import { clientSuite } from './client.ts';
import { diffSuite } from './diff.ts';
import { introspectSuite } from './introspect.ts';
import { migrateSuite } from './migrate.ts';
import { schemaSuite } from './schema.ts';

/** Every suite, in report order. Each lives in its own file in this folder. */
export const SUITES: BenchSuite[] = [schemaSuite, introspectSuite, diffSuite, migrateSuite, clientSuite];
