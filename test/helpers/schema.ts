import { validateSchemaText } from '../../src/api.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

/** A datasource block for a provider, to prefix small test schemas with. */
export function datasource(provider = 'sqlite', extra = ''): string {
  return `datasource db {\n  provider = "${provider}"\n${extra}}\n`;
}

/** A generator block enabling preview features. */
export function preview(...features: string[]): string {
  return `generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = [${features.map((f) => `"${f}"`).join(', ')}]\n}\n`;
}

/** Diagnostics of a schema body under a SQLite datasource (or the given header). */
export function check(body: string, header = datasource()): Diagnostic[] {
  return validateSchemaText(header + body).diagnostics;
}

/** `CODE@line:col` for each diagnostic, lines counted in the body (the header's lines subtracted). */
export function codes(body: string, header = datasource()): string[] {
  const offset = header.split('\n').length - 1;
  return check(body, header).map((d) => `${d.code}@${(d.span?.start.line ?? 0) - offset}:${d.span?.start.column ?? 0}`);
}

/** Only the codes, in order. */
export function codeList(body: string, header = datasource()): string[] {
  return check(body, header).map((d) => d.code);
}
