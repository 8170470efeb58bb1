/** Lowering of `datasource` and `generator` blocks into their config properties. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { AssignmentNode, BlockNode, Expr } from './ast.js';
import { exprText } from './attributes.js';
import { docsOf } from './lower-shared.js';
import type { ConfigProperty, ConfigValue, Datasource, Generator } from './model.js';
import { closest } from './suggest.js';
import { defined } from '../defined.js';

function configValue(expr: Expr): ConfigValue {
  switch (expr.kind) {
    case 'String':
      return { kind: 'String', value: expr.value };
    case 'Boolean':
      return { kind: 'Boolean', value: expr.value };
    case 'Number':
      return { kind: 'Number', text: expr.raw };
    case 'Array':
      return { kind: 'Array', items: expr.items.map(configValue) };
    case 'Call':
      if (expr.name === 'env' && expr.args.length === 1 && expr.args[0]!.value.kind === 'String' && expr.args[0]!.name === undefined) {
        return { kind: 'Env', variable: expr.args[0]!.value.value };
      }
      return { kind: 'Other', text: exprText(expr) };
    default:
      return { kind: 'Other', text: exprText(expr) };
  }
}

function configProperties(block: BlockNode, diagnostics: Diagnostic[]): ConfigProperty[] {
  const seen = new Map<string, AssignmentNode>();
  const out: ConfigProperty[] = [];
  for (const m of block.members) {
    if (m.kind === 'BlockAttribute') {
      diagnostics.push(diagnostic('V224', `Attributes are not allowed in a ${block.keyword} block.`, { span: m.attribute.span }));
      continue;
    }
    if (m.kind !== 'Assignment') continue;
    const earlier = seen.get(m.name);
    if (earlier) {
      diagnostics.push(
        diagnostic(block.keyword === 'datasource' ? 'V231' : 'V230', `The key \`${m.name}\` is defined twice in ${block.keyword} \`${block.name}\`.`, {
          span: m.nameSpan,
          hint: 'Remove one of them.',
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
      continue;
    }
    seen.set(m.name, m);
    out.push({ key: m.name, value: configValue(m.value), span: m.span, valueSpan: m.value.span });
  }
  return out;
}

const DATASOURCE_KEYS = ['provider', 'url', 'directUrl', 'shadowDatabaseUrl', 'relationMode', 'referentialIntegrity', 'extensions', 'schemas'];

export function lowerDatasource(block: BlockNode, diagnostics: Diagnostic[]): Datasource {
  const properties = configProperties(block, diagnostics);
  const get = (key: string): ConfigProperty | undefined => properties.find((p) => p.key === key);
  for (const p of properties) {
    if (!DATASOURCE_KEYS.includes(p.key)) {
      const suggestion = closest(p.key, DATASOURCE_KEYS);
      diagnostics.push(
        diagnostic('V231', `Unknown property \`${p.key}\` in datasource \`${block.name}\`.`, {
          span: p.span,
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Known properties: ${DATASOURCE_KEYS.map((k) => `\`${k}\``).join(', ')}.`,
        }),
      );
    }
  }
  const providerProp = get('provider');
  let provider = '';
  if (!providerProp) {
    diagnostics.push(diagnostic('V231', `The datasource \`${block.name}\` has no \`provider\`.`, { span: block.nameSpan, hint: 'Add `provider = "sqlite"`.' }));
  } else if (providerProp.value.kind === 'String') {
    provider = providerProp.value.value;
  } else {
    diagnostics.push(
      diagnostic('V231', 'The datasource `provider` must be a string literal.', {
        span: providerProp.valueSpan,
        hint: providerProp.value.kind === 'Env' ? 'Prisma does not read the provider from the environment: write `provider = "sqlite"`.' : 'Write `provider = "sqlite"`.',
      }),
    );
  }
  const mode = get('relationMode') ?? get('referentialIntegrity');
  let relationMode: Datasource['relationMode'] = 'foreignKeys';
  if (mode) {
    if (mode.value.kind === 'String' && (mode.value.value === 'prisma' || mode.value.value === 'foreignKeys')) relationMode = mode.value.value;
    else diagnostics.push(diagnostic('V231', '`relationMode` must be "foreignKeys" or "prisma".', { span: mode.valueSpan }));
  }
  const url = get('url');
  return {
    name: block.name,
    provider,
    ...(url ? { url: url.value } : {}),
    relationMode,
    properties,
    span: block.span,
    nameSpan: block.nameSpan,
  };
}

export function lowerGenerator(block: BlockNode, diagnostics: Diagnostic[]): Generator {
  const properties = configProperties(block, diagnostics);
  const provider = properties.find((p) => p.key === 'provider');
  const output = properties.find((p) => p.key === 'output');
  if (!provider) {
    diagnostics.push(diagnostic('V230', `The generator \`${block.name}\` has no \`provider\`.`, { span: block.nameSpan, hint: 'Add `provider = "codegen"` (or the generator you use).' }));
  }
  const preview = properties.find((p) => p.key === 'previewFeatures');
  const previewFeatures: string[] = [];
  if (preview) {
    if (preview.value.kind === 'String') {
      // Prisma also takes a single name without brackets.
      previewFeatures.push(preview.value.value);
    } else if (preview.value.kind === 'Array' && preview.value.items.every((i) => i.kind === 'String')) {
      for (const i of preview.value.items) if (i.kind === 'String') previewFeatures.push(i.value);
    } else {
      diagnostics.push(diagnostic('V230', '`previewFeatures` must be a list of strings.', { span: preview.valueSpan, hint: 'For example `previewFeatures = ["views"]`.' }));
    }
  }
  return defined({
    name: block.name,
    provider: provider?.value,
    output: output?.value,
    previewFeatures,
    properties,
    docs: docsOf(block.docs),
    span: block.span,
    nameSpan: block.nameSpan,
  });
}
