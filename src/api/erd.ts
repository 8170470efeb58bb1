/**
 * `erd`: the schema as an entity-relationship diagram, as SVG (laid out by Graphviz), a self-contained HTML page,
 * Mermaid or DOT. Loading Graphviz (wasm) happens here on first use only, never when the API module is imported.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDot, type DotOptions } from '../erd/dot.js';
import { renderHtml } from '../erd/html.js';
import { renderMermaid } from '../erd/mermaid.js';
import { buildDiagram, type Diagram } from '../erd/model.js';
import { keysOnly, parseModelPatterns, selectEntities } from '../erd/select.js';
import { renderSvg } from '../erd/svg.js';
import { displayPath, type SchemaSource } from '../schema/load.js';
import type { SchemaModel } from '../schema/model.js';
import { loadSchema, type SchemaLocationOptions } from './schema.js';

export { ERD_MARKER } from '../erd/dot.js';

export const ERD_FORMATS = ['svg', 'html', 'mermaid', 'dot'] as const;
export type ErdFormat = (typeof ERD_FORMATS)[number];

export interface DiagramOptions {
  /** Default `svg`. */
  readonly format?: ErdFormat;
  /**
   * Draw only these models (names or table names; `*` and `?` globs; an item may hold several, comma-separated) and
   * the models related to them. Default, or an empty list: all.
   */
  readonly models?: readonly string[];
  /** Layout direction for svg, html and dot: top to bottom (default) or left to right. */
  readonly direction?: 'TB' | 'LR';
  /** The html page's title. */
  readonly title?: string;
  /** Mermaid only: wrap in a ```mermaid fence for Markdown. */
  readonly fenced?: boolean;
}

export interface ErdOptions extends SchemaLocationOptions, DiagramOptions {}

export interface DiagramResult {
  /** The diagram text; absent when a `models` pattern matched nothing. */
  readonly output?: string;
  /** What was drawn. */
  readonly diagram: Diagram;
  /** `models` patterns that matched no model. */
  readonly unmatched: readonly string[];
}

export interface ErdResult {
  readonly output?: string;
  readonly diagram?: Diagram;
  readonly unmatched: readonly string[];
  /** The schema file, or folder of schema files. */
  readonly location?: string;
  readonly sources: readonly SchemaSource[];
  readonly diagnostics: readonly Diagnostic[];
  /** False when the schema has errors or a `models` pattern matched nothing. */
  readonly ok: boolean;
}

/** Finds and validates the schema, then draws it. Nothing is drawn from a schema with errors. */
export async function erd(options: ErdOptions = {}): Promise<ErdResult> {
  const loaded = loadSchema(options);
  const base = { location: loaded.location, sources: loaded.sources, diagnostics: loaded.diagnostics };
  if (!loaded.ok || !loaded.schema) return { ...base, unmatched: [], ok: false };
  const title = options.title ?? (loaded.location !== undefined ? displayPath(options.cwd ?? process.cwd(), loaded.location) : undefined);
  const drawn = await renderDiagram(loaded.schema, { ...options, ...(title !== undefined ? { title } : {}) });
  return { ...base, ...drawn, ok: drawn.output !== undefined };
}

/** Draws a schema model (already validated) in one format. */
export async function renderDiagram(schema: SchemaModel, options: DiagramOptions = {}): Promise<DiagramResult> {
  let diagram = buildDiagram(schema);
  const patterns = parseModelPatterns(options.models ?? []);
  if (patterns.length > 0) {
    const selection = selectEntities(diagram, patterns);
    if (selection.unmatched.length > 0) return { diagram, unmatched: selection.unmatched };
    diagram = selection.diagram;
  }
  const dot: DotOptions = { direction: options.direction ?? 'TB' };
  const format = options.format ?? 'svg';
  let output: string;
  switch (format) {
    case 'svg':
      output = await renderSvg(diagram, dot);
      break;
    case 'html': {
      const full = await renderSvg(diagram, dot);
      const overview = diagram.entities.some((e) => e.attributes.some((a) => a.markers.length === 0)) ? await renderSvg({ ...keysOnly(diagram), enums: [] }, dot) : undefined;
      output = renderHtml(diagram, { full, ...(overview !== undefined ? { overview } : {}) }, options.title !== undefined ? { title: options.title } : {});
      break;
    }
    case 'mermaid':
      output = renderMermaid(diagram, { fenced: options.fenced ?? false });
      break;
    case 'dot':
      output = renderDot(diagram, dot);
      break;
  }
  return { output, diagram, unmatched: [] };
}
