import { csvCell } from '../core/5-match/match';
import { callbackResultSchema } from './callback-result';
import type { JobStore, QueuedJob } from './ports/job-store';

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

const EMPTY_ROW = Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, null])) as AuditRow;

/**
 * One finished analysis as an audit row: ids from the ATS, versions, scores and counts. The result is
 * read with the schema the job runner writes it with; a job with no result (erased) has no row.
 */
export function auditRow(job: QueuedJob): AuditRow | null {
  if (!job.result) return null;
  const parsed = callbackResultSchema.safeParse(JSON.parse(job.result));
  const completedAt = new Date(job.updatedAt).toISOString();
  // A result its own schema refuses (written by another version) still gets its row, flagged, not dropped.
  if (!parsed.success) return { ...EMPTY_ROW, analysisId: job.id, completedAt, warnings: 'unreadable-result' };
  const r = parsed.data;
  const count = (kind: 'required' | 'preferred', met: boolean): number | null =>
    r.match ? r.match.requirements.filter((q) => q.requirement === kind && (!met || q.status === 'met')).length : null;
  return {
    analysisId: job.id,
    applicationId: r.applicationId,
    candidateId: r.candidateId,
    jobId: r.jobId,
    completedAt,
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

/** One page of the audit export: the finished analyses after `after` (by id order), and the next page's start. */
export async function exportAudit(store: Pick<JobStore, 'listDone'>, page: { after?: string | undefined; limit: number }): Promise<{ rows: AuditRow[]; next?: string }> {
  const jobs = await store.listDone({ ...(page.after ? { after: page.after } : {}), limit: page.limit });
  const rows = jobs.map(auditRow).filter((r): r is AuditRow => r !== null);
  const last = jobs[jobs.length - 1];
  return jobs.length === page.limit && last ? { rows, next: last.id } : { rows };
}
