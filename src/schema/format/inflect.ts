/**
 * The names Prisma's formatter gives the relation fields it adds: the model name in camelCase, pluralized for a
 * list (`User` → `users`, `Category` → `categories`, `Person` → `people`). Prisma uses the `cruet` crate; these
 * are its rules, so that the names match Prisma's to the letter, oddities included (`Slice` → `slice`).
 */

/** cruet's camelCase: words split at separators, digits and lower-to-upper changes; runs of capitals fold. */
export function camelCase(name: string): string {
  const trimmed = name.replace(/[^\p{L}\p{N}]+$/u, '');
  let result = '';
  let newWord = false;
  let lastChar = ' ';
  let foundRealChar = false;
  for (const ch of trimmed) {
    const alphanumeric = /[\p{L}\p{N}]/u.test(ch);
    if (!alphanumeric && foundRealChar) newWord = true;
    else if (!alphanumeric) continue;
    else if (/\p{N}/u.test(ch)) {
      foundRealChar = true;
      newWord = true;
      result += ch;
    } else if (newWord || (isLower(lastChar) && isUpper(ch))) {
      foundRealChar = true;
      newWord = false;
      result += ch.toUpperCase();
    } else {
      foundRealChar = true;
      lastChar = ch;
      result += ch.toLowerCase();
    }
  }
  return result;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

const UNCOUNTABLE = new Set(
  (
    'accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause arithmetic assistance athletics bacon ' +
    'baggage beef biology blood botany bread butter carbon cardboard cash chalk chaos chess crossroads countryside dancing deer dignity ' +
    'dirt dust economics education electricity engineering enjoyment envy equipment ethics evidence evolution fame fiction flour flu food ' +
    'fuel fun furniture gallows garbage garlic genetics gold golf gossip grammar gratitude grief guilt gymnastics happiness hardware harm ' +
    'hate hatred health heat help homework honesty honey hospitality housework humour hunger hydrogen ice importance inflation information ' +
    'innocence iron irony jam jewelry judo karate knowledge lack laughter lava leather leisure lightning linguine linguini linguistics ' +
    'literature litter livestock logic loneliness luck luggage macaroni machinery magic management mankind marble mathematics mayonnaise ' +
    'measles methane milk money mud music mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience ' +
    'physics poetry pollution poverty pride psychology publicity punctuation quartz racism relaxation reliability research respect revenge ' +
    'rice rubbish rum safety scenery seafood seaside series shame sheep shopping sleep smoke smoking snow soap software soil spaghetti ' +
    'species steam stuff stupidity sunshine symmetry tennis thirst thunder timber traffic transportation trust underwear unemployment ' +
    'unity validity veal vegetation vegetarianism vengeance violence vitality warmth wealth weather welfare wheat wildlife wisdom yoga ' +
    'zinc zoology'
  ).split(' '),
);

const IRREGULAR: Record<string, string> = {
  ox: 'oxen',
  man: 'men',
  woman: 'women',
  die: 'dice',
  yes: 'yeses',
  foot: 'feet',
  eave: 'eaves',
  goose: 'geese',
  tooth: 'teeth',
  quiz: 'quizzes',
};

/** Tried from the last to the first; the first match gives `<group 1><suffix>`. */
const RULES: readonly [RegExp, string][] = [
  [/(\w*)s$/, 's'],
  [/(\w*([^aeiou]ese))$/, ''],
  [/(\w*(ax|test))is$/, 'es'],
  [/(\w*(alias|[^aou]us|tlas|gas|ris))$/, 'es'],
  [/(\w*(e[mn]u))s?$/, 's'],
  [/(\w*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$/, ''],
  [/(\w*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$/, 'i'],
  [/(\w*(alumn|alg|vertebr))(?:a|ae)$/, 'ae'],
  [/(\w*(seraph|cherub))(?:im)?$/, 'im'],
  [/(\w*(her|at|gr))o$/, 'oes'],
  [/(\w*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor))(?:a|um)$/, 'a'],
  [/(\w*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$/, 'a'],
  [/(\w*)sis$/, 'ses'],
  [/(\w*(kni|wi|li))fe$/, 'ves'],
  [/(\w*(ar|l|ea|eo|oa|hoo))f$/, 'ves'],
  [/(\w*([^aeiouy]|qu))y$/, 'ies'],
  [/(\w*([^ch][ieo][ln]))ey$/, 'ies'],
  [/(\w*(x|ch|ss|sh|zz)es)$/, ''],
  [/(\w*(x|ch|ss|sh|zz))$/, 'es'],
  [/(\w*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$/, 'ices'],
  [/(\w*(m|l))(?:ice|ouse)$/, 'ice'],
  [/(\w*(pe))(?:rson|ople)$/, 'ople'],
  [/(\w*(child))(?:ren)?$/, 'ren'],
  [/(\w*eaux)$/, ''],
];

export function pluralize(word: string): string {
  // A compound (`a_b`, `a-b`) pluralizes its last part.
  const separator = Math.max(word.lastIndexOf('-'), word.lastIndexOf('_'));
  if (separator !== -1) {
    const last = word.slice(separator + 1);
    return last === '' ? word : word.slice(0, separator + 1) + pluralize(last);
  }
  if (UNCOUNTABLE.has(word)) return word;
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  for (let i = RULES.length - 1; i >= 0; i--) {
    const [rule, suffix] = RULES[i]!;
    const match = rule.exec(word);
    if (match?.[1] !== undefined) return match[1] + suffix;
  }
  return `${word}s`;
}
