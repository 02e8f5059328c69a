/**
 * The durable queue behind the webhook integration. Small on purpose, so that another backend
 * (PostgreSQL for several replicas) can implement it; src/adapters/sqlite-store.ts is the first.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AcceptedEvent {
  /** Unique per delivery: the source's delivery id (or a key derived from the payload). */
  deliveryKey: string;
  source: string;
  type: string;
  /** The event's data, kept only until the job is done. */
  payload: string;
  receivedAt: number;
}

export interface Job {
  id: string;
  deliveryKey: string;
  source: string;
  status: JobStatus;
  attempts: number;
  payload: string | null;
  /** The stored result (JSON); set once, when the job is done, and never changed after. */
  result: string | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface JobStore {
  /** Stores the event and its job in one transaction; a delivery seen before is not queued again. */
  accept(event: AcceptedEvent, jobId: string): { duplicate: boolean; jobId: string };
  /** Leases the oldest runnable job: queued, or running with an expired lease (its process died). */
  claim(now: number, leaseMs: number): Job | null;
  /** Records the result of a leased job; a job already done keeps its first result. */
  complete(id: string, result: string, now: number): boolean;
  /** Puts a failed attempt back in the queue, or fails the job for good after the last attempt. */
  fail(id: string, error: string, now: number, retry: boolean): void;
  get(id: string): Job | null;
  close(): void;
}
