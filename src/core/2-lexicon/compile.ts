import type { z } from 'zod';
import type { NlpPort } from '../0-base/nlp-port';
import { plainString } from '../0-base/plain-string';
import { tokenize, type Token } from '../1-text/tokenize';
import { SOFT_SKILLS } from './categories';
import { isPeopleWord } from './people-words';
import { familyFileSchema, manifestSchema, roleSchema, termFileSchema, type Family, type LexiconManifest, type RoleModel, type TermContext, type TermEntry } from './schema';

/** The 19 skills in 5 categories that clients rely on: a role file may add, never rename or drop. */
export const SKILL_CONTRACT: Readonly<Record<string, readonly string[]>> = {
  [SOFT_SKILLS]: ['time-management', 'business-knowledge', 'idea-iteration', 'collaboration'],
  'basic-technical': ['python', 'cpp', 'statistics', 'linear-algebra', 'calculus', 'physics', 'numerical-analysis'],
  subdisciplines: ['computer-vision', 'nlp', 'audio-speech', 'reinforcement-learning'],
  'ml-concepts': ['neural-networks', 'learning-algorithms'],
  bridge: ['software-engineering', 'data-science'],
};

export interface LexiconProblem {
  /** File and path inside it, e.g. "terms/nlp.yaml: terms[3].skills". */
  where: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export class LexiconError extends Error {
  readonly problems: LexiconProblem[];
  constructor(problems: LexiconProblem[]) {
    super(`The lexicon has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}`);
    this.name = 'LexiconError';
    this.problems = problems;
  }
}

/** The raw lexicon as read from disk: parsed YAML, not yet validated. */
export interface LexiconSource {
  manifest: unknown;
  role: { path: string; data: unknown };
  termFiles: Array<{ path: string; data: unknown }>;
  /** The file of term families, when the manifest names one. */
  families?: { path: string; data: unknown };
  /** A short hash of the raw files, so lexiconVersion changes whenever the data does. */
  contentHash: string;
}

export interface RoleSkill {
  id: string;
  label: string;
  categoryId: string;
  categoryLabel: string;
  /** Category weight × weight within the category: the skill's share of the whole role. */
  weight: number;
  evidence: string | undefined;
  adviceParts: ReadonlyArray<{ text: string; ifShown: string; shownBy: ReadonlyArray<ReadonlySet<string>> }>;
}

export type MatchRule = 'exact' | 'case' | 'stem';

export interface CompiledTerm {
  entry: TermEntry;
  file: string;
  require: ReadonlySet<string> | null;
  /** The required context may be people or a group (`@people` in a require list): see PEOPLE_WORD. */
  requirePeople: boolean;
  exclude: ReadonlySet<string> | null;
  /** A plain noun directly before the mention makes it a figure about that noun (contextSchema). */
  measurementAfterNoun: boolean;
  /** The first word may be a verb taking the rest as its object (contextSchema `verbFirst`). */
  verbFirst: boolean;
  /** Words of which one must stand among the four words before the mention (contextSchema `before`). */
  before: ReadonlySet<string> | null;
  /** Words that meet `before` instead when one comes right after the mention (contextSchema `orFollowedBy`). */
  orFollowedBy: ReadonlySet<string> | null;
  /** Words that must not come right after the mention (contextSchema `notFollowedBy`). */
  notFollowedBy: ReadonlySet<string> | null;
  /** Words of which one must stand among the four words after the mention (contextSchema `after`). */
  after: ReadonlySet<string> | null;
  /** Whether a word naming people or a group also satisfies `after` (`@people` in its list). */
  afterPeople: boolean;
  /** Whether a sum of money also satisfies `after` (`@money` in its list): see isMoneyWord. */
  afterMoney: boolean;
  /** Words that must not come right before the mention (contextSchema `notPrecededBy`). */
  notPrecededBy: ReadonlySet<string> | null;
  /** Greater strengths with one of these words in the sentence (termSchema `strongerWith`), as written; `strengths`: the term's own with these over them (the entry keeps the record). */
  strongerWith: { words: ReadonlySet<string>; strengths: readonly SkillStrength[] } | null;
  /** The entry's skills and strengths as a list, in the entry's order. */
  strengths: readonly SkillStrength[];
}

/**
 * A skill a term evidences and how strongly. The analysis reads them for every accepted mention:
 * a list is read in place, where a for-in over a record parsed from YAML collects its keys anew
 * each time.
 */
export interface SkillStrength {
  skill: string;
  strength: number;
}

function strengthList(skills: Readonly<Record<string, number>>): SkillStrength[] {
  return Object.entries(skills).map(([skill, strength]) => ({ skill, strength }));
}

/** The word in a `require` list that stands for any word naming people or a group. */
export const PEOPLE_PLACEHOLDER = '@people';

/** How many words after a mention its `after` words are looked for (contextSchema `after`). */
export const AFTER_WINDOW = 4;
/**
 * How far a sum of money is looked for: whom the work saved it for, and a hedge, often stand between
 * ("saving the claims unit an estimated $4M a year").
 */
export const MONEY_AFTER_WINDOW = 8;

/** How many words after a mention of the term its `after` words are looked for. */
export function afterWindow(term: CompiledTerm): number {
  return term.afterMoney ? MONEY_AFTER_WINDOW : AFTER_WINDOW;
}

/** The word in an `after` list that stands for any sum of money (isMoneyWord). */
export const MONEY_PLACEHOLDER = '@money';

/** Currency symbols written right before an amount ("$4M", "£1.2M", "€200k"). */
const CURRENCY_SYMBOLS = new Set(['$', '£', '€', '¥', '₹']);
/** Currency names and codes written around an amount ("2 million pounds", "USD 300k"). */
const CURRENCY_WORDS = new Set(['dollars', 'pounds', 'euros', 'usd', 'gbp', 'eur', 'chf', 'aud', 'cad', 'inr']);
/** An amount: digits with separators, and a scale letter or word glued on ("4m", "1.2bn", "300,000", "200k"). */
const AMOUNT = /^\d[\d.,]*(?:k|m|mn|bn|b)?$/;

/**
 * Whether the word at index k is a sum of money: an amount right after a currency symbol, or a
 * currency's name or code. A bare number is a count, a percentage or a year, not money.
 */
export function isMoneyWord(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  if (!token || token.type !== 'word') return false;
  if (CURRENCY_WORDS.has(token.lower)) return true;
  const symbol = tokens[k - 1];
  return AMOUNT.test(token.lower) && symbol !== undefined && symbol.end === token.start && CURRENCY_SYMBOLS.has(symbol.lower);
}

/**
 * Whether the word at index k (lower case, as written) is one of the term's `after` words, names
 * people where the term allows it, or is a sum of money where the term allows that.
 */
export function isAfterWord(term: CompiledTerm, tokens: readonly Token[], k: number): boolean {
  const word = tokens[k]?.lower ?? '';
  return term.after?.has(word) === true || (term.afterPeople && isPeopleWord(word)) || (term.afterMoney && isMoneyWord(tokens, k));
}

/** One trie level per word; separate maps per kind of key, so matching builds no key strings. */
export interface TrieNode {
  /** Lower-case words of technology names. */
  readonly exact: ReadonlyMap<string, TrieNode>;
  /** Words of case-sensitive names, as written. */
  readonly cased: ReadonlyMap<string, TrieNode>;
  /** Stems of the words of phrases. */
  readonly stem: ReadonlyMap<string, TrieNode>;
  term?: CompiledTerm;
  form?: string;
  rule?: MatchRule;
}

/** A trie node while the lexicon is compiled: its children are still added. */
interface BuildNode {
  exact: Map<string, BuildNode>;
  cased: Map<string, BuildNode>;
  stem: Map<string, BuildNode>;
  term?: CompiledTerm;
  form?: string;
  rule?: MatchRule;
}

function newTrieNode(): BuildNode {
  return { exact: new Map(), cased: new Map(), stem: new Map() };
}

/** The children of every node that has none of a kind: most nodes are leaves, and an empty map costs as much as a small one. */
const NO_CHILDREN: ReadonlyMap<string, TrieNode> = new Map();

/** The finished trie: every empty map of children replaced by the one shared NO_CHILDREN (about 13,000 maps for 2,500 terms). */
function sealTrie(node: BuildNode): TrieNode {
  const children = (map: Map<string, BuildNode>): ReadonlyMap<string, TrieNode> => {
    if (map.size === 0) return NO_CHILDREN;
    for (const child of map.values()) sealTrie(child);
    return map;
  };
  const sealed: TrieNode = { exact: children(node.exact), cased: children(node.cased), stem: children(node.stem) };
  // The node keeps its identity: a match holds the node it ended on.
  return Object.assign(node, sealed);
}

export function hasChildren(node: TrieNode): boolean {
  return node.exact.size + node.cased.size + node.stem.size > 0;
}

export interface CompiledLexicon {
  version: string;
  manifest: LexiconManifest;
  role: RoleModel;
  skills: ReadonlyMap<string, RoleSkill>;
  terms: readonly CompiledTerm[];
  root: TrieNode;
  /** First three letters of every stemmed word in phrase forms: words outside it need no stemming. */
  stemPrefixes: ReadonlySet<string>;
  /**
   * Every way a matched-as-written word of six letters or more can begin, two letters or more
   * short of its end ("tensor" for "tensorflow"): a word outside it cannot open a compound
   * written open, and is not joined to the next (the check costs a lookup, not a new string).
   */
  openCompoundHeads: ReadonlySet<string>;
  /** Likewise every way such a word can end, two letters or more ("flow" for "tensorflow"). */
  openCompoundTails: ReadonlySet<string>;
  /** Single-word forms eligible for typo matching, by their first two letters. */
  fuzzyForms: ReadonlyMap<string, Array<{ form: string; term: CompiledTerm }>>;
  /** Count of distinct surface forms (labels and aliases). */
  formCount: number;
  /** The family of each term that has one (lexicon/families.yaml). */
  familyOf: ReadonlyMap<string, Family>;
  /** Terms that name a field, a skill or a role, not a tool (lexicon/families.yaml `umbrellas`). */
  umbrellas: ReadonlySet<string>;
  /** The first id of its group for every term that is a spelling or version of another (lexicon/families.yaml `variants`). */
  variantOf: ReadonlyMap<string, string>;
}

/**
 * What may follow a stem for two words to count as one: regular inflections only. Porter also
 * cuts derivations ("integr-ity" and "integr-als", "engin-eer" and "engin-eering"), which are
 * other words; agent nouns (-er) are roles, not skills.
 */
const REGULAR_ENDINGS = new Set([
  '', 'e', 's', 'es', 'ed', 'd', 'ing', 'ings', 'ly', 'ion', 'ions', 'ation', 'ations', 'ization', 'izations',
  'ize', 'izes', 'ized', 'izing', 'ate', 'ated', 'ates', 'ating', 'ative', 'ment', 'ments', 'ies', 'ied', 'y',
]);

function foldSpelling(lower: string): string {
  const word = lower.replace(/'s$/, '');
  return word.length > 5 && !NOT_IZE_SPELLINGS.test(word) ? word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1') : word;
}

/**
 * Words in -ise that have no -ize spelling: folded, Porter would cut them into other words
 * ("expertise" into "expert", so that "industry experts", people, read as "industry expertise").
 */
const NOT_IZE_SPELLINGS = /^(?:expertis|enterpris|exercis|premis|promis|compromis|franchis|merchandis|surpris|compris|treatis|paradis|otherwis|likewis|precis|concis)/;

/**
 * Word stem used for phrase matching: British -ise spellings folded into -ize first (Porter stems
 * "prioritised" and "prioritized" differently), possessive 's dropped.
 */
export function phraseStem(lower: string, nlp: NlpPort): string {
  return nlp.stem(foldSpelling(lower));
}

/** The stem of a word, or null when the word is not a regular inflection of its stem. */
/**
 * Possessive determiners stand for one another in phrases: a lexicon written in the first person
 * ("managing my time") reads the second and third ("manage your time", "plan their work").
 */
export const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'our', 'their', 'his', 'her', 'its']);
const POSSESSIVE_KEY = '(possessive)';

/**
 * Short closed-class words that Porter cuts into other words are no inflections: the numeral "one"
 * would be "on" ("one time" is no "on time", "after one call" no on-call duty), "has" "ha", "was"
 * "wa", "does" "doe", "this" "thi". They match as written only.
 */
const NOT_INFLECTED: ReadonlySet<string> = new Set(['one', 'ones', 'has', 'was', 'does', 'goes', 'this', 'yes']);

export function stemKey(lower: string, nlp: NlpPort): string | null {
  if (POSSESSIVES.has(lower)) return POSSESSIVE_KEY;
  if (NOT_INFLECTED.has(lower)) return null;
  const folded = foldSpelling(lower);
  const stem = nlp.stem(folded);
  if (!folded.startsWith(stem)) return null;
  const ending = folded.slice(stem.length);
  return REGULAR_ENDINGS.has(ending) || doubledBeforeEnding(stem, ending) ? stem : null;
}

/** A final consonant doubled before -ed or -ing ("plan" → "planned", "planning"; "ship" → "shipped"). */
function doubledBeforeEnding(stem: string, ending: string): boolean {
  return ending.length >= 3 && ending[0] === stem[stem.length - 1] && /[bdgmnprt]/.test(ending[0] ?? '') && (ending.slice(1) === 'ed' || ending.slice(1) === 'ing');
}

/** How a word of letters could be written open: its heads (first 2 to length − 2 letters) and the tails that complete them. */
function addCompoundParts(word: string, heads: Set<string>, tails: Set<string>): void {
  if (word.length < 6 || !/^[a-z]+$/.test(word)) return;
  for (let k = 2; k <= word.length - 2; k++) {
    heads.add(word.slice(0, k));
    tails.add(word.slice(k));
  }
}

function zodProblems(where: string, error: z.ZodError): LexiconProblem[] {
  return error.issues.map((issue) => ({
    where: `${where}: ${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)'}`,
    message: issue.message,
  }));
}

function describeTerm(data: unknown, index: number): string {
  const id = (data as { terms?: Array<{ id?: unknown }> })?.terms?.[index]?.id;
  return typeof id === 'string' ? ` (term "${id}")` : '';
}

/** Validates the role and term files, checks their cross-references, and compiles the match trie. */
/** Each family's members must be terms of the lexicon, each in one family at most. */
function checkFamilies(families: Family[], file: string, termIds: ReadonlyMap<string, string>, problems: LexiconProblem[]): Map<string, Family> {
  const familyOf = new Map<string, Family>();
  const ids = new Set<string>();
  for (const family of families) {
    const where = `${file}: family "${family.id}"`;
    if (ids.has(family.id)) problems.push({ where, message: `duplicate family id "${family.id}": give one of them another id` });
    ids.add(family.id);
    for (const member of family.members) {
      if (!termIds.has(member)) problems.push({ where, message: `unknown term id "${member}": use the id of a term in the term files (GET /v1/lexicon lists every term)` });
      const other = familyOf.get(member);
      if (other && other !== family) problems.push({ where, message: `term "${member}" is also in family "${other.id}": keep it in one family` });
      familyOf.set(member, family);
    }
  }
  return familyOf;
}

/** Each variant must be a term of the lexicon, in one group at most. */
function checkVariants(groups: string[][], file: string, termIds: ReadonlyMap<string, string>, problems: LexiconProblem[]): Map<string, string> {
  const variantOf = new Map<string, string>();
  for (const group of groups) {
    const first = group[0] ?? '';
    const where = `${file}: variants [${group.join(', ')}]`;
    for (const term of group) {
      if (!termIds.has(term)) problems.push({ where, message: `unknown term id "${term}": use the id of a term in the term files (GET /v1/lexicon lists every term)` });
      const other = variantOf.get(term);
      if (other !== undefined) problems.push({ where, message: `term "${term}" is also in the group of "${other}": keep it in one group` });
      variantOf.set(term, first);
    }
  }
  return variantOf;
}

/** Umbrella terms must be terms of the lexicon, and not members of a family (a family lists tools). */
function checkUmbrellas(umbrellas: string[], file: string, termIds: ReadonlyMap<string, string>, familyOf: ReadonlyMap<string, Family>, problems: LexiconProblem[]): Set<string> {
  for (const term of umbrellas) {
    const where = `${file}: umbrellas`;
    if (!termIds.has(term)) problems.push({ where, message: `unknown term id "${term}": use the id of a term in the term files (GET /v1/lexicon lists every term)` });
    const family = familyOf.get(term);
    if (family) problems.push({ where, message: `term "${term}" is in family "${family.id}": a family member names a tool, so it cannot be an umbrella; remove it from one of the two` });
  }
  return new Set(umbrellas);
}

export function compileLexicon(source: LexiconSource, nlp: NlpPort): CompiledLexicon {
  const problems: LexiconProblem[] = [];
  const manifest = manifestSchema.safeParse(source.manifest);
  if (!manifest.success) problems.push(...zodProblems('lexicon.yaml', manifest.error));
  const role = roleSchema.safeParse(source.role.data);
  if (!role.success) problems.push(...zodProblems(source.role.path, role.error));
  const files = source.termFiles.map((file) => {
    const parsed = termFileSchema.safeParse(file.data);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => {
          const [first, index] = issue.path;
          const who = first === 'terms' && typeof index === 'number' ? describeTerm(file.data, index) : '';
          return { ...zodProblems(file.path, { issues: [issue] } as z.ZodError)[0]!, message: `${issue.message}${who}` };
        }),
      );
    }
    return { path: file.path, parsed: parsed.success ? parsed.data : null };
  });
  const familyFile = source.families ? familyFileSchema.safeParse(source.families.data) : undefined;
  if (familyFile && !familyFile.success && source.families) problems.push(...zodProblems(source.families.path, familyFile.error));
  if (!manifest.success || !role.success || files.some((f) => !f.parsed) || (familyFile && !familyFile.success)) throw new LexiconError(problems);

  const skills = checkRole(role.data, source.role.path, problems);
  const terms: CompiledTerm[] = [];
  const termIds = new Map<string, string>();
  for (const file of files) {
    const presets = file.parsed?.contexts ?? {};
    for (const [i, entry] of (file.parsed?.terms ?? []).entries()) {
      const where = `${file.path}: terms[${i}] (term "${entry.id}")`;
      const seen = termIds.get(entry.id);
      if (seen) problems.push({ where, message: `duplicate term id "${entry.id}" (also in ${seen}): give one of them another id` });
      termIds.set(entry.id, file.path);
      for (const skill of [...Object.keys(entry.skills), ...Object.keys(entry.strongerWith?.skills ?? {})]) {
        if (!skills.has(skill)) {
          problems.push({ where, message: `unknown skill id "${skill}": use one of ${[...skills.keys()].join(', ')}` });
        }
      }
      for (const [skill, strength] of Object.entries(entry.strongerWith?.skills ?? {})) {
        const own = entry.skills[skill] ?? 0;
        if (strength <= own) problems.push({ where, message: `strongerWith gives "${skill}" ${strength}, not more than the term's own ${own}: raise it or leave the skill out of strongerWith` });
      }
      let context: TermContext | undefined;
      if (typeof entry.context === 'string') {
        context = presets[entry.context];
        if (!context) {
          problems.push({ where, message: `context preset "${entry.context}" is not defined: add it under "contexts:" at the top of ${file.path}` });
        }
      } else {
        context = entry.context;
      }
      // Each word as written and as its stem; a hyphenated one ("fine-tuned") is matched whole.
      const asWritten = (words: string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));
      const stems = (words: string[] | undefined): ReadonlySet<string> | null =>
        words ? new Set(words.flatMap((w) => [w.toLowerCase(), phraseStem(w.toLowerCase(), nlp)])) : null;
      const required = context?.require?.filter((w) => w !== PEOPLE_PLACEHOLDER);
      const requirePeople = context?.require?.includes(PEOPLE_PLACEHOLDER) ?? false;
      const after = context?.after?.filter((w) => w !== PEOPLE_PLACEHOLDER && w !== MONEY_PLACEHOLDER);
      const afterPeople = context?.after?.includes(PEOPLE_PLACEHOLDER) ?? false;
      const afterMoney = context?.after?.includes(MONEY_PLACEHOLDER) ?? false;
      terms.push({
        entry,
        file: file.path,
        require: required?.length || requirePeople ? stems(required ?? []) : null,
        requirePeople,
        exclude: stems(context?.exclude),
        measurementAfterNoun: context?.nounBefore === 'measurement',
        verbFirst: context?.verbFirst === true,
        before: stems(context?.before),
        orFollowedBy: stems(context?.orFollowedBy),
        notFollowedBy: stems(context?.notFollowedBy),
        // Nouns of people as written: by stem, "developers" would be "developing" too.
        after: after?.length || afterPeople || afterMoney ? asWritten(after ?? []) : null,
        afterPeople,
        afterMoney,
        // As written too: by stem, "experience with" would also be "experiments with".
        notPrecededBy: context?.notPrecededBy ? asWritten(context.notPrecededBy) : null,
        strongerWith: entry.strongerWith
          ? { words: asWritten(entry.strongerWith.words), strengths: strengthList({ ...entry.skills, ...entry.strongerWith.skills }) }
          : null,
        strengths: strengthList(entry.skills),
      });
    }
  }
  for (const skill of skills.keys()) {
    if (!terms.some((t) => skill in t.entry.skills)) {
      problems.push({ where: source.role.path, message: `skill "${skill}" has no lexicon term: add terms that evidence it` });
    }
  }

  const root = newTrieNode();
  const stemPrefixes = new Set<string>();
  const openCompoundHeads = new Set<string>();
  const openCompoundTails = new Set<string>();
  const fuzzyForms = new Map<string, Array<{ form: string; term: CompiledTerm }>>();
  let formCount = 0;
  for (const term of terms) {
    const forms = new Set([term.entry.label, ...term.entry.aliases]);
    for (const form of forms) {
      // A plain copy: the YAML reader's strings are of many kinds (see plainString).
      const tokens = tokenize(plainString(form));
      const words = tokens.filter((t) => t.type === 'word');
      if (words.length === 0 || tokens.some((t) => t.type === 'punct')) {
        problems.push({
          where: `${term.file}: term "${term.entry.id}"`,
          message: `form "${form}" holds characters that matching ignores (${tokens.filter((t) => t.type === 'punct').map((t) => t.text).join(' ') || 'no letters'}): write it with words, digits, hyphens and slashes only`,
        });
        continue;
      }
      const rule: MatchRule = term.entry.caseSensitive ? 'case' : term.entry.kind === 'phrase' ? 'stem' : 'exact';
      const keys = words.map((w): [keyof Pick<TrieNode, 'exact' | 'cased' | 'stem'>, string] => {
        if (rule === 'case') return ['cased', w.text];
        if (rule === 'exact') {
          addCompoundParts(w.lower, openCompoundHeads, openCompoundTails);
          return ['exact', w.lower];
        }
        const stem = stemKey(w.lower, nlp);
        if (!stem) {
          addCompoundParts(w.lower, openCompoundHeads, openCompoundTails);
          return ['exact', w.lower];
        }
        for (const word of stem === POSSESSIVE_KEY ? POSSESSIVES : [w.lower]) stemPrefixes.add(word.slice(0, 3));
        return ['stem', stem];
      });
      let node = root;
      for (const [kind, key] of keys) {
        let next = node[kind].get(key);
        if (!next) {
          next = newTrieNode();
          node[kind].set(key, next);
        }
        node = next;
      }
      if (node.term && node.term !== term) {
        problems.push({
          where: `${term.file}: term "${term.entry.id}"`,
          message: `form "${form}" matches the same words as "${node.form}" of term "${node.term.entry.id}" (${node.term.file}): keep it in one entry`,
        });
        continue;
      }
      if (!node.term) formCount++;
      node.term = term;
      node.form = form;
      node.rule = rule;
      const only = words[0];
      if (words.length === 1 && only && term.entry.fuzzy && rule === 'exact' && only.lower.length >= 7 && /^[a-z]+$/.test(only.lower)) {
        const bucket = fuzzyForms.get(only.lower.slice(0, 2)) ?? [];
        bucket.push({ form: only.lower, term });
        fuzzyForms.set(only.lower.slice(0, 2), bucket);
      }
    }
  }
  const familyOf = checkFamilies(familyFile?.success ? familyFile.data.families : [], source.families?.path ?? 'families', termIds, problems);
  const umbrellas = checkUmbrellas(familyFile?.success ? familyFile.data.umbrellas : [], source.families?.path ?? 'families', termIds, familyOf, problems);
  const variantOf = checkVariants(familyFile?.success ? familyFile.data.variants : [], source.families?.path ?? 'families', termIds, problems);
  if (problems.length) throw new LexiconError(problems);
  return {
    familyOf,
    umbrellas,
    variantOf,
    version: `${manifest.data.version}+${source.contentHash}`,
    manifest: manifest.data,
    role: role.data,
    skills,
    terms,
    root: sealTrie(root),
    stemPrefixes,
    openCompoundHeads,
    openCompoundTails,
    fuzzyForms,
    formCount,
  };
}

function checkRole(role: RoleModel, path: string, problems: LexiconProblem[]): Map<string, RoleSkill> {
  const skills = new Map<string, RoleSkill>();
  const categorySum = role.categories.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(categorySum - 1) > 1e-6) {
    problems.push({ where: `${path}: categories`, message: `category weights sum to ${categorySum.toFixed(3)}: make them sum to 1` });
  }
  for (const [ci, category] of role.categories.entries()) {
    const sum = category.skills.reduce((s, k) => s + k.weight, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      problems.push({ where: `${path}: categories[${ci}] (${category.id})`, message: `skill weights sum to ${sum.toFixed(3)}: make them sum to 1 within the category` });
    }
    for (const skill of category.skills) {
      if (skills.has(skill.id)) problems.push({ where: `${path}: ${category.id}`, message: `skill "${skill.id}" is defined twice: keep one` });
      skills.set(skill.id, {
        id: skill.id,
        label: skill.label,
        categoryId: category.id,
        categoryLabel: category.label,
        weight: category.weight * skill.weight,
        evidence: skill.evidence,
        adviceParts: (skill.adviceParts ?? []).map((part) => ({ text: part.text, ifShown: part.ifShown, shownBy: part.shownBy.map((group) => new Set(group)) })),
      });
    }
  }
  for (const [categoryId, ids] of Object.entries(SKILL_CONTRACT)) {
    const category = role.categories.find((c) => c.id === categoryId);
    if (!category) {
      problems.push({ where: path, message: `category "${categoryId}" is missing: the API promises it (${ids.join(', ')})` });
      continue;
    }
    for (const id of ids) {
      if (!category.skills.some((s) => s.id === id)) {
        problems.push({ where: `${path}: ${categoryId}`, message: `skill "${id}" is missing from category "${categoryId}": the API promises it; do not rename or drop it` });
      }
    }
  }
  return skills;
}
