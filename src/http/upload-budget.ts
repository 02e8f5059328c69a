import type { Response } from 'express';

/**
 * How many bytes of uploads are held in memory at once, across all requests. An upload waits for
 * room before its body is read; while it waits the client's sending is held back by TCP, so a
 * burst of large uploads costs this much memory, not one file's size times the number of clients.
 * An upload larger than the whole budget runs alone.
 */
export interface UploadBudget {
  /** Resolves once `bytes` (at most the whole budget) are free; the room is given back when the response ends. */
  reserve(res: Response, bytes: number): Promise<void>;
  /** Bytes reserved now (for tests and metrics). */
  inUse(): number;
}

export function createUploadBudget(maxBytes: number): UploadBudget {
  let used = 0;
  const queue: Array<{ bytes: number; start: () => void }> = [];
  const admit = (): void => {
    while (queue.length > 0) {
      const next = queue[0];
      if (!next || (used > 0 && used + next.bytes > maxBytes)) return;
      queue.shift();
      used += next.bytes;
      next.start();
    }
  };
  return {
    reserve(res, requested) {
      const bytes = Math.max(1, Math.min(requested, maxBytes));
      return new Promise<void>((resolve) => {
        let state: 'waiting' | 'reading' | 'done' = 'waiting';
        const entry = {
          bytes,
          start: () => {
            state = 'reading';
            resolve();
          },
        };
        // The room is given back when the exchange ends, however it ends (answered, aborted).
        res.once('close', () => {
          if (state === 'reading') used -= bytes;
          else if (state === 'waiting') {
            // The client left while waiting: its place goes, and its handler goes on to find the
            // request closed (nothing is left waiting for ever).
            queue.splice(queue.indexOf(entry), 1);
            resolve();
          }
          state = 'done';
          admit();
        });
        queue.push(entry);
        admit();
      });
    },
    inUse: () => used,
  };
}
