import { adviceFor, type ShownPart } from './advice';
import type { SectionKind } from '../1-text/schema';
import type { CompiledLexicon, RoleSkill } from '../2-lexicon/compile';
import type { Analysis, DocumentKind, Evidence, Gap, Modality, Requirement, SkillResult } from './schema';

/** A skill is present when its strongest evidence reaches this. */
export const PRESENT_THRESHOLD = 0.55;

/** How much a mention's modality keeps of the term's strength (CVs; job ads ask, they do not claim, so only a negation or a second-hand mention keeps nothing). */
const MODALITY_FACTOR: Readonly<Record<Modality, number>> = { strong: 1, normal: 1, weak: 0.35, negated: 0, reported: 0 };

/** Sections whose mentions say little about the person or the post. */
const SECTION_FACTOR: Readonly<Record<DocumentKind, Partial<Record<SectionKind, number>>>> = {
  cv: { contact: 0, references: 0.3, interests: 0.5, 'other-jobs': 0, 'job-details': 0 },
  job: { 'about-company': 0, benefits: 0, application: 0, excluded: 0, 'other-jobs': 0, 'job-details': 0, learning: 0 },
};

export function evidenceStrength(termStrength: number, modality: Modality, section: SectionKind | null, kind: DocumentKind): number {
  const modalityFactor = kind === 'job' ? (modality === 'negated' || modality === 'reported' ? 0 : 1) : MODALITY_FACTOR[modality];
  const sectionFactor = (section && SECTION_FACTOR[kind][section]) ?? 1;
  return Math.round(termStrength * modalityFactor * sectionFactor * 1000) / 1000;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** A negation that denies a need ("is not something we require", "not part of this role", "no C++ needed"). */
const NEED_DENIAL = /\b(?:requir\w*|need\w*|necessary|essential|expected|part of|responsibility|ask for)\b/i;

const termsById = new WeakMap<CompiledLexicon, Map<string, { label: string; skills: Readonly<Record<string, number>> }>>();
function termOf(lexicon: CompiledLexicon, term: string): { label: string; skills: Readonly<Record<string, number>> } | undefined {
  let byId = termsById.get(lexicon);
  if (!byId) {
    byId = new Map(lexicon.terms.map((t) => [t.entry.id, t.entry]));
    termsById.set(lexicon, byId);
  }
  return byId.get(term);
}

/** Whether a term names the field of a skill: its label is the skill's, shares its head word ("speech processing", "voice and audio processing"), or is its acronym ("NLP"). */
function namesField(termLabel: string, skillLabel: string): boolean {
  const t = termLabel.toLowerCase().split(/\s+/);
  const s = skillLabel.toLowerCase().split(/\s+/);
  const initials = s.filter((w) => w !== 'and').map((w) => w[0]).join('');
  return t.join(' ') === s.join(' ') || (t.length > 1 && t[t.length - 1] === s[s.length - 1]) || (t.length === 1 && t[0] === initials);
}

/**
 * A job ad that says plainly it does not need a skill, naming the skill itself ("knowledge of
 * computer vision is not something we require"), does not ask for it, even where it lists the
 * company's work in that field: the plain statement about the post wins.
 */
function deniedByName(lexicon: CompiledLexicon, skill: RoleSkill, evidence: Evidence[]): boolean {
  return evidence.some((e) => e.modality === 'negated' && e.cue !== undefined && NEED_DENIAL.test(e.cue) && namesSkillField(lexicon, skill, e));
}

/** Whether a mention's term names the skill's field itself ("NLP", "speech processing"), not a method or a tool of it. */
function namesSkillField(lexicon: CompiledLexicon, skill: RoleSkill, e: Evidence): boolean {
  const term = termOf(lexicon, e.term);
  return term !== undefined && (term.skills[skill.id] ?? 0) >= 0.9 && namesField(term.label, skill.label);
}

/**
 * The sentences where a job ad lists fields it denies by name elsewhere ("Applying deep learning
 * (including but not limited to NLP, speech processing, computer vision) to video editing" beside
 * "knowledge of computer vision or speech processing is not something we require"): such a list
 * names the fields the work touches, not what the post asks. Another field named in the same list
 * by its own name ("NLP") is not asked for there either; a method or a tool of it still is.
 */
function listsOfDeniedFields(evidenceBySkill: ReadonlyMap<string, Evidence[]>, denied: ReadonlySet<string>): Set<string> {
  const sentences = new Set<string>();
  for (const id of denied) for (const e of evidenceBySkill.get(id) ?? []) if (e.modality !== 'negated' && e.strength > 0) sentences.add(e.sentence);
  return sentences;
}

/**
 * Words that make a line prose rather than a list of names: "an in-depth understanding of machine
 * learning, including supervised learning" says something; "Python, NLP, Computer Vision" only names.
 */
const PROSE_WORD = /\b(?:of|in|with|to|the|an?|for|including|such as|on|using|from|you|your)\b/gi;
function isProse(sentence: string): boolean {
  return (sentence.match(PROSE_WORD)?.length ?? 0) >= 2;
}

/**
 * Whether a job ad requires a present skill. A bare skills list ("Key Skills: Python, NLP,
 * Computer Vision" under an ad) names its skills without saying how much each matters: where the
 * ad's own words put a skill among the nice-to-haves, the list does not make it required. A skills
 * section written in sentences ("Skills and Knowledge: in-depth understanding of supervised
 * learning…") is the ad's own words.
 */
function requirementOf(strong: Evidence[]): Requirement {
  const inOwnWords = strong.some((e) => e.requirement === 'required' && (e.section !== 'skills' || isProse(e.sentence)));
  if (inOwnWords) return 'required';
  const listed = strong.some((e) => e.requirement === 'required');
  return listed && !strong.some((e) => e.requirement === 'preferred') ? 'required' : 'preferred';
}

function skillResult(skill: RoleSkill, evidence: Evidence[], kind: DocumentKind, derivedYears: number | undefined, denied = false, setAside: (e: Evidence) => boolean = () => false): SkillResult {
  const counted = denied ? [] : evidence.filter((e) => e.strength > 0 && !setAside(e));
  const strength = counted.reduce((best, e) => Math.max(best, e.strength), 0);
  const present = strength >= PRESENT_THRESHOLD;
  const stated = counted.reduce<number | null>((best, e) => (e.years !== undefined && (best === null || e.years > best) ? e.years : best), null);
  const years = stated ?? (present && derivedYears !== undefined ? derivedYears : null);
  const yearsFrom = stated !== null ? 'stated' : years !== null ? 'experience-dates' : null;
  const requirement = kind === 'job' && present ? requirementOf(counted.filter((e) => e.strength >= PRESENT_THRESHOLD)) : null;
  // Strongest evidence first; then in document order.
  const ordered = [...evidence].sort((a, b) => b.strength - a.strength || a.start - b.start);
  return { id: skill.id, label: skill.label, category: skill.categoryId, weight: round(skill.weight), present, strength: round(strength), years, yearsFrom, requirement, evidence: ordered };
}

function gapFor(skill: RoleSkill, result: SkillResult, lowQuality: boolean, shown: readonly ShownPart[] | undefined): Gap {
  const negated = result.evidence.find((e) => e.modality === 'negated');
  const weak = result.evidence.find((e) => e.strength > 0);
  const reported = result.evidence.find((e) => e.modality === 'reported');
  let reason: Gap['reason'];
  let detail: string;
  if (negated) {
    reason = 'negated';
    detail = `Mentioned only with a negation: "${negated.sentence.slice(0, 120)}".`;
  } else if (weak) {
    reason = 'weak';
    detail = `Only weak evidence (${weak.modality === 'weak' ? `"${weak.cue ?? weak.text}"` : `"${weak.text}", which suggests it without showing it`}).`;
  } else if (reported) {
    reason = 'weak';
    detail = `Mentioned as others' work ("${reported.cue ?? reported.text}"), not the author's.`;
  } else if (lowQuality) {
    reason = 'unknown';
    detail = 'Not found, but the extracted text is of low quality: the skill may be in the parts that could not be read.';
  } else {
    reason = 'not-mentioned';
    detail = 'No term that evidences this skill was found.';
  }
  return { id: skill.id, label: skill.label, category: skill.categoryId, weight: round(skill.weight), reason, detail, ...adviceFor(skill, shown) };
}

/** Coverage per category and overall, the skills with their evidence, and the gaps, most important first. */
export function score(
  lexicon: CompiledLexicon,
  evidenceBySkill: ReadonlyMap<string, Evidence[]>,
  kind: DocumentKind,
  lowQuality: boolean,
  derivedYears: ReadonlyMap<string, number> = new Map(),
  /** The parts of a skill's advice the document already shows; asked only for the skills that are gaps. */
  shownParts?: (skill: RoleSkill) => readonly ShownPart[],
): Pick<Analysis, 'coverage' | 'gap' | 'categories' | 'skills' | 'gaps'> {
  const skills: SkillResult[] = [];
  const gaps: Gap[] = [];
  const denied = new Set<string>();
  if (kind === 'job') for (const skill of lexicon.skills.values()) if (deniedByName(lexicon, skill, evidenceBySkill.get(skill.id) ?? [])) denied.add(skill.id);
  const deniedLists = listsOfDeniedFields(evidenceBySkill, denied);
  for (const skill of lexicon.skills.values()) {
    const evidence = evidenceBySkill.get(skill.id) ?? [];
    const inDeniedList = deniedLists.size ? (e: Evidence): boolean => deniedLists.has(e.sentence) && namesSkillField(lexicon, skill, e) : undefined;
    const result = skillResult(skill, evidence, kind, derivedYears.get(skill.id), denied.has(skill.id), inDeniedList);
    skills.push(result);
    if (!result.present) gaps.push(gapFor(skill, result, lowQuality, shownParts?.(skill)));
  }
  const categories = lexicon.role.categories.map((category) => {
    const inCategory = skills.filter((s) => s.category === category.id);
    const covered = inCategory.reduce((sum, s) => sum + (s.present ? s.strength : 0) * (s.weight / category.weight), 0);
    return { id: category.id, label: category.label, weight: category.weight, coverage: round(covered) };
  });
  const coverage = round(skills.reduce((sum, s) => sum + (s.present ? s.strength * s.weight : 0), 0));
  gaps.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  return { coverage, gap: round(1 - coverage), categories, skills, gaps };
}
