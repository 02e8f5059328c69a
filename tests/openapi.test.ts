import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createTestService, type TestService } from './helpers';

/** docs/openapi.yaml must describe every route the service has, and be served at /openapi.yaml. */
describe('docs/openapi.yaml', () => {
  let svc: TestService;
  beforeAll(() => {
    svc = createTestService({ WEBHOOK_SECRET_STANDARD: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
  });
  afterAll(() => svc.close());
  const doc = parse(readFileSync(path.join(__dirname, '..', 'docs', 'openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };

  it('lists exactly the routes of the app', () => {
    interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } }
    const routes = new Set<string>();
    const walk = (stack: Layer[]): void => {
      for (const layer of stack) {
        // Routes taking every method are the 405 answers, not API operations.
        if (layer.route && layer.route.path !== '/openapi.yaml' && Object.keys(layer.route.methods).length < 5) {
          for (const method of Object.keys(layer.route.methods)) if (method !== '_all') routes.add(`${method} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
        if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk((svc.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((k) => k !== 'parameters').map((m) => `${m} ${p}`)));
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('is served by the service', async () => {
    const res = await request(svc.app).get('/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.text).toContain('openapi: 3.1.0');
  });
});
