import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { createNlp, tokenizedClauses } from '../../src/adapters/nlp';
import { splitSentences } from '../../src/core/1-text/sentences';

/**
 * The clause split runs compromise's word-and-punctuation clause rules over its terms
 * (src/adapters/nlp.ts): on a tokenize-only document its tag-based rules never fire. Here it must
 * give exactly the clauses of compromise's own `clauses()` wherever that one runs, on the fixtures' sentences and on sentences
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
  // Each opener with no comma before it, so that only its own rule can split there.
  'Hire engineers whose code is tested and reviewed.',
  'We tuned the model although the data was thin.',
  'Paid leave lasts until the project ends in May.',
  'She kept the job til the end of the season.',
  'He stayed and while there he learned Rust quickly.',
  'We can add GPUs now that the cluster is stable.',
  'I have coded ever since school days started.',
  'Supposing the data is clean the run takes an hour.',
  'We keep the model even though it is slow at night.',
  'Keep serving even while it retrains overnight.',
  'Act as though nothing changed for the users.',
  'Treat the data as if it were new every week.',
  'Prices rose whereas costs fell sharply last year.',
  'We retrain the model if the error rises above the threshold.',
  'If the model drifts badly then we retrain it at once.',
  'Latency halved: the cache now holds every model.',
  'Latency halved - the cache now holds every model.',
];

function sentencesOfFixtures(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/.test(f))) {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    for (const span of splitSentences(text)) out.push(text.slice(span.start, span.end).replace(/\n/g, ' '));
  }
  return out;
}

/**
 * compromise's clauses as start and end offsets. Its JSON gives the start of the first word and
 * the length of the clause's text with the punctuation before that word ("* " of a bullet), so
 * that punctuation's length is taken off to find the end.
 */
type ClauseJson = { offset: { start: number; length: number }; terms: Array<{ pre: string }> };
const reference = (text: string): Array<{ start: number; end: number }> =>
  (nlp.tokenize(text).clauses().json({ offset: true, terms: { whitespace: true } }) as ClauseJson[]).map((c) => ({ start: c.offset.start, end: c.offset.start + c.offset.length - (c.terms[0]?.pre.length ?? 0) }));

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
      let expected: Array<{ start: number; end: number }>;
      try {
        expected = reference(text);
      } catch {
        // compromise's own pass throws on some quotations and parentheses; ours must not.
        expect(() => tokenizedClauses(text)).not.toThrow();
        continue;
      }
      expect({ text, clauses: tokenizedClauses(text) }).toEqual({ text, clauses: expected });
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('splits where its rules say, through the port', () => {
    const [clauses] = createNlp().clauses(['I used PyTorch at work, but I have not used TensorFlow since 2019.']);
    expect(clauses?.map((c) => c.start)).toEqual([0, 24]);
  });
});
