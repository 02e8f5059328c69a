import type { SectionKind } from '../1-text/schema';
import type { CompiledLexicon, RoleSkill } from '../2-lexicon/compile';
import type { Analysis, DocumentKind, Evidence, Gap, Modality, SkillResult } from './schema';

/** A skill is present when its strongest evidence reaches this. */
export const PRESENT_THRESHOLD = 0.55;

/** How much a mention's modality keeps of the term's strength (CVs; job ads ask, they do not claim, so only a negation or a second-hand mention keeps nothing). */
const MODALITY_FACTOR: Readonly<Record<Modality, number>> = { strong: 1, normal: 1, weak: 0.35, negated: 0, reported: 0 };

/** Sections whose mentions say little about the person or the post. */
const SECTION_FACTOR: Readonly<Record<DocumentKind, Partial<Record<SectionKind, number>>>> = {
  cv: { contact: 0, references: 0.3, interests: 0.5 },
  job: { 'about-company': 0, benefits: 0, application: 0, excluded: 0 },
};

export function evidenceStrength(termStrength: number, modality: Modality, section: SectionKind | null, kind: DocumentKind): number {
  const modalityFactor = kind === 'job' ? (modality === 'negated' || modality === 'reported' ? 0 : 1) : MODALITY_FACTOR[modality];
  const sectionFactor = (section && SECTION_FACTOR[kind][section]) ?? 1;
  return Math.round(termStrength * modalityFactor * sectionFactor * 1000) / 1000;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function skillResult(skill: RoleSkill, evidence: Evidence[], kind: DocumentKind, derivedYears: number | undefined): SkillResult {
  const counted = evidence.filter((e) => e.strength > 0);
  const strength = counted.reduce((best, e) => Math.max(best, e.strength), 0);
  const present = strength >= PRESENT_THRESHOLD;
  const stated = counted.reduce<number | null>((best, e) => (e.years !== undefined && (best === null || e.years > best) ? e.years : best), null);
  const years = stated ?? (present && derivedYears !== undefined ? derivedYears : null);
  const yearsFrom = stated !== null ? 'stated' : years !== null ? 'experience-dates' : null;
  const requirement =
    kind === 'job' && present ? (counted.some((e) => e.strength >= PRESENT_THRESHOLD && e.requirement === 'required') ? 'required' : 'preferred') : null;
  // Strongest evidence first; then in document order.
  const ordered = [...evidence].sort((a, b) => b.strength - a.strength || a.start - b.start);
  return { id: skill.id, label: skill.label, category: skill.categoryId, weight: round(skill.weight), present, strength: round(strength), years, yearsFrom, requirement, evidence: ordered };
}

function gapFor(skill: RoleSkill, result: SkillResult, lowQuality: boolean): Gap {
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
  return { id: skill.id, label: skill.label, category: skill.categoryId, weight: round(skill.weight), reason, detail, advice: skill.evidence ?? `Show concrete work that uses ${skill.label}.` };
}

/** Coverage per category and overall, the skills with their evidence, and the gaps, most important first. */
export function score(
  lexicon: CompiledLexicon,
  evidenceBySkill: ReadonlyMap<string, Evidence[]>,
  kind: DocumentKind,
  lowQuality: boolean,
  derivedYears: ReadonlyMap<string, number> = new Map(),
): Pick<Analysis, 'coverage' | 'gap' | 'categories' | 'skills' | 'gaps'> {
  const skills: SkillResult[] = [];
  const gaps: Gap[] = [];
  for (const skill of lexicon.skills.values()) {
    const result = skillResult(skill, evidenceBySkill.get(skill.id) ?? [], kind, derivedYears.get(skill.id));
    skills.push(result);
    if (!result.present) gaps.push(gapFor(skill, result, lowQuality));
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
