/**
 * Seeded mutations of schema text, for the differential run against Prisma (conformance) and for fuzzing:
 * - token and line edits: delete, duplicate or swap tokens and lines, insert a token, mistype a name;
 * - semantic edits (mutate-semantic.ts): the mistakes people make in schemas;
 * - garbage (fuzzing only): random bytes, random Unicode, truncation.
 * The same (text, seed) always gives the same mutation.
 */
import { Random } from './random.ts';
import { SEMANTIC_MUTATIONS, type Edit } from './mutate-semantic.ts';
import { readSchemaLines } from './schema-lines.ts';

export type MutationLevel = 'token' | 'line' | 'semantic' | 'garbage';

export interface Mutation {
  readonly text: string;
  readonly level: MutationLevel;
  readonly description: string;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9_]+|"[^"\n]*"|\S/g)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

type TextMutation = (text: string, rng: Random) => { text: string; description: string } | undefined;

const TOKEN_MUTATIONS: Record<string, TextMutation> = {
  deleteToken(text, rng) {
    const t = pickToken(text, rng);
    return t && { text: text.slice(0, t.start) + text.slice(t.end), description: `delete token ${JSON.stringify(t.text)} at ${t.start}` };
  },
  duplicateToken(text, rng) {
    const t = pickToken(text, rng);
    return t && { text: text.slice(0, t.end) + ' ' + t.text + text.slice(t.end), description: `duplicate token ${JSON.stringify(t.text)} at ${t.start}` };
  },
  swapTokens(text, rng) {
    const all = tokens(text);
    if (all.length < 2) return undefined;
    const i = rng.int(0, all.length - 2);
    const [a, b] = [all[i]!, all[i + 1]!];
    return { text: text.slice(0, a.start) + b.text + text.slice(a.end, b.start) + a.text + text.slice(b.end), description: `swap tokens ${JSON.stringify(a.text)} and ${JSON.stringify(b.text)}` };
  },
  insertToken(text, rng) {
    const all = tokens(text);
    if (all.length === 0) return undefined;
    const what = rng.pick(all).text;
    const at = rng.pick(all).start;
    return { text: text.slice(0, at) + what + ' ' + text.slice(at), description: `insert ${JSON.stringify(what)} at ${at}` };
  },
  mistypeName(text, rng) {
    const names = tokens(text).filter((t) => /^[A-Za-z]\w+$/.test(t.text));
    if (names.length === 0) return undefined;
    const t = rng.pick(names);
    const i = rng.int(0, t.text.length - 1);
    const changed = t.text.slice(0, i) + String.fromCharCode(97 + rng.int(0, 25)) + t.text.slice(i + 1);
    return { text: text.slice(0, t.start) + changed + text.slice(t.end), description: `mistype ${t.text} → ${changed}` };
  },
};

const LINE_MUTATIONS: Record<string, TextMutation> = {
  deleteLine(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(0, lines.length - 1);
    return { text: lines.filter((_, k) => k !== i).join('\n'), description: `delete line ${i + 1}` };
  },
  duplicateLine(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(0, lines.length - 1);
    lines.splice(i, 0, lines[i]!);
    return { text: lines.join('\n'), description: `duplicate line ${i + 1}` };
  },
  swapLines(text, rng) {
    const lines = text.split('\n');
    if (lines.length < 2) return undefined;
    const i = rng.int(0, lines.length - 2);
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    return { text: lines.join('\n'), description: `swap lines ${i + 1} and ${i + 2}` };
  },
};

const GARBAGE = ['\u0000', '\uFFFD', '\u200B', '\u202E', '😀', 'ö', '\t', '\r', '\\', '"', '{', '}', '(', ')', '[', ']', '@', '@@', '//', '/*', '=', ':', ',', '?', '.', '-1', '1e9999'];

const GARBAGE_MUTATIONS: Record<string, TextMutation> = {
  insertGarbage(text, rng) {
    const at = rng.int(0, text.length);
    const n = rng.int(1, 8);
    let junk = '';
    for (let i = 0; i < n; i++) junk += rng.chance(0.5) ? rng.pick(GARBAGE) : String.fromCharCode(rng.int(0, 0x2fff));
    return { text: text.slice(0, at) + junk + text.slice(at), description: `insert ${JSON.stringify(junk)} at ${at}` };
  },
  randomUnicode(text, rng) {
    const at = rng.int(0, text.length);
    const cp = rng.chance(0.2) ? rng.int(0x10000, 0x10ffff) : rng.int(0x80, 0xffff);
    const ch = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp); // lone surrogates too
    return { text: text.slice(0, at) + ch + text.slice(at), description: `insert U+${cp.toString(16)} at ${at}` };
  },
  truncate(text, rng) {
    const at = rng.int(0, text.length);
    return { text: text.slice(0, at), description: `truncate at ${at}` };
  },
  replaceRange(text, rng) {
    const a = rng.int(0, text.length);
    const b = Math.min(text.length, a + rng.int(1, 40));
    return { text: text.slice(0, a) + text.slice(b).split('').reverse().join('').slice(0, b - a) + text.slice(b), description: `scramble ${a}..${b}` };
  },
};

function pickToken(text: string, rng: Random): Token | undefined {
  const all = tokens(text);
  return all.length ? rng.pick(all) : undefined;
}

const LEVELS: Record<MutationLevel, Record<string, TextMutation>> = {
  token: TOKEN_MUTATIONS,
  line: LINE_MUTATIONS,
  garbage: GARBAGE_MUTATIONS,
  semantic: Object.fromEntries(
    Object.entries(SEMANTIC_MUTATIONS).map(([name, m]) => [
      name,
      (text: string, rng: Random) => {
        const edit: Edit | undefined = m(readSchemaLines(text), rng);
        return edit && { text: edit.lines.join('\n'), description: edit.description };
      },
    ]),
  ),
};

/** One seeded mutation at one of the given levels (retrying other operators when one has nothing to change). */
export function mutateSchema(text: string, seed: number, levels: readonly MutationLevel[] = ['token', 'line', 'semantic']): Mutation {
  const rng = new Random(seed);
  for (let attempt = 0; attempt < 20; attempt++) {
    const level = rng.pick(levels);
    const ops = LEVELS[level];
    const name = rng.pick(Object.keys(ops));
    const result = ops[name]!(text, rng);
    if (result && result.text !== text) return { text: result.text, level, description: `${name}: ${result.description}` };
  }
  return { text: text + '\n}', level: 'line', description: 'append a stray }' };
}

/** Applies `count` mutations in a row (fuzzing stacks a few to reach deeper states). */
export function mutateRepeatedly(text: string, seed: number, count: number, levels?: readonly MutationLevel[]): Mutation {
  let current: Mutation = { text, level: 'token', description: '' };
  const descriptions: string[] = [];
  for (let i = 0; i < count; i++) {
    current = mutateSchema(current.text, seed * 31 + i, levels);
    descriptions.push(current.description);
  }
  return { ...current, description: descriptions.join('; ') };
}
