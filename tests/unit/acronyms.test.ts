import { definedAcronyms, spelledOutNearby } from '../../src/core/1-text/acronyms';

describe('acronyms a document spells out', () => {
  it('finds the words an acronym in parentheses spells, skipping small words', () => {
    const text = 'She joined the Department of Energy (DOE) and then our Machine Learning Platform (MLP) team.';
    const found = definedAcronyms(text).map((d) => [d.acronym, text.slice(d.start, d.end).trim()]);
    expect(found).toEqual([
      ['DOE', 'Department of Energy'],
      ['MLP', 'Machine Learning Platform'],
    ]);
  });

  it('reads hyphenated words letter by letter and a plural acronym as its singular', () => {
    const text = 'Trained Multi-Layer Perceptrons (MLPs) on the sensor logs.';
    expect(definedAcronyms(text).map((d) => d.acronym)).toEqual(['MLP']);
  });

  it('ignores capitals in parentheses that the words before do not spell', () => {
    expect(definedAcronyms('We ship models fast (NLP) and often (CV).')).toEqual([]);
  });
});

describe('acronyms followed by a gloss, or spelled with a word in capitals', () => {
  it('reads "(EAIL Munich)" as the acronym EAIL, spelled by "Edge AI Lab"', () => {
    const text = 'Spent a summer at the Edge AI Lab (EAIL Munich) on sensor fusion.';
    expect(definedAcronyms(text).map((d) => [d.acronym, text.slice(d.start, d.end).trim()])).toEqual([['EAIL', 'Edge AI Lab']]);
  });
});

describe('an acronym spelled out just before it is used, with no parenthesis', () => {
  it('finds the Title Case words in the lines before it whose initials are its letters', () => {
    const text = 'Member of the Royal Statistical Society since 2019.\nPresented twice at RSS conferences.';
    const found = spelledOutNearby(text, text.indexOf('RSS'), 'RSS');
    expect(found && text.slice(found.start, found.end)).toBe('Royal Statistical Society');
  });

  it('finds the spelled-out words whose first and last initials are the same letter', () => {
    const text = 'Fitted survival models in Statistical Analysis System for a year.\nSAS macros for reporting';
    const found = spelledOutNearby(text, text.indexOf('SAS'), 'SAS');
    expect(found && text.slice(found.start, found.end)).toBe('Statistical Analysis System');
  });

  it('takes no words whose initials come in another order', () => {
    const text = 'Lab Manager at the Museum\nML pipelines';
    expect(spelledOutNearby(text, text.indexOf('ML'), 'ML')).toBeNull();
  });

  it('takes no words in capitals and no lower-case run', () => {
    const text = 'CLOUD & INFRA\nAzure, GCP\nrarely seen systems\nRSS feeds';
    expect(spelledOutNearby(text, text.indexOf('RSS feeds'), 'RSS')).toBeNull();
    expect(spelledOutNearby('STATS AND INFRA: CI', 19, 'CI')).toBeNull();
  });
});
