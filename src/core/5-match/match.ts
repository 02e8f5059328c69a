import { SkillmatchError } from '../0-base/errors';
import type { CompiledLexicon } from '../2-lexicon/compile';
import { SOFT_SKILLS } from '../2-lexicon/categories';
import type { Family } from '../2-lexicon/schema';
import type { Analysis, Evidence, SkillResult } from '../4-analyze/schema';
import type { CvError, JobRequirement, JobTerm, Match, MatchResult, RequirementMatch, RequirementStatus, TermMatch } from './schema';

/** Required skills weigh twice as much as preferred ones, on top of the role model's weights. */
export const REQUIRED_FACTOR = 2;
export const PREFERRED_FACTOR = 1;
/** Share of the score given to the CV's coverage of the whole role (the rest: the job's requirements). */
export const ROLE_SHARE = 0.1;
const CREDIT: Readonly<Record<RequirementStatus, number>> = { met: 1, partial: 0.5, missing: 0, negated: 0 };
/**
 * How much of a term the CV shows: named 1, a relative named 0.5, missing 0. Reported as each
 * requirement's `termCoverage`, not scored (docs/scoring.md says why).
 */
const TERM_CREDIT: Readonly<Record<TermMatch['status'], number>> = { shown: 1, related: 0.5, missing: 0 };

const round = (x: number): number => Math.round(x * 1000) / 1000;

export interface AnalyzedDocument {
  filename: string;
  analysis: Analysis;
  /** Texts to hand back with the result, when the caller asked for them. */
  texts?: Pick<MatchResult, 'text' | 'redactedText'>;
}

export interface FailedDocument {
  filename: string;
  error: CvError;
}

/**
 * What the matcher needs of the lexicon to speak of terms: which terms the ad can name one by one
 * (tools, libraries, languages, platforms and methods), and the family of each
 * (lexicon/families.yaml).
 */
export interface TermCatalogue {
  isNamed(term: string): boolean;
  /** The id that stands for a term and its other spellings and versions ("k8s" → "kubernetes"). */
  canonical(term: string): string;
  familyOf(term: string): { id: string; label: string; members: readonly string[] } | undefined;
}


/**
 * A term is named when it is a tool, library, language, platform or named method, and not a way
 * of working (a soft skill) or an umbrella for a field or a role ("data science", "software
 * engineer", lexicon/families.yaml): a member of a family, a technology entry (Terraform, CUDA,
 * Java), or a phrase built on such a name that shows a skill at least half-way ("CUDA kernels",
 * "ROS nodes in C++"). Other phrases ("language models", "speech recognition") are how a skill
 * is shown, judged by the skill itself.
 */
export function termCatalogue(lexicon: CompiledLexicon): TermCatalogue {
  const candidate = (t: CompiledLexicon['terms'][number]): boolean => {
    if (lexicon.umbrellas.has(t.entry.id)) return false;
    const skills = Object.entries(t.entry.skills);
    const soft = skills.every(([id]) => lexicon.skills.get(id)?.categoryId === SOFT_SKILLS);
    return !soft;
  };
  const tools = lexicon.terms.filter((t) => lexicon.familyOf.has(t.entry.id) || (t.entry.kind === 'technology' && candidate(t)));
  const variantOf = (term: string): string => lexicon.variantOf.get(term) ?? term;
  const toolByWord = new Map<string, string>();
  for (const t of tools) for (const form of [t.entry.label, ...t.entry.aliases]) if (!/\s/.test(form)) toolByWord.set(form.toLowerCase(), variantOf(t.entry.id));
  // A phrase built on a tool stands for that tool ("programming in Python", "CUDA kernels"): a CV
  // that names the tool shows what the ad asked with the phrase.
  const builtOn = new Map<string, string>();
  for (const t of lexicon.terms) {
    if (t.entry.kind !== 'phrase' || lexicon.familyOf.has(t.entry.id) || !candidate(t)) continue;
    const tool = t.entry.label.toLowerCase().split(/\s+/).map((w) => toolByWord.get(w)).find((id) => id !== undefined);
    if (tool !== undefined && Object.values(t.entry.skills).some((strength) => strength >= 0.5)) builtOn.set(t.entry.id, tool);
  }
  const named = new Set([...tools.map((t) => t.entry.id), ...builtOn.keys()]);
  const canonical = (term: string): string => builtOn.get(term) ?? variantOf(term);
  // A family lists one spelling of each tool; any spelling of it belongs to the family.
  const familyOf = new Map<string, Family>();
  for (const family of new Set(lexicon.familyOf.values())) {
    const members = [...new Set(family.members.map(canonical))];
    for (const member of members) familyOf.set(member, { ...family, members });
  }
  return { isNamed: (term) => named.has(term), canonical, familyOf: (term) => familyOf.get(canonical(term)) };
}

/**
 * The technologies the ad names, each under the skill its evidence counts most for (PyTorch under
 * neural networks rather than Python), required if any mention of it is, with the years the ad
 * asks for it. Mentions the ad denies ("we don't use TensorFlow") name nothing.
 */
function adTerms(skills: Array<Pick<SkillResult, 'id' | 'requirement' | 'evidence'>>, asked: ReadonlySet<string>, catalogue: TermCatalogue | undefined): Map<string, JobTerm[]> {
  // A skill the ad asks for comes first, then the strongest evidence: PyTorch goes under neural
  // networks when the ad asks for them, under Python when it asks only for Python.
  const rank = (skill: string, strength: number): number => (asked.has(skill) ? 2 : 0) + strength;
  const best = new Map<string, { strength: number; term: JobTerm }>();
  for (const skill of skills) {
    for (const e of skill.evidence) {
      if (e.strength <= 0 || !catalogue?.isNamed(e.term)) continue;
      const id = catalogue.canonical(e.term);
      const seen = best.get(id);
      const requirement = e.requirement === 'required' || seen?.term.requirement === 'required' ? 'required' : (e.requirement ?? skill.requirement ?? 'required');
      const years = Math.max(e.years ?? 0, seen?.term.years ?? 0);
      const family = catalogue.familyOf(e.term)?.id;
      // The ad's own spelling of the term ("Terraform", not the lexicon's "terraform").
      const term: JobTerm = { term: id, label: seen?.term.label ?? e.text, requirement, skill: skill.id, ...(years > 0 ? { years } : {}), ...(family ? { family } : {}) };
      if (!seen || rank(skill.id, e.strength) > seen.strength) best.set(id, { strength: rank(skill.id, e.strength), term });
      else Object.assign(seen.term, { requirement, ...(years > 0 ? { years } : {}) });
    }
  }
  const bySkill = new Map<string, JobTerm[]>();
  for (const { term } of best.values()) bySkill.set(term.skill, [...(bySkill.get(term.skill) ?? []), term]);
  return bySkill;
}

/** What the ad asks for: its requirements (each with its terms), and the terms it names outside them. */
export interface JobAsks {
  requirements: JobRequirement[];
  otherTerms: JobTerm[];
}

/** The skills a job ad evidences become its requirements, weighted by the role model and by required/preferred. */
export function jobAsks(job: Analysis, catalogue?: TermCatalogue): JobAsks {
  const requirements = job.skills
    .filter((s) => s.present && s.requirement)
    .map((s) => ({
      skill: s.id,
      label: s.label,
      requirement: s.requirement ?? 'required',
      ...(s.years !== null ? { years: s.years } : {}),
      weight: round(s.weight * (s.requirement === 'preferred' ? PREFERRED_FACTOR : REQUIRED_FACTOR)),
      evidence: s.evidence.filter((e) => e.strength > 0),
    }))
    .sort((a, b) => (a.requirement === b.requirement ? b.weight - a.weight : a.requirement === 'required' ? -1 : 1));
  const asked = new Set(requirements.map((r) => r.skill));
  const terms = adTerms(job.skills, asked, catalogue);
  return {
    requirements: requirements.map((r) => ({ ...r, terms: terms.get(r.skill) ?? [] })),
    otherTerms: [...terms.entries()].filter(([skill]) => !asked.has(skill)).flatMap(([, list]) => list),
  };
}

/** The job's requirements alone (jobAsks without the terms outside them). */
export function jobRequirements(job: Analysis, catalogue?: TermCatalogue): JobRequirement[] {
  return jobAsks(job, catalogue).requirements;
}

/** Each of the ad's terms in the CV: named, a relative named, or missing, with the CV's evidence. */
function termMatches(terms: JobTerm[], cv: Analysis, catalogue: TermCatalogue | undefined): TermMatch[] {
  const shownBy = new Map<string, Evidence[]>();
  for (const skill of cv.skills) {
    for (const e of skill.evidence) {
      if (e.strength <= 0) continue;
      const id = catalogue?.canonical(e.term) ?? e.term;
      const list = shownBy.get(id) ?? [];
      if (!list.some((x) => x.start === e.start)) list.push(e);
      shownBy.set(id, list);
    }
  }
  return terms.map((t) => {
    const own = shownBy.get(t.term);
    if (own) return { term: t.term, label: t.label, requirement: t.requirement, status: 'shown' as const, cvEvidence: own.slice(0, 3) };
    const family = catalogue?.familyOf(t.term);
    const relative = family?.members.find((m) => m !== t.term && shownBy.has(m));
    const found = relative ? shownBy.get(relative) : undefined;
    if (family && relative && found?.[0]) {
      return { term: t.term, label: t.label, requirement: t.requirement, status: 'related' as const, related: { term: relative, label: found[0].text, family: family.label }, cvEvidence: found.slice(0, 3) };
    }
    return { term: t.term, label: t.label, requirement: t.requirement, status: 'missing' as const, cvEvidence: [] };
  });
}

/**
 * The share of the ad's terms for a requirement that the CV shows; none when the ad names none.
 * Terms of one family are alternatives ("PyTorch or TensorFlow", "e.g. XGBoost, LightGBM"): the
 * family counts once, covered by any of them shown, half by a relative the ad did not name. Other
 * terms count one each, shown 1, missing 0.
 */
function termCoverage(terms: TermMatch[], familyOf: (term: string) => string | undefined): number | undefined {
  if (terms.length === 0) return undefined;
  const units = new Map<string, number>();
  for (const t of terms) {
    const unit = familyOf(t.term) ?? `term:${t.term}`;
    units.set(unit, Math.max(units.get(unit) ?? 0, TERM_CREDIT[t.status]));
  }
  return [...units.values()].reduce((sum, credit) => sum + credit, 0) / units.size;
}

/** What closes the gap of a term the CV does not name: the term, and the relative it names when there is one. */
function termAdvice(t: TermMatch): string {
  const asks = t.requirement === 'required' ? 'requires' : 'would like';
  if (t.status === 'related' && t.related) return `The ad ${asks} ${t.label}; the CV shows ${t.related.label}, a related tool (${t.related.family}). If you have used ${t.label}, name it.`;
  return `The ad ${asks} ${t.label}; the CV does not name it. If you have used it, name it with what you did.`;
}

function judge(req: JobRequirement, cv: SkillResult | undefined, cvQualityLow: boolean): { status: RequirementStatus; reason: string } {
  if (cv?.present) {
    if (req.years !== undefined && cv.years !== null && cv.years < req.years) {
      return { status: 'partial', reason: `The CV shows ${cv.years} year(s); the job asks for ${req.years}.` };
    }
    const years = req.years !== undefined ? (cv.years !== null ? ` with ${cv.years} year(s)` : '; the CV states no years for it') : '';
    return { status: 'met', reason: `Evidenced in the CV${years}.` };
  }
  const evidence: Evidence[] = cv?.evidence ?? [];
  if (evidence.some((e) => e.modality === 'negated') && !evidence.some((e) => e.strength > 0)) {
    return { status: 'negated', reason: 'The CV says it does not have this skill.' };
  }
  if (evidence.some((e) => e.strength > 0)) return { status: 'partial', reason: 'Only weak evidence in the CV (basic, learning, or a passing mention).' };
  return { status: 'missing', reason: cvQualityLow ? 'Not found, but the CV text could only partly be read.' : 'Not found in the CV.' };
}

/**
 * What would close a gap. A skill the CV shows, with fewer years than the job asks, needs the
 * missing years, not the skill: the advice says how many, and how to show them if the CV
 * understates them. Otherwise the role model's advice for the skill.
 */
function adviceFor(r: RequirementMatch, roleAdvice: string | undefined): string {
  if (r.status === 'partial' && r.yearsRequired !== undefined && r.cvYears !== undefined && r.cvYears < r.yearsRequired) {
    const short = r.yearsRequired - r.cvYears;
    return `The CV shows ${r.cvYears} year(s) of ${r.label}; the job asks for ${r.yearsRequired}, ${short} more. If you have them, state the years, or give the dates of the roles where you used it.`;
  }
  return roleAdvice ?? `Show concrete work that uses ${r.label}.`;
}

/**
 * The share of a requirement's weight a status earns. Weak evidence alone ("learning Rust", a
 * hedged "I know enough to…") earns what it shows, up to the half a partial earns: a passing or
 * hedged mention must not score as much as a shortfall of years in a skill the CV plainly has.
 */
function creditOf(status: RequirementStatus, cv: SkillResult | undefined): number {
  if (status === 'partial' && cv && !cv.present) return Math.min(CREDIT.partial, cv.strength);
  return CREDIT[status];
}

/** One CV against the job's requirements: status, credit and the evidence chain of each. */
export function matchCv(asks: JobRequirement[] | JobAsks, cv: Analysis, catalogue?: TermCatalogue): Omit<MatchResult, 'filename' | 'rank'> {
  const { requirements, otherTerms } = Array.isArray(asks) ? { requirements: asks, otherTerms: [] } : asks;
  const skills = new Map(cv.skills.map((s) => [s.id, s]));
  const lowQuality = cv.quality.status === 'low';
  const matched: RequirementMatch[] = requirements.map((req) => {
    const cvSkill = skills.get(req.skill);
    const { status, reason } = judge(req, cvSkill, lowQuality);
    const terms = termMatches(req.terms, cv, catalogue);
    const coverage = termCoverage(terms, (term) => catalogue?.familyOf(term)?.id);
    return {
      skill: req.skill,
      label: req.label,
      requirement: req.requirement,
      ...(req.years !== undefined ? { yearsRequired: req.years } : {}),
      status,
      reason,
      cvStrength: cvSkill?.strength ?? 0,
      ...(cvSkill?.years !== null && cvSkill?.years !== undefined ? { cvYears: cvSkill.years } : {}),
      credit: round(req.weight * creditOf(status, cvSkill)),
      weight: req.weight,
      jobEvidence: req.evidence,
      cvEvidence: cvSkill?.evidence ?? [],
      terms,
      ...(coverage !== undefined ? { termCoverage: round(coverage) } : {}),
    };
  });
  const total = matched.reduce((sum, r) => sum + r.weight, 0);
  const earned = matched.reduce((sum, r) => sum + r.credit, 0);
  const requirementScore = total > 0 ? earned / total : cv.coverage;
  const advice = new Map(cv.gaps.map((g) => [g.id, g.advice]));
  const required = new Set(requirements.map((r) => r.skill));
  return {
    score: round((1 - ROLE_SHARE) * requirementScore + ROLE_SHARE * cv.coverage),
    requirements: matched,
    gaps: matched
      .filter((r) => r.status !== 'met')
      .map((r) => ({ skill: r.skill, label: r.label, requirement: r.requirement, status: r.status, advice: adviceFor(r, advice.get(r.skill)) })),
    termGaps: matched.flatMap((r) => {
      // An ad that names alternatives ("PyTorch or TensorFlow") is answered by the one the CV shows.
      const shown = new Set(r.terms.filter((t) => t.status === 'shown').map((t) => t.term));
      return r.terms
        .filter((t) => t.status === 'missing' || (t.status === 'related' && !shown.has(t.related?.term ?? '')))
        .map((t) => ({ term: t.term, label: t.label, requirement: t.requirement, status: t.status, advice: termAdvice(t) }));
    }),
    otherTerms: termMatches(otherTerms, cv, catalogue),
    extras: cv.skills.filter((s) => s.present && !required.has(s.id)).map((s) => ({ skill: s.id, label: s.label, strength: s.strength })),
    roleCoverage: cv.coverage,
    categories: cv.categories,
    warnings: [...cv.quality.warnings, ...cv.warnings].map((w) => ({ code: w.code, message: w.message })),
  };
}

/** The entry of a CV that could not be read: no rank, no score, its problem. */
export function failedResult(filename: string, error: FailedDocument['error']): MatchResult {
  return { filename, rank: null, score: null, requirements: [], gaps: [], termGaps: [], otherTerms: [], extras: [], roleCoverage: null, categories: [], warnings: [], error };
}

/** Best first; equal scores in filename order; CVs that could not be read last (in filename order). Ranks are set anew. */
export function rankResults(results: MatchResult[]): MatchResult[] {
  const scored = results.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.filename.localeCompare(b.filename));
  const failed = results.filter((r) => r.score === null).sort((a, b) => a.filename.localeCompare(b.filename));
  return [...scored.map((r, i) => ({ ...r, rank: i + 1 })), ...failed.map((r) => ({ ...r, rank: null }))];
}

/** The catalogue, when given, lets the match speak of the technologies the ad names (TermCatalogue). */
export function matchDocuments(job: AnalyzedDocument, cvs: Array<AnalyzedDocument | FailedDocument>, catalogue?: TermCatalogue): Match {
  const asks = jobAsks(job.analysis, catalogue);
  const results: MatchResult[] = cvs.map((c) =>
    'analysis' in c
      ? { filename: c.filename, rank: null, ...matchCv(asks, c.analysis, catalogue), ...c.texts }
      : failedResult(c.filename, c.error),
  );
  return {
    lexiconVersion: job.analysis.lexiconVersion,
    role: { id: job.analysis.role.id, version: job.analysis.role.version },
    job: {
      filename: job.filename,
      coverage: job.analysis.coverage,
      requirements: asks.requirements,
      otherTerms: asks.otherTerms,
      warnings: job.analysis.warnings.map((w) => ({ code: w.code, message: w.message })),
      ...(job.texts?.text !== undefined ? { text: job.texts.text } : {}),
    },
    results: rankResults(results),
  };
}

/**
 * Matches of the same job ad against different CVs, as one ranking. A CV's score depends only on
 * the job ad and that CV, so a large batch sent in parts ranks exactly as if sent at once.
 */
export function mergeMatches(parts: Match[]): Match {
  const [first] = parts;
  if (!first) throw new SkillmatchError('bad-request', 'There is no match to merge.');
  for (const part of parts) {
    if (part.lexiconVersion !== first.lexiconVersion) throw new SkillmatchError('bad-request', 'The lexicon changed during the batch; run it again.');
  }
  return { ...first, results: rankResults(parts.flatMap((p) => p.results)) };
}

/**
 * The columns of the ranking as CSV: rank, file, match score, role coverage, the ad's skills met,
 * partly met and missing (by label; a skill the CV denies is missing), how many required and
 * preferred skills are met ("2 of 3": a slash would turn into a date in a spreadsheet), the codes
 * the ad's terms the CV does not name (with the relative it names instead: "Kubernetes (related:
 * Docker)"), the codes of the CV's warnings, and the error of a CV that could not be read.
 */
export const MATCH_CSV_COLUMNS = ['rank', 'filename', 'score', 'role_coverage', 'met', 'partial', 'missing', 'required_met', 'preferred_met', 'missing_terms', 'warnings', 'error'] as const;

/** A quoted CSV cell, with spreadsheet formulas (=, +, -, @ at the start) defused. */
export function csvCell(value: string): string {
  // Quote always; double inner quotes; defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The ranking as CSV (MATCH_CSV_COLUMNS): one row per CV, best first; lists are separated by semicolons. */
export function matchToCsv(match: Match): string {
  const labels = (r: MatchResult, statuses: readonly string[]): string => r.requirements.filter((q) => statuses.includes(q.status)).map((q) => q.label).join('; ');
  const metOf = (r: MatchResult, requirement: 'required' | 'preferred'): string => {
    const asked = r.requirements.filter((q) => q.requirement === requirement);
    return r.error || asked.length === 0 ? '' : `${asked.filter((q) => q.status === 'met').length} of ${asked.length}`;
  };
  const rows = match.results.map((r) =>
    [
      r.rank === null ? '' : String(r.rank),
      r.filename,
      r.score === null ? '' : r.score.toFixed(3),
      r.roleCoverage === null ? '' : r.roleCoverage.toFixed(3),
      labels(r, ['met']),
      labels(r, ['partial']),
      labels(r, ['missing', 'negated']),
      metOf(r, 'required'),
      metOf(r, 'preferred'),
      [...r.requirements.flatMap((q) => q.terms), ...r.otherTerms]
        .filter((t) => t.status !== 'shown')
        .map((t) => (t.related ? `${t.label} (related: ${t.related.label})` : t.label))
        .join('; '),
      r.warnings.map((w) => w.code).join('; '),
      r.error ? `${r.error.code}: ${r.error.detail}` : '',
    ].map(csvCell).join(','),
  );
  return `${MATCH_CSV_COLUMNS.join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
