import type { QueueStats } from '../app/ports/job-store';

/** A row of counts by status, as both stores' SQL returns it. */
export interface StatusCount {
  status: string;
  n: number | string;
  oldest?: number | string | null;
}

/** Queue figures from counts by status (the same for both backends). */
export function statsOf(jobs: StatusCount[], deliveries: StatusCount[], now: number): QueueStats {
  const queued = jobs.find((r) => r.status === 'queued');
  const count = (rows: StatusCount[], status: string): number => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return {
    queued: count(jobs, 'queued'),
    running: count(jobs, 'running'),
    oldestQueuedAgeMs: queued?.oldest !== null && queued?.oldest !== undefined ? Math.max(0, now - Number(queued.oldest)) : 0,
    deliveries: { pending: count(deliveries, 'pending'), delivered: count(deliveries, 'delivered'), failed: count(deliveries, 'failed') },
  };
}
