/**
 * Mermaid's `erDiagram`, which GitHub renders inside a ```mermaid block in Markdown. Mermaid lays it out itself.
 *
 * Mermaid's grammar is narrower than Prisma's: an attribute type is a word (letters, digits, `-_[]()`), so `?` and
 * quotes cannot appear in it. Optional columns say so in the attribute's comment instead, and `Unsupported("x")`
 * becomes `Unsupported`. Enums are entities whose attributes are the values, typed `enum`.
 */
import { ERD_MARKER } from './dot.js';
import type { Diagram, EdgeEnd, ErdAttribute, ErdEdge, ErdEntity, ErdEnum } from './model.js';

export interface MermaidOptions {
  /** Wrap the diagram in a ```mermaid fence, ready to paste into Markdown. */
  readonly fenced?: boolean;
}

export function renderMermaid(diagram: Diagram, options: MermaidOptions = {}): string {
  const lines = [`%% ${ERD_MARKER}`, 'erDiagram'];
  for (const edge of diagram.edges) lines.push(`  ${relationship(edge)}`);
  for (const entity of diagram.entities) lines.push(...entityBlock(entity));
  for (const e of diagram.enums) lines.push(...enumBlock(e));
  const text = lines.join('\n') + '\n';
  return options.fenced ? '```mermaid\n' + text + '```\n' : text;
}

/** Crow's foot ends: `||` exactly one, `|o` zero or one, `}o` zero or many, written for the left or right side. */
function endSymbol(end: EdgeEnd, side: 'left' | 'right'): string {
  const max = end.max === 'many' ? (side === 'left' ? '}' : '{') : '|';
  const min = end.min === 0 ? 'o' : '|';
  return side === 'left' ? `${max}${min}` : `${min}${max}`;
}

function relationship(edge: ErdEdge): string {
  const line = edge.cardinality === 'ManyToMany' ? '..' : '--';
  const label = edge.joinTable ?? (edge.to.columns.length > 0 ? edge.to.columns.join(', ') : edge.name);
  return `${name(edge.from.entity)} ${endSymbol(edge.from, 'left')}${line}${endSymbol(edge.to, 'right')} ${name(edge.to.entity)} : ${quote(label)}`;
}

function entityBlock(entity: ErdEntity): string[] {
  const lines: string[] = [];
  if (entity.hiddenAttributes) lines.push(`  %% ${entity.name}: ${entity.hiddenAttributes} more column${entity.hiddenAttributes === 1 ? '' : 's'} not shown`);
  lines.push(`  ${name(entity.name)} {`);
  for (const a of entity.attributes) lines.push(`    ${attribute(entity, a)}`);
  lines.push('  }');
  return lines;
}

function attribute(entity: ErdEntity, a: ErdAttribute): string {
  const type = a.type.startsWith('Unsupported(') ? 'Unsupported' : a.type;
  const keys = a.markers.length > 0 ? ` ${a.markers.join(', ')}` : '';
  const notes: string[] = [];
  if (a.optional) notes.push('optional');
  if (a.dbName !== undefined) notes.push(`column ${a.dbName}`);
  for (const fields of entity.compositeUniques) {
    if (fields[0] === a.name) notes.push(`unique (${fields.join(', ')})`);
  }
  return `${type}${a.list ? '[]' : ''} ${a.name}${keys}${notes.length ? ` ${quote(notes.join('; '))}` : ''}`;
}

function enumBlock(e: ErdEnum): string[] {
  return [`  ${name(e.name)} {`, ...e.values.map((v) => `    enum ${v.name}${v.dbName !== undefined ? ` ${quote(`value ${v.dbName}`)}` : ''}`), '  }'];
}

/** An entity name: bare when Mermaid's grammar allows it, quoted otherwise. */
function name(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) ? text : quote(text);
}

/** Mermaid strings cannot hold a double quote; `#quot;` is its entity for one. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
