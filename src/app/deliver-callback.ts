import type { Logger } from './ports';
import type { Delivery, JobStore } from './ports/job-store';
import { signStandardWebhook } from './webhooks/signature';

export interface DelivererOptions {
  store: JobStore;
  callbackUrl: string;
  secret: string;
  /** Seconds to wait before each retry; after the last one the delivery is dead-lettered. */
  schedule: number[];
  timeoutMs: number;
  pollMs: number;
  logger: Logger;
  now?: () => number;
  random?: () => number;
}

export interface Deliverer {
  start(): void;
  stop(): Promise<void>;
  /** Attempts at most one due delivery; false when none was due. */
  runOnce(): Promise<boolean>;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A network error's name, message and cause code ("TypeError: fetch failed (ECONNREFUSED)"), by shape: it may come from another realm. */
function describeError(e: unknown): string {
  if (!e || typeof e !== 'object') return 'network error';
  const { name, message, cause } = e as { name?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : 'network error'}${code}`;
}

/**
 * The body of a callback (completedCallbackSchema, failedCallbackSchema): the same on every attempt;
 * only the signature's timestamp changes. The
 * stored payload is the JSON the job runner wrote, so it goes in as it is, not parsed and written again.
 */
export function callbackBody(delivery: Delivery): string {
  return `{"type":${JSON.stringify(delivery.eventType)},"timestamp":${JSON.stringify(new Date(delivery.createdAt).toISOString())},"analysisId":${JSON.stringify(delivery.jobId)},"deliveryId":${JSON.stringify(delivery.id)},"data":${delivery.payload}}`;
}

export function createDeliverer(options: DelivererOptions): Deliverer {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<boolean> | undefined;

  function backoff(attempts: number): number | undefined {
    const seconds = options.schedule[attempts - 1];
    // ±20% jitter, so that retries from many deliveries do not arrive together.
    return seconds === undefined ? undefined : seconds * 1000 * (0.8 + 0.4 * random());
  }

  async function attempt(): Promise<boolean> {
    if (!(await options.store.callbackEnabled())) return false;
    const delivery = await options.store.claimDelivery(now(), options.timeoutMs * 2 + 1000);
    if (!delivery) return false;
    const body = callbackBody(delivery);
    const timestamp = Math.floor(now() / 1000);
    let status = 0;
    let retryAfter: number | undefined;
    let error = '';
    try {
      const res = await fetch(options.callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signStandardWebhook(options.secret, delivery.id, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
      await res.arrayBuffer().catch(() => undefined);
      error = `HTTP ${status}`;
    } catch (e) {
      error = describeError(e);
    }
    if (status >= 200 && status < 300) {
      await options.store.settleDelivery(delivery.id, { status: 'delivered' }, now());
      options.logger.info({ deliveryId: delivery.id, attempts: delivery.attempts }, 'callback delivered');
      return true;
    }
    if (status === 410) {
      // The receiver says the endpoint is gone: stop sending until an operator re-enables it.
      await options.store.setCallbackEnabled(false);
      await options.store.settleDelivery(delivery.id, { status: 'failed', error: 'HTTP 410: the callback endpoint is gone; callbacks are disabled' }, now());
      options.logger.warn({ deliveryId: delivery.id }, 'callback endpoint gone (410): callbacks disabled');
      return true;
    }
    const wait = (status === 429 || status === 503) && retryAfter !== undefined ? retryAfter : backoff(delivery.attempts);
    if (wait === undefined || delivery.attempts > options.schedule.length) {
      await options.store.settleDelivery(delivery.id, { status: 'failed', error: `${error}; dead-lettered after ${delivery.attempts} attempt(s)` }, now());
      options.logger.warn({ deliveryId: delivery.id, attempts: delivery.attempts }, 'callback dead-lettered');
    } else {
      await options.store.settleDelivery(delivery.id, { status: 'pending', nextAttemptAt: now() + wait, error }, now());
    }
    return true;
  }

  const tick = (): void => {
    if (!running) return;
    current = attempt().catch((e: unknown) => {
      options.logger.error({ err: e }, 'deliverer error');
      return false;
    });
    void current.then((found) => {
      if (running) timer = setTimeout(tick, found ? 0 : options.pollMs);
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
    },
    runOnce: attempt,
  };
}
