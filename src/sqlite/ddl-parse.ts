/**
 * A parser for the DDL that `sqlite_schema.sql` holds: CREATE TABLE and CREATE INDEX (views and triggers are kept as
 * text and never parsed). It reads what the PRAGMAs do not say: AUTOINCREMENT, column collations, CHECK bodies,
 * constraint names, default expressions with their parentheses, generated-column expressions, deferrable foreign
 * keys and partial-index conditions. Tokens come from the one tokenizer (ddl-tokens.ts); expressions are cut from
 * the source text between token offsets, so they read exactly as written (comments inside them included).
 *
 * A syntax problem comes back as a value ({ ok: false }). The text in `sqlite_schema` was accepted by SQLite, so a
 * failure here means a gap in this parser, and introspection falls back to what the PRAGMAs report.
 */
import type { ForeignKeyAction, IndexSort } from '../database/model.js';
import type {
  ColumnConstraintDef,
  ColumnDef,
  ConflictResolution,
  CreateIndexStatement,
  CreateTableStatement,
  ForeignKeyClause,
  IndexedColumnDef,
  ParseResult,
  TableConstraintDef,
} from './ddl-ast.js';
import { NAME_KINDS, SyntaxFailure, TokenCursor } from './ddl-cursor.js';
import { tokenizeSql } from './ddl-tokens.js';
import { defined } from '../defined.js';

export function parseCreateTable(sql: string): ParseResult<CreateTableStatement> {
  return parseWith(sql, (p) => p.createTable());
}

export function parseCreateIndex(sql: string): ParseResult<CreateIndexStatement> {
  return parseWith(sql, (p) => p.createIndex());
}

function parseWith<T>(sql: string, parse: (p: DdlParser) => T): ParseResult<T> {
  const { tokens, error } = tokenizeSql(sql);
  if (error) return { ok: false, error };
  try {
    const parser = new DdlParser(sql, tokens);
    const value = parse(parser);
    parser.end();
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

/** Words that end a column's type and start a column constraint. */
const COLUMN_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS']);
const TABLE_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);
const CONFLICT_RESOLUTIONS = new Set<ConflictResolution>(['ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE']);

class DdlParser extends TokenCursor {
  // ── statements ────────────────────────────────────────────────────────────────────────────────

  createTable(): CreateTableStatement {
    this.expectWord('CREATE');
    const temporary = this.acceptWord('TEMP') || this.acceptWord('TEMPORARY');
    this.expectWord('TABLE');
    const ifNotExists = this.ifNotExists();
    const { schema, name } = this.qualifiedName();
    if (this.atWord('AS')) this.fail('CREATE TABLE … AS SELECT is not supported here');
    this.expectPunct('(');
    const columns: ColumnDef[] = [];
    const constraints: TableConstraintDef[] = [];
    do {
      // Once the first table constraint appears, only table constraints may follow (SQLite's rule).
      if (constraints.length > 0 || this.atTableConstraint()) constraints.push(this.tableConstraint());
      else columns.push(this.columnDef());
    } while (this.acceptPunct(','));
    this.expectPunct(')');
    let withoutRowid = false;
    let strict = false;
    if (!this.atEnd() && !this.atPunct(';')) {
      do {
        if (this.acceptWord('WITHOUT')) {
          this.expectWord('ROWID');
          withoutRowid = true;
        } else if (this.acceptWord('STRICT')) strict = true;
        else this.fail('expected WITHOUT ROWID or STRICT');
      } while (this.acceptPunct(','));
    }
    return defined({ kind: 'CreateTable', name, schema: schema || undefined, temporary, ifNotExists, columns, constraints, withoutRowid, strict });
  }

  createIndex(): CreateIndexStatement {
    this.expectWord('CREATE');
    const unique = this.acceptWord('UNIQUE');
    this.expectWord('INDEX');
    const ifNotExists = this.ifNotExists();
    const { schema, name } = this.qualifiedName();
    this.expectWord('ON');
    const table = this.name();
    const columns = this.indexedColumnList(false).columns;
    let where: string | undefined;
    if (this.acceptWord('WHERE')) where = this.textOf(this.pos, this.skipExpression());
    return defined({ kind: 'CreateIndex', name, schema: schema || undefined, table, unique, ifNotExists, columns, where });
  }

  /** Nothing but an optional `;` may follow a statement. */
  end(): void {
    this.acceptPunct(';');
    if (!this.atEnd()) this.fail(`unexpected ${this.describe(this.peek())} after the statement`);
  }

  // ── columns ───────────────────────────────────────────────────────────────────────────────────

  private columnDef(): ColumnDef {
    const name = this.name();
    const typeStart = this.pos;
    while (this.peekIsName() && !COLUMN_CONSTRAINT_START.has(this.peek()!.upper)) this.pos++;
    if (this.pos > typeStart && this.atPunct('(')) this.skipBalanced();
    const type = this.pos > typeStart ? this.textOf(typeStart, this.pos) : '';
    const constraints: ColumnConstraintDef[] = [];
    while (!this.atEnd() && !this.atPunct(',') && !this.atPunct(')')) {
      const constraint = this.columnConstraint();
      if (constraint) constraints.push(constraint);
    }
    return { name, type, constraints };
  }

  /** One column constraint, or undefined for a bare `CONSTRAINT name` (SQLite accepts it and ignores it). */
  private columnConstraint(): ColumnConstraintDef | undefined {
    const name = this.acceptWord('CONSTRAINT') ? this.name() : undefined;
    const word = this.peek()?.kind === 'word' ? this.peek()!.upper : '';
    switch (word) {
      case 'PRIMARY': {
        this.pos++;
        this.expectWord('KEY');
        const sort = this.sortOrder();
        const conflict = this.conflictClause();
        const autoincrement = this.acceptWord('AUTOINCREMENT');
        return defined({ kind: 'PrimaryKey', name, sort: sort || undefined, conflict: conflict || undefined, autoincrement });
      }
      case 'NOT': {
        this.pos++;
        this.expectWord('NULL');
        const conflict = this.conflictClause();
        return defined({ kind: 'NotNull', name, conflict: conflict || undefined });
      }
      case 'NULL':
        this.pos++;
        this.conflictClause();
        return defined({ kind: 'Null', name });
      case 'UNIQUE': {
        this.pos++;
        const conflict = this.conflictClause();
        return defined({ kind: 'Unique', name, conflict: conflict || undefined });
      }
      case 'CHECK':
        this.pos++;
        return defined({ kind: 'Check', name, expression: this.parenthesizedExpression() });
      case 'DEFAULT':
        this.pos++;
        return defined({ kind: 'Default', name, expression: this.defaultValue() });
      case 'COLLATE':
        this.pos++;
        return defined({ kind: 'Collate', name, collation: this.name() });
      case 'REFERENCES':
        return defined({ kind: 'References', name, foreignKey: this.foreignKeyClause() });
      case 'GENERATED':
      case 'AS': {
        if (this.acceptWord('GENERATED')) this.expectWord('ALWAYS');
        this.expectWord('AS');
        const expression = this.parenthesizedExpression();
        const stored = this.acceptWord('STORED');
        if (!stored) this.acceptWord('VIRTUAL');
        return defined({ kind: 'Generated', name, expression, stored });
      }
      default:
        if (name !== undefined) return undefined;
        return this.fail(`expected a column constraint, found ${this.describe(this.peek())}`);
    }
  }

  /** DEFAULT takes a parenthesised expression, a signed number, or one literal or identifier token. */
  private defaultValue(): string {
    const start = this.pos;
    if (this.atPunct('(')) {
      this.skipBalanced();
    } else if (this.atPunct('+') || this.atPunct('-')) {
      this.pos++;
      if (this.peek()?.kind !== 'number') this.fail('expected a number after the sign in DEFAULT');
      this.pos++;
    } else {
      const token = this.peek();
      if (!token || token.kind === 'punct' || token.kind === 'variable') this.fail(`expected a default value, found ${this.describe(token)}`);
      this.pos++;
    }
    return this.textOf(start, this.pos);
  }

  // ── table constraints ─────────────────────────────────────────────────────────────────────────

  private atTableConstraint(): boolean {
    const token = this.peek();
    return token?.kind === 'word' && TABLE_CONSTRAINT_START.has(token.upper);
  }

  private tableConstraint(): TableConstraintDef {
    const name = this.acceptWord('CONSTRAINT') ? this.name() : undefined;
    if (this.acceptWord('PRIMARY')) {
      this.expectWord('KEY');
      const { columns, autoincrement } = this.indexedColumnList(true);
      const conflict = this.conflictClause();
      return defined({ kind: 'PrimaryKey', name, columns, conflict: conflict || undefined, autoincrement });
    }
    if (this.acceptWord('UNIQUE')) {
      const { columns } = this.indexedColumnList(false);
      const conflict = this.conflictClause();
      return defined({ kind: 'Unique', name, columns, conflict: conflict || undefined });
    }
    if (this.acceptWord('CHECK')) {
      const expression = this.parenthesizedExpression();
      const conflict = this.conflictClause();
      return defined({ kind: 'Check', name, expression, conflict: conflict || undefined });
    }
    if (this.acceptWord('FOREIGN')) {
      this.expectWord('KEY');
      const columns = this.nameList();
      return defined({ kind: 'ForeignKey', name, columns, foreignKey: this.foreignKeyClause() });
    }
    return this.fail(`expected PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY, found ${this.describe(this.peek())}`);
  }

  private foreignKeyClause(): ForeignKeyClause {
    this.expectWord('REFERENCES');
    const table = this.name();
    const columns = this.atPunct('(') ? this.nameList() : [];
    let onDelete: ForeignKeyAction | undefined;
    let onUpdate: ForeignKeyAction | undefined;
    let match: string | undefined;
    for (;;) {
      if (this.acceptWord('ON')) {
        const event = this.expectWord('DELETE', 'UPDATE', 'INSERT');
        const action = this.referentialAction();
        if (event === 'DELETE') onDelete = action;
        else if (event === 'UPDATE') onUpdate = action;
        // ON INSERT is in SQLite's grammar and has no effect.
      } else if (this.acceptWord('MATCH')) {
        match = this.name();
      } else break;
    }
    let deferred = false;
    const notDeferrable = this.atWord('NOT') && this.peek(1)?.upper === 'DEFERRABLE';
    if (notDeferrable) this.pos++;
    if (this.acceptWord('DEFERRABLE')) {
      if (this.acceptWord('INITIALLY')) deferred = this.expectWord('DEFERRED', 'IMMEDIATE') === 'DEFERRED' && !notDeferrable;
    }
    return defined({ table, columns, onDelete: onDelete || undefined, onUpdate: onUpdate || undefined, match, deferred });
  }

  private referentialAction(): ForeignKeyAction {
    const word = this.expectWord('SET', 'CASCADE', 'RESTRICT', 'NO');
    switch (word) {
      case 'SET':
        return this.expectWord('NULL', 'DEFAULT') === 'NULL' ? 'SET NULL' : 'SET DEFAULT';
      case 'NO':
        this.expectWord('ACTION');
        return 'NO ACTION';
      case 'CASCADE':
        return 'CASCADE';
      default:
        return 'RESTRICT';
    }
  }

  private sortOrder(): IndexSort | undefined {
    if (this.acceptWord('ASC')) return 'ASC';
    if (this.acceptWord('DESC')) return 'DESC';
    return undefined;
  }

  private conflictClause(): ConflictResolution | undefined {
    if (!(this.atWord('ON') && this.peek(1)?.upper === 'CONFLICT')) return undefined;
    this.pos += 2;
    return this.expectWord(...CONFLICT_RESOLUTIONS) as ConflictResolution;
  }

  // ── lists and expressions ─────────────────────────────────────────────────────────────────────

  /**
   * `( expr [COLLATE name] [ASC|DESC], … )`. Each entry's expression runs to a comma or the closing parenthesis at
   * depth 0; its COLLATE and sort suffixes are peeled from the end. A PRIMARY KEY list may end with AUTOINCREMENT.
   */
  private indexedColumnList(allowAutoincrement: boolean): { columns: IndexedColumnDef[]; autoincrement: boolean } {
    this.expectPunct('(');
    const columns: IndexedColumnDef[] = [];
    let autoincrement = false;
    do {
      const start = this.pos;
      let end = this.skipExpression();
      if (allowAutoincrement && end - start > 1 && this.tokens[end - 1]!.upper === 'AUTOINCREMENT' && this.atPunct(')')) {
        autoincrement = true;
        end--;
      }
      columns.push(this.indexedColumn(start, end));
    } while (this.acceptPunct(','));
    this.expectPunct(')');
    return { columns, autoincrement };
  }

  private indexedColumn(start: number, end: number): IndexedColumnDef {
    let last = end;
    let sort: IndexSort | undefined;
    const sortWord = this.tokens[last - 1]?.upper;
    if (last - start > 1 && (sortWord === 'ASC' || sortWord === 'DESC')) {
      sort = sortWord;
      last--;
    }
    let collation: string | undefined;
    if (last - start > 2 && this.tokens[last - 2]!.upper === 'COLLATE' && NAME_KINDS.has(this.tokens[last - 1]!.kind)) {
      collation = this.tokens[last - 1]!.value;
      last -= 2;
    }
    if (last <= start) this.fail('expected an expression in the column list', this.tokens[start]?.start);
    const single = last - start === 1 && NAME_KINDS.has(this.tokens[start]!.kind) ? this.tokens[start]!.value : undefined;
    return defined({ expression: this.textOf(start, last), column: single, collation, sort: sort || undefined });
  }

  private nameList(): string[] {
    this.expectPunct('(');
    const names: string[] = [];
    do names.push(this.name());
    while (this.acceptPunct(','));
    this.expectPunct(')');
    return names;
  }

  /** `( expr )`: returns the text between the parentheses. */
  private parenthesizedExpression(): string {
    const open = this.pos;
    this.expectPunct('(');
    const close = this.skipBalancedFrom(open);
    if (close - 1 <= open + 1) this.fail('expected an expression inside the parentheses', this.tokens[open]?.start);
    return this.textOf(open + 1, close - 1);
  }

  // ── names ─────────────────────────────────────────────────────────────────────────────────────

  private ifNotExists(): boolean {
    if (!(this.atWord('IF') && this.peek(1)?.upper === 'NOT')) return false;
    this.pos += 2;
    this.expectWord('EXISTS');
    return true;
  }

  private qualifiedName(): { schema?: string; name: string } {
    const first = this.name();
    if (!this.acceptPunct('.')) return { name: first };
    return { schema: first, name: this.name() };
  }
}
