/** SARIF 2.1.0 for code scanning: one rule per diagnostic code, one result per finding. */
import type { CheckResult } from '../../api/check.js';
import { CODES, type CodeInfo } from '../../diagnostics/codes.js';

export function checkReportSarif(result: CheckResult, version: string): object {
  const used = [...new Set(result.findings.map((f) => f.diagnostic.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: '@spacepos/codegen',
            version,
            informationUri: 'https://www.npmjs.com/package/@spacepos/codegen',
            rules: used.map((code) => {
              const info = CODES[code] as CodeInfo;
              return { id: code, name: info.title.replace(/[^A-Za-z0-9]+/g, ''), shortDescription: { text: info.title }, fullDescription: { text: info.doc }, ...(info.hint ? { help: { text: info.hint } } : {}) };
            }),
          },
        },
        results: result.findings.map((f) => {
          const d = f.diagnostic;
          return {
            ruleId: d.code,
            level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
            message: { text: d.message + (d.hint ? `\n${d.hint}` : '') },
            ...(d.span
              ? {
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: d.span.file },
                        region: { startLine: d.span.start.line, startColumn: d.span.start.column, endLine: d.span.end.line, endColumn: Math.max(d.span.end.column, d.span.start.column + 1) },
                      },
                    },
                  ],
                }
              : {}),
            properties: { category: f.category },
          };
        }),
      },
    ],
  };
}
