import { clubSpans, inTitleCase, organisationSpans, venueSpans } from '../../src/core/1-text/citations';

describe('venue names in citations', () => {
  it('spans the Title Case name after "Conference on", up to the comma', () => {
    const text = 'Lee, K. Fast grasp planning. International Conference on Artificial Intelligence and Statistics (AISTATS), 2024.';
    expect(venueSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Artificial Intelligence and Statistics']);
  });

  it('stops at the first word in lower case that is not a small word', () => {
    const text = 'Spoke at the Workshop on Robot Learning and then joined the lab.';
    expect(venueSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Robot Learning']);
  });
});

describe('titles in Title Case', () => {
  it('finds a capitalised term among capitalised words on its line', () => {
    const text = 'Ruiz, A. Stakeholder Management in Open Hardware Projects. 2023.';
    const at = text.indexOf('Stakeholder Management');
    expect(inTitleCase(text, at, at + 'Stakeholder Management'.length)).toBe(true);
  });

  it('does not find one in a sentence', () => {
    const text = 'Ran stakeholder management for three hardware projects.';
    const at = text.indexOf('stakeholder management');
    expect(inTitleCase(text, at, at + 'stakeholder management'.length)).toBe(false);
  });
});

describe('organisation names', () => {
  it('spans the field after "Institute of", "Center for", "Academy of" or "Society of", not after "Department of"', () => {
    const text = 'Baltic Institute of Physics and Technology; Harbour Center for Statistics and Society; Department of Physics';
    expect(organisationSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Physics and Technology', 'Statistics and Society']);
  });
});

describe('venue names wrapped onto the next line', () => {
  const spansOf = (text: string): string[] => venueSpans(text).map((s) => text.slice(s.start, s.end).replace('\n', ' '));

  it('goes on over a line break when the next line ends the citation with the acronym or a year', () => {
    const acronym = 'Ortiz, P. Cheap joins on flash. Proc. 12th Symposium on Storage\nSystems (SOSY), 2021.';
    expect(spansOf(acronym)).toEqual(['Storage Systems']);
    const year = 'Ng, T. Faster sampling. Journal of Applied\nProbability, 2019.';
    expect(spansOf(year)).toEqual(['Applied Probability']);
  });

  it('stops at the line break when the next line opens something else', () => {
    const list = 'Talk at the Workshop on Robot Learning\nPython, Docker, Kubernetes';
    expect(spansOf(list)).toEqual(['Robot Learning']);
    const prose = 'Paper at the Conference on Vision\nBuilt a data pipeline (Airflow), 2022';
    expect(spansOf(prose)).toEqual(['Vision']);
  });
});

describe('club names', () => {
  it('spans the Title Case words right before "Club" or "Society" on their line', () => {
    const text = 'Activities: treasurer of the Quantum Computing Club; member, Harbour Data Science Society\nRobotics Club';
    expect(clubSpans(text).map((s) => text.slice(s.start, s.end).trim())).toEqual(['Quantum Computing', 'Harbour Data Science', 'Robotics']);
  });

  it('takes no lower-case word and nothing across punctuation', () => {
    const text = 'Built a sorting rig for the robotics club. Games, Society';
    expect(clubSpans(text)).toEqual([]);
  });
});
