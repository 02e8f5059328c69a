import { experienceEntries, yearsFromEntries } from '../../src/core/3-extract/experience';
import { createNlp } from '../../src/adapters/nlp';
import { analyzeExtraction } from '../../src/core/4-analyze/analyze';
import { detectSections } from '../../src/core/1-text/sections';
import { redactText } from '../../src/core/1-text/personal-data';
import { lexicon } from './support';

const NOW = new Date(Date.UTC(2024, 0, 15));
const CV = [
  'Experience',
  'Acme Logistics — ML Engineer, 2018 – 2020',
  '- Python services for routing.',
  'Beta Retail — Senior ML Engineer (Jan 2021 – present)',
  '- Python and PyTorch models for demand.',
  'Gamma Labs, 03.2015 - 05.2016',
  '- Excel reports.',
  '',
  'Education',
  'BSc 2011 - 2014, physics.',
].join('\n');

describe('experience dates', () => {
  const entries = experienceEntries(CV, detectSections(CV), NOW);

  it('finds the entries of the experience section with their periods', () => {
    expect(entries.map((e) => [CV.slice(e.start, e.end).split('\n')[0], (e.to - e.from) / 12])).toEqual([
      ['Acme Logistics — ML Engineer, 2018 – 2020', 3],
      ['Beta Retail — Senior ML Engineer (Jan 2021 – present)', 37 / 12],
      ['Gamma Labs, 03.2015 - 05.2016', 15 / 12],
    ]);
  });

  it('adds up the periods of the entries that mention a skill, overlaps once', () => {
    const at = (word: string) => [...CV.matchAll(new RegExp(word, 'g'))].map((m) => m.index ?? 0);
    expect(yearsFromEntries(entries, at('Python'))).toBe(6);
    expect(yearsFromEntries(entries, at('PyTorch'))).toBe(3);
    expect(yearsFromEntries(entries, at('physics'))).toBeUndefined();
    expect(yearsFromEntries([{ start: 0, end: 1, from: 0, to: 24 }, { start: 0, end: 1, from: 12, to: 36 }], [0])).toBe(3);
  });

  it('gives skills without stated years the years of their entries, and says so', () => {
    const nlp = createNlp();
    const extraction = { format: 'text' as const, filename: null, pages: null, chars: CV.length, text: CV, sections: detectSections(CV), quality: { status: 'ok' as const, warnings: [] } };
    const { analysis } = analyzeExtraction(extraction, lexicon, nlp, { kind: 'cv', now: NOW });
    const skill = (id: string) => analysis.skills.find((s) => s.id === id);
    expect(skill('python')).toMatchObject({ years: 6, yearsFrom: 'experience-dates' });
    expect(skill('neural-networks')).toMatchObject({ years: 3, yearsFrom: 'experience-dates' });
  });

  it('date ranges are not mistaken for phone numbers when personal data is masked', () => {
    expect(redactText(CV)).toContain('03.2015 - 05.2016');
  });
});
