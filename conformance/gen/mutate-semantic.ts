/**
 * Semantic mutations: small edits a person makes by mistake (drop a field, mistype a type, remove `@id`, swap
 * relation arguments, make a relation scalar optional, add SetNull to a required relation, …). Each returns the
 * mutated lines and a description, or undefined when the schema offers no place for it.
 */
import type { Random } from './random.ts';
import { isRelationField, renderField, SCALARS, type BlockLines, type FieldLine, type SchemaLines } from './schema-lines.ts';

export interface Edit {
  readonly lines: string[];
  readonly description: string;
}

export type SemanticMutation = (s: SchemaLines, rng: Random) => Edit | undefined;

function models(s: SchemaLines): BlockLines[] {
  return s.blocks.filter((b) => b.keyword === 'model' || b.keyword === 'view');
}
function allFields(s: SchemaLines): { block: BlockLines; field: FieldLine }[] {
  return models(s).flatMap((block) => block.fields.map((field) => ({ block, field })));
}
function pickField(s: SchemaLines, rng: Random, where: (f: FieldLine, b: BlockLines) => boolean): { block: BlockLines; field: FieldLine } | undefined {
  const candidates = allFields(s).filter((x) => where(x.field, x.block));
  return candidates.length ? rng.pick(candidates) : undefined;
}
function replaceLine(s: SchemaLines, index: number, text: string): string[] {
  const lines = [...s.lines];
  lines[index] = text;
  return lines;
}
function insertLine(s: SchemaLines, index: number, text: string): string[] {
  const lines = [...s.lines];
  lines.splice(index, 0, text);
  return lines;
}
function typo(rng: Random, word: string): string {
  const i = rng.int(0, Math.max(0, word.length - 1));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (rng.int(0, 2)) {
    case 0:
      return word.length > 1 ? word.slice(0, i) + word.slice(i + 1) : word + 'x';
    case 1:
      return word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    default:
      return word.slice(0, i) + rng.pick([...letters]) + word.slice(i + 1);
  }
}
const isScalar = (f: FieldLine): boolean => SCALARS.includes(f.type);
const relationArgs = /@relation\(([^)]*)\)/;

const dropField: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, () => true);
  return x && { lines: s.lines.filter((_, i) => i !== x.field.line), description: `drop field ${x.block.name}.${x.field.name}` };
};

const typoType: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, () => true);
  if (!x) return undefined;
  const type = typo(rng, x.field.type);
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, type })), description: `type of ${x.block.name}.${x.field.name}: ${x.field.type} → ${type}` };
};

/** Removes a field attribute (`@id`) or the block attribute of the same kind (`@@id(…)`). */
function removeAttribute(name: 'id' | 'unique'): SemanticMutation {
  return (s, rng) => {
    const re = new RegExp(`@${name}\\b|@@${name}\\(`);
    const candidates = s.lines.map((l, i) => [l, i] as const).filter(([l]) => re.test(l));
    if (candidates.length === 0) return undefined;
    const [line, i] = rng.pick(candidates);
    if (new RegExp(`^\\s*@@${name}`).test(line)) return { lines: s.lines.filter((_, k) => k !== i), description: `remove @@${name} on line ${i + 1}` };
    return { lines: replaceLine(s, i, line.replace(new RegExp(`\\s*@${name}(\\([^)]*\\))?`), '')), description: `remove @${name} on line ${i + 1}` };
  };
}

const removeId = removeAttribute('id');

const swapRelationArgs: SemanticMutation = (s, rng) => {
  const lines = s.lines.map((l, i) => [l, i] as const).filter(([l]) => /fields:\s*\[[^\]]*\].*references:\s*\[[^\]]*\]/.test(l));
  if (lines.length === 0) return undefined;
  const [line, i] = rng.pick(lines);
  const f = /fields:\s*\[([^\]]*)\]/.exec(line)![1]!;
  const r = /references:\s*\[([^\]]*)\]/.exec(line)![1]!;
  const swapped = line.replace(/fields:\s*\[[^\]]*\]/, `fields: [${r}]`).replace(/references:\s*\[[^\]]*\]/, `references: [${f}]`);
  return { lines: replaceLine(s, i, swapped), description: `swap fields/references on line ${i + 1}` };
};

const optionalRelationScalar: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => /fields:\s*\[/.test(f.rest));
  if (!x) return undefined;
  const scalar = /fields:\s*\[\s*([A-Za-z]\w*)/.exec(x.field.rest)?.[1];
  const target = x.block.fields.find((f) => f.name === scalar);
  if (!target || target.modifier !== '') return undefined;
  return { lines: replaceLine(s, target.line, renderField(s.lines[target.line]!, { ...target, modifier: '?' })), description: `make relation scalar ${x.block.name}.${target.name} optional` };
};

const setNullOnRequired: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => /fields:\s*\[/.test(f.rest));
  if (!x) return undefined;
  const rest = /onDelete:\s*\w+/.test(x.field.rest) ? x.field.rest.replace(/onDelete:\s*\w+/, 'onDelete: SetNull') : x.field.rest.replace(relationArgs, (_, a: string) => `@relation(${a}, onDelete: SetNull)`);
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, rest })), description: `onDelete: SetNull on ${x.block.name}.${x.field.name}` };
};

const removeUnique = removeAttribute('unique');

const addUnique: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isScalar(f) && !/@unique|@id/.test(f.rest));
  return x && { lines: replaceLine(s, x.field.line, s.lines[x.field.line] + ' @unique'), description: `add @unique to ${x.block.name}.${x.field.name}` };
};

const toggleRelationArity: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isRelationField(s, f));
  if (!x) return undefined;
  const modifier = rng.pick(['', '?', '[]'].filter((m) => m !== x.field.modifier));
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, modifier })), description: `relation ${x.block.name}.${x.field.name}: '${x.field.modifier}' → '${modifier}'` };
};

const removeRelationName: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => /@relation\(\s*(name:\s*)?"/.test(f.rest));
  if (!x) return undefined;
  const rest = x.field.rest.replace(/@relation\(\s*(name:\s*)?"[^"]*"\s*,?\s*/, '@relation(').replace('@relation()', '');
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, rest })), description: `remove the relation name of ${x.block.name}.${x.field.name}` };
};

const MISMATCHED_DEFAULTS: Record<string, string[]> = {
  String: ['5', 'true', 'now()', 'autoincrement()'],
  Int: ['"x"', '1.5', 'true', 'uuid()', '99999999999999999999'],
  BigInt: ['"x"', 'now()'],
  Float: ['"x"', 'false'],
  Decimal: ['"abc"', 'true'],
  Boolean: ['"true"', '1'],
  DateTime: ['"yesterday"', '"2020-01-01"', '5', 'uuid()'],
  Json: ['"{bad"', '1'],
  Bytes: ['"!!!"', 'uuid()'],
};
const badDefault: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isScalar(f) && f.modifier !== '[]');
  if (!x) return undefined;
  const value = rng.pick(MISMATCHED_DEFAULTS[x.field.type]!);
  const rest = /@default\(/.test(x.field.rest) ? x.field.rest.replace(/@default\((?:[^()]|\([^()]*\))*\)/, `@default(${value})`) : `${x.field.rest} @default(${value})`;
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, rest })), description: `@default(${value}) on ${x.block.name}.${x.field.name} (${x.field.type})` };
};

const autoincrementNonId: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => f.type === 'Int' && !/@id|@default/.test(f.rest));
  return x && { lines: replaceLine(s, x.field.line, s.lines[x.field.line] + ' @default(autoincrement())'), description: `autoincrement() on ${x.block.name}.${x.field.name}` };
};

const updatedAtNonDateTime: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isScalar(f) && f.type !== 'DateTime' && !/@updatedAt/.test(f.rest));
  return x && { lines: replaceLine(s, x.field.line, s.lines[x.field.line] + ' @updatedAt'), description: `@updatedAt on ${x.block.name}.${x.field.name} (${x.field.type})` };
};

const scalarList: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isScalar(f) && f.modifier === '' && !/@id|@default|@unique/.test(f.rest));
  return x && { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, modifier: '[]' })), description: `scalar list ${x.block.name}.${x.field.name}[]` };
};

const nativeType: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => f.type === 'String' && !/@db\./.test(f.rest));
  return x && { lines: replaceLine(s, x.field.line, s.lines[x.field.line] + ' @db.Text'), description: `@db.Text on ${x.block.name}.${x.field.name}` };
};

const changeProvider: SemanticMutation = (s, rng) => {
  const ds = s.blocks.find((b) => b.keyword === 'datasource');
  const i = ds ? s.lines.findIndex((l, k) => k > ds.start && k < ds.end && /^\s*provider\s*=\s*"/.test(l)) : -1;
  if (i === -1) return undefined;
  const provider = rng.pick(['postgresql', 'mysql', 'sqlserver', 'cockroachdb', 'mongodb', 'sqlite']);
  return { lines: replaceLine(s, i, s.lines[i]!.replace(/"[^"]*"/, `"${provider}"`)), description: `provider → ${provider}` };
};

const relationModePrisma: SemanticMutation = (s) => {
  const ds = s.blocks.find((b) => b.keyword === 'datasource');
  return ds && { lines: insertLine(s, ds.end, '  relationMode = "prisma"'), description: 'relationMode = "prisma"' };
};

const indexOnRelation: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => isRelationField(s, f) && f.modifier !== '[]');
  return x && { lines: insertLine(s, x.block.end, `  @@index([${x.field.name}])`), description: `@@index on relation field ${x.block.name}.${x.field.name}` };
};

const uniqueUnknownField: SemanticMutation = (s, rng) => {
  const block = models(s).length ? rng.pick(models(s)) : undefined;
  return block && { lines: insertLine(s, block.end, '  @@unique([doesNotExist])'), description: `@@unique on an unknown field in ${block.name}` };
};

const referencesNonUnique: SemanticMutation = (s, rng) => {
  const x = pickField(s, rng, (f) => /references:\s*\[/.test(f.rest));
  if (!x) return undefined;
  const target = s.blocks.find((b) => b.name === x.field.type);
  const plain = target?.fields.filter((f) => isScalar(f) && !/@id|@unique/.test(f.rest)) ?? [];
  if (plain.length === 0) return undefined;
  const ref = rng.pick(plain).name;
  const rest = x.field.rest.replace(/references:\s*\[[^\]]*\]/, `references: [${ref}]`);
  return { lines: replaceLine(s, x.field.line, renderField(s.lines[x.field.line]!, { ...x.field, rest })), description: `references non-unique ${x.field.type}.${ref}` };
};

const renameModel: SemanticMutation = (s, rng) => {
  const block = models(s).length ? rng.pick(models(s)) : undefined;
  if (!block) return undefined;
  const others = [...s.modelNames].filter((n) => n !== block.name);
  const name = rng.pick(['class', 'String', 'Date', 'PrismaClient', 'await', `${block.name}Create`, ...others]);
  const re = new RegExp(`\\b${block.name}\\b`, 'g');
  return { lines: s.lines.map((l) => (/^\s*\/\//.test(l) ? l : l.replace(re, name))), description: `rename model ${block.name} → ${name}` };
};

const duplicateBlock: SemanticMutation = (s, rng) => {
  const block = models(s).length ? rng.pick(models(s)) : undefined;
  return block && { lines: [...s.lines, '', ...s.lines.slice(block.start, block.end + 1)], description: `duplicate ${block.keyword} ${block.name}` };
};

const duplicateColumn: SemanticMutation = (s, rng) => {
  const block = models(s).filter((b) => b.fields.filter(isScalar).length >= 2);
  if (block.length === 0) return undefined;
  const b = rng.pick(block);
  const [f1, f2] = rng.shuffle(b.fields.filter(isScalar));
  const lines = [...s.lines];
  lines[f1!.line] += ' @map("same_column")';
  lines[f2!.line] += ' @map("same_column")';
  return { lines, description: `@map the same column on ${b.name}.${f1!.name} and ${f2!.name}` };
};

const emptyEnum: SemanticMutation = (s, rng) => {
  const enums = s.blocks.filter((b) => b.keyword === 'enum');
  if (enums.length === 0) return undefined;
  const e = rng.pick(enums);
  return { lines: s.lines.filter((_, i) => i <= e.start || i >= e.end), description: `empty enum ${e.name}` };
};

export const SEMANTIC_MUTATIONS: Record<string, SemanticMutation> = {
  dropField, typoType, removeId, swapRelationArgs, optionalRelationScalar, setNullOnRequired, removeUnique, addUnique,
  toggleRelationArity, removeRelationName, badDefault, autoincrementNonId, updatedAtNonDateTime, scalarList, nativeType,
  changeProvider, relationModePrisma, indexOnRelation, uniqueUnknownField, referencesNonUnique, renameModel, duplicateBlock,
  duplicateColumn, emptyEnum,
};
