import { joinHyphenatedLineBreaks, normaliseText } from '../../src/core/1-text/normalise';

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
