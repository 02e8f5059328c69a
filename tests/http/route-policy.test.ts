import request from 'supertest';
import { parse } from 'yaml';
import { hashApiKey } from '../../src/http/api-keys';
import { openApiYaml } from '../../src/http/openapi';
import { normalisedPath, routePolicy } from '../../src/http/route-policy';
import { createTestService, type TestService } from '../helpers';

/**
 * Every spelling of a keyed route needs the key and counts against the limit: Express matched
 * routes case-insensitively while the key check compared the path as written, so "/V1/analyses"
 * once answered without a key.
 */
const KEY = 'sk_route_policy_key';
const doc = parse(openApiYaml()) as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };

/** Ways to write "/v1/..." that a router or a proxy could read as /v1. */
const spellings = (path: string): string[] => [
  path.replace('/v1/', '/V1/'),
  path.toUpperCase(),
  path.replace('/v1/', '/v1//'),
  path.replace('/v1/', '//v1/'),
  path.replace('/v1/', '/%761/'),
  path.replace('/v1/', '/%2576%31/'),
  path.replace('/v1/', '/v1/./'),
  path.replace('/v1/', '/x/../v1/'),
];

const keyedOperations = Object.entries(doc.paths).flatMap(([template, ops]) =>
  Object.entries(ops)
    .filter(([, op]) => op.security?.length !== 0)
    .map(([method, op]) => ({ method: method as 'get' | 'post' | 'delete', path: template.replace(/\{[^}]+\}/g, 'x'), op })),
);

describe('route policy: one place decides, on the normalised path', () => {
  it.each([
    ['/v1/analyze', '/v1/analyze'],
    ['/V1/Analyze', '/v1/analyze'],
    ['/v1//analyses', '/v1/analyses'],
    ['/%761/analyses', '/v1/analyses'],
    ['/%2576%31/analyses', '/v1/analyses'],
    ['/v1/./analyses/../analyses', '/v1/analyses'],
    ['\\v1\\match', '/v1/match'],
    ['/%zz/v1', '/%zz/v1'],
  ])('%s reads as %s', (raw, expected) => {
    expect(normalisedPath(raw)).toBe(expected);
  });

  it('keys and limits every /v1 spelling but the webhooks; the rest is open', () => {
    expect(routePolicy('/V1/analyses')).toEqual({ needsKey: true, rateLimited: true });
    expect(routePolicy('/v1')).toEqual({ needsKey: true, rateLimited: true });
    expect(routePolicy('/v1/webhooks/standard')).toEqual({ needsKey: false, rateLimited: false });
    expect(routePolicy('/healthz')).toEqual({ needsKey: false, rateLimited: false });
    expect(routePolicy('/v10/analyses')).toEqual({ needsKey: false, rateLimited: false });
    expect(routePolicy('/Metrics/')).toEqual({ needsKey: true, rateLimited: false });
  });

  it('finds keyed operations in the OpenAPI document to walk', () => {
    expect(keyedOperations.length).toBeGreaterThanOrEqual(8);
  });
});

describe('every keyed route in the OpenAPI document, in mixed-case and encoded spellings', () => {
  let keyed: TestService;
  beforeAll(() => {
    keyed = createTestService({ API_KEY_HASHES: hashApiKey(KEY), RATE_LIMIT_IP_PER_MINUTE: '0' });
  });
  afterAll(() => keyed.close());

  it('answers 401 without a key', async () => {
    for (const { method, path } of keyedOperations) {
      for (const url of spellings(path)) {
        const res = await request(keyed.app)[method](url);
        expect({ url: `${method} ${url}`, status: res.status }).toEqual({ url: `${method} ${url}`, status: 401 });
      }
    }
  });

  it('with a key, a case-changed path reaches no handler (routing is case-sensitive)', async () => {
    const res = await request(keyed.app).get('/V1/analyses?format=csv').set('Authorization', `Bearer ${KEY}`);
    expect(res.status).toBe(404);
    expect((await request(keyed.app).get('/v1/lexicon').set('Authorization', `Bearer ${KEY}`)).status).toBe(200);
  });

  it('counts every spelling against the per-address limit (429)', async () => {
    for (const { method, path } of keyedOperations.filter(({ op }) => op.responses['429'] !== undefined)) {
      const limited = createTestService({ RATE_LIMIT_IP_PER_MINUTE: '1' });
      try {
        await request(limited.app).get('/v1/errors');
        for (const url of spellings(path)) {
          const res = await request(limited.app)[method](url);
          expect({ url: `${method} ${url}`, status: res.status }).toEqual({ url: `${method} ${url}`, status: 429 });
        }
      } finally {
        await limited.close();
      }
    }
  });
});
