import type { Section } from '../section.ts';
import { checkSection } from './check.ts';
import { diffSection } from './diff.ts';
import { formatSection } from './format.ts';
import { introspectCorpus } from './introspect-corpus.ts';
import { migrateSection } from './migrate.ts';
import { parseCorpus } from './parse-corpus.ts';
import { pullSection } from './pull.ts';
import { validateSection } from './validate.ts';

/** Every section, in report order. Each lives in its own file. */
export const SECTIONS: Section[] = [parseCorpus, validateSection, formatSection, introspectCorpus, diffSection, migrateSection, pullSection, checkSection];
