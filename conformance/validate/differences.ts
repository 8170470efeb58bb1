/**
 * The documented, intentional differences between our validator and Prisma 7's (docs/schema-language.md,
 * "Differences from Prisma"). A disagreement is explained only when every error on the stricter side is one of
 * these; anything else is listed as a real disagreement.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

interface Difference {
  readonly reason: string;
  readonly matches: (text: string) => boolean;
}

/** Our errors that Prisma does not have: we are stricter on purpose. */
const STRICTER: readonly (Difference & { readonly code: string })[] = [
  { code: 'V237', reason: 'two enum values stored as the same text', matches: (m) => /are both stored as/.test(m) },
  { code: 'V225', reason: 'an empty `@map("")` name', matches: (m) => /must not be empty/.test(m) },
  { code: 'P106', reason: 'text after the `{` of a block header (Prisma ignores it silently)', matches: (m) => /must end its line/.test(m) },
  { code: 'V225', reason: 'unknown arguments of index fields (Prisma ignores them silently)', matches: (m) => /for the field `|takes named arguments only/.test(m) },
];

/** The oracle removes these lines before asking Prisma (Prisma 7 rejects connection URLs in schema files). */
const STRIPPED_LINE = /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/;

/** Prisma errors we do not report on purpose: native type details and MongoDB specifics of other providers. */
const LAXER: readonly Difference[] = [
  { reason: 'native type details of other providers are not checked', matches: (m) => /Native type|native type|is not a valid argument|out of range|arguments? .*(expected|allowed)/i.test(m) && !/sqlite/.test(m) },
  { reason: 'MongoDB specifics are not checked', matches: (m) => /MongoDB|ObjectId|_id/.test(m) },
  { reason: 'preview features removed in Prisma 7 only warn', matches: (m) => /The preview feature "(metrics|insensitiveFilters|sqlServer)" is not known/.test(m) },
  { reason: 'SQL Server specifics are not checked (cascade paths, Bytes ids)', matches: (m) => /cascade to model .* through multiple paths|Using Bytes type is not allowed in the model's id/.test(m) },
];

/** Why our extra errors are intentional, or undefined when one of them is not. */
export function explainStricter(errors: readonly Diagnostic[], files: readonly (readonly [string, string])[]): string | undefined {
  const reasons = new Set<string>();
  for (const e of errors) {
    if (e.span && onStrippedLine(e.span.file, e.span.start.line, files)) {
      reasons.add('the oracle removes `url` lines before asking Prisma, so Prisma never sees a mistake in them');
      continue;
    }
    const d = STRICTER.find((s) => s.code === e.code && s.matches(e.message));
    if (!d) return undefined;
    reasons.add(d.reason);
  }
  return reasons.size ? [...reasons].join('; ') : undefined;
}

/** Why Prisma's extra errors are intentionally not ours, or undefined when one of them is not explained. */
export function explainLaxer(prismaMessage: string | undefined): string | undefined {
  const errors = (prismaMessage ?? '').split('\n').filter((l) => l.startsWith('error'));
  const reasons = new Set<string>();
  for (const e of errors) {
    const d = LAXER.find((x) => x.matches(e));
    if (!d) return undefined;
    reasons.add(d.reason);
  }
  return reasons.size ? [...reasons].join('; ') : undefined;
}

function onStrippedLine(file: string, line: number, files: readonly (readonly [string, string])[]): boolean {
  const text = files.find(([f]) => f === file)?.[1];
  return text !== undefined && STRIPPED_LINE.test(text.split('\n')[line - 1] ?? '');
}
