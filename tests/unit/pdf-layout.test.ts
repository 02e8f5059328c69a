import { dropRunningLines, layoutPage, layoutPdf, type LaidLine, type PdfTextItem } from '../../src/core/1-text/pdf-layout';

const FS = 10;
/** One text item per line of a column, at x, starting at y0, 12 pt apart. */
function column(x: number, y0: number, lines: string[]): PdfTextItem[] {
  return lines.map((str, i) => ({ str, x, y: y0 + i * 12, width: str.length * 5, fontSize: FS }));
}
function texts(lines: LaidLine[]): string[] {
  return lines.map((l) => l.text).filter(Boolean);
}
function interleave(a: PdfTextItem[], b: PdfTextItem[]): PdfTextItem[] {
  return a.flatMap((item, i) => (b[i] ? [item, b[i]] : [item]));
}

const LEFT = ['Led the search ranking work', 'and shipped a new model that', 'improved click-through by a', 'tenth across all markets.', 'Mentored two engineers and', 'reviewed most of their code.'];
const RIGHT = ['Holds a degree in physics', 'and spent two years writing', 'simulation code in C++ for', 'a climate research group.', 'Enjoys climbing and chess', 'and teaches at weekends.'];

describe('layoutPage', () => {
  it('keeps content-stream order when the columns arrive one after the other', () => {
    const items = [...column(50, 100, LEFT), ...column(320, 100, RIGHT)];
    const { lines, reordered } = layoutPage({ width: 600, height: 800, items });
    expect(reordered).toBe(false);
    expect(texts(lines)).toEqual([...LEFT, ...RIGHT]);
  });

  it('reads row-interleaved columns one after the other', () => {
    const items = interleave(column(50, 100, LEFT), column(320, 100, RIGHT));
    const { lines, reordered } = layoutPage({ width: 600, height: 800, items });
    expect(reordered).toBe(true);
    expect(texts(lines)).toEqual([...LEFT, ...RIGHT]);
  });

  it('keeps a title that spans both columns above them', () => {
    const title: PdfTextItem = { str: 'Alex Kim — Machine Learning Engineer', x: 50, y: 70, width: 400, fontSize: 14 };
    const items = [title, ...interleave(column(50, 100, LEFT), column(320, 100, RIGHT))];
    const { lines } = layoutPage({ width: 600, height: 800, items });
    expect(texts(lines)).toEqual([title.str, ...LEFT, ...RIGHT]);
  });

  it('does not reorder a table whose rows are stream-ordered (no sentence runs on down a column)', () => {
    const labels = ['Languages', 'Frameworks', 'Cloud', 'Databases', 'Tools'];
    const values = ['Python, C++, Go', 'PyTorch, JAX', 'AWS, GCP', 'Postgres, Redis', 'Git, Docker'];
    const items = interleave(column(50, 100, labels), column(320, 100, values));
    const { lines, reordered } = layoutPage({ width: 600, height: 800, items });
    expect(reordered).toBe(false);
    expect(texts(lines)).toEqual(labels.map((l, i) => `${l} ${values[i]}`));
  });

  it('joins items on one baseline, with a space where the gap shows one', () => {
    const items: PdfTextItem[] = [
      { str: 'Machine', x: 50, y: 100, width: 35, fontSize: FS },
      { str: 'learning', x: 88, y: 100, width: 38, fontSize: FS },
      { str: 'eng', x: 130, y: 100, width: 15, fontSize: FS },
      { str: 'ineer', x: 145, y: 100, width: 25, fontSize: FS },
    ];
    expect(texts(layoutPage({ width: 600, height: 800, items }).lines)).toEqual(['Machine learning engineer']);
  });

  it('treats wide whitespace items as gaps, not as text bridging the gutter', () => {
    const items = interleave(column(50, 100, LEFT), column(320, 100, RIGHT)).flatMap((item) =>
      item.x === 50 ? [item, { str: ' ', x: item.x + item.width, y: item.y, width: 320 - item.x - item.width, fontSize: FS }] : [item],
    );
    expect(layoutPage({ width: 600, height: 800, items }).reordered).toBe(true);
  });

  it('marks paragraph gaps with a blank line', () => {
    const items = [...column(50, 100, ['First block.']), ...column(50, 160, ['Second block.'])];
    expect(layoutPage({ width: 600, height: 800, items }).lines.map((l) => l.text)).toEqual(['First block.', '', 'Second block.']);
  });
});

describe('dropRunningLines', () => {
  const at = (text: string, y: number): LaidLine => ({ text, y });
  const page = (n: number) => ({
    height: 800,
    lines: [at('Jane Roe — Curriculum Vitae', 40), at(`Body of page ${n}`, 100), at('More body text', 700), at(`Page ${n} of 3`, 770)],
  });

  it('drops lines in the margins that repeat on most pages, page numbers included', () => {
    const { pages, dropped } = dropRunningLines([page(1), page(2), page(3)]);
    expect(pages.map((lines) => lines.map((l) => l.text))).toEqual([1, 2, 3].map((n) => [`Body of page ${n}`, 'More body text']));
    expect(dropped).toBe(6);
  });

  it('keeps repeated lines of the body, and everything on a single page but a page number', () => {
    const body = { height: 800, lines: [at('Python', 300), at('Python', 400)] };
    expect(dropRunningLines([body, body]).pages[0]?.map((l) => l.text)).toEqual(['Python', 'Python']);
    expect(dropRunningLines([{ height: 800, lines: [at('Jane Roe', 40), at('text', 300), at('Page 1', 770)] }]).pages[0]?.map((l) => l.text)).toEqual(['Jane Roe', 'text']);
  });
});

describe('layoutPdf', () => {
  it('joins pages with a blank line', () => {
    const page = (s: string) => ({ width: 600, height: 800, items: column(50, 100, [s]) });
    expect(layoutPdf([page('One'), page('Two')]).text).toBe('One\n\nTwo');
  });
});

describe('hidden text', () => {
  it('is left out of the text and counted by reason', () => {
    const items: PdfTextItem[] = [
      { str: 'Visible line', x: 50, y: 100, width: 60, fontSize: FS },
      { str: 'PyTorch Kubernetes', x: 50, y: 112, width: 90, fontSize: FS, hidden: 'white' },
      { str: 'Kaldi', x: 50, y: 124, width: 4, fontSize: 1, hidden: 'tiny' },
      { str: 'BERT', x: 900, y: 136, width: 20, fontSize: FS, hidden: 'off-page' },
    ];
    const result = layoutPdf([{ width: 600, height: 800, items }]);
    expect(result.text).toBe('Visible line');
    expect(result.hiddenChars).toEqual({ white: 18, invisible: 0, tiny: 5, 'off-page': 4 });
  });
});
