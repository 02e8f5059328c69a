import { z } from 'zod';
import { csvCell } from '../match/match';
import type { Job } from './store';

/** The part of a finished job's result that the audit export reads (never CV text: the result holds none). */
const resultSchema = z.object({
  applicationId: z.string(),
  candidateId: z.string().optional(),
  jobId: z.string().optional(),
  lexiconVersion: z.string(),
  role: z.object({ version: z.string() }),
  coverage: z.number(),
  warnings: z.array(z.string()).default([]),
  match: z
    .object({
      score: z.number().nullable(),
      requirements: z.array(z.object({ requirement: z.enum(['required', 'preferred']), status: z.string() })),
    })
    .optional(),
});

export const AUDIT_COLUMNS = [
  'analysisId',
  'applicationId',
  'candidateId',
  'jobId',
  'completedAt',
  'lexiconVersion',
  'roleVersion',
  'roleCoverage',
  'matchScore',
  'requiredMet',
  'requiredTotal',
  'preferredMet',
  'preferredTotal',
  'warnings',
] as const;

export type AuditRow = Record<(typeof AUDIT_COLUMNS)[number], string | number | null>;

/** One finished analysis as an audit row: ids from the ATS, versions, scores and counts. */
export function auditRow(job: Job): AuditRow | null {
  const parsed = resultSchema.safeParse(job.result ? JSON.parse(job.result) : null);
  if (!parsed.success) return null;
  const r = parsed.data;
  const count = (kind: 'required' | 'preferred', met: boolean): number | null =>
    r.match ? r.match.requirements.filter((q) => q.requirement === kind && (!met || q.status === 'met')).length : null;
  return {
    analysisId: job.id,
    applicationId: r.applicationId,
    candidateId: r.candidateId ?? null,
    jobId: r.jobId ?? null,
    completedAt: new Date(job.updatedAt).toISOString(),
    lexiconVersion: r.lexiconVersion,
    roleVersion: r.role.version,
    roleCoverage: r.coverage,
    matchScore: r.match?.score ?? null,
    requiredMet: count('required', true),
    requiredTotal: count('required', false),
    preferredMet: count('preferred', true),
    preferredTotal: count('preferred', false),
    warnings: r.warnings.join(';'),
  };
}

export function auditCsvHeader(): string {
  return `${AUDIT_COLUMNS.join(',')}\r\n`;
}

export function auditCsvLine(row: AuditRow): string {
  return `${AUDIT_COLUMNS.map((c) => csvCell(row[c] === null ? '' : String(row[c]))).join(',')}\r\n`;
}
