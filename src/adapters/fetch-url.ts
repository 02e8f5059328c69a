import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { FetchError, type DocumentFetcher } from '../app/ports';
import { classifyAddress } from './address-policy';

export { FetchError };

export interface FetchPolicy {
  /** Host names allowed; ".example.com" also allows its subdomains. Empty: nothing is fetched. */
  allowedHosts: string[];
  /** Let loopback addresses (and plain HTTP to them) through: for tests on one machine only. */
  allowLoopback: boolean;
  /** Let private-network addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) through, for an ATS on the same network. Link-local and metadata addresses stay refused. */
  allowPrivate?: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

/** Loopback addresses in any spelling, allowed only under the test flag. */
export function isLoopback(ip: string): boolean {
  return classifyAddress(ip) === 'loopback';
}

/** Private-network ranges, which an operator may explicitly allow (never link-local or loopback). */
export function isPrivateNetwork(ip: string): boolean {
  return classifyAddress(ip) === 'private';
}

/** Whether the policy refuses to connect to this address. */
function refused(ip: string, policy: FetchPolicy): boolean {
  if (!isInternalAddress(ip)) return false;
  if (policy.allowLoopback && isLoopback(ip)) return false;
  return !(policy.allowPrivate && isPrivateNetwork(ip));
}

/**
 * Anything but a public address: private, loopback, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, multicast, reserved, unspecified, and any IPv6 form that embeds one of
 * them (address-policy.ts).
 */
export function isInternalAddress(ip: string): boolean {
  return classifyAddress(ip) !== 'public';
}

function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((a) => {
    const entry = a.toLowerCase().trim();
    return entry.startsWith('.') ? h.endsWith(entry) || h === entry.slice(1) : h === entry;
  });
}

/** A DNS lookup that refuses internal addresses at connect time, so a rebinding name cannot slip through. */
function guardedLookup(policy: FetchPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      if (addresses.length === 0 || addresses.some((a) => refused(a.address, policy))) {
        return callback(new FetchError('fetch-refused', `The host ${hostname} resolves to an internal address.`, false));
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

function checkUrl(url: URL, policy: FetchPolicy): void {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackOk = policy.allowLoopback && (isLoopback(literal) || literal === 'localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackOk)) {
    throw new FetchError('fetch-refused', `Only HTTPS URLs are fetched (got ${url.protocol}).`, false);
  }
  if (isIP(literal) && refused(literal, policy)) {
    throw new FetchError('fetch-refused', 'The URL points at an internal address.', false);
  }
  if (!loopbackOk && !hostAllowed(url.hostname, policy.allowedHosts)) {
    throw new FetchError('fetch-refused', `The host ${url.hostname} is not on the allow-list.`, false);
  }
}

function getOnce(url: URL, policy: FetchPolicy): Promise<{ status: number; location?: string; body?: Buffer; contentType?: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, { lookup: guardedLookup(policy) as never, timeout: policy.timeoutMs, headers: { accept: '*/*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        resolve({ status, ...(res.headers.location ? { location: res.headers.location } : {}) });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > policy.maxBytes) {
        req.destroy();
        reject(new FetchError('fetch-too-large', `The document is larger than ${policy.maxBytes} bytes.`, false));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          req.destroy(new FetchError('fetch-too-large', `The document is larger than ${policy.maxBytes} bytes.`, false));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks), ...(res.headers['content-type'] ? { contentType: String(res.headers['content-type']) } : {}) }));
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new FetchError('fetch-failed', `No answer within ${policy.timeoutMs} ms.`, true)), policy.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new FetchError('fetch-failed', `No answer within ${policy.timeoutMs} ms.`, true)));
    req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError('fetch-failed', `The fetch failed: ${e.message}`, true)));
  });
}

/** Fetches a document for a job: allow-listed HTTPS hosts, no internal addresses, same-host redirects only. */
export async function fetchDocument(raw: string, policy: FetchPolicy): Promise<{ bytes: Buffer; contentType?: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('fetch-refused', 'The URL is not valid.', false);
  }
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    checkUrl(url, policy);
    const res = await getOnce(url, policy);
    if (res.status >= 300 && res.status < 400) {
      if (!res.location) throw new FetchError('fetch-failed', `Redirect ${res.status} without a location.`, false);
      const next = new URL(res.location, url);
      if (next.host !== url.host) throw new FetchError('fetch-refused', `Redirects to another host (${next.host}) are not followed.`, false);
      url = next;
      continue;
    }
    if (res.status !== 200 || !res.body) {
      throw new FetchError('fetch-failed', `The server answered ${res.status}.`, res.status >= 500 || res.status === 429);
    }
    return { bytes: res.body, ...(res.contentType ? { contentType: res.contentType } : {}) };
  }
  throw new FetchError('fetch-failed', 'Too many redirects.', false);
}

/** The fetcher port of the webhook jobs, on this policy. */
export function createDocumentFetcher(policy: FetchPolicy): DocumentFetcher {
  return { fetch: (url) => fetchDocument(url, policy) };
}
