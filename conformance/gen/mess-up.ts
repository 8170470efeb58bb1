/**
 * "Messed up" variants of a valid schema, for differential tests of the formatter: the same declarations with
 * the layout a hurried human leaves behind. Every change keeps the schema readable by Prisma's grammar: random
 * spacing between tokens where the grammar allows it, indentation, trailing spaces, runs of blank lines (or none),
 * extra comments of every kind, block attributes moved among the fields, field attributes reordered, CRLF line
 * breaks, no final line break.
 */
import { tokenize, type Token } from '../../src/schema/lexer.ts';
import { Random } from './random.ts';

export interface MessOptions {
  /** How much to change, from 0 (nothing) to 1 (everything, everywhere). Default 0.5. */
  readonly intensity?: number;
}

type LineKind = 'open' | 'close' | 'member' | 'blockAttribute' | 'comment' | 'blank' | 'other';

export function messUpSchema(text: string, seed: number, options: MessOptions = {}): string {
  const rng = new Random(seed);
  const p = options.intensity ?? 0.5;
  let lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (text.includes('/*')) return finish(lines, rng, p); // multi-line comments: keep the lines whole

  if (rng.chance(p)) lines = moveBlockAttributes(lines, rng);
  const out: string[] = [];
  let depth = 0;
  lines.forEach((line) => {
    const kind = classify(line, depth);
    if (kind === 'open') depth++;
    if (kind === 'close') depth = Math.max(0, depth - 1);
    if (kind === 'blank') {
      if (!rng.chance(p * 0.5)) out.push(rng.chance(p * 0.3) ? ' '.repeat(rng.int(1, 4)) : '');
      return;
    }
    // Comments and blank lines before the line.
    if (rng.chance(p * 0.15)) out.push(...Array.from({ length: rng.int(1, 3) }, () => ''));
    if (rng.chance(p * 0.1)) out.push(indent(rng, depth > 0 || kind === 'close') + randomComment(rng));
    let body = line.trim();
    if (kind === 'member' || kind === 'blockAttribute') {
      if (kind === 'member' && rng.chance(p)) body = shuffleFieldAttributes(body, rng);
      body = respace(body, rng, p);
      if (rng.chance(p * 0.2)) body += `${' '.repeat(rng.int(0, 3))}${rng.pick(['// trailing', '/// doc trailing', '//x', '// é ünïcode'])}`;
    } else if (kind === 'open') {
      body = respace(body, rng, p);
    }
    const lead = kind === 'open' || kind === 'comment' && depth === 0 ? (rng.chance(p * 0.2) ? ' '.repeat(rng.int(1, 3)) : '') : indent(rng, depth > 0 || kind === 'close');
    out.push(lead + body + (rng.chance(p * 0.2) ? ' '.repeat(rng.int(1, 3)) : ''));
  });
  return finish(out, rng, p);
}

function finish(lines: string[], rng: Random, p: number): string {
  const newline = rng.chance(p * 0.3) ? '\r\n' : '\n';
  let text = lines.join(newline);
  if (!rng.chance(p * 0.2)) text += newline;
  return text;
}

function classify(line: string, depth: number): LineKind {
  const t = line.trim();
  if (t === '') return 'blank';
  if (t.startsWith('//')) return 'comment';
  if (depth === 0 && /^(model|view|type|enum|datasource|generator)\s+\w+\s*\{\s*$/.test(t)) return 'open';
  if (t === '}') return 'close';
  if (depth > 0 && t.startsWith('@@')) return 'blockAttribute';
  if (depth > 0) return 'member';
  return 'other';
}

function indent(rng: Random, inside: boolean): string {
  if (!inside) return '';
  return rng.pick(['  ', '  ', '  ', '    ', '\t', ' ', '   ', '      ']);
}

function randomComment(rng: Random): string {
  return rng.pick(['// a note', '/// documentation', '//', '///', '// TODO: check', '/* block note */', '/**\n * starred\n */', '/* multi\n   line */']);
}

/** Moves each block attribute to a random line among the members of its block. */
function moveBlockAttributes(lines: string[], rng: Random): string[] {
  const out: string[] = [];
  let block: string[] | undefined;
  let attributes: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (block === undefined) {
      out.push(line);
      if (/^(model|view|type)\s+\w+\s*\{\s*$/.test(t)) {
        block = [];
        attributes = [];
      }
      continue;
    }
    if (t === '}') {
      for (const a of attributes) block.splice(rng.int(0, block.length), 0, a);
      out.push(...block, line);
      block = undefined;
      continue;
    }
    if (t.startsWith('@@')) attributes.push(line);
    else block.push(line);
  }
  return block ? [...out, ...block] : out;
}

/** Reorders the attributes of a field line (`name Type @a @b(…)`), keeping each attribute whole. */
function shuffleFieldAttributes(body: string, rng: Random): string {
  const commentAt = body.search(/\/\//);
  const code = commentAt === -1 ? body : body.slice(0, commentAt);
  const comment = commentAt === -1 ? '' : body.slice(commentAt);
  const tokens = tokenize(code).tokens;
  const firstAt = tokens.findIndex((t) => t.kind === 'FieldAttribute');
  if (firstAt === -1) return body;
  const attributes: string[] = [];
  let depth = 0;
  let start = tokens[firstAt]!.start;
  for (let i = firstAt; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'LRound') depth++;
    if (t.kind === 'RRound') depth--;
    const next = tokens[i + 1];
    if (depth === 0 && (!next || next.kind === 'FieldAttribute')) {
      attributes.push(code.slice(start, t.end));
      if (next) start = next.start;
    }
  }
  return `${code.slice(0, tokens[firstAt]!.start)}${rng.shuffle(attributes).join(' ')}${comment ? ' ' + comment : ''}`;
}

const WORDY = new Set(['Identifier', 'NumberLiteral', 'StringLiteral', 'True', 'False', 'Null']);

/**
 * Re-spaces the tokens of one line. Where Prisma's grammar needs the tokens glued (`@id`, `db.Text`, `Int?`,
 * `Int[]`, `Unsupported("…")`), they stay glued; two words keep at least one space; elsewhere the space is random.
 */
function respace(body: string, rng: Random, p: number): string {
  const { tokens } = tokenize(body);
  if (tokens.length === 0) return body;
  let out = tokens[0]!.image;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const t = tokens[i]!;
    const original = body.slice(prev.end, t.start);
    out += separator(prev, t, original, rng, p) + t.image;
  }
  return out;
}

function separator(prev: Token, t: Token, original: string, rng: Random, p: number): string {
  const glued =
    prev.kind === 'FieldAttribute' ||
    prev.kind === 'BlockAttribute' ||
    prev.kind === 'Dot' ||
    t.kind === 'Dot' ||
    t.kind === 'QuestionMark' ||
    (prev.kind === 'LSquare' && t.kind === 'RSquare') ||
    t.kind === 'LRound' ||
    (t.kind === 'LSquare' && prev.kind === 'Identifier' && original === '');
  if (glued) return original;
  if (!rng.chance(p)) return original;
  const needsSpace = (WORDY.has(prev.kind) && WORDY.has(t.kind)) || (WORDY.has(prev.kind) && t.kind === 'FieldAttribute') || t.kind === 'LineComment' || t.kind === 'DocComment';
  const width = rng.int(needsSpace ? 1 : 0, 3);
  return rng.chance(0.15) && width > 0 ? '\t'.repeat(width) : ' '.repeat(width);
}

/**
 * A variant of a generated schema with relations left incomplete, the way `prisma format` is used to finish them:
 * back-relation fields, forward fields, foreign-key fields, whole `@relation(…)` attributes or their `fields` /
 * `references` arguments removed at random. (Generated names: `relN`, `relNId`, `backN`, `manyN`, `manyBackN`.)
 */
export function dropRelationParts(text: string, seed: number): string {
  const rng = new Random(seed);
  return text
    .split('\n')
    .flatMap((line) => {
      const t = line.trim();
      if (/^(back|manyBack)\d+ /.test(t) && rng.chance(0.4)) return [];
      if (/^rel\d+Id /.test(t) && rng.chance(0.2)) return [];
      if (/^rel\d+ /.test(t)) {
        if (rng.chance(0.15)) return [];
        if (rng.chance(0.2)) return [line.replace(/ @relation\([^)]*\)/, (m) => (/"R\d+"/.test(m) ? m.replace(/, fields.*\)$/, ')') : ''))];
        if (rng.chance(0.15)) return [line.replace(/,? ?fields: \[[^\]]*\],? ?/, (m) => (m.startsWith(',') && m.endsWith(', ') ? ', ' : ''))];
        if (rng.chance(0.15)) return [line.replace(/, references: \[[^\]]*\]/, '')];
      }
      return [line];
    })
    .join('\n');
}
