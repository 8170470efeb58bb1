/** Lowering of `enum` blocks. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { BlockNode, EnumValueNode } from './ast.js';
import { bindAttribute, ENUM_BLOCK_ATTRIBUTES, ENUM_VALUE_ATTRIBUTES } from './attributes.js';
import { docsOf, mapName, reportRepeated } from './lower-shared.js';
import type { Enum, EnumValue } from './model.js';
import { defined } from '../defined.js';

export function lowerEnum(block: BlockNode, diagnostics: Diagnostic[]): Enum {
  const values: EnumValue[] = [];
  const seen = new Map<string, EnumValueNode>();
  let dbName = block.name;
  const seenAttrs = new Set<string>();
  for (const m of block.members) {
    if (m.kind === 'BlockAttribute') {
      const a = m.attribute;
      if (!a.block) continue;
      const bound = bindAttribute(a, ENUM_BLOCK_ATTRIBUTES, () => `on enum \`${block.name}\``, diagnostics);
      if (!bound || reportRepeated(a, seenAttrs, diagnostics)) continue;
      if (a.name === 'map') {
        const v = mapName(bound, diagnostics);
        if (v !== undefined) dbName = v;
      }
      continue;
    }
    if (m.kind === 'Assignment') {
      diagnostics.push(diagnostic('P103', `\`${m.name} = …\` is not valid in an enum.`, { span: m.span, hint: 'An enum lists one value name per line.' }));
      continue;
    }
    if (m.kind !== 'EnumValue') continue;
    const earlier = seen.get(m.name);
    if (earlier) {
      diagnostics.push(
        diagnostic('V207', `The value \`${m.name}\` is defined twice in enum \`${block.name}\`.`, {
          span: m.nameSpan,
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
      continue;
    }
    seen.set(m.name, m);
    let valueDbName = m.name;
    const valueAttrs = new Set<string>();
    for (const a of m.attributes) {
      const bound = bindAttribute(a, ENUM_VALUE_ATTRIBUTES, () => `on enum value \`${m.name}\``, diagnostics);
      if (!bound || reportRepeated(a, valueAttrs, diagnostics)) continue;
      const v = mapName(bound, diagnostics);
      if (v !== undefined) valueDbName = v;
    }
    values.push(defined({ name: m.name, dbName: valueDbName, docs: docsOf(m.docs), span: m.span }));
  }
  if (values.length === 0) {
    diagnostics.push(diagnostic('V236', `The enum \`${block.name}\` has no values.`, { span: block.nameSpan, hint: 'Add at least one value, one per line.' }));
  }
  return defined({ name: block.name, dbName, values, docs: docsOf(block.docs), span: block.span, nameSpan: block.nameSpan });
}
