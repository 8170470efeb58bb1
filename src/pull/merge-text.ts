/**
 * Applies a merge plan to the user's files: every line the plan does not name is kept as written (comments, blank
 * lines, the order of fields and attributes), edited lines are rebuilt from their syntax tree, and the result is
 * formatted. New models and the view comments go to the end of the file that holds the datasource.
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { AttributeNode, BlockNode, CommentNode, FieldNode, Member, SchemaFileAst, TopLevel } from '../schema/ast.js';
import { formatSchemaSources } from '../schema/format.js';
import { printAttribute } from '../schema/format/expressions.js';
import type { FieldArity, Model, SchemaModel } from '../schema/model.js';
import { applyLineEdits, type LineEdit } from './line-edits.js';
import type { FieldPlan, MergePlan, ModelPlan } from './merge-plan.js';
import { COMMENT_MARKS } from './model.js';
import { commentText, modelText } from './render.js';
import { pslString } from './types.js';

export function applyMergePlan(existing: SchemaModel, plan: MergePlan): string[] {
  const files = existing.files;
  const main = Math.max(0, files.findIndex((f) => f.ast.items.some((i) => i.kind === 'Block' && i.keyword === 'datasource')));
  const texts = files.map((file, index) => {
    const edits: LineEdit[] = [];
    for (const model of plan.removedModels) {
      const block = blockOf(file.ast, model);
      if (block) edits.push({ kind: 'Remove', from: leadingRun(file.ast, block).filter(isOurs).reduce((l, c) => Math.min(l, c.span.start.line), block.span.start.line), to: block.span.end.line });
    }
    for (const p of plan.models.values()) {
      if (plan.removedModels.has(p.model)) continue;
      const block = blockOf(file.ast, p.model);
      if (block) edits.push(...modelEdits(file.ast, block, p));
    }
    edits.push(...viewCommentRemovals(file.ast));
    if (index === main) {
      const appendix = [...plan.newModels.map(modelText), ...plan.views.map((v) => commentText(v.comment))];
      if (appendix.length) edits.push({ kind: 'InsertAfter', line: lastTextLine(file.text), lines: ['', appendix.join('\n\n')] });
    }
    return applyLineEdits(file.text, edits);
  });
  const formatted = formatSchemaSources(files.map((f, i) => ({ path: f.path, text: texts[i]! })));
  if (!formatted.texts || hasErrors(formatted.diagnostics)) {
    throw new Error(`pull: the merged schema does not parse: ${formatted.diagnostics.map((d) => d.message).join('; ')}\n${texts.join('\n')}`);
  }
  return formatted.texts;
}

function blockOf(ast: SchemaFileAst, model: Model): BlockNode | undefined {
  if (model.span.file !== ast.file) return undefined;
  return ast.items.find((i): i is BlockNode => i.kind === 'Block' && i.span.start.offset === model.span.start.offset);
}

function lastLine(member: Member): number {
  const trailing = 'trailingComment' in member ? member.trailingComment : undefined;
  return Math.max(member.span.end.line, trailing?.span.end.line ?? 0);
}

function lastTextLine(text: string): number {
  const lines = text.split('\n');
  let n = lines.length;
  while (n > 0 && lines[n - 1]!.trim() === '') n--;
  return n;
}

/** The comment lines directly above a top-level block (no blank line between). */
function leadingRun(ast: SchemaFileAst, block: BlockNode): CommentNode[] {
  const at = ast.items.indexOf(block);
  const run: CommentNode[] = [];
  let line = block.span.start.line;
  for (let i = at - 1; i >= 0; i--) {
    const item: TopLevel = ast.items[i]!;
    if (item.kind !== 'Comment' || item.span.end.line !== line - 1) break;
    run.unshift(item);
    line = item.span.start.line;
  }
  return run;
}

/** `///` documentation and the comments a pull writes go with their model; other `//` comments are the user's. */
function isOurs(comment: CommentNode): boolean {
  return comment.doc || comment.text.startsWith(`// ${COMMENT_MARKS.ignored}`);
}

/** The first line of a member with the `///` lines directly above it. */
function docStart(members: readonly Member[], index: number): number {
  let line = members[index]!.span.start.line;
  for (let i = index - 1; i >= 0; i--) {
    const m = members[i]!;
    if (m.kind !== 'Comment' || !m.doc || m.span.end.line !== line - 1) break;
    line = m.span.start.line;
  }
  return line;
}

function modelEdits(ast: SchemaFileAst, block: BlockNode, plan: ModelPlan): LineEdit[] {
  const edits: LineEdit[] = [];
  const open = block.openComment?.span.start.line ?? block.keywordSpan.start.line;
  const byName = new Map(plan.model.fields.map((f) => [f.name, f]));
  const removed = new Set([...plan.removedFields].map((f) => f.name));
  const dropped = new Set([...plan.dropBlock].map((a) => a.span.start.offset));
  const leading = leadingRun(ast, block);
  const ourIgnore = leading.filter((c) => c.text.startsWith(`// ${COMMENT_MARKS.ignored}`));
  const removeIgnore = plan.ignore === 'removeIfOurs' && ourIgnore.length > 0;
  if (plan.inserts.has('')) edits.push({ kind: 'InsertAfter', line: open, lines: plan.inserts.get('')!.map((l) => `  ${l}`) });
  let lastField = open;
  block.members.forEach((member, i) => {
    if (member.kind === 'Field') {
      const field = byName.get(member.name);
      lastField = lastLine(member);
      if (removed.has(member.name)) edits.push({ kind: 'Remove', from: docStart(block.members, i), to: lastLine(member) });
      else {
        const fp = field && plan.fields.get(field);
        if (fp) edits.push({ kind: 'Replace', from: member.span.start.line, to: lastLine(member), lines: [fieldLine(member, fp)] });
      }
      const inserted = plan.inserts.get(member.name);
      if (inserted) edits.push({ kind: 'InsertAfter', line: lastLine(member), lines: inserted.map((l) => `  ${l}`) });
    } else if (member.kind === 'BlockAttribute') {
      const ignoreGoes = removeIgnore && member.attribute.name === 'ignore';
      if (dropped.has(member.attribute.span.start.offset) || ignoreGoes) edits.push({ kind: 'Remove', from: member.span.start.line, to: lastLine(member) });
    }
  });
  if (plan.appendFields.length) edits.push({ kind: 'InsertAfter', line: lastField, lines: plan.appendFields.map((l) => `  ${l}`) });
  const addBlock = [...plan.addBlock, ...(plan.ignore === 'add' ? ['@@ignore'] : [])];
  if (addBlock.length) edits.push({ kind: 'InsertAfter', line: block.span.end.line - 1, lines: addBlock.map((l) => `  ${l}`) });
  if (plan.ignore === 'add' && plan.ignoreComment?.length) {
    const top = leading[0]?.span.start.line ?? block.span.start.line;
    edits.push({ kind: 'InsertAfter', line: top - 1, lines: [commentText(plan.ignoreComment)] });
  }
  if (removeIgnore) for (const c of ourIgnore) edits.push({ kind: 'Remove', from: c.span.start.line, to: c.span.end.line });
  return edits;
}

/** The field rebuilt with the plan's changes; its name, other attributes and trailing comment stay. */
function fieldLine(node: FieldNode, fp: FieldPlan): string {
  const type = fp.type ?? (node.type.unsupported !== undefined ? `Unsupported(${pslString(node.type.unsupported)})` : node.type.name);
  const arity: FieldArity = fp.arity ?? (node.type.list ? 'list' : node.type.optional ? 'optional' : 'required');
  const drops = (a: AttributeNode): boolean =>
    fp.dropNodes.includes(a) ||
    (a.name === 'id' && fp.id !== undefined) ||
    (a.name === 'default' && fp.default !== undefined) ||
    (a.name === 'updatedAt' && fp.updatedAt === false) ||
    (a.name === 'relation' && fp.relation !== undefined) ||
    (a.name === 'ignore' && fp.ignore !== undefined);
  const attributes = [
    ...(fp.id ? ['@id'] : []),
    ...node.attributes.filter((a) => !drops(a)).map(printAttribute),
    ...(typeof fp.default === 'string' ? [`@default(${fp.default})`] : []),
    ...(fp.relation !== undefined ? [fp.relation] : []),
    ...(fp.ignore ? ['@ignore'] : []),
    ...fp.add,
  ];
  const mark = arity === 'optional' ? '?' : arity === 'list' ? '[]' : '';
  const trailing = node.trailingComment ? ` ${node.trailingComment.text}` : '';
  return `  ${[`${node.name} ${type}${mark}`, ...attributes].join(' ')}${trailing}`;
}

/** The view comments of an earlier pull: `// View "…"` and the SQL lines under it. */
function viewCommentRemovals(ast: SchemaFileAst): LineEdit[] {
  const edits: LineEdit[] = [];
  let inView = false;
  let lastLine = 0;
  for (const item of ast.items) {
    const continues = inView && item.kind === 'Comment' && item.span.start.line === lastLine + 1 && (item.text === '//' || item.text.startsWith('//   '));
    if (item.kind === 'Comment' && (item.text.startsWith(`// ${COMMENT_MARKS.view}"`) || continues)) {
      inView = true;
      lastLine = item.span.end.line;
      edits.push({ kind: 'Remove', from: item.span.start.line, to: item.span.end.line });
    } else inView = false;
  }
  return edits;
}
