import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { parse } from 'yaml';
import { buildWeb } from '../scripts/build-web';
import { signStandardWebhook } from '../src/app/webhooks/signature';
import { hashApiKey } from '../src/http/api-keys';
import { openApiYaml } from '../src/http/openapi';
import { createTestService, fixture, type TestService } from './helpers';

/**
 * docs/openapi.yaml is generated from the schemas; it must be current, list exactly the routes of the
 * app, and every status it lists for a route must be one the route really answers, with a body that
 * validates against the document. Every (route, status) pair it lists is exercised here.
 */
interface Doc {
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
  components: Record<string, unknown>;
}
const doc = parse(openApiYaml()) as Doc;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const KEY = 'sk_conformance_key';

/** "post /v1/analyses/{id}" for a request path. */
function operationOf(method: string, url: string): string {
  const pathOnly = url.split('?')[0] as string;
  for (const template of Object.keys(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathOnly) && doc.paths[template]?.[method]) return `${method} ${template}`;
  }
  throw new Error(`no documented operation for ${method.toUpperCase()} ${pathOnly}`);
}

const seen = new Set<string>();

/** Checks one real answer against the document and records its (operation, status). */
function conforms(res: Response, method: string, url: string): void {
  const op = operationOf(method, url);
  const [m, template] = op.split(' ') as [string, string];
  const documented = doc.paths[template]?.[m]?.responses[String(res.status)];
  if (!documented) throw new Error(`${op} answered ${res.status}, which the document does not list (${res.text.slice(0, 200)})`);
  seen.add(`${op} ${res.status}`);
  if (res.status === 204) return;
  const type = String(res.headers['content-type'] ?? '').split(';')[0] as string;
  const content = documented.content?.[type];
  if (!content) throw new Error(`${op} ${res.status}: content type ${type} is not documented`);
  if (type === 'text/csv') {
    const columns = /header line: (\S+)/.exec(String(content.schema.description))?.[1];
    expect(res.text.split('\r\n')[0]).toBe(columns);
    return;
  }
  if (!type.includes('json')) return;
  const validate = ajv.compile({ ...content.schema, components: doc.components });
  if (!validate(res.body)) throw new Error(`${op} ${res.status}: ${ajv.errorsText(validate.errors)}`);
}

async function call(app: Express, method: 'get' | 'post' | 'delete', url: string, build?: (r: request.Test) => request.Test): Promise<Response> {
  const base = request(app)[method](url);
  const res = await (build ? build(base) : base);
  conforms(res, method, url);
  return res;
}

function signed(body: string, id: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signStandardWebhook(SECRET, id, timestamp, body) };
}

const EVENT = JSON.stringify({ type: 'application.created', data: { applicationId: 'a1', candidateId: 'c1', jobId: 'j1', job: { text: 'Requirements: Python and PyTorch.' }, resume: { base64: Buffer.from('Python developer with PyTorch.').toString('base64'), filename: 'cv.txt' } } });

describe('the OpenAPI document', () => {
  let svc: TestService;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-web-'));
    await buildWeb(webDir);
    svc = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET, MAX_WEBHOOK_BYTES: '20000', MAX_BATCH_BYTES: '200000', RATE_LIMIT_IP_PER_MINUTE: '0' }, { webDir });
  }, 60_000);
  afterAll(async () => {
    await svc.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('is the committed docs/openapi.yaml (npm run openapi writes it)', async () => {
    expect(readFileSync(path.join(__dirname, '..', 'docs', 'openapi.yaml'), 'utf8')).toBe(openApiYaml());
  });

  it('is written by a YAML library the service loads only when the document is asked for', () => {
    // What a process holds once the service's code is loaded and its app built, then once the document is written.
    const script = `require('tsx/cjs');
      const yamlLoaded = () => Object.keys(require.cache).some((f) => f.includes(path.join('node_modules', 'yaml', '')));
      const { createServices, appDeps } = require('./src/main/compose.ts');
      const { loadConfig } = require('./src/main/config.ts');
      const { createApp } = require('./src/http/app.ts');
      const { createLogger } = require('./src/adapters/logger.ts');
      const config = loadConfig({ ...process.env, DB_PATH: ':memory:', LOG_LEVEL: 'silent' });
      const services = createServices(config);
      createApp(appDeps(config, services, createLogger('silent'), () => true));
      const before = yamlLoaded();
      const written = require('./src/http/openapi.ts').openApiYaml().startsWith('# Generated');
      process.stdout.write(JSON.stringify({ before, written, after: yamlLoaded() }));
      services.close().then(() => process.exit(0));`;
    const r = spawnSync(process.execPath, ['-e', `const path = require('node:path'); ${script}`], { cwd: path.join(__dirname, '..'), encoding: 'utf8', timeout: 100_000 });
    expect(JSON.parse(r.stdout)).toEqual({ before: false, written: true, after: true });
  });

  it('lists exactly the routes of the app, and is served at /openapi.yaml', async () => {
    interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } }
    const routes = new Set<string>();
    const walk = (stack: Layer[]): void => {
      for (const layer of stack) {
        // Routes taking every method are the 405 answers, not API operations.
        if (layer.route && Object.keys(layer.route.methods).length < 5) {
          for (const method of Object.keys(layer.route.methods)) if (method !== '_all') routes.add(`${method} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
        if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk((svc.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect([...routes].sort()).toEqual([...documented].sort());
    const res = await call(svc.app, 'get', '/openapi.yaml');
    expect(res.text).toBe(openApiYaml());
  });

  it('describes the answers of the open routes and the documents routes', async () => {
    const app = svc.app;
    await call(app, 'get', '/healthz');
    await call(app, 'get', '/readyz');
    await call(app, 'get', '/');
    const notReady = createTestService({}, { isReady: () => false, webDir: undefined });
    try {
      await call(notReady.app, 'get', '/readyz');
      await call(notReady.app, 'get', '/');
    } finally {
      await notReady.close();
    }

    await call(app, 'post', '/v1/extract', (r) => r.attach('file', fixture('plain-cv.txt'), 'cv.txt'));
    await call(app, 'post', '/v1/extract', (r) => r.set('content-type', 'application/json').send('{"text":'));
    await call(app, 'post', '/v1/extract', (r) => r.set('content-type', 'text/plain').send('Python'));
    await call(app, 'post', '/v1/extract', (r) => r.attach('file', fixture('blank-scan.pdf'), 'scan.pdf'));

    await call(app, 'post', '/v1/analyze?include=text&redact=true', (r) => r.attach('file', fixture('plain-cv.txt'), 'cv.txt'));
    await call(app, 'post', '/v1/analyze', (r) => r.send({ text: 'x', kind: 'banana' }));
    await call(app, 'post', '/v1/analyze', (r) => r.set('content-type', 'text/plain').send('Python'));
    await call(app, 'post', '/v1/analyze', (r) => r.attach('file', fixture('encrypted.pdf'), 'cv.pdf'));
    await call(app, 'post', '/v1/analyze', (r) => r.set('Idempotency-Key', 'k1').send({ text: 'Python and PyTorch.' }));
    await call(app, 'post', '/v1/analyze', (r) => r.set('Idempotency-Key', 'k1').send({ text: 'Another request.' }));

    const job = { text: 'We require Python and PyTorch; Kubernetes is a plus.' };
    await call(app, 'post', '/v1/match', (r) => r.send({ job, cvs: [{ text: 'Python and PyTorch for five years.' }] }));
    await call(app, 'post', '/v1/match', (r) => r.set('Accept', 'text/csv').send({ job, cvs: [{ text: 'Python.' }] }));
    await call(app, 'post', '/v1/match', (r) => r.send({ job, cvs: [] }));
    await call(app, 'post', '/v1/match', (r) => r.set('content-type', 'text/plain').send('Python'));
    await call(app, 'post', '/v1/match', (r) => r.attach('job', fixture('blank-scan.pdf'), 'job.pdf').field('cvText', 'Python.'));
    await call(app, 'post', '/v1/match', (r) => r.attach('job', Buffer.alloc(300_000, 'a'), 'job.txt').field('cvText', 'Python.'));
    await call(app, 'post', '/v1/match', (r) => r.set('Idempotency-Key', 'k2').send({ job, cvs: [{ text: 'Python.' }] }));
    await call(app, 'post', '/v1/match', (r) => r.set('Idempotency-Key', 'k2').send({ job, cvs: [{ text: 'Rust.' }] }));
    const small = createTestService({ MAX_FILE_BYTES: '1000' });
    try {
      await call(small.app, 'post', '/v1/extract', (r) => r.attach('file', Buffer.alloc(5000, 'a'), 'cv.txt'));
      await call(small.app, 'post', '/v1/analyze', (r) => r.attach('file', Buffer.alloc(5000, 'a'), 'cv.txt'));
    } finally {
      await small.close();
    }

    await call(app, 'get', '/v1/roles/ml-engineer');
    await call(app, 'get', '/v1/roles/banana');
    await call(app, 'get', '/v1/lexicon?skill=python');
    await call(app, 'get', '/v1/lexicon?skill=banana');
    await call(app, 'get', '/v1/errors');
    await call(app, 'get', '/v1/errors/no-text-layer');
    await call(app, 'get', '/v1/errors/banana');
  });

  it('describes the answers of the webhook, audit and delivery routes', async () => {
    const app = svc.app;
    const accepted = await call(app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(EVENT, 'msg_1')).send(EVENT));
    await call(app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(EVENT, 'msg_1')).send(EVENT));
    const ping = JSON.stringify({ type: 'ping' });
    await call(app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(ping, 'msg_2')).send(ping));
    const wrong = JSON.stringify({ type: 'application.created', data: {} });
    await call(app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(wrong, 'msg_3')).send(wrong));
    await call(app, 'post', '/v1/webhooks/standard', (r) => r.set({ ...signed(EVENT, 'msg_4'), 'webhook-signature': 'v1,AAAA' }).send(EVENT));
    await call(app, 'post', '/v1/webhooks/greenhouse', (r) => r.set('content-type', 'application/json').send(EVENT));
    const big = JSON.stringify({ type: 'application.created', pad: 'x'.repeat(30_000) });
    await call(app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(big, 'msg_5')).send(big));

    const broken = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET });
    try {
      broken.services.store.accept = async () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      };
      await call(broken.app, 'post', '/v1/webhooks/standard', (r) => r.set(signed(EVENT, 'msg_6')).send(EVENT));
    } finally {
      await broken.close();
    }

    const store = svc.services.store;
    const id = (accepted.body as { jobId: string }).jobId;
    const claimed = await store.claim(Date.now(), 60_000);
    expect(claimed?.id).toBe(id);
    await store.fail(id, 'unreadable-document: test', Date.now(), false, { deliveryId: 'msg_cb', eventType: 'analysis.failed', payload: JSON.stringify({ analysisId: id, error: 'unreadable-document: test' }) });
    const delivery = await store.claimDelivery(Date.now(), 60_000);
    await store.settleDelivery(delivery?.id ?? '', { status: 'failed', error: 'HTTP 500' }, Date.now());

    await call(app, 'get', `/v1/analyses/${id}`);
    await call(app, 'get', '/v1/analyses/nope');
    await call(app, 'get', '/v1/analyses');
    await call(app, 'get', '/v1/analyses?format=csv');
    await call(app, 'get', '/v1/analyses?limit=0');
    await call(app, 'get', '/v1/deliveries?status=failed');
    await call(app, 'get', '/v1/deliveries?status=banana');
    await call(app, 'post', `/v1/deliveries/${delivery?.id ?? ''}/retry`);
    await call(app, 'post', '/v1/deliveries/nope/retry');
    await call(app, 'delete', `/v1/analyses/${id}`);
    await call(app, 'delete', `/v1/analyses/${id}-nope`);
  });

  it('describes the key check and the rate limit on every keyed route', async () => {
    const keyed = createTestService({ API_KEY_HASHES: hashApiKey(KEY), WEBHOOK_SECRET_STANDARD: SECRET, RATE_LIMIT_IP_PER_MINUTE: '0' });
    const limited = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET, RATE_LIMIT_IP_PER_MINUTE: '1' });
    try {
      await call(limited.app, 'get', '/v1/errors');
      for (const [template, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (op.security?.length === 0) continue;
          const url = template.replace(/\{[^}]+\}/g, 'x');
          await call(keyed.app, method as 'get' | 'post' | 'delete', url);
          await call(limited.app, method as 'get' | 'post' | 'delete', url);
        }
      }
    } finally {
      await keyed.close();
      await limited.close();
    }
  });

  it('documents the callbacks the service sends (webhooks section), with examples that fit their schemas', async () => {
    const hooks = (parse(openApiYaml()) as { webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: Record<string, unknown>; example: unknown }> } } }> }).webhooks;
    expect(Object.keys(hooks).sort()).toEqual(['analysis.completed', 'analysis.failed']);
    for (const hook of Object.values(hooks)) {
      const body = hook.post.requestBody.content['application/json'];
      const validate = ajv.compile({ ...body?.schema, components: doc.components });
      if (!validate(body?.example)) throw new Error(ajv.errorsText(validate.errors));
      expect(body?.example).toMatchObject({ analysisId: expect.any(String), deliveryId: expect.any(String) });
    }
  });

  // Last: every (route, status) pair the document lists was answered by the service above.
  it('lists no status that no test saw', async () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).flatMap(([m, op]) => Object.keys(op.responses).map((s) => `${m} ${p} ${s}`)));
    expect(documented.filter((d) => !seen.has(d)).sort()).toEqual([]);
  });
});
