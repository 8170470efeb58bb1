/**
 * Aligned rows, the way Prisma's formatter lays out the inside of a block: every row has columns (field name,
 * type, attributes; or key and `= value`) and an optional suffix (a trailing comment) that takes no part in the
 * layout. A comment on its own line is a row with a suffix and no columns, so it never widens a column.
 */

interface Row {
  readonly columns: string[];
  suffix: string;
}

/** Builds the formatted text line by line, indenting each line when its first text is written. */
export class LineWriter {
  #out = '';
  #indent = 0;
  #atLineStart = true;

  constructor(readonly indentWidth: number) {}

  write(text: string): void {
    if (this.#atLineStart) this.#out += ' '.repeat(this.#indent * this.indentWidth);
    this.#atLineStart = false;
    this.#out += text;
  }

  endLine(): void {
    this.#out += '\n';
    this.#atLineStart = true;
  }

  indent(): void {
    this.#indent++;
  }

  dedent(): void {
    this.#indent = Math.max(0, this.#indent - 1);
  }

  get text(): string {
    return this.#out;
  }
}

export class Table {
  #rows: Row[] = [];

  /** Starts a new row. A row that stays empty prints as a blank line. */
  startRow(): void {
    this.#rows.push({ columns: [], suffix: '' });
  }

  /** Sets a column of the current row (earlier missing columns stay empty). */
  setColumn(index: number, text: string): void {
    const row = this.#current();
    while (row.columns.length <= index) row.columns.push('');
    row.columns[index] = text;
  }

  /** Appends to a column of the current row. */
  appendToColumn(index: number, text: string): void {
    const row = this.#current();
    while (row.columns.length <= index) row.columns.push('');
    row.columns[index] += text;
  }

  appendSuffix(text: string): void {
    this.#current().suffix += text;
  }

  /**
   * Prints the rows and empties the table. Every column but a row's last is padded to the widest cell of that
   * column plus one space. Widths count UTF-8 bytes, as Prisma's formatter does. Returns the number of lines.
   */
  render(out: LineWriter): number {
    const widths: number[] = [];
    for (const row of this.#rows) {
      while (row.columns.length > 0 && row.columns[row.columns.length - 1] === '') row.columns.pop();
      row.columns.forEach((cell, i) => {
        widths[i] = Math.max(widths[i] ?? 0, byteLength(cell));
      });
    }
    for (const { columns, suffix } of this.#rows) {
      columns.forEach((cell, i) => {
        const last = i === columns.length - 1;
        out.write(last ? cell : cell + ' '.repeat(widths[i]! - byteLength(cell) + 1));
      });
      if (suffix !== '') out.write(columns.length > 0 ? ` ${suffix}` : suffix);
      out.endLine();
    }
    const printed = this.#rows.length;
    this.#rows = [];
    return printed;
  }

  #current(): Row {
    const row = this.#rows[this.#rows.length - 1];
    if (!row) throw new Error('Table: no current row');
    return row;
  }
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
