/**
 * Fuzz targets: each is a generator of hostile inputs and a check that must hold for every one of
 * them. The short run in the test suite (tests/fuzz) and the long run (`npm run fuzz`) share them;
 * findings are kept in fixtures/fuzz/ and replayed by the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { tokenize } from '../src/core/1-text/tokenize';
import { isSkillmatchError } from '../src/core/0-base/errors';
import { detectSections } from '../src/core/1-text/sections';
import { sniffFormat } from '../src/core/1-text/sniff';
import { signGreenhouse, signStandardWebhook, verifyGreenhouse, verifyStandardWebhook } from '../src/app/webhooks/signature';
import { ROOT } from '../src/main/paths';
import type { Services } from '../src/main/compose';
import { documentXml, makeDocx } from './make-docx';

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when the property does not hold for this input. */
  check(input: T): Promise<void> | void;
  /** Runs in the short (test-suite) run. */
  quickRuns: number;
}

export const FIXTURES = path.join(ROOT, 'fixtures');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** Only our own errors may come out: anything else (a TypeError, a RangeError) is a crash. */
async function onlyOwnErrors(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (isSkillmatchError(error)) return undefined;
    throw error;
  }
}

/** A file mutated the way a damaged or hostile one is: bytes flipped, cut, repeated, spliced. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let bytes = Buffer.from(base);
    for (const e of edits) {
      const at = bytes.length ? e.at % bytes.length : 0;
      if (e.kind === 'flip') bytes[at] = e.byte;
      else if (e.kind === 'cut') bytes = bytes.subarray(0, Math.max(1, at));
      else if (e.kind === 'repeat') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + e.length), bytes.subarray(at)]);
      else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at)]);
    }
    return new Uint8Array(bytes);
  });
}

/** Text that looks like a CV to the matcher: lexicon words, cue words, headings, noise. */
const cvLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('Python', 'PyTorch', 'C++', 'no', 'not', 'basic', 'learning', '5+ years', 'years of', 'Skills', 'Experience', 'Education', 'but', 'and', 'we', 'the team', 'built', 'required', 'nice to have', 'NLP', 'statistics', 'A/B', 'CI/CD', '2019 – present', 'Jan 2020 - Mar 2021', '•', '-', '\n', '\n\n', '.', ',', ':', '(', ')', 'e-mail: a@b.c'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    ),
    { maxLength: 300, size: 'large' },
  )
  .map((parts) => parts.join(' '));

export function fuzzTargets(services: Services): Array<FuzzTarget<never>> {
  const targets = [
    {
      name: 'sniffer',
      arbitrary: fc
        .tuple(fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004', '\uFEFF', '\u00FF\u00FE', '<!doctype html><html>', '# Title\n', '{\\rtf1', 'MZ'), fc.uint8Array({ maxLength: 2048, size: 'large' }), fc.constantFrom('cv.pdf', 'cv.docx', 'cv.txt', 'cv.md', 'cv.html', 'cv', 'cv.exe'))
        .map(([prefix, rest, filename]) => ({ bytes: new Uint8Array(Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(rest)])), filename })),
      check: async ({ bytes, filename }: { bytes: Uint8Array; filename: string }) => {
        await onlyOwnErrors(() => sniffFormat(bytes, { filename }));
      },
      quickRuns: 40_000,
    },
    {
      name: 'text-extraction',
      arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 3000, size: 'large' }), fc.constantFrom('cv.txt', 'cv.md', 'cv.html')),
      check: async ([text, filename]: [string, string]) => {
        const extraction = (await onlyOwnErrors(() => services.extractor.extract(Buffer.from(text), { filename }))) as { text: string; sections: Array<{ start: number; end: number }> } | undefined;
        if (!extraction) return;
        for (const s of extraction.sections) {
          if (!(s.start >= 0 && s.start <= s.end && s.end <= extraction.text.length)) throw new Error(`section outside the text: ${JSON.stringify(s)}`);
        }
      },
      quickRuns: 3000,
    },
    {
      name: 'tokenizer',
      arbitrary: fc.string({ unit: 'grapheme', maxLength: 2000, size: 'large' }),
      check: (text: string) => {
        let last = -1;
        for (const t of tokenize(text)) {
          if (t.start < last || t.end <= t.start || t.end > text.length || text.slice(t.start, t.end) !== t.text) throw new Error(`bad token ${JSON.stringify(t)}`);
          last = t.start;
        }
      },
      quickRuns: 5000,
    },
    {
      name: 'analysis',
      arbitrary: fc.tuple(cvLike, fc.constantFrom('cv' as const, 'job' as const, 'auto' as const)),
      check: ([text, kind]: [string, 'cv' | 'job' | 'auto']) => {
        const extraction = { format: 'text' as const, filename: null, pages: null, chars: text.length, text, sections: detectSections(text), quality: { status: 'ok' as const, warnings: [] } };
        const { analysis } = services.analyzer.analyzeExtraction(extraction, kind);
        if (analysis.skills.length !== services.analyzer.lexicon.skills.size) throw new Error('a skill is missing');
        if (!(analysis.coverage >= 0 && analysis.coverage <= 1)) throw new Error(`coverage ${analysis.coverage}`);
        for (const s of analysis.skills) {
          for (const e of s.evidence) if (text.slice(e.start, e.end) !== e.text) throw new Error(`evidence offsets do not index the text: ${JSON.stringify(e)}`);
        }
        // The same text again gives the same analysis: no state leaks from one document to the next.
        if (JSON.stringify(services.analyzer.analyzeExtraction(extraction, kind).analysis) !== JSON.stringify(analysis)) throw new Error('the same text was analysed differently');
      },
      quickRuns: 3000,
    },
    {
      name: 'webhook-verifier',
      arbitrary: fc.record({
        secret: fc.string({ minLength: 8, maxLength: 40 }),
        id: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
        timestamp: fc.option(fc.oneof(fc.string({ maxLength: 16 }), fc.integer({ min: 0, max: 4_000_000_000 }).map(String)), { nil: undefined }),
        signature: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        body: fc.uint8Array({ maxLength: 1024 }),
        flip: fc.nat(),
      }),
      check: (i: { secret: string; id?: string; timestamp?: string; signature?: string; body: Uint8Array; flip: number }) => {
        const body = Buffer.from(i.body);
        const now = 1_800_000_000;
        // Whatever arrives, the verifier answers; forged headers never pass.
        const forged = verifyStandardWebhook(i.secret, { id: i.id, timestamp: i.timestamp, signature: i.signature }, body, now);
        if (forged.ok) throw new Error('a random signature was accepted');
        if (verifyGreenhouse(i.secret, i.signature, body).ok) throw new Error('a random Greenhouse signature was accepted');
        // A real signature passes, and fails once one byte of the body changes.
        const id = i.id || 'msg_1';
        const signed = signStandardWebhook(i.secret, id, now, body);
        if (!verifyStandardWebhook(i.secret, { id, timestamp: String(now), signature: signed }, body, now).ok) throw new Error('a valid signature was refused');
        if (body.length > 0) {
          const tampered = Buffer.from(body);
          const at = i.flip % body.length;
          tampered[at] = (tampered[at] ?? 0) ^ 0x01;
          if (verifyStandardWebhook(i.secret, { id, timestamp: String(now), signature: signed }, tampered, now).ok) throw new Error('a tampered body was accepted');
          if (verifyGreenhouse(i.secret, signGreenhouse(i.secret, body), tampered).ok) throw new Error('a tampered Greenhouse body was accepted');
        }
      },
      quickRuns: 3000,
    },
    {
      name: 'pdf',
      arbitrary: fc.oneof(mutated(fixture('latex-two-column.pdf')), mutated(fixture('chromium-two-column.pdf')), mutated(fixture('hidden-text.pdf'))),
      check: async (bytes: Uint8Array) => {
        await onlyOwnErrors(() => services.extractor.extract(bytes, { filename: 'cv.pdf' }));
      },
      quickRuns: 900,
    },
    {
      name: 'docx',
      arbitrary: mutated(fixture('libreoffice-cv.docx')),
      check: async (bytes: Uint8Array) => {
        await onlyOwnErrors(() => services.extractor.extract(bytes, { filename: 'cv.docx' }));
      },
      quickRuns: 800,
    },
    {
      name: 'docx-xml',
      // Valid archives around hostile WordprocessingML: odd nesting, entities, DTDs, broken tags.
      arbitrary: fc
        .tuple(
          fc.constantFrom('<?xml version="1.0" encoding="UTF-8"?>', '', '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]>', '<?xml version="1.0" encoding="UTF-16"?>'),
          fc.array(
            fc.oneof(
              fc.constantFrom('<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', '&amp;', '&a;', '&#0;', '&#xFFFF;', '<![CDATA[x]]>', '<w:br/>', '<w:tab/>', 'Python', 'PyTorch', ' '),
              fc.string({ unit: 'binary', maxLength: 16 }),
            ),
            { maxLength: 200, size: 'large' },
          ),
        )
        .map(([prolog, parts]) => new Uint8Array(makeDocx(documentXml(parts.join(''), prolog)))),
      check: async (bytes: Uint8Array) => {
        await onlyOwnErrors(() => services.extractor.extract(bytes, { filename: 'cv.docx' }));
      },
      quickRuns: 400,
    },
  ];
  return targets as unknown as Array<FuzzTarget<never>>;
}

/** Inputs as JSON, bytes as base64: how findings are kept in fixtures/fuzz/. */
export function encodeInput(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeInput);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeInput(v)]));
  return value;
}

export function decodeInput(value: unknown): unknown {
  if (value && typeof value === 'object' && '$bytes' in value) return new Uint8Array(Buffer.from(String((value as { $bytes: unknown }).$bytes), 'base64'));
  if (Array.isArray(value)) return value.map(decodeInput);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeInput(v)]));
  return value;
}
