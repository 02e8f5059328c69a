import http from 'node:http';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config';
import { createApp } from '../http/app';
import { createLogger, type Logger } from '../adapters/logger';
import { createDeliverer } from '../app/deliver-callback';
import { createJobRunner } from '../app/run-job';
import { appDeps, createServices } from './compose';
import type { Metrics } from '../adapters/metrics';
import { limitHeapGrowth } from './heap';
import { createIdleCollector, fullCollection } from './idle-collector';

/** Starts the service; resolves once it is listening. Used by `npm start` and `skillmatch serve`. */
export async function startServer(config: Config, logger: Logger): Promise<{ server: Server; shutdown(signal: string): Promise<void> }> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const services = createServices(config);
  let ready = false;
  const app = createApp(appDeps(config, services, logger, () => ready));
  const runner = createJobRunner({
    store: services.store,
    analyzer: services.analyzer,
    fetcher: services.fetcher,
    logger,
    concurrency: config.JOB_CONCURRENCY,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    leaseMs: config.JOB_LEASE_MS,
    pollMs: 250,
    callbacks: Boolean(config.CALLBACK_URL),
    retentionMs: config.DOCUMENT_RETENTION_HOURS * 3600 * 1000,
  });
  const deliverer =
    config.CALLBACK_URL && config.CALLBACK_SECRET
      ? createDeliverer({
          store: services.store,
          callbackUrl: config.CALLBACK_URL,
          secret: config.CALLBACK_SECRET,
          schedule: config.CALLBACK_SCHEDULE.split(',').map(Number),
          timeoutMs: config.CALLBACK_TIMEOUT_MS,
          pollMs: 500,
          logger,
        })
      : undefined;
  // Slow clients cannot hold a connection open: headers and whole requests have time limits,
  // checked every second (Node checks every 30 s by default).
  const server = http.createServer(
    { headersTimeout: config.HEADERS_TIMEOUT_MS, requestTimeout: config.REQUEST_TIMEOUT_MS, connectionsCheckingInterval: Math.min(1_000, config.HEADERS_TIMEOUT_MS) },
    app,
  );
  server.keepAliveTimeout = 5_000;
  const collect = config.IDLE_GC_MS > 0 ? fullCollection() : null;
  const idle = collect ? createIdleCollector({ idleMs: config.IDLE_GC_MS, collect }) : undefined;
  if (idle) {
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      const end = idle.begin();
      res.once('finish', end);
      res.once('close', end);
    });
  }
  server.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // The metrics port is bound before "listening" is announced, so that a caller who waits for it
  // finds every port open, and a metrics port already taken stops the start-up instead of
  // leaving a service that is announced and then exits.
  const metricsServer = config.METRICS_PORT !== undefined ? await serveMetrics(services.metrics, config.HOST, config.METRICS_PORT) : undefined;
  const port = boundPort(server, config.PORT);
  if (metricsServer) logger.info({ host: config.HOST, port: boundPort(metricsServer, config.METRICS_PORT ?? 0) }, 'metrics listening');
  logger.info({ host: config.HOST, port }, 'listening');
  void services
    .warmUp()
    .then(async () => {
      await runner.start();
      // Start-up's garbage (compiling the lexicon above all) collected before the first request:
      // V8 then sizes the heap by what stays live. Left to its initial limits, the heap grew by
      // 20-25 MB more under the first load (resident set at one request at a time: 251-253 MB
      // without this collection, 235-236 MB with it).
      collect?.();
      ready = true;
      deliverer?.start();
      logger.info('ready');
    })
    .catch((error: unknown) => logger.error({ err: error }, 'start-up failed: the job runner did not start'));

  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string): Promise<void> => {
    stopping ??= (async () => {
      ready = false;
      logger.info({ signal }, 'shutting down: draining in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response ends; close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
      grace.unref();
      await closed;
      metricsServer?.close();
      idle?.stop();
      clearInterval(sweep);
      clearTimeout(grace);
      // Jobs in hand finish; a job cut short by a crash is taken over after its lease expires.
      await runner.stop();
      await deliverer?.stop();
      await services.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { server, shutdown };
}

/** The port a server is bound to: the one the OS chose when it was asked for port 0. */
function boundPort(server: Server, asked: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : asked;
}

/** GET /metrics on a port of its own (METRICS_PORT), and nothing else. */
async function serveMetrics(metrics: Metrics, host: string, port: number): Promise<Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: '/v1/errors/not-found', title: 'Not found', status: 404, code: 'not-found', detail: 'This port serves GET /metrics only.' }));
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return server;
}

export async function main(): Promise<void> {
  // Before any thread starts: the PDF threads take the flag when they are created.
  limitHeapGrowth();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const { shutdown } = await startServer(config, logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A shutdown that overruns its grace period must not hang the orchestrator waiting on us.
      setTimeout(() => {
        logger.error({ signal }, 'shutdown did not finish in time: exiting');
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS + 10_000).unref();
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`skillmatch failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
