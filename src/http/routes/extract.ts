import { Router } from 'express';
import type { Extractor } from '../../app/ports';
import { documentReader, type InputLimits } from '../document-input';

/** POST /v1/extract: the extraction stage on its own, for checking what the service reads. */
export function extractRouter(extractor: Extractor, limits: InputLimits): Router {
  const router = Router({ caseSensitive: true });
  const readDocument = documentReader(limits);
  router.post('/v1/extract', async (req, res) => {
    const input = await readDocument(req, res);
    const extraction = await extractor.extract(input.bytes, { filename: input.filename, mimeType: input.mimeType });
    res.json(extraction);
  });
  return router;
}
