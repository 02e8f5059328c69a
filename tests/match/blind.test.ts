import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findPersonalData, redactText } from '../../src/core/1-text/personal-data';
import type { Analysis } from '../../src/core/4-analyze/schema';
import { matchDocuments } from '../../src/core/5-match/match';
import { createTestService, fixture, hasShared, SHARED, type TestService } from '../helpers';
import { analyzeText } from '../analyze/support';

/**
 * The score must not depend on who the person is. For every CV we have, we change the personal
 * details (names, e-mail, phone, links, gender words, age, nationality) and check that every skill
 * score, the coverage, and the ranking against a job ad stay exactly the same.
 */
const CV_FIXTURES = ['latex-two-column.pdf', 'chromium-two-column.pdf', 'libreoffice-cv.pdf', 'libreoffice-cv.docx', 'interleaved-columns.pdf', 'plain-cv.txt', 'cv.md', 'cv-page.html'];
const JOB = 'Requirements\n- Python, PyTorch and statistics.\n- Unit tests, code review and CI/CD.\n- Work with product managers and stakeholders.\n\nNice to have\n- NLP, computer vision or C++.';

type Variant = (text: string) => string;

/** The person's name as the CV's first line gives it (independent of the service's own detector). */
function firstLineName(text: string): string | null {
  const head = (text.split('\n').find((l) => l.trim()) ?? '').replace(/^#{1,6}\s+/, '').split(/\s+[—–|·]\s+|,\s+/)[0]?.trim() ?? '';
  return /^(\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+$/u.test(head) && !/Curriculum|Resume/i.test(head) ? head : null;
}

/** Replaces phone numbers (nine or more digits; date ranges such as "2015 - 2019" have eight). */
function replacePhones(text: string, by: string): string {
  return text.replace(/\+?\d[\d ()-]{8,}\d/g, (m) => ((m.match(/\d/g) ?? []).length >= 9 ? by : m));
}

function replaceAll(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

const variants: Array<[string, Variant]> = [
  ['another name', (t) => {
    const name = firstLineName(t);
    if (!name) return t;
    let out = replaceAll(t, name, 'Oluwaseun Wiśniewska-Nakamura');
    for (const part of name.split(/\s+/)) if (part.length > 2) out = out.replace(new RegExp(`\\b${part}\\b`, 'g'), 'Nakamura');
    return out;
  }],
  ['a name that is also a technology name', (t) => {
    const name = firstLineName(t);
    return name ? replaceAll(t, name, 'Franz Kafka') : t;
  }],
  ['profile links that name technologies', (t) => {
    const [first, ...rest] = t.split('\n');
    return [first, 'https://github.com/pytorch-kaldi-opencv · www.scikit-learn-fan.dev', ...rest].join('\n');
  }],
  ['other contact details', (t) => replacePhones(t.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, 'someone.else@example.org'), '+1 202 555 0175').replace(/\bhttps?:\/\/\S+/g, 'https://example.org/someone')],
  ['contact details removed', (t) => replacePhones(t.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ''), '')],
  ['gender, age, nationality and marital status added', (t) => {
    const [first, ...rest] = t.split('\n');
    return [first, 'Gender: Female', 'Age: 52', 'Date of birth: 3 March 1974', 'Nationality: Nigerian', 'Marital status: married', ...rest].join('\n');
  }],
  ['pronouns swapped', (t) => t.replace(/\b(he|she|his|her|him)\b/gi, (w) => ({ he: 'she', she: 'he', his: 'her', her: 'his', him: 'her' })[w.toLowerCase()] ?? w)],
];

function fingerprint(a: Analysis): string {
  return JSON.stringify({ coverage: a.coverage, skills: a.skills.map((s) => [s.id, s.present, s.strength, s.years]) });
}

describe('scores are blind to personal data', () => {
  let svc: TestService;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    svc = createTestService();
    for (const file of CV_FIXTURES) texts.set(file, (await svc.services.extractor.extract(fixture(file), { filename: file })).text);
    if (hasShared) {
      const labels = JSON.parse(readFileSync(path.join(SHARED, 'eval', 'corpus', 'labels.json'), 'utf8')) as { documents: Array<{ file: string; kind: string }> };
      for (const doc of labels.documents.filter((d) => d.kind === 'cv')) {
        const bytes = readFileSync(path.join(SHARED, 'eval', 'corpus', doc.file));
        texts.set(`corpus/${doc.file}`, (await svc.services.extractor.extract(bytes, { filename: doc.file })).text);
      }
    }
  }, 60_000);
  afterAll(() => svc.close());

  it('finds the people in the fixtures (the test would prove nothing otherwise)', () => {
    for (const [file, text] of texts) {
      if (file.startsWith('corpus/') && !firstLineName(text)) continue;
      expect({ file, name: firstLineName(text) !== null }).toEqual({ file, name: true });
    }
    expect(readdirSync(path.join(__dirname, '..', '..', 'fixtures')).filter((f) => CV_FIXTURES.includes(f))).toHaveLength(CV_FIXTURES.length);
  });

  it.each(variants)('%s: every skill score and the coverage stay the same', async (_label, vary) => {
    for (const [file, text] of texts) {
      const changed = vary(text);
      const before = fingerprint((await analyzeText(text)).analysis);
      const after = fingerprint((await analyzeText(changed)).analysis);
      expect({ file, same: after === before }).toEqual({ file, same: true });
    }
  });

  it('the ranking against a job ad is the same whatever the personal details', async () => {
    const job = { filename: 'job.txt', analysis: (await analyzeText(JOB, 'job')).analysis };
    const rank = async (vary: Variant) => {
      const cvs = await Promise.all([...texts].map(async ([file, text]) => ({ filename: file, analysis: (await analyzeText(vary(text))).analysis })));
      return matchDocuments(job, cvs).results.map((r) => [r.filename, r.rank, r.score]);
    };
    const baseline = await rank((t) => t);
    for (const [, vary] of variants) expect(await rank(vary)).toEqual(baseline);
  });
});

describe('redaction', () => {
  it('masks names, contact details, age, gender words and nationality, keeping offsets', () => {
    const text = 'Jane Roe — ML Engineer\njane.roe@example.org · +44 7700 900123 · https://github.com/janeroe\nAge: 34\nNationality: Canadian\nShe built PyTorch models; Roe also wrote C++.';
    const red = redactText(text);
    expect(red).toHaveLength(text.length);
    for (const secret of ['Jane', 'Roe', 'jane.roe', '7700', 'github.com/janeroe', '34', 'Canadian', 'She']) expect(red).not.toContain(secret);
    expect(red).toContain('ML Engineer');
    expect(red).toContain('built PyTorch models');
    expect(red).toContain('also wrote C++.');
    expect(findPersonalData(text).map((s) => s.kind)).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'url', 'age', 'nationality', 'gender']));
  });

  it('masks "Miss" as a title but keeps the verb miss, which negations turn on', () => {
    const text = 'Miss Ada Holt\nShipped four releases and did not miss a deadline.';
    const red = redactText(text);
    expect(red).not.toContain('Miss');
    expect(red).toContain('did not miss a deadline');
  });

  it('leaves year ranges and numbers in the work alone', () => {
    const text = 'Jane Roe\nAcme, 2019 - 2021: cut latency by 40% for 1200 users.';
    expect(redactText(text)).toContain('2019 - 2021: cut latency by 40% for 1200 users.');
  });
});
