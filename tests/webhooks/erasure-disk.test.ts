import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createDocumentFetcher } from '../../src/adapters/fetch-url';
import { createJobRunner } from '../../src/app/run-job';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createTestService, testLogger } from '../helpers';

/**
 * Erasure and retention remove the bytes, not just the references: after DELETE (or the retention
 * purge) neither the database file nor its write-ahead log holds the document, the result or the
 * ids that were in them.
 */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function fileBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  return Buffer.concat(parts);
}

describe('erasure on disk', () => {
  it('DELETE and the retention purge leave none of the document, its result or its ids in the files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-erase-'));
    const file = path.join(dir, 'skillmatch.db');
    const svc = createTestService({ DB_PATH: file, WEBHOOK_SECRET_STANDARD: SECRET });
    const runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: createDocumentFetcher(svc.services.fetchPolicy), logger: testLogger(), concurrency: 1, maxAttempts: 2, leaseMs: 60_000, pollMs: 10, callbacks: true, retentionMs: 60_000 });
    const send = async (id: string, applicationId: string, candidateId: string, text: string): Promise<string> => {
      const body = JSON.stringify({ type: 'application.created', data: { applicationId, candidateId, jobId: 'job-77', resume: { base64: Buffer.from(text).toString('base64'), filename: 'cv.txt' } } });
      const ts = Math.floor(Date.now() / 1000);
      const res = await request(svc.app).post('/v1/webhooks/standard').set('content-type', 'application/json').set('webhook-id', id).set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, id, ts, body)).send(body);
      expect(res.status).toBe(202);
      return res.body.jobId as string;
    };
    try {
      const erased = await send('msg_disk_1', 'APPLICATION-QUOKKA-31', 'CANDIDATE-WOMBAT-47', 'Experience\nBuilt Zanzibarian sonar classifiers in PyTorch and Python.');
      const retained = await send('msg_disk_2', 'APPLICATION-NUMBAT-58', 'CANDIDATE-DINGO-69', 'Experience\nTuned Tasmanian tide forecasts in Python.');
      while (await runner.runOnce()) {
        /* run both jobs */
      }
      // Before: the files hold them (so the check below can fail).
      expect(fileBytes(file).includes('APPLICATION-QUOKKA-31')).toBe(true);
      expect((await request(svc.app).delete(`/v1/analyses/${erased}`)).status).toBe(204);
      expect(await svc.services.store.purgeDocuments(Date.now() + 1)).toBe(1);
      const bytes = fileBytes(file);
      for (const secret of ['APPLICATION-QUOKKA-31', 'CANDIDATE-WOMBAT-47', 'Zanzibarian', 'sonar classifiers', Buffer.from('Built Zanzibarian').toString('base64').slice(0, 16), 'Tasmanian tide']) {
        expect({ secret, found: bytes.includes(secret) }).toEqual({ secret, found: false });
      }
      expect((await svc.services.store.get(retained))?.status).toBe('done');
    } finally {
      await svc.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
