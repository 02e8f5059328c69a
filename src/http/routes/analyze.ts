import { Router } from 'express';
import { z } from 'zod';
import { analysisBody } from '../../app/analyze-document';
import { SkillmatchError } from '../../core/0-base/errors';
import type { JobStore } from '../../app/ports/job-store';
import { fingerprint, idempotent } from '../idempotency';
import type { Analyzer } from '../../app/ports';
import { kindRequestSchema } from '../../core/4-analyze/schema';
import { documentReader, type InputLimits } from '../document-input';

const kindSchema = kindRequestSchema.default('auto');
const includeSchema = z.enum(['text', 'noun-phrases']);
// Built once: a zod schema costs more to build than to check, and this runs on every request.
const includeListSchema = z.array(includeSchema);
const redactSchema = z.enum(['true', 'false']).default('false');

export function parseRedact(raw: unknown): boolean {
  const parsed = redactSchema.safeParse(typeof raw === 'string' ? raw : undefined);
  if (!parsed.success) throw new SkillmatchError('invalid-parameter', 'redact takes "true" or "false".');
  return parsed.data === 'true';
}

export function parseInclude(raw: unknown): Set<z.infer<typeof includeSchema>> {
  const values = typeof raw === 'string' ? raw.split(',').map((v) => v.trim()).filter(Boolean) : [];
  const parsed = includeListSchema.safeParse(values);
  if (!parsed.success) throw new SkillmatchError('invalid-parameter', 'include takes "text" and "noun-phrases", comma-separated.');
  return new Set(parsed.data);
}

/** POST /v1/analyze: the whole pipeline for one document, with evidence for every number. */
export function analyzeRouter(analyzer: Analyzer, limits: InputLimits, store?: JobStore): Router {
  const router = Router({ caseSensitive: true });
  const readDocument = documentReader(limits, ['kind']);
  router.post('/v1/analyze', async (req, res) => {
    const include = parseInclude(req.query.include);
    const redact = parseRedact(req.query.redact);
    const input = await readDocument(req, res);
    const kind = kindSchema.safeParse(input.fields.kind || undefined);
    if (!kind.success) throw new SkillmatchError('invalid-parameter', 'kind must be "cv", "job" or "auto".');
    const print = () => fingerprint(req, [{ name: input.filename ?? '', bytes: input.bytes }], input.fields);
    await idempotent(req, res, store, print, async () => {
      // The noun phrases of long skills items (compromise's tagger) cost more than the rest of the
      // analysis together, for unmappedTerms only: on request.
      const detail = { unmappedNounPhrases: include.has('noun-phrases') };
      const { extraction, analysis } = await analyzer.analyze(input.bytes, { filename: input.filename, mimeType: input.mimeType }, kind.data, detail);
      const body = analysisBody(extraction, analysis, { includeText: include.has('text'), redact });
      return { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
    });
  });

  router.get('/v1/roles/:id', (req, res) => {
    const { role, skills } = analyzer.lexicon;
    if (req.params.id !== role.id) throw new SkillmatchError('not-found', `There is no role "${String(req.params.id).slice(0, 64)}"; try "${role.id}".`);
    res.json({
      ...role,
      lexiconVersion: analyzer.lexicon.version,
      categories: role.categories.map((c) => ({
        ...c,
        skills: c.skills.map((s) => ({ ...s, roleWeight: Math.round((skills.get(s.id)?.weight ?? 0) * 10_000) / 10_000 })),
      })),
    });
  });

  router.get('/v1/lexicon', (req, res) => {
    const skill = typeof req.query.skill === 'string' ? req.query.skill : undefined;
    const lexicon = analyzer.lexicon;
    if (skill && !lexicon.skills.has(skill)) throw new SkillmatchError('invalid-parameter', `skill must be one of ${[...lexicon.skills.keys()].join(', ')}.`);
    const terms = lexicon.terms.filter((t) => !skill || skill in t.entry.skills).map((t) => ({ ...t.entry, file: t.file }));
    res.json({ version: lexicon.version, role: lexicon.role.id, termCount: lexicon.terms.length, formCount: lexicon.formCount, terms });
  });
  return router;
}
