import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { errorCatalogue, errorCodes, SkillmatchError, type ErrorCode } from '../core/0-base/errors';
import type { Logger } from 'pino';
import type { Analyzer, Extractor, JobStore, Meter, RateCounter } from '../app/ports';
import type { InputLimits } from './document-input';
import { requireApiKey } from './api-keys';
import { cors } from './cors';
import { perApiKey, perIp } from './rate-limit';
import { openApiYaml } from './openapi';
import { problemCodeOf, problemHandler, sendProblem } from './problem';
import { analyzeRouter } from './routes/analyze';
import { extractRouter } from './routes/extract';
import { matchRouter, type MatchLimits } from './routes/match';
import { analysesRouter, deliveriesRouter, webhookRouter, type WebhookSettings } from './routes/webhooks';

export interface AppDeps {
  extractor: Extractor;
  analyzer: Analyzer;
  logger: Logger;
  limits: InputLimits & Pick<MatchLimits, 'maxBatchBytes' | 'maxCvs'>;
  /** False while warming up or shutting down; drives GET /readyz. */
  isReady(): boolean;
  /** SHA-256 hashes of the API keys; when any are given, /v1 routes but the webhooks need a key. */
  apiKeyHashes?: string[];
  /** Requests a minute per client address and per API key (0: no limit); counted in `shared` (every replica's count) when given, else in this process. */
  rateLimits?: { perIpPerMinute: number; perKeyPerMinute: number; shared?: RateCounter };
  /** The origins allowed CORS. */
  corsOrigins?: string[];
  /**
   * Monitoring: each request is measured; `/metrics` is served here (keyed like /v1 when API keys
   * are set) unless `exposeHere` is false (METRICS_PORT serves it on a port of its own).
   */
  metrics?: { meter: Meter; exposeHere: boolean; contentType: string; render(): Promise<string> };
  /** The built web page (dist/web); without it, GET / says how to build it. */
  webDir?: string;
  /** The durable queue and webhook settings; without them the webhook routes are not mounted. */
  jobs?: { store: JobStore; webhooks: WebhookSettings };
}

/**
 * The page's scripts and styles are its own files: no inline code, nothing from elsewhere. Blob URLs
 * are for the CSV download that the page makes itself.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;

function requestId(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds the HTTP app. It never listens: src/main/server.ts does, and tests use supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // A route has one spelling: "/V1/analyses" is not "/v1/analyses" (routePolicy refuses it first).
  app.set('case sensitive routing', true);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = requestId(req as Request);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Method, path, status, duration and sizes only: never bodies, queries or file names.
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, string | undefined> }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
          bytesIn: Number(req.headers['content-length'] ?? 0),
        }),
        res: (res: { statusCode: number; headers?: Record<string, string | undefined> }) => ({
          status: res.statusCode,
          bytesOut: Number(res.headers?.['content-length'] ?? 0),
        }),
      },
      // A problem the service answered on purpose (503 while starting, a full store) is a warning
      // with its code, not an error with a stack trace; only what no handler expected is an error.
      customLogLevel: (_req, res, err) => (err || res.statusCode === 500 ? 'error' : res.statusCode >= 500 ? 'warn' : 'info'),
      customErrorObject: (_req, res, error, fields: Record<string, unknown>) => {
        const code = problemCodeOf(res);
        if (!code || code === 'internal') return { ...fields, err: error };
        const { err: _dropped, ...rest } = fields;
        return { ...rest, code };
      },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  app.use(cors(deps.corsOrigins ?? []));
  // Per address before the key check (so guessing keys is limited too), per key after it.
  const meter = deps.metrics?.meter;
  if (meter) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        // The route's pattern, never the path: ids and file names stay out of the labels.
        const route = req.route ? `${req.baseUrl}${String((req.route as { path: unknown }).path)}` : 'unmatched';
        meter.request(route, req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    });
  }
  app.use(perIp(deps.rateLimits?.perIpPerMinute ?? 0, deps.rateLimits?.shared, undefined, () => meter?.rateLimited('ip')));
  app.use(requireApiKey(deps.apiKeyHashes ?? []));
  app.use(perApiKey(deps.rateLimits?.perKeyPerMinute ?? 0, deps.rateLimits?.shared, undefined, () => meter?.rateLimited('key')));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!deps.isReady()) {
      sendProblem(res, new SkillmatchError('service-unavailable', 'The service is starting or shutting down.'));
      return;
    }
    // Without its database the service still analyses and matches, but webhooks would be refused:
    // a load balancer should send traffic to a replica that has it.
    const store = deps.jobs?.store;
    const reachable = store ? await Promise.race([store.ping().then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(resolve, 2_000, false).unref())]) : true;
    if (reachable) res.json({ status: 'ready' });
    else sendProblem(res, new SkillmatchError('service-unavailable', 'The database cannot be reached.', { retryAfterSeconds: 5 }));
  });
  const metrics = deps.metrics;
  if (metrics?.exposeHere) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
  }
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openApiYaml());
  });
  app.get('/v1/errors', (_req, res) => {
    res.json(errorCodes.map((code) => ({ code, ...errorCatalogue[code] })));
  });
  app.get('/v1/errors/:code', (req, res) => {
    const code = req.params.code as ErrorCode;
    if (!(code in errorCatalogue)) {
      sendProblem(res, new SkillmatchError('not-found', `There is no error code "${String(req.params.code).slice(0, 64)}".`));
      return;
    }
    res.json({ code, ...errorCatalogue[code] });
  });

  const webDir = deps.webDir && existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : undefined;
  app.get('/', (_req, res) => {
    if (webDir) res.sendFile(path.join(webDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    else sendProblem(res, new SkillmatchError('not-found', 'The web page is not built: run "npm run build" (npm start does it), then reload.'));
  });
  if (webDir) app.use(express.static(webDir, { index: false, dotfiles: 'ignore', redirect: false }));

  app.use(extractRouter(deps.extractor, deps.limits));
  app.use(analyzeRouter(deps.analyzer, deps.limits, deps.jobs?.store));
  app.use(matchRouter(deps.analyzer, deps.limits, deps.jobs?.store));
  if (deps.jobs) {
    app.use(webhookRouter(deps.jobs.store, deps.jobs.webhooks));
    app.use(analysesRouter(deps.jobs.store));
    app.use(deliveriesRouter(deps.jobs.store));
  }

  for (const path of ['/v1/extract', '/v1/analyze', '/v1/match']) {
    app.all(path, (_req, res) => {
      res.setHeader('Allow', 'POST');
      sendProblem(res, new SkillmatchError('method-not-allowed', `Use POST on ${path}.`));
    });
  }
  app.use((req, res) => {
    sendProblem(res, new SkillmatchError('not-found', `No route for ${req.method} ${req.path.slice(0, 200)}.`));
  });
  app.use(problemHandler(deps.logger, deps.limits));
  return app;
}
