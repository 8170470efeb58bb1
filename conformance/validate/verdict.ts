/** Our valid/invalid verdict for schema text, as compared with Prisma's and with the fixtures' expectations. */
import { validateSources } from '../../src/api.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

export interface OurVerdict {
  readonly valid: boolean;
  /** Errors that decide the verdict. */
  readonly errors: readonly Diagnostic[];
}

/**
 * Warnings never make a schema invalid. V201 (no datasource) is left out: we require a datasource, Prisma 7's
 * validate does not (a documented difference), and many of Prisma's own fixtures have none.
 */
export function ourVerdict(files: readonly (readonly [string, string])[]): OurVerdict {
  const { diagnostics } = validateSources(files.map(([path, text]) => ({ path, text })));
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.code !== 'V201');
  return { valid: errors.length === 0, errors };
}

export function describeErrors(errors: readonly Diagnostic[], max = 3): string {
  return errors
    .slice(0, max)
    .map((d) => `${d.code} ${d.span ? `${d.span.start.line}:${d.span.start.column} ` : ''}${d.message}`)
    .join(' | ');
}

/** The first error lines of Prisma's message. */
export function prismaErrors(message: string | undefined, max = 3): string {
  return (message ?? '')
    .split('\n')
    .filter((l) => l.startsWith('error'))
    .slice(0, max)
    .join(' | ');
}
