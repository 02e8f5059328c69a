import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens, e.g. "computer-vision"');

const adviceWord = z.string().regex(/^[a-z][a-z'-]*$/, 'one lower-case word as written in documents, each inflection listed ("cost", "costs")');

/** One part of a skill's advice, and the words that show a CV already has it. */
export const advicePartSchema = z
  .object({
    /** The part as the advice names it: "revenue or cost impact". */
    text: z.string().min(3),
    /** Shown when one sentence holds a word of every group: [[reduced, cut], [cost, costs]]. */
    shownBy: z.array(z.array(adviceWord).min(1, 'a group needs at least one word')).min(1, 'give at least one group of words'),
    /** The advice when the part is there but did not show the skill. */
    ifShown: z.string().min(10, 'say what would make the part count'),
  })
  .strict();

/** A skill of a role: weights are relative within the category. */
export const skillSchema = z
  .object({
    id,
    label: z.string().min(1),
    weight: z.number().positive().max(1),
    rationale: z.string().min(10, 'give a one-line rationale from the source article'),
    description: z.string().optional(),
    /** What kind of evidence shows this skill: used for honest advice on gaps. */
    evidence: z.string().optional(),
    /**
     * The parts of that advice a CV may already show without showing the skill ("reduced
     * inference costs" is a cost impact, yet names no business): such a part is not asked for
     * again; its `ifShown` says what would make it count.
     */
    adviceParts: z.array(advicePartSchema).optional(),
  })
  .strict();

export const categorySchema = z
  .object({
    id,
    label: z.string().min(1),
    weight: z.number().positive().max(1),
    rationale: z.string().min(10, 'give a one-line rationale from the source article'),
    skills: z.array(skillSchema).min(1),
  })
  .strict();

export const roleSchema = z
  .object({
    id,
    label: z.string().min(1),
    version: z.string().min(1),
    source: z.string().min(1),
    categories: z.array(categorySchema).min(1),
  })
  .strict();

export type RoleModel = z.infer<typeof roleSchema>;
export type SkillModel = z.infer<typeof skillSchema>;
export type CategoryModel = z.infer<typeof categorySchema>;

/**
 * Words that must (require) or must not (exclude) occur in the same sentence as a mention.
 * `nounBefore: measurement`: a plain noun written directly before the mention makes it a figure
 * about that noun ("latency statistics", "audience statistics"), not the field; an adjective
 * ("applied", "Bayesian", "strong") or a function word ("in", "and") keeps the field.
 * `verbFirst: true`: the term's first word is also a verb ("build systems", "build pipelines"); in a
 * verb's place with the clause going on after it ("Build systems that watch for anomalies", "able to
 * build pipelines from scratch") the words are that verb and its object, not the compound noun.
 * `before`: words of which one must stand among the four words right before the mention in its
 * sentence ("years in retail", "knowledge of banking"; not "software for retail").
 * `orFollowedBy`: with `before`, words that meet it instead when one comes right after the mention,
 * which then modifies it ("retail experience", "a healthcare background").
 * `notFollowedBy`: words that must not come right after the mention, where the mention only
 * modifies them ("collaboration tools" are software; "collaborate with software engineers" is not).
 * `after`: words of which one must stand, as written, among the four words right after the mention
 * in its sentence ("with the mobile team", "with two platform engineers"); `@people` stands for any
 * word that names people or a group, and `@money` for a sum of money among the eight words after
 * ("saving the claims unit an estimated $4M a year").
 * `notPrecededBy`: words that must not come right before the mention, as written, where they make it
 * part of another phrase ("experience with", "familiar with" name what is known, not who it was done
 * with). As written, not by stem: "experience" and "experiment" share a stem.
 */
/** Context words are compared token by token: one word each (a hyphenated word is one). */
/** Words that stand for a class of words in a context list (see compile.ts). */
export const CONTEXT_PLACEHOLDERS: readonly string[] = ['@people', '@money'];
const contextWord = z
  .string({ error: 'a context word is a string: YAML read this one as another value (null, true, a number), so put it in quotes' })
  .regex(/^\S+$/, 'a context word is one word (a hyphenated one like "fine-tuned" counts as one): split the phrase into the words that mark the sense')
  .refine((word) => !word.startsWith('@') || CONTEXT_PLACEHOLDERS.includes(word), { message: `a context word that starts with "@" stands for a class of words: use one of ${CONTEXT_PLACEHOLDERS.join(', ')}` });

/** A context that is neither a preset's name nor a valid object: say what is wrong inside the object when one was written. */
function contextProblem(issue: { input?: unknown; errors?: ReadonlyArray<ReadonlyArray<{ path: PropertyKey[]; message: string }>> }): string {
  if (typeof issue.input !== 'object' || issue.input === null) return "a context is the name of one of the file's `contexts` or an object of word lists (require, exclude, before, orFollowedBy, after, notFollowedBy, notPrecededBy)";
  // The union's second branch is the object form: its first problem is the one to show.
  const inner = issue.errors?.[1]?.[0];
  if (!inner) return 'the context object is not valid';
  const where = inner.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  return `${where}: ${inner.message}`;
}

export const contextSchema = z
  .object({
    require: z.array(contextWord).min(1).optional(),
    exclude: z.array(contextWord).min(1).optional(),
    nounBefore: z.literal('measurement').optional(),
    verbFirst: z.literal(true).optional(),
    before: z.array(contextWord).min(1).optional(),
    orFollowedBy: z.array(contextWord).min(1).optional(),
    notFollowedBy: z.array(contextWord).min(1).optional(),
    after: z.array(contextWord).min(1).optional(),
    notPrecededBy: z.array(contextWord).min(1).optional(),
  })
  .strict()
  .refine((context) => !context.orFollowedBy || context.before, { message: 'orFollowedBy offers another way to meet `before`: give the term a `before` list too, or use `after` alone', path: ['orFollowedBy'] });
export type TermContext = z.infer<typeof contextSchema>;

/**
 * How a term's forms are matched:
 * - technology: exact tokens, case-insensitive (names: PyTorch, scikit-learn, C++);
 * - phrase: word stems, so inflections match (met deadlines / meeting deadlines).
 */
export const termKindSchema = z.enum(['technology', 'phrase']);

export const termSchema = z
  .object({
    id,
    label: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** Skill ids this term evidences, each with a strength in (0, 1]. */
    skills: z.record(id, z.number().gt(0).max(1)).refine((s) => Object.keys(s).length > 0, 'map the term to at least one skill id'),
    kind: termKindSchema.default('technology'),
    /** Match the label and aliases only with this exact capitalisation ("CV", "R", "Go"). */
    caseSensitive: z.boolean().default(false),
    /** A weak token: it counts only when corroborated (a skills list, a neighbouring language, "programming in R"). */
    ambiguous: z.boolean().default(false),
    /**
     * The word-sense policy of a term that is also a common English word (docs/ambiguity.md):
     * `everyday`, its everyday sense is the skill ("collaboration", "revenue"), so only whose it is
     * needs judging; `domain`, its everyday sense is another thing ("Flask", "Celery", calculus at
     * the dentist), so it counts in a technical document, or where a weak token would.
     */
    sense: z.enum(['everyday', 'domain']).optional(),
    /** Words that must (require) or must not (exclude) occur in the same sentence; or the name of a preset of the file. */
    context: z.union([id, contextSchema], { error: contextProblem }).optional(),
    /**
     * Greater strengths where a word of `words` stands in the mention's sentence, as written (every
     * form listed: by stem, "researcher" would be "research"): the
     * term worked on rather than used ("fine-tune and evaluate LLMs" shows NLP; "build on LLM APIs"
     * only relates to it). Each strength must exceed the term's own for that skill.
     */
    strongerWith: z.object({ words: z.array(contextWord).min(1), skills: z.record(id, z.number().gt(0).max(1)) }).strict().optional(),
    /**
     * For phrases matched by stem: whether words derived from the same stem match too
     * ("collaborated" for collaboration: true; "clusters" for clustering: false, only the form and
     * its inflections). Must be stated for a one-word phrase whose stem reaches a common word
     * (docs/ambiguity.md). In a phrase of several words, false holds every word to its inflections
     * ("distributed systems", not "water distribution systems").
     */
    derivations: z.boolean().optional(),
    /**
     * Allow typo-tolerant matching of this term's longer forms ("Pytroch"). Opt-in, for distinctive
     * names only: a near miss of a common word is that word ("Network" is not NetworkX).
     */
    fuzzy: z.boolean().default(false),
    note: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();

export type TermEntry = z.infer<typeof termSchema>;
export type TermInput = z.input<typeof termSchema>;
export type TermFile = z.infer<typeof termFileSchema>;

export const termFileSchema = z
  .object({
    /** What this file covers; informational. */
    description: z.string().optional(),
    /** Named contexts shared by several terms of the file. */
    contexts: z.record(id, contextSchema).optional(),
    terms: z.array(termSchema),
  })
  .strict();

export const manifestSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use semantic versioning, e.g. "1.0.0"'),
    role: z.string().min(1),
    termFiles: z.array(z.string().min(1)).min(1),
    /** The file of term families (related technologies); optional. */
    families: z.string().min(1).optional(),
  })
  .strict();

/**
 * A family of related technologies: alternatives for the same job in a stack (deep-learning
 * frameworks, cloud platforms). A CV that shows one member shows part of what an ad asking for
 * another needs. Curated data, not "the same skill".
 */
export const familySchema = z
  .object({
    id,
    label: z.string().min(1),
    /** Term ids of the lexicon, at least two; a term belongs to one family at most. */
    members: z.array(id).min(2, 'a family needs at least two members'),
    note: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();
export type Family = z.infer<typeof familySchema>;

export const familyFileSchema = z
  .object({
    description: z.string().optional(),
    families: z.array(familySchema),
    /**
     * Technology entries that name a field, a skill or a role rather than a tool ("data science",
     * "CV" for computer vision, "software engineer"): never listed as terms an ad names, since the
     * skill itself is judged above them.
     */
    umbrellas: z.array(id).default([]),
    /** Spellings and versions of one tool kept as separate entries ("kubernetes", "k8s"): the first id names the group. */
    variants: z.array(z.array(id).min(2, 'a group of variants needs at least two term ids')).default([]),
  })
  .strict();

export type LexiconManifest = z.infer<typeof manifestSchema>;
