import type { BenchSuite } from '../suite.ts';
import { clientSuite } from './client.ts';

/** Every suite, in report order. Each lives in its own file in this folder. */
export const SUITES: BenchSuite[] = [clientSuite];
