/**
 * Prints one block (`model`, `view`, `type`, `enum`, `datasource`, `generator`) the way Prisma's formatter does:
 * - declarations are rows of one aligned table; a blank line starts a new table (a new alignment group), except
 *   a blank line before a block attribute or at the start or end of the block, which is dropped;
 * - comments on their own lines stay where they are and take no part in the alignment, but a comment directly
 *   above a block attribute moves with it;
 * - block attributes go last, after one blank line, in canonical order (`@@id`, `@@unique`, `@@index`, …);
 * - trailing comments follow their row after one space.
 */
import { assertNever } from '../../assert.js';
import type { AssignmentNode, BlockAttributeNode, BlockNode, CommentNode, EnumValueNode, FieldNode, TypeRef } from '../ast.js';
import { commentLines } from './comments.js';
import { exprText } from '../attributes.js';
import { printAttribute, sortAttributes } from './expressions.js';
import { LineWriter, Table } from './table.js';

/** What Prisma's grammar sees inside a block: declarations, runs of comment lines, and blank lines between them. */
type Unit =
  | { readonly kind: 'Declaration'; readonly node: FieldNode | EnumValueNode | AssignmentNode; readonly blankBefore: boolean }
  | { readonly kind: 'BlockAttribute'; readonly node: BlockAttributeNode; readonly blankBefore: boolean }
  | { readonly kind: 'Comments'; readonly comments: CommentNode[]; readonly blankBefore: boolean };

export function formatBlock(block: BlockNode, source: string, out: LineWriter): void {
  out.write(`${block.keyword} ${block.name} {`);
  out.endLine();
  out.indent();
  formatContents(toUnits(block), source, out);
  out.dedent();
  out.write('}');
  out.endLine();
}

/** The last line a member occupies, trailing comment included. */
function lastLine(member: BlockNode['members'][number]): number {
  const trailing = 'trailingComment' in member ? member.trailingComment : undefined;
  return Math.max(member.span.end.line, trailing?.span.end.line ?? 0);
}

function toUnits(block: BlockNode): Unit[] {
  const units: Unit[] = [];
  // A comment after the opening brace is kept, on the first line inside the block (Prisma drops it).
  let previousLine = block.openComment ? block.openComment.span.end.line : block.keywordSpan.start.line;
  const members = block.openComment ? [block.openComment, ...block.members] : block.members;
  for (const member of members) {
    if (member.kind === 'EmptyLine') continue;
    const blankBefore = member.span.start.line > previousLine + 1;
    previousLine = lastLine(member);
    const last = units[units.length - 1];
    switch (member.kind) {
      case 'Comment':
        if (last?.kind === 'Comments' && !blankBefore) last.comments.push(member);
        else units.push({ kind: 'Comments', comments: [member], blankBefore });
        break;
      case 'BlockAttribute':
        units.push({ kind: 'BlockAttribute', node: member, blankBefore });
        break;
      case 'Field':
      case 'EnumValue':
      case 'Assignment':
        units.push({ kind: 'Declaration', node: member, blankBefore });
        break;
      default:
        assertNever(member);
    }
  }
  return units;
}

function formatContents(units: readonly Unit[], source: string, out: LineWriter): void {
  const attributes: { comments?: CommentNode[]; node: BlockAttributeNode }[] = [];
  let pendingComments: CommentNode[] | undefined;
  let table = new Table();
  let printedRows = 0;
  const newGroup = (): void => {
    printedRows += table.render(out);
    // Prisma also starts a group with a blank line when nothing was printed yet (block attributes, then a blank
    // line, then fields); its next run removes that line again. We print the stable form at once.
    if (printedRows > 0) table.startRow();
  };

  units.forEach((unit, index) => {
    // Blank lines at the start of the block are dropped; elsewhere one blank line separates alignment groups.
    const blank = index > 0 && unit.blankBefore;
    switch (unit.kind) {
      case 'Comments': {
        const next = units[index + 1];
        if (next?.kind === 'BlockAttribute' && !next.blankBefore) {
          pendingComments = unit.comments;
          break;
        }
        if (blank) newGroup();
        addCommentRows(table, unit.comments);
        break;
      }
      case 'BlockAttribute':
        attributes.push({ ...(pendingComments ? { comments: pendingComments } : {}), node: unit.node });
        pendingComments = undefined;
        break;
      case 'Declaration':
        if (blank) newGroup();
        addDeclarationRow(table, unit.node, source);
        break;
      default:
        assertNever(unit);
    }
  });

  table.render(out);
  if (attributes.length > 0) table.startRow();
  for (const { comments, node } of sortAttributes(attributes, (a) => a.node.attribute)) {
    if (comments) addCommentRows(table, comments);
    table.startRow();
    table.setColumn(0, printAttribute(node.attribute));
    if (node.trailingComment) table.appendSuffix(node.trailingComment.text);
  }
  table.render(out);
}

/**
 * One row per comment line. Prisma mangles an indented `/* *\/` comment that follows another comment line (see
 * commentLines), and mangles it again on every run; inside blocks we print it as if it began its run, so that
 * formatting is stable.
 */
function addCommentRows(table: Table, comments: readonly CommentNode[]): void {
  for (const comment of comments) {
    for (const line of commentLines(comment)) {
      table.startRow();
      table.appendSuffix(line);
    }
  }
}

function addDeclarationRow(table: Table, node: FieldNode | EnumValueNode | AssignmentNode, source: string): void {
  table.startRow();
  table.setColumn(0, node.name);
  switch (node.kind) {
    case 'Field':
      table.setColumn(1, printType(node.type, source));
      table.setColumn(2, sortAttributes(node.attributes, (a) => a).map(printAttribute).join(' '));
      break;
    case 'EnumValue':
      // Prisma glues enum value attributes together without a space (`A @map("a")@foo`); kept for identical output.
      for (const attribute of node.attributes) table.appendToColumn(1, printAttribute(attribute));
      break;
    case 'Assignment':
      table.setColumn(1, `= ${exprText(node.value)}`);
      break;
    default:
      assertNever(node);
  }
  if (node.trailingComment) table.appendSuffix(node.trailingComment.text);
}

/** `Type`, `Type?`, `Type[]`, `Type[]?`. `Unsupported("…")` is printed as written, inner spacing included. */
function printType(type: TypeRef, source: string): string {
  const base = type.unsupported !== undefined ? unsupportedAsWritten(type, source) : type.name;
  return `${base}${type.list ? '[]' : ''}${type.optional ? '?' : ''}`;
}

function unsupportedAsWritten(type: TypeRef, source: string): string {
  const start = type.span.start.offset;
  let i = source.indexOf('"', start);
  // Skip the string literal (a `)` inside it must not end the type).
  for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
  const close = source.indexOf(')', i);
  return close === -1 ? `Unsupported(${JSON.stringify(type.unsupported)})` : source.slice(start, close + 1);
}
