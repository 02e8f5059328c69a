import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCatalogue, errorCodes } from '../src/core/0-base/errors';

/** docs/errors.md is the public catalogue: it must list exactly the codes the service can send. */
describe('docs/errors.md', () => {
  const doc = readFileSync(path.join(__dirname, '..', 'docs', 'errors.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (\d{3}) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({
    code: m[1] ?? '',
    status: Number(m[2]),
    title: (m[3] ?? '').trim(),
    fix: (m[4] ?? '').trim(),
  }));

  it('lists every code once, and no code the service does not have', () => {
    expect(rows.map((r) => r.code).sort()).toEqual([...errorCodes].sort());
  });

  it('gives each code the status, title and fix of the catalogue', () => {
    for (const row of rows) {
      const code = row.code as keyof typeof errorCatalogue;
      const { status, title, fix } = errorCatalogue[code];
      expect({ code, status: row.status, title: row.title, fix: row.fix }).toEqual({ code, status, title, fix });
    }
  });
});
