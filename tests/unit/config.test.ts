import { ConfigError, loadConfig } from '../../src/main/config';

describe('loadConfig', () => {
  it('has defaults that work', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', MAX_FILE_BYTES: 10 * 1024 * 1024, PDF_MAX_PAGES: 30, PDF_TIMEOUT_MS: 10_000 });
  });

  it('parses numbers from the environment and ignores empty values', () => {
    expect(loadConfig({ PORT: '8080', HOST: '', PDF_MAX_PAGES: '5' })).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', PDF_MAX_PAGES: 5 });
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
