import { seededTexts } from '../support/seeded-texts';
import { COMPOUND_HEADS, COMPOUND_TAILS, gatheredWordForms, joinHyphenatedLineBreaks, normaliseText, wordFormsOf } from '../../src/core/1-text/normalise';

/**
 * Text-layer quirks seen in real CVs from public templates and tools, reduced to minimal strings
 * so the suite runs on a plain clone.
 */
describe('normaliseText', () => {
  it.each([
    ['ligatures (NFKC), e.g. Typst and react-pdf keep U+FB01/U+FB00', 'e\uFB03cient o\uFB04ine \uFB01ne-tuning', 'efficient offline fine-tuning'],
    ['soft hyphen at a line end joins the word (Typst, Chromium)', 'classifi\u00AD\ncation models', 'classification models'],
    ['soft hyphen inside a word is dropped', 'regu\u00ADlarisation', 'regularisation'],
    ['Word on macOS: hyphen + soft hyphen + U+2010 is one hyphen', 'on-\u00AD\u2010campus, 555-\u00AD\u20105555', 'on-campus, 555-5555'],
    ['Word on macOS: every space encoded as TAB+CR+NBSP', 'Machine\t\r\u00A0learning\t\r\u00A0engineer', 'Machine\nlearning\nengineer'],
    ['icon-font glyphs in the Private Use Area are dropped', '\uF0E0 jane@example.org \uF095 +1 555', 'jane@example.org +1 555'],
    ['LaTeX bullets arrive as U+0088', '\u0088 Built models\n\u0088Shipped them', '- Built models\n- Shipped them'],
    ['LibreOffice bullets arrive as U+F0B7', '\uF0B7\tPython', '- Python'],
    ['moderncv bullets arrive as "{"', '{ Achievement 1;\n{ Achievement 2', '- Achievement 1;\n- Achievement 2'],
    ['unicode bullets become "- "', '• one\n▪ two\n➢ three', '- one\n- two\n- three'],
    ['arrow bullets become "- "', '➔ Familiar: Go\n➜ Git\n❯ Docker', '- Familiar: Go\n- Git\n- Docker'],
    ['a bullet glyph alone on its line joins the next line', '•\nTrained models', '- Trained models'],
    ['emoji leading a run of lines are bullets', 'Perks\n🌱 Four-day weeks\n👨‍👩‍👧 Parental leave\n✈️ Travel budget', 'Perks\n- Four-day weeks\n- Parental leave\n- Travel budget'],
    ['numbers leading a run of lines are bullets', 'Your tasks\n1. Train models\n2) Ship them\n(3) Watch them', 'Your tasks\n- Train models\n- Ship them\n- Watch them'],
    ['a single number before a heading numbers it', '1. Education\nBSc Physics, 2015\n\n2. Experience', '1. Education\nBSc Physics, 2015\n\n2. Experience'],
    ['a single emoji before a title decorates it', '🔥 Data Engineer\n\nWe are hiring.', '🔥 Data Engineer\n\nWe are hiring.'],
    ['zero-width characters and BOM removed', '\uFEFFPy\u200Bthon', 'Python'],
    ['letter-spaced headings collapse', 'E X P E R I E N C E\nBuilt things', 'EXPERIENCE\nBuilt things'],
    ['rating dots are written as the score they draw', 'Python ●●●●○\nC++ ★★★☆☆', 'Python 4/5\nC++ 3/5'],
    ['ASCII rules are dropped', 'SUMMARY\n----------\nText', 'SUMMARY\n\nText'],
    ['runs of blank lines collapse to one', 'a\n\n\n\n\nb', 'a\n\nb'],
    ['CRLF and CR line ends', 'a\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_label, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('counts and drops replacement characters', () => {
    const stats = { replacementChars: 0 };
    expect(normaliseText('Py\uFFFDthon \uFFFD', stats)).toBe('Python');
    expect(stats.replacementChars).toBe(2);
  });
});

describe('joinHyphenatedLineBreaks', () => {
  it.each([
    ['a hyphenation point is joined', 'classi-\nfication', 'classification'],
    ['U+2010 works like hyphen-minus', 'regres\u2010\nsion', 'regression'],
    ['known compound heads keep the hyphen', 'a cross-\nfunctional team', 'a cross-functional team'],
    ['acronym heads keep the hyphen', 'an SVD-\nbased solver', 'an SVD-based solver'],
    ['one-letter heads keep the hyphen', 'e-\ncommerce', 'e-commerce'],
    ['a capitalised next line is not a continuation', 'Python-\nExpert', 'Python-\nExpert'],
    ['the hyphenated form seen elsewhere in the document wins', 'data-driven work and more data-\ndriven ideas', 'data-driven work and more data-driven ideas'],
    ['known compound tails keep the hyphen', 'an affine-\ninvariant loss for lithium-\nion cells and contact-\nrich grasps', 'an affine-invariant loss for lithium-ion cells and contact-rich grasps'],
    ['a tail that ends plain words too is joined', 'an un-\nsupervised method, inter-\npretable', 'an unsupervised method, interpretable'],
    ['the joined form seen elsewhere wins', 'affineinvariant here, and affine-\ninvariant', 'affineinvariant here, and affineinvariant'],
    ['a word is joined whole after a bracket, an accent or a long run of letters', '(regulari-\nsation), naïve-\nté, and a counterintuitivelylongwordbrokenatitsend-\ning', '(regularisation), naïveté, and a counterintuitivelylongwordbrokenatitsending'],
  ])('%s', (_label, input, expected) => {
    expect(joinHyphenatedLineBreaks(input)).toBe(expected);
  });
});

describe('joinHyphenatedLineBreaks, read as a pattern would', () => {
  // The rule as one regular expression over the whole text, with every word of the text gathered
  // first: what the function must answer, however it finds the breaks.
  function byPattern(text: string): string {
    const hyphenated = new Set<string>();
    const plain = new Set<string>();
    for (const m of text.matchAll(/[\p{L}]+(?:-[\p{L}]+)+|[\p{L}]{4,}/gu)) (m[0].includes('-') ? hyphenated : plain).add(m[0].toLowerCase());
    return text.replace(/(?<!\p{L})(\p{L}+)[-\u2010]\n[ \t]*(\p{Ll}\p{L}*)/gu, (_all, head: string, tail: string) => {
      const h = head.toLowerCase();
      const t = tail.toLowerCase();
      if (hyphenated.has(`${h}-${t}`)) return `${head}-${tail}`;
      if (plain.has(h + t)) return head + tail;
      return COMPOUND_HEADS.has(h) || COMPOUND_TAILS.has(t) || head.length <= 1 || /\p{Lu}{2,}$/u.test(head) ? `${head}-${tail}` : head + tail;
    });
  }
  it('agrees with the pattern on texts made of words, hyphens, line breaks and letters of every kind', () => {
    const pieces = ['ion', 'based', 'cross', 'lithium', 'mod', 'els', 'models', 'x', 'Ab', 'SV', '-', '-\n', '-\n', '\u2010\n ', '-', '\u2010', ' ', '\n', '\t', 'é', '\u0301', 'İ', 'Σ', 'σ', '𝐀', '𝐚', '1', '.'];
    const samples = seededTexts(20261208, 4000, pieces, 3, 24);
    const differing = samples.filter((text) => joinHyphenatedLineBreaks(text) !== byPattern(text));
    expect(differing).toEqual([]);
    // The texts hold breaks of both outcomes, so the agreement is about something.
    const hyphens = (text: string): number => text.split(/[-\u2010]/).length;
    const changed = samples.filter((text) => byPattern(text) !== text);
    expect(changed.filter((text) => hyphens(byPattern(text)) < hyphens(text)).length).toBeGreaterThan(200);
    expect(changed.filter((text) => hyphens(byPattern(text)) === hyphens(text)).length).toBeGreaterThan(200);
  });

  it('answers as the pattern for a compound seen whole, inside a longer run, or only as parts', () => {
    const cases = [
      'we shipped open-source tools and more open-\nsource ones',
      'a state-of-the-art model and a state-\nof-the-art one',
      'his sub-\ntasks and the sub-tasks-list',
      'Jürgen met\u00a0naïve-\nté and naïveté',
      'co-\n  operation, pre-\n\tprocessing and preprocessing',
      '𝐚𝐛-\nlearning after 𝐚𝐛learning',
    ];
    for (const text of cases) expect(joinHyphenatedLineBreaks(text)).toBe(byPattern(text));
    expect(joinHyphenatedLineBreaks(cases[0] ?? '')).toBe('we shipped open-source tools and more open-source ones');
    expect(joinHyphenatedLineBreaks(cases[4] ?? '')).toBe('co-operation, preprocessing and preprocessing');
  });

  it('looks word forms up in the text as the gathered sets hold them, and gathers them where lower case moves letters', () => {
    const text = 'Data-driven work, a big-data-driven plan, DATA-\ndriven, Classification and sub-classification; İstanbul-based 𝐀bcd';
    const forms = wordFormsOf(text);
    const gathered = gatheredWordForms(text);
    for (const form of ['data-driven', 'big-data-driven', 'data-driven-plan', 'classification', 'sub-classification', 'abcd', '𝐀bcd', 'big', 'work']) {
      expect([form, forms.hasCompound(form), forms.hasWord(form)]).toEqual([form, gathered.hasCompound(form), gathered.hasWord(form)]);
    }
    expect(forms.hasCompound('data-driven')).toBe(true);
    expect(forms.hasWord('classification')).toBe(true);
    // "classification" inside "sub-classification" is not a word of its own there, but it stands alone elsewhere.
    expect(wordFormsOf('sub-classification only').hasWord('classification')).toBe(false);
    expect(wordFormsOf('a big-data-driven plan').hasCompound('data-driven')).toBe(false);
    expect(wordFormsOf('a data-driven-ish plan').hasCompound('data-driven')).toBe(false);
    // A letter beyond the first plane is two code units: a tail runs on over it whole.
    expect(joinHyphenatedLineBreaks('ab-\nc𝐚d and ab-c𝐚e')).toBe('abc𝐚d and ab-c𝐚e');
    // Capital sigma lowers by its neighbours and İ grows: those texts are gathered word by word.
    // "ΟΔΟΣ" alone lowers to "οδος"; before an apostrophe and a capital, in the whole text, to "οδοσ".
    expect(wordFormsOf("ΟΔΟΣ'Α").hasWord('οδος')).toBe(true);
    expect(joinHyphenatedLineBreaks('İzmir-\nbased and İzmirbased')).toBe(byPattern('İzmir-\nbased and İzmirbased'));
  });
});

describe('titles run into one long line of pasted page copy', () => {
  const filler = 'Our robots sort parcels for forty warehouses across the north of England, and the fleet doubled last year.';

  it('stands each title on a line of its own', () => {
    const pasted = `About the job ${filler} Your Responsibilities Train grasp-detection models and ship them to the fleet Requirements Four years of Python Nice To Have Experience with ROS Perks Free lunch on Fridays`;
    const lines = normaliseText(pasted).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['Your Responsibilities', 'Requirements', 'Nice To Have', 'Perks']));
    expect(lines).toContain('Four years of Python');
  });

  it('leaves titles that are part of a sentence, short lines and labels with colons', () => {
    const prose = `${filler} Looking back, the role Python plays in the stack has grown, and Deliverance is proud to be an Equal Opportunity Employer. Benefits of remote work were discussed at length.`;
    expect(normaliseText(prose)).toBe(prose);
    expect(normaliseText('What You Will Do Build models')).toBe('What You Will Do Build models');
    const labelled = `${filler} ${filler} - Continuing Education: a yearly budget for courses`;
    expect(normaliseText(labelled)).toBe(labelled);
  });
});

describe('one title-like phrase in a long paragraph', () => {
  it('is left in its line: pasted page copy holds several titles', () => {
    const paragraph = 'Over six years I moved from testing to analysis and now lead a small group, where my Skills: Requirements Engineering, Testing and Release Management help the product owners plan each quarter and keep the backlog honest.';
    expect(normaliseText(paragraph)).toBe(paragraph);
  });
});

describe('block components of Markdown pages (MDC)', () => {
  it('keeps the attribute values as text and drops the component names and closing marks', () => {
    const page = ['## Projects', '::project-card{title="Parcel ETA model" stack="LightGBM, FastAPI"}', 'Predicts delivery times for 9 depots.', '::', '::timeline-entry', 'Joined Rivet Ltd', '::'].join('\n');
    expect(normaliseText(page)).toBe(['## Projects', 'Parcel ETA model · LightGBM, FastAPI', 'Predicts delivery times for 9 depots.', '', 'Joined Rivet Ltd'].join('\n'));
  });

  it('leaves double colons inside a line alone', () => {
    expect(normaliseText('Wrote std::vector wrappers and a::b lookups')).toBe('Wrote std::vector wrappers and a::b lookups');
  });
});
