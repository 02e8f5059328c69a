import type { Analysis, Evidence, SkillResult } from '../analyze/schema';
import type { JobRequirement, Match, MatchResult, RequirementMatch, RequirementStatus } from './schema';

/** Required skills weigh twice as much as preferred ones, on top of the role model's weights. */
export const REQUIRED_FACTOR = 2;
export const PREFERRED_FACTOR = 1;
/** Share of the score given to the CV's coverage of the whole role (the rest: the job's requirements). */
export const ROLE_SHARE = 0.1;
const CREDIT: Readonly<Record<RequirementStatus, number>> = { met: 1, partial: 0.5, missing: 0, negated: 0 };

const round = (x: number): number => Math.round(x * 1000) / 1000;

export interface AnalyzedDocument {
  filename: string;
  analysis: Analysis;
}

export interface FailedDocument {
  filename: string;
  error: { code: string; status: number; title: string; detail: string };
}

/** The skills a job ad evidences become its requirements, weighted by the role model and by required/preferred. */
export function jobRequirements(job: Analysis): JobRequirement[] {
  return job.skills
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

/** One CV against the job's requirements: status, credit and the evidence chain of each. */
export function matchCv(requirements: JobRequirement[], cv: Analysis): Omit<MatchResult, 'filename' | 'rank'> {
  const skills = new Map(cv.skills.map((s) => [s.id, s]));
  const lowQuality = cv.quality.status === 'low';
  const matched: RequirementMatch[] = requirements.map((req) => {
    const cvSkill = skills.get(req.skill);
    const { status, reason } = judge(req, cvSkill, lowQuality);
    return {
      skill: req.skill,
      label: req.label,
      requirement: req.requirement,
      ...(req.years !== undefined ? { yearsRequired: req.years } : {}),
      status,
      reason,
      cvStrength: cvSkill?.strength ?? 0,
      ...(cvSkill?.years !== null && cvSkill?.years !== undefined ? { cvYears: cvSkill.years } : {}),
      credit: round(req.weight * CREDIT[status]),
      weight: req.weight,
      jobEvidence: req.evidence,
      cvEvidence: cvSkill?.evidence ?? [],
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
      .map((r) => ({ skill: r.skill, label: r.label, requirement: r.requirement, status: r.status, advice: advice.get(r.skill) ?? `Show concrete work that uses ${r.label}.` })),
    extras: cv.skills.filter((s) => s.present && !required.has(s.id)).map((s) => ({ skill: s.id, label: s.label, strength: s.strength })),
    roleCoverage: cv.coverage,
    warnings: [...cv.quality.warnings, ...cv.warnings].map((w) => ({ code: w.code, message: w.message })),
  };
}

/** Best first; equal scores in filename order; CVs that could not be read last, with their error. */
export function matchDocuments(job: AnalyzedDocument, cvs: Array<AnalyzedDocument | FailedDocument>): Match {
  const requirements = jobRequirements(job.analysis);
  const scored = cvs
    .filter((c): c is AnalyzedDocument => 'analysis' in c)
    .map((c) => ({ filename: c.filename, ...matchCv(requirements, c.analysis) }))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.filename.localeCompare(b.filename));
  const failed: MatchResult[] = cvs
    .filter((c): c is FailedDocument => 'error' in c)
    .sort((a, b) => a.filename.localeCompare(b.filename))
    .map((c) => ({ filename: c.filename, rank: null, score: null, requirements: [], gaps: [], extras: [], roleCoverage: null, warnings: [], error: c.error }));
  return {
    lexiconVersion: job.analysis.lexiconVersion,
    role: { id: job.analysis.role.id, version: job.analysis.role.version },
    job: { filename: job.filename, coverage: job.analysis.coverage, requirements },
    results: [...scored.map((r, i) => ({ ...r, rank: i + 1 })), ...failed],
  };
}

const CSV_COLUMNS = ['rank', 'filename', 'score', 'met', 'missing', 'error'] as const;

/** A quoted CSV cell, with spreadsheet formulas (=, +, -, @ at the start) defused. */
export function csvCell(value: string): string {
  // Quote always; double inner quotes; defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The ranking as CSV: one row per CV; met and missing list skill ids separated by semicolons. */
export function matchToCsv(match: Match): string {
  const rows = match.results.map((r) =>
    [
      r.rank === null ? '' : String(r.rank),
      r.filename,
      r.score === null ? '' : r.score.toFixed(3),
      r.requirements.filter((q) => q.status === 'met').map((q) => q.skill).join(';'),
      r.requirements.filter((q) => q.status !== 'met').map((q) => q.skill).join(';'),
      r.error ? `${r.error.code}: ${r.error.detail}` : '',
    ].map(csvCell).join(','),
  );
  return `${CSV_COLUMNS.join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
