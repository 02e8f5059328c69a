/**
 * The durable state behind the webhook integration and the API: a port of the use cases. Every
 * call is asynchronous, so that a networked backend (PostgreSQL, for several replicas) implements
 * it as well as the embedded one: src/adapters/sqlite-store.ts and src/adapters/postgres-store.ts.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'erased';

export interface AcceptedEvent {
  /** Unique per delivery: the source's delivery id (or a key derived from the payload). */
  deliveryKey: string;
  source: string;
  type: string;
  /** The event's data, kept only until the job is done. */
  payload: string;
  receivedAt: number;
}

/** A queued job: one webhook event's analysis, from acceptance to its stored result. */
export interface QueuedJob {
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

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A signed callback to the ATS: the same id on every attempt, so the receiver can deduplicate. */
export interface Delivery {
  id: string;
  jobId: string;
  eventType: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * An Idempotency-Key and the fingerprint (SHA-256) of the request that first used it. No response
 * is kept: it would hold CV text or evidence sentences, so a replay recomputes the answer from the
 * same bytes (the fingerprint proves they are the same).
 */
export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  createdAt: number;
}

export interface QueueStats {
  queued: number;
  running: number;
  /** Milliseconds the oldest queued job has waited (0 when none waits). */
  oldestQueuedAgeMs: number;
  deliveries: Record<DeliveryStatus, number>;
}

export interface JobStore {
  /** Stores the event and its job in one transaction; a delivery seen before is not queued again. */
  accept(event: AcceptedEvent, jobId: string): Promise<{ duplicate: boolean; jobId: string }>;
  /**
   * Leases the oldest runnable job: queued, or running with an expired lease (its process died)
   * and fewer than `maxAttempts` attempts so far (default: no bound).
   */
  claim(now: number, leaseMs: number, maxAttempts?: number): Promise<QueuedJob | null>;
  /**
   * At start: jobs leased by a process that is gone (it crashed, or this is its restart) are queued
   * again at once, without waiting for their leases to expire. Returns how many.
   */
  releaseOrphanedLeases(): Promise<number>;
  /** Running jobs whose lease expired after their last allowed attempt: the runner fails them. */
  exhausted(now: number, maxAttempts: number): Promise<QueuedJob[]>;
  /**
   * Makes deletions physical: the zeroed pages go into the database file and the write-ahead log
   * is emptied (erase and purgeDocuments do it themselves; the runner calls it when the queue
   * runs dry, for the documents that finished jobs dropped).
   */
  scrub(): Promise<void>;
  /** Extends the lease of a job still in hand, so no other runner takes it while it works. */
  renewLease(id: string, leaseUntil: number): Promise<void>;
  /**
   * Records the result of a leased job, with its callback (when given) in the same transaction;
   * a job already done keeps its first result.
   */
  complete(id: string, result: string, now: number, callback?: { deliveryId: string; eventType: string; payload: string }, keepDocument?: boolean): Promise<boolean>;
  /** Deletes the documents of finished jobs last changed before `before` (retention). */
  purgeDocuments(before: number): Promise<number>;
  /** Puts a failed attempt back in the queue, or fails the job for good (with its callback, when given). */
  fail(id: string, error: string, now: number, retry: boolean, callback?: { deliveryId: string; eventType: string; payload: string }): Promise<void>;
  /** Leases the oldest pending delivery that is due. */
  claimDelivery(now: number, leaseMs: number): Promise<Delivery | null>;
  /** After an attempt: delivered, or pending again from `nextAttemptAt`, or failed for good (dead letter). */
  settleDelivery(id: string, outcome: { status: DeliveryStatus; nextAttemptAt?: number; error?: string }, now: number): Promise<void>;
  listDeliveries(status?: DeliveryStatus, limit?: number): Promise<Delivery[]>;
  /** Sends a failed delivery again from now, with its attempts counted afresh. */
  retryDelivery(id: string, now: number): Promise<boolean>;
  /** The callback endpoint answered 410 Gone: no more deliveries until an operator re-enables it. */
  setCallbackEnabled(enabled: boolean): Promise<void>;
  callbackEnabled(): Promise<boolean>;
  get(id: string): Promise<QueuedJob | null>;
  /** Finished jobs (done), oldest first, from `after` (exclusive, by id order) on: for the audit export. */
  listDone(options: { after?: string; limit: number }): Promise<QueuedJob[]>;
  /**
   * Erases a job's document and result (and its callback's payload), keeping a tombstone: the
   * delivery stays known, so a late redelivery of the same event is a duplicate, not a new job.
   */
  erase(id: string, now: number): Promise<boolean>;
  /** Idempotency keys: the first request's fingerprint under a key; older than `maxAgeMs` are forgotten. */
  getIdempotencyKey(key: string, now: number, maxAgeMs: number): Promise<IdempotencyRecord | null>;
  putIdempotencyKey(record: IdempotencyRecord): Promise<void>;
  /** The queue at a glance, for monitoring: jobs by state, the oldest queued job's age, callbacks by state. */
  queueStats(now: number): Promise<QueueStats>;
  /** Answers when the store can be reached (readiness); rejects with why when it cannot. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
