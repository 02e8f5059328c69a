import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { createNlp, tokenizedClauses } from '../../src/adapters/nlp';
import { splitSentences } from '../../src/core/1-text/sentences';

/**
 * The clause split runs compromise's word-and-punctuation rules only (src/adapters/nlp.ts): on a
 * tokenize-only document its tag-based rules never fire. Here it must give exactly the clauses of
 * compromise's own `clauses()` wherever that one runs, on the fixtures' sentences and on sentences
 * written for this test around every rule (commas and lists, ; : — …, the conjunctions, if/then).
 */
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const WRITTEN = [
  'I used PyTorch at work, but I have not used TensorFlow since 2019 and I would not claim it.',
  'Knowledge of speech processing is not something we require; Python is.',
  'Python, SQL, Go and Rust are used here, although most services are in Java.',
  'We ship weekly: models, data pipelines and dashboards.',
  'Built the ranking service — it serves ten million requests a day — in Go.',
  'Trained detectors for years... then moved to speech.',
  'If the model drifts then we retrain it overnight.',
  'She joined the team, and while she was there, the latency halved.',
  'Ever since the migration we deploy twice a day.',
  'Now that the cluster is stable, we can add GPUs.',
  'We keep the old models as though nothing changed, until the audit ends.',
  'Even if you know CUDA, we expect PyTorch, whose API you will use daily.',
  'Supposing the data is clean, training takes an hour, whereas cleaning takes a week.',
  'Reinforcement learning: our lab tried it, but I never trained an agent myself.',
  'Fine, we will do it.',
  'Experience with Docker, Kubernetes, Terraform, and AWS.',
  'Good communication, strong Python, and a sense of humour.',
  'Paris, France and Berlin, Germany, on 3 March, 2024, we met.',
  'Til the end of the quarter, we freeze the schema.',
  'A, b.',
];

function sentencesOfFixtures(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/.test(f))) {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    for (const span of splitSentences(text)) out.push(text.slice(span.start, span.end).replace(/\n/g, ' '));
  }
  return out;
}

const offsets = (json: unknown): unknown => (json as Array<{ offset: unknown }>).map((c) => c.offset);

describe('the clause split', () => {
  const sentences = [...WRITTEN, ...sentencesOfFixtures()];

  it('has sentences to compare (the fixtures and the written ones)', () => {
    expect(sentences.length).toBeGreaterThan(60);
  });

  it("gives compromise's own clauses, sentence by sentence and in batches", () => {
    let compared = 0;
    const batches = [...sentences.map((s) => [s]), ...Array.from({ length: Math.ceil(sentences.length / 7) }, (_, i) => sentences.slice(i * 7, i * 7 + 7))];
    for (const batch of batches) {
      const text = batch.join('\n');
      let reference: unknown;
      try {
        reference = offsets(nlp.tokenize(text).clauses().json({ offset: true }));
      } catch {
        // compromise's own pass throws on some quotations and parentheses; ours must not.
        expect(() => tokenizedClauses(nlp.tokenize(text)).json({ offset: true })).not.toThrow();
        continue;
      }
      expect({ text, clauses: offsets(tokenizedClauses(nlp.tokenize(text)).json({ offset: true })) }).toEqual({ text, clauses: reference });
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('splits where its rules say, through the port', () => {
    const [clauses] = createNlp().clauses(['I used PyTorch at work, but I have not used TensorFlow since 2019.']);
    expect(clauses?.map((c) => c.start)).toEqual([0, 24]);
  });
});
