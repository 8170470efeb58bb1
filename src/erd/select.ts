/**
 * Parts of a diagram: `--models A,B,File*` keeps the matching entities, their one-hop neighbours (shown with their
 * key columns only) and the edges among them; and `keysOnly` shrinks every entity to its key columns, for an
 * overview of a large schema. Pure functions over the diagram model.
 */
import { enumsUsedBy, type Diagram, type ErdEntity } from './model.js';

export interface Selection {
  readonly diagram: Diagram;
  /** Patterns that matched no model, view or table name. */
  readonly unmatched: readonly string[];
}

/** Splits `A,B` and repeated flags into patterns. */
export function parseModelPatterns(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((p) => p.trim()).filter((p) => p !== '');
}

/** `*` any run of characters, `?` one character; anything else literally. Case-sensitive, like model names. */
export function globToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

/**
 * The entities whose name (or table name) matches a pattern, with every entity related to them. Neighbours keep
 * their key columns; edges between two neighbours are left out, so the picture stays about the selection.
 */
export function selectEntities(diagram: Diagram, patterns: readonly string[]): Selection {
  const regexps = patterns.map((p) => ({ pattern: p, re: globToRegExp(p) }));
  const matched = new Set<string>();
  const unmatched: string[] = [];
  for (const { pattern, re } of regexps) {
    const hits = diagram.entities.filter((e) => re.test(e.name) || (e.dbName !== undefined && re.test(e.dbName)));
    if (hits.length === 0) unmatched.push(pattern);
    for (const e of hits) matched.add(e.name);
  }
  const neighbours = new Set<string>();
  for (const edge of diagram.edges) {
    if (matched.has(edge.from.entity) && !matched.has(edge.to.entity)) neighbours.add(edge.to.entity);
    if (matched.has(edge.to.entity) && !matched.has(edge.from.entity)) neighbours.add(edge.from.entity);
  }
  const entities = diagram.entities
    .filter((e) => matched.has(e.name) || neighbours.has(e.name))
    .map((e) => (matched.has(e.name) ? e : { ...collapseToKeys(e), role: 'neighbour' as const }));
  const edges = diagram.edges.filter((e) => matched.has(e.from.entity) || matched.has(e.to.entity));
  return { diagram: { entities, edges, enums: enumsUsedBy(entities, diagram.enums) }, unmatched };
}

/** Every entity with its key columns only (an overview). Enums are kept: they are small. */
export function keysOnly(diagram: Diagram): Diagram {
  return { ...diagram, entities: diagram.entities.map(collapseToKeys) };
}

/** The entity with only its PK, FK and UK columns; the others are counted. */
export function collapseToKeys(entity: ErdEntity): ErdEntity {
  const attributes = entity.attributes.filter((a) => a.markers.length > 0);
  const hidden = entity.attributes.length - attributes.length + (entity.hiddenAttributes ?? 0);
  return { ...entity, attributes, compositeUniques: [], ...(hidden > 0 ? { hiddenAttributes: hidden } : {}) };
}
