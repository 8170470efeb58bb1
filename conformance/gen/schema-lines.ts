/**
 * A tolerant, line-based view of schema text for the mutators: blocks and field lines with their line numbers.
 * Deliberately independent of src/schema, so that mutations do not inherit the parser's blind spots.
 */

export interface FieldLine {
  /** 0-based line index. */
  readonly line: number;
  readonly name: string;
  readonly type: string;
  /** `?`, `[]` or ''. */
  readonly modifier: string;
  /** Everything after the type (attributes, comments). */
  readonly rest: string;
}

export interface BlockLines {
  readonly keyword: string;
  readonly name: string;
  /** Line of the header and of the closing brace (0-based). */
  readonly start: number;
  readonly end: number;
  readonly fields: FieldLine[];
  /** Lines of block attributes (`@@…`). */
  readonly attributeLines: number[];
}

export interface SchemaLines {
  readonly lines: string[];
  readonly blocks: BlockLines[];
  readonly modelNames: Set<string>;
}

const HEADER = /^\s*(model|view|enum|type|datasource|generator)\s+([A-Za-z][\w-]*)\s*\{\s*(\/\/.*)?$/;
const FIELD = /^\s*([A-Za-z][\w-]*)\s+([A-Za-z][\w]*(?:\("[^"]*"\))?)(\[\]|\?)?(.*)$/;

export function readSchemaLines(text: string): SchemaLines {
  const lines = text.split('\n');
  const blocks: BlockLines[] = [];
  let open: { keyword: string; name: string; start: number; fields: FieldLine[]; attributeLines: number[] } | undefined;
  lines.forEach((line, i) => {
    if (!open) {
      const h = HEADER.exec(line);
      if (h) open = { keyword: h[1]!, name: h[2]!, start: i, fields: [], attributeLines: [] };
      return;
    }
    if (/^\s*\}/.test(line)) {
      blocks.push({ ...open, end: i });
      open = undefined;
      return;
    }
    if (/^\s*@@/.test(line)) {
      open.attributeLines.push(i);
      return;
    }
    if (open.keyword !== 'model' && open.keyword !== 'view' && open.keyword !== 'type') return;
    const f = FIELD.exec(line);
    if (f && !line.trim().startsWith('//')) open.fields.push({ line: i, name: f[1]!, type: f[2]!, modifier: f[3] ?? '', rest: f[4] ?? '' });
  });
  const modelNames = new Set(blocks.filter((b) => b.keyword === 'model' || b.keyword === 'view').map((b) => b.name));
  return { lines, blocks, modelNames };
}

/** Rebuilds a field line from its parts, keeping the original indentation. */
export function renderField(original: string, f: { name: string; type: string; modifier: string; rest: string }): string {
  const indent = /^\s*/.exec(original)![0];
  return `${indent}${f.name} ${f.type}${f.modifier}${f.rest}`;
}

export function isRelationField(schema: SchemaLines, f: FieldLine): boolean {
  return schema.modelNames.has(f.type);
}

export const SCALARS = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'];
