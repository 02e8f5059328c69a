import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Who holds a lease: this host, this process id and this instance (a restart gets a new one). */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

/**
 * Whether the process that leased a job is gone, so the job can run again at once instead of
 * after its lease: an owner on this host whose process id is not running, or that is this
 * process's id with another instance (a restart that got the same id, as PID 1 in a container).
 * An owner on another host, or a live process, keeps its lease until it expires.
 */
export function ownerIsGone(leaseOwner: string, self: string): boolean {
  const [host, pidText, instance] = leaseOwner.split(':');
  const [selfHost, selfPid, selfInstance] = self.split(':');
  if (host !== selfHost || !pidText) return false;
  if (pidText === selfPid) return instance !== selfInstance;
  try {
    process.kill(Number(pidText), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

