/** A position in a source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A range in one source file. Every schema node carries one. */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** Maps offsets to line/column for one text, using a precomputed table of line starts. */
export class LineIndex {
  readonly #lineStarts: number[];

  /** `lineStarts`: the table when a caller already has it (the schema lexer finds it while tokenizing). */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.#lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.#lineStarts = starts;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** The line of the last lookup: parsers ask for positions in increasing order, so it is usually the answer. */
  #lastLine = 0;

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.#lineStarts;
    const guess = this.#lastLine;
    if (starts[guess]! <= clamped && (guess + 1 >= starts.length || starts[guess + 1]! > clamped)) {
      return { line: guess + 1, column: clamped - starts[guess]! + 1, offset: clamped };
    }
    if (guess + 2 < starts.length && starts[guess + 1]! <= clamped && starts[guess + 2]! > clamped) {
      this.#lastLine = guess + 1;
      return { line: guess + 2, column: clamped - starts[guess + 1]! + 1, offset: clamped };
    }
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    this.#lastLine = lo;
    return { line: lo + 1, column: clamped - this.#lineStarts[lo]! + 1, offset: clamped };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.#lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  span(file: string, startOffset: number, endOffset: number): Span {
    return new OffsetSpan(file, this, startOffset, endOffset);
  }
}

/**
 * A span kept as two offsets, with line and column computed when asked. The parser gives every node of the syntax
 * tree a span (~55,000 on a 1,000-model schema), all alive until the command ends; as three objects each (the span
 * and its two positions) they were two thirds of the tree's objects, which the garbage collector copied and
 * promoted, while a valid schema reads a position only for the odd comment or diagnostic.
 */
export class OffsetSpan implements Span {
  readonly #lines: LineIndex;

  constructor(
    readonly file: string,
    lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
  }

  get start(): Position {
    return this.#lines.position(this.startOffset);
  }

  get end(): Position {
    return this.#lines.position(this.endOffset);
  }

  /** As a plain span: JSON.stringify does not read getters. */
  toJSON(): { file: string; start: Position; end: Position } {
    return { file: this.file, start: this.start, end: this.end };
  }
}

/** A span's start offset, without computing its line and column when it is an OffsetSpan. */
export function startOffsetOf(span: Span): number {
  return span instanceof OffsetSpan ? span.startOffset : span.start.offset;
}

/** A span's end offset, without computing its line and column when it is an OffsetSpan. */
export function endOffsetOf(span: Span): number {
  return span instanceof OffsetSpan ? span.endOffset : span.end.offset;
}

/** A span covering both arguments (same file assumed). */
export function joinSpans(a: Span, b: Span): Span {
  return {
    file: a.file,
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}

export function formatLocation(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}
