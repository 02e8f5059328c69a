import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import pino from 'pino';
import path from 'node:path';
import type { Express } from 'express';
import { loadConfig, type Config } from '../src/main/config';
import { createApp, type AppDeps } from '../src/http/app';
import { createLogger, type Logger } from '../src/adapters/logger';
import { appDeps, createServices, type Services } from '../src/main/compose';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** The shared evaluation and real-world material beside the checkout; absent on a plain clone. */
export const SHARED = path.resolve(__dirname, '..', '..', 'shared');
export const hasShared = existsSync(path.join(SHARED, 'eval', 'corpus', 'labels.json'));

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', PDF_WORKERS: '1', DATA_DIR: path.join(__dirname, '..', 'data', 'test'), DB_PATH: ':memory:', ...overrides });
}

/** Where every test's service logs go (one file per jest worker): the log scan reads them after the suite. */
export const TEST_LOG_DIR = path.join(__dirname, '..', 'test-output', 'logs');
let testLog: Logger | undefined;

/**
 * The logger for tests: everything (trace level) to this worker's file, so that the scan after
 * the suite (tests/log-scan/teardown.ts) sees every line the services wrote.
 */
export function testLogger(): Logger {
  if (!testLog) {
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    testLog = createLogger('trace', pino.destination({ dest: path.join(TEST_LOG_DIR, `worker-${process.env.JEST_WORKER_ID ?? '0'}.ndjson`), append: true, sync: true }));
  }
  return testLog;
}

export interface TestService {
  app: Express;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/** The real app with real adapters (worker pool included), as server.ts wires it, minus listening. */
export function createTestService(overrides: Record<string, string> = {}, deps: Partial<AppDeps> = {}): TestService {
  const config = testConfig(overrides);
  const services = createServices(config);
  const app = createApp({ ...appDeps(config, services, testLogger(), () => true), ...deps });
  return { app, services, config, close: () => services.close() };
}
