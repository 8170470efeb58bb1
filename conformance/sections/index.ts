import type { Section } from '../section.ts';
import { parseCorpus } from './parse-corpus.ts';
import { validateSection } from './validate.ts';

/** Every section, in report order. Each lives in its own file. */
export const SECTIONS: Section[] = [parseCorpus, validateSection];
