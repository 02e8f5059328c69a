import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { configSchema, loadConfig } from '../src/main/config';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../src/main/paths';

const KNOWN = new Set(Object.keys(configSchema.shape));

/**
 * The deployment files cannot run here (no container engine): they are held to the service
 * instead. Their probes hit routes that exist, their ports match the settings, and every setting
 * they give is one the service accepts.
 */
const ROOT = path.join(__dirname, '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string>;

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, { deploy?: { replicas?: number }; environment?: Env; expose?: string[]; ports?: string[]; depends_on?: unknown }> };

  it('runs three replicas on PostgreSQL behind a proxy that does not expose the metrics port', () => {
    const app = compose.services.skillmatch;
    expect(app?.deploy?.replicas).toBe(3);
    expect(app?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(app?.ports).toBeUndefined(); // reached through the proxy only
    expect(app?.expose).toEqual(expect.arrayContaining(['3000', app?.environment?.METRICS_PORT]));
    expect(compose.services.postgres).toBeDefined();
    expect(compose.services.proxy?.ports).toEqual(['127.0.0.1:8080:80']);
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toContain('server skillmatch:3000;');
    expect(nginx).not.toContain(String(app?.environment?.METRICS_PORT));
  });

  it('gives only settings the service accepts', () => {
    const env = Object.fromEntries(Object.entries(compose.services.skillmatch?.environment ?? {}).map(([k, v]) => [k, v.replace(/\$\{[^}]*\}/g, 'x'.repeat(12))]));
    expect(Object.keys(env).filter((k) => !KNOWN.has(k))).toEqual([]);
    const blank = Object.fromEntries(Object.entries(env).filter(([k]) => ['API_KEY_HASHES', 'CALLBACK_URL'].includes(k)).map(([k]) => [k, undefined]));
    expect(() => loadConfig({ ...env, ...blank, CALLBACK_SECRET: undefined, WEBHOOK_SECRET_STANDARD: 'x'.repeat(12), DATABASE_URL: 'postgres://u:p@postgres:5432/skillmatch' })).not.toThrow();
  });
});

describe('deploy/kubernetes.yaml', () => {
  const docs = parseAllDocuments(read('deploy/kubernetes.yaml')).map((d) => d.toJS() as { kind: string; spec?: Record<string, unknown>; stringData?: Env });
  const kinds = docs.map((d) => d.kind);

  it('has a Deployment, a PodDisruptionBudget, a Service and a Secret for the keys', () => {
    expect(kinds.sort()).toEqual(['Deployment', 'PodDisruptionBudget', 'Secret', 'Service']);
    expect(Object.keys(docs.find((d) => d.kind === 'Secret')?.stringData ?? {})).toEqual(expect.arrayContaining(['DATABASE_URL', 'API_KEY_HASHES', 'WEBHOOK_SECRET_STANDARD', 'CALLBACK_SECRET']));
  });

  it('probes /healthz and /readyz, exposes METRICS_PORT, and drains within its grace period', () => {
    const deployment = docs.find((d) => d.kind === 'Deployment') as unknown as {
      spec: { replicas: number; template: { spec: { terminationGracePeriodSeconds: number; containers: Array<{ ports: Array<{ name: string; containerPort: number }>; env: Array<{ name: string; value: string }>; livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } } }> } } };
    };
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(deployment.spec.replicas).toBe(3);
    expect(container?.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container?.readinessProbe.httpGet.path).toBe('/readyz');
    const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]));
    expect(container?.ports.find((p) => p.name === 'metrics')?.containerPort).toBe(Number(env.METRICS_PORT));
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(env.SHUTDOWN_GRACE_MS));
    expect(() => loadConfig({ ...env, DATABASE_URL: 'postgres://u:p@postgres:5432/skillmatch' })).not.toThrow();
    const secret = docs.find((d) => d.kind === 'Secret')?.stringData ?? {};
    expect([...Object.keys(env), ...Object.keys(secret)].filter((k) => !KNOWN.has(k))).toEqual([]);
    const pdb = docs.find((d) => d.kind === 'PodDisruptionBudget') as unknown as { spec: { minAvailable: number } };
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
  });
});

describe('how the service process is started', () => {
  it('npm start and the Docker image pass the same V8 flags as the benchmarks', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start ?? '';
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(start).toContain(`node ${SERVICE_NODE_FLAGS.join(' ')} dist/src/main/server.js`);
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/src/main/server.js']);
  });

  it('npm start and the Docker image set the same environment as the benchmarks', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start ?? '';
    const dockerEnv = read('Dockerfile')
      .split('\n')
      .filter((line) => line.startsWith('ENV '))
      .flatMap((line) => line.slice(4).trim().split(/\s+/));
    const pairs = Object.entries(SERVICE_ENV).map(([name, value]) => `${name}=${value}`);
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(start).toContain(`${pair} node ${SERVICE_NODE_FLAGS.join(' ')} dist/src/main/server.js`);
      expect(dockerEnv).toContain(pair);
    }
  });
});
