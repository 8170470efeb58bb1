/** Helpers shared by the lowering of blocks (lower-*.ts). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { AttributeNode } from './ast.js';
import { decodeString, type BoundArguments } from './attributes.js';

/** The type names a field may refer to, collected before any block is lowered. */
export interface TypeNames {
  readonly models: ReadonlySet<string>;
  readonly enums: ReadonlySet<string>;
  readonly composites: ReadonlySet<string>;
}

/** The doc comment's text, or undefined when there is none (for `defined`, which then leaves `docs` out). */
export function docsOf(lines: readonly string[]): string | undefined {
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export function mapName(bound: BoundArguments, diagnostics: Diagnostic[]): string | undefined {
  const arg = bound.get('name');
  const v = decodeString(arg, 'The name in `@map`', diagnostics);
  if (v !== undefined && v.trim() === '') {
    diagnostics.push(diagnostic('V225', 'The name in `@map` must not be empty.', { span: arg!.value.span }));
    return undefined;
  }
  return v;
}

export function reportRepeated(a: AttributeNode, seen: Set<string>, diagnostics: Diagnostic[]): boolean {
  const key = a.name;
  if (seen.has(key)) {
    diagnostics.push(diagnostic('V226', `\`${a.block ? '@@' : '@'}${a.name}\` is given more than once.`, { span: a.nameSpan }));
    return true;
  }
  seen.add(key);
  return false;
}

