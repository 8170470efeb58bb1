import { CODES, type CodeInfo } from './codes.js';

const FAMILIES: Record<string, string> = {
  P: 'P1xx — reading and parsing',
  V: 'V2xx — validation',
  D: 'D3xx — destructive and unexecutable changes',
  M: 'M4xx — migrations',
  G: 'G5xx — code generation',
  I: 'I6xx — introspection',
  L: 'L7xx — lint',
};

/** docs/diagnostics.md, generated from the registry so that the two never disagree. */
export function renderDiagnosticsDoc(): string {
  const lines: string[] = [
    '# Diagnostics',
    '',
    '<!-- Generated from src/diagnostics/codes.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'Every problem the tools report carries a stable code. Codes are never reused. In text output a diagnostic reads',
    '',
    '```',
    'prisma/schema.prisma:12:3 error V204 Unknown type `Strin` on field `name` of model `User`.',
    '> 12 |   name Strin',
    '     |        ^^^^^',
    '  hint: Did you mean `String`?',
    '```',
    '',
    'With `--format json` each diagnostic is an object `{ code, severity, message, file, line, column, endLine, endColumn, hint?, related? }`',
    '(lines and columns are 1-based).',
    '',
  ];
  let family = '';
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    if (code[0] !== family) {
      family = code[0]!;
      lines.push(`## ${FAMILIES[family] ?? family}`, '');
    }
    lines.push(`### ${code} — ${info.title}`, '', `Severity: ${info.severity}.`, '', info.doc, '');
    if (info.hint) lines.push(`Fix: ${info.hint.replace(/\n/g, ' ')}`, '');
  }
  return lines.join('\n');
}
