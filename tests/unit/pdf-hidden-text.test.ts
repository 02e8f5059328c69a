import { createPdfReader, type PdfReader } from '../../src/adapters/pdf';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { contentPdf } from '../support/make-pdf';

/**
 * White-on-white text is found however the page's operators are written: pdf.js's reading of the
 * content decides which text is shown in a light fill colour, so spellings that pdf.js accepts
 * (odd white space, comments, operators run together, stray operands) cannot hide text from the
 * check. Each page shows one line in black and one line in a near-white fill on no background.
 */
let reader: PdfReader;
beforeAll(() => {
  reader = createPdfReader({ threads: 1, timeoutMs: 30_000, memoryMb: 256 });
});
afterAll(() => reader.close());

const SHOWN = 'Seasoned backend developer';
const HIDDEN = 'Rust Haskell Erlang Elixir';

const shown = `BT /F1 11 Tf 72 720 Td (${SHOWN}) Tj ET`;
const hiddenLine = `BT /F1 11 Tf 72 700 Td (${HIDDEN}) Tj ET`;

async function verdicts(pdf: Buffer): Promise<Record<string, string>> {
  const result = await reader.readPdf(new Uint8Array(pdf), { maxPages: 5 });
  return Object.fromEntries(result.pages.flatMap((p) => p.items).filter((i) => i.str.trim()).map((i) => [i.str, i.hidden ?? 'shown']));
}

describe('white-on-white text, however the fill colour is written', () => {
  it.each([
    ['a grey fill separated from its operand by a NUL byte', [{ content: `${shown} 1\x00g ${hiddenLine}` }]],
    ['a grey fill separated from its operand by a form feed', [{ content: `${shown} 1\x0cg ${hiddenLine}` }]],
    ['a comment between the colour and its operator', [{ content: `${shown} 0.97 0.97 0.97 % white\nrg ${hiddenLine}` }]],
    ['an operand run into its operator', [{ content: `${shown} 1g ${hiddenLine}` }]],
    ['an operator run into the next one', [{ content: `${shown} 1 gBT /F1 11 Tf 72 700 Td (${HIDDEN}) Tj ET` }]],
    ['more operands than the operator takes (the last ones count)', [{ content: `${shown} 0 0 1 1 1 rg ${hiddenLine}` }]],
    ['an operand left over by an earlier operator', [{ content: `${shown} 1 q g ${hiddenLine} Q` }]],
    ['an operand carried past an unknown operator', [{ content: `${shown} 1 zz g ${hiddenLine}` }]],
    ['the word endstream inside the page text of an uncompressed stream', [{ content: `${shown} BT /F1 11 Tf 72 680 Td (endstream) Tj ET 1 g ${hiddenLine}` }]],
    ['a page content stream labelled as an image', [{ content: `${shown} 1 g ${hiddenLine}`, dict: ' /Subtype /Image', deflate: true }]],
    ['an operand at the end of one content stream, its operator at the start of the next', [{ content: `${shown} 1` }, { content: ` g ${hiddenLine}` }]],
    ['a number split between two content streams', [{ content: `${shown} 1` }, { content: `0 g ${hiddenLine}` }]],
  ])('%s', async (_name, streams) => {
    expect(await verdicts(contentPdf(streams))).toMatchObject({ [SHOWN]: 'shown', [HIDDEN]: 'white' });
  });

  // Colours given in a colour space are converted as pdf.js converts them for its operator pass.
  const SPACES = '/ColorSpace << /Pal [/Indexed /DeviceRGB 1 <1A1A1AFFFFFF>] /Spot [/Separation /Silver /DeviceGray << /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [0.95] /N 1 >>] >>';
  it.each([
    ['a palette entry that is white', `${shown} /Pal cs 1 sc ${hiddenLine}`, 'white'],
    ['a palette entry that is dark', `${shown} /Pal cs 0 sc ${hiddenLine}`, 'shown'],
    ['a spot colour whose every tint prints near-white', `${shown} /Spot cs 1 scn ${hiddenLine}`, 'white'],
    ['a device space named directly, white', `${shown} /DeviceRGB cs 1 1 1 sc ${hiddenLine}`, 'white'],
    ['scn before any colour space is set reads a grey', `${shown} 1 scn ${hiddenLine}`, 'white'],
    ['a colour space the page does not have: its colours count as grey', `${shown} /Nowhere cs 0.1 sc ${hiddenLine}`, 'shown'],
  ])('%s', async (_name, content, verdict) => {
    expect(await verdicts(contentPdf([{ content }], SPACES))).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it.each([
    ['black text after a white fill restored away', `q 1 g 0 0 10 10 re f Q ${shown}`],
    ['a dark grey written with a sign and no leading digit', `+.2 g ${shown}`],
    ['a white colour inside a string is text, not a colour', `BT /F1 11 Tf 72 720 Td (${SHOWN}) Tj 0 -20 Td (1 g) Tj ET`],
  ])('no hidden text: %s', async (_name, content) => {
    const found = await verdicts(contentPdf([{ content }]));
    expect(found[SHOWN]).toBe('shown');
    expect(Object.values(found)).not.toContain('white');
  });

  it.each([
    ['over a picture, white text stays visible', '60 690', 'shown'],
    ['beside a picture, white text is hidden', '60 400', 'white'],
  ])('%s', async (_name, at, verdict) => {
    // A 2 × 2 grey inline image scaled to 300 × 30 pt.
    const picture = `q 300 0 0 30 ${at} cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x50\x60\x70\x80 EI Q`;
    expect(await verdicts(contentPdf([{ content: `${shown} ${picture} 1 g ${hiddenLine}` }]))).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it('white text on a dark box stays visible', async () => {
    const found = await verdicts(contentPdf([{ content: `0.1 0.1 0.3 rg 60 690 300 25 re f 1 1 1 rg ${hiddenLine} 0 g ${shown}` }]));
    expect(found).toEqual({ [SHOWN]: 'shown', [HIDDEN]: 'shown' });
  });

  it("decides in pdf.js's text pass: no page's operators are read a second time", () => {
    const pages: Array<[string, string, number]> = [
      ['black text only', `${shown} ${hiddenLine}`, 0],
      ['a white background under black text', `1 1 1 rg 0 0 612 792 re f 0 g ${shown}`, 0],
      ['white text', `${shown} 1 g ${hiddenLine}`, 1],
      ['a near-white palette entry', `${shown} /Pal cs 1 sc ${hiddenLine}`, 1],
      ['white text on a dark box', `0.1 g 60 690 300 25 re f 1 g ${hiddenLine}`, 0],
    ];
    // In a process of its own, as the pool's threads run it: the changed pdf.js is loaded once per thread.
    const script = `
      const read = require('./src/adapters/pdf-worker.ts').readPdfInWorker;
      (async () => {
        const out = [];
        for (const hex of ${JSON.stringify(pages.map(([, content]) => contentPdf([{ content }], SPACES).toString('hex')))}) {
          const r = await read({ bytes: new Uint8Array(Buffer.from(hex, 'hex')), maxPages: 5 });
          out.push(r.ok ? [r.pagesWalked, r.pages[0].items.filter((i) => i.hidden === 'white').length] : r.code);
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(run.stderr);
    const found = JSON.parse(run.stdout) as Array<[number, number]>;
    expect(pages.map(([name], i) => [name, found[i]])).toEqual(pages.map(([name, , white]) => [name, [0, white]]));
  }, 60_000);
});

/**
 * What a page paints under white text, as the text pass sees it: a filled path of any shape in a
 * dark fill, a picture, a stencil mask in a dark fill, each wherever it is shown, inside forms too.
 * A path only stroked, or ended without painting, is no background.
 */
describe('white text on what the page paints', () => {
  const box = '60 690 300 25';
  const overBox = `1 g ${hiddenLine} 0 g ${shown}`;
  const PICTURE = { dict: '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', content: '\x50\x60\x70\x80' };
  const MASK = { dict: '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ImageMask true /BitsPerComponent 1', content: '\x00\x00' };
  const FORM = { dict: '/Type /XObject /Subtype /Form /BBox [0 0 300 25]', content: '0.1 g 0 0 300 25 re f' };
  // The content stream is object 5; the XObjects given follow as 6, 7, …
  const xobjects = (names: string[]): string => `/XObject << ${names.map((n, i) => `/${n} ${6 + i} 0 R`).join(' ')} >>`;

  it.each([
    ['a dark area drawn as lines', `0.1 g 60 690 m 360 690 l 360 715 l 60 715 l h f ${overBox}`, 'shown'],
    ['a dark area drawn with a curve', `0.1 g 60 690 m 60 720 360 720 360 690 c f ${overBox}`, 'shown'],
    ['a dark area filled even-odd and stroked', `0.1 g 0 G ${box} re B* ${overBox}`, 'shown'],
    ['a dark rectangle only stroked', `0.1 g 0.1 G ${box} re S ${overBox}`, 'white'],
    ['a dark rectangle ended without painting', `0.1 g ${box} re n ${overBox}`, 'white'],
    ['a light rectangle', `0.95 g ${box} re f ${overBox}`, 'white'],
    ['a dark inline stencil mask', `0 g q 300 0 0 30 60 690 cm BI /W 2 /H 2 /IM true /BPC 1 ID \x00\x00 EI Q ${overBox}`, 'shown'],
    ['a white inline stencil mask', `1 g q 300 0 0 30 60 690 cm BI /W 2 /H 2 /IM true /BPC 1 ID \x00\x00 EI Q ${overBox}`, 'white'],
  ])('%s', async (_name, content, verdict) => {
    expect(await verdicts(contentPdf([{ content }]))).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it.each([
    ['a picture under the text', 'q 300 0 0 30 60 690 cm /Im Do Q', [PICTURE], 'shown'],
    ['a picture beside the text', 'q 300 0 0 30 60 400 cm /Im Do Q', [PICTURE], 'white'],
    ['a picture under the text at its second use', 'q 300 0 0 30 60 400 cm /Im Do Q q 300 0 0 30 60 690 cm /Im Do Q', [PICTURE], 'shown'],
    ['a stencil mask in a dark fill', '0 g q 300 0 0 30 60 690 cm /Im Do Q', [MASK], 'shown'],
    ['a stencil mask in a white fill', '1 g q 300 0 0 30 60 690 cm /Im Do Q', [MASK], 'white'],
    ['a form painting a dark box', 'q 1 0 0 1 60 690 cm /Im Do Q', [FORM], 'shown'],
    ['a form painting a dark box, under the text at its second use', 'q 1 0 0 1 60 400 cm /Im Do Q q 1 0 0 1 60 690 cm /Im Do Q', [FORM], 'shown'],
  ])('%s', async (_name, content, objects, verdict) => {
    const pdf = contentPdf([{ content: `${content} ${overBox}` }], xobjects(['Im']), objects);
    expect(await verdicts(pdf)).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  // White text shows on the last area painted under it before it.
  it.each([
    ['a dark box painted over in white', `0.1 g ${box} re f 1 g ${box} re f ${overBox}`, 'white'],
    ['a dark box painted over by a stencil mask in white', `0.1 g ${box} re f 1 g q 300 0 0 30 60 690 cm BI /W 2 /H 2 /IM true /BPC 1 ID \x00\x00 EI Q ${overBox}`, 'white'],
    ['a dark box painted over in white inside a form', `0.1 g ${box} re f q 1 0 0 1 60 690 cm /Im Do Q ${overBox}`, 'white'],
    ['a dark box painted after the white text, over it', `1 g ${hiddenLine} 0.1 g ${box} re f 0 g ${shown}`, 'white'],
    ['a white box, then a dark box over it', `1 g ${box} re f 0.1 g ${box} re f ${overBox}`, 'shown'],
    ['a dark box, and a white box painted elsewhere', `0.1 g ${box} re f 1 g 60 400 300 25 re f ${overBox}`, 'shown'],
    ['a picture painted over a white box', `1 g ${box} re f q 300 0 0 30 60 690 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x50\x60\x70\x80 EI Q ${overBox}`, 'shown'],
  ])('%s', async (_name, content, verdict) => {
    const pdf = contentPdf([{ content }], xobjects(['Im']), [{ dict: '/Type /XObject /Subtype /Form /BBox [0 0 300 25]', content: '1 g 0 0 300 25 re f' }]);
    expect(await verdicts(pdf)).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it('a page of more dark areas than are kept still has its white text found', async () => {
    // 12,000 small squares along the foot of the page: those beyond the kept number merge into one box there.
    const squares = Array.from({ length: 12_000 }, (_, i) => `${i % 600} ${Math.floor(i / 600)} 0.5 0.5 re f`).join(' ');
    const pdf = contentPdf([{ content: `0.1 g ${squares} ${overBox}`, deflate: true }]);
    expect(await verdicts(pdf)).toEqual({ [SHOWN]: 'shown', [HIDDEN]: 'white' });
  });

  it('a white word run on from a black one in the same text object is hidden on its own', async () => {
    const pdf = contentPdf([{ content: `BT /F1 11 Tf 72 700 Td (${SHOWN} ) Tj 1 g (${HIDDEN}) Tj ET` }]);
    const result = await reader.readPdf(new Uint8Array(pdf), { maxPages: 5 });
    const items = result.pages.flatMap((p) => p.items).map((i) => [i.str.trim(), i.hidden ?? 'shown']);
    expect(items).toEqual([[SHOWN, 'shown'], [HIDDEN, 'white']]);
  });

  it('a white copy of words shown in black elsewhere is still hidden', async () => {
    const pdf = contentPdf([{ content: `${shown} 1 g BT /F1 11 Tf 72 700 Td (${SHOWN}) Tj ET` }]);
    const result = await reader.readPdf(new Uint8Array(pdf), { maxPages: 5 });
    expect(result.pages.flatMap((p) => p.items).map((i) => [i.str, i.hidden ?? 'shown'])).toEqual([[SHOWN, 'shown'], [SHOWN, 'white']]);
  });
});

/**
 * Text drawn in rendering mode 3 (neither filled nor stroked) is seen by no reader, whatever its
 * colour, unless a picture lies under it: that is how a scanner's OCR lays its text layer over the
 * page's image, whose words the reader sees.
 */
describe('text drawn invisible', () => {
  const PICTURE = 'q 300 0 0 30 60 690 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x50\x60\x70\x80 EI Q';
  it.each([
    ['on no picture', `${shown} 3 Tr ${hiddenLine}`, 'invisible'],
    ['in black on a dark box, which is no picture', `${shown} 0.1 g 60 690 300 25 re f 0 g 3 Tr ${hiddenLine}`, 'invisible'],
    ['over a picture, as a scan\'s OCR layer', `${shown} ${PICTURE} 3 Tr ${hiddenLine}`, 'shown'],
    ['in a mode restored away', `${shown} q 3 Tr Q ${hiddenLine}`, 'shown'],
    ['as a clipping path (mode 7), which a fill may show', `${shown} 7 Tr ${hiddenLine}`, 'shown'],
    ['in a mode given inside the text object', `${shown} BT /F1 11 Tf 72 700 Td 3 Tr (${HIDDEN}) Tj ET`, 'invisible'],
  ])('%s', async (_name, content, verdict) => {
    expect(await verdicts(contentPdf([{ content }]))).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it('an invisible word run on from a visible one is hidden on its own', async () => {
    const pdf = contentPdf([{ content: `BT /F1 11 Tf 72 700 Td (${SHOWN} ) Tj 3 Tr (${HIDDEN}) Tj ET` }]);
    const result = await reader.readPdf(new Uint8Array(pdf), { maxPages: 5 });
    expect(result.pages.flatMap((p) => p.items).map((i) => [i.str.trim(), i.hidden ?? 'shown'])).toEqual([[SHOWN, 'shown'], [HIDDEN, 'invisible']]);
  });
});

describe('outlined text: drawn in the stroke colour', () => {
  // Rendering modes 1 and 5 outline the glyphs, 2 and 6 fill and outline them.
  const SPACES = '/ColorSpace << /Pal [/Indexed /DeviceRGB 1 <1A1A1AFFFFFF>] /Spot [/Separation /Silver /DeviceGray << /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [0.95] /N 1 >>] >>';
  it.each([
    ['outlined in white, the fill left black', `${shown} 1 1 1 RG 1 Tr ${hiddenLine}`, 'white'],
    ['outlined in white with clipping (mode 5)', `${shown} 5 Tr 1 G ${hiddenLine}`, 'white'],
    ['outlined in black, the fill white', `${shown} 1 g 0 G 1 Tr ${hiddenLine}`, 'shown'],
    ['filled white and outlined in black', `${shown} 1 g 0 G 2 Tr ${hiddenLine}`, 'shown'],
    ['filled black and outlined in white', `${shown} 0 g 1 G 2 Tr ${hiddenLine}`, 'shown'],
    ['filled and outlined in white (mode 6)', `${shown} 1 g 1 G 6 Tr ${hiddenLine}`, 'white'],
    ['outlined in CMYK white', `${shown} 0 0 0 0 K 1 Tr ${hiddenLine}`, 'white'],
    ['outlined in a palette entry that is white', `${shown} /Pal CS 1 SC 1 Tr ${hiddenLine}`, 'white'],
    ['outlined in a palette entry that is dark', `${shown} /Pal CS 0 SC 1 Tr ${hiddenLine}`, 'shown'],
    ['outlined in a spot colour whose every tint prints near-white', `${shown} /Spot CS 1 SCN 1 Tr ${hiddenLine}`, 'white'],
    ['SCN before any stroke colour space is set reads a grey', `${shown} 1 SCN 1 Tr ${hiddenLine}`, 'white'],
    ['a stroke colour space the page does not have: its colours count as grey', `${shown} /Nowhere CS 0.1 SC 1 Tr ${hiddenLine}`, 'shown'],
    ['a white stroke restored away', `${shown} 1 Tr q 1 G Q ${hiddenLine}`, 'shown'],
    ['the fill colour does not outline', `${shown} 1 g 1 Tr ${hiddenLine}`, 'shown'],
    ['outlined in white on a dark box', `${shown} 0.1 g 60 690 300 25 re f 1 G 1 Tr ${hiddenLine}`, 'shown'],
  ])('%s', async (_name, content, verdict) => {
    expect(await verdicts(contentPdf([{ content }], SPACES))).toEqual({ [SHOWN]: 'shown', [HIDDEN]: verdict });
  });

  it('a word outlined in white run on from a black one is hidden on its own', async () => {
    const pdf = contentPdf([{ content: `BT /F1 11 Tf 72 700 Td (${SHOWN} ) Tj 1 G 1 Tr (${HIDDEN}) Tj ET` }]);
    const result = await reader.readPdf(new Uint8Array(pdf), { maxPages: 5 });
    expect(result.pages.flatMap((p) => p.items).map((i) => [i.str.trim(), i.hidden ?? 'shown'])).toEqual([[SHOWN, 'shown'], [HIDDEN, 'white']]);
  });
});

describe('the same verdicts where pdf.js could not be changed', () => {
  it("walks the page's operators and finds white, outlined and invisible text, and what it shows on, as the text pass does", () => {
    const picture = 'q 300 0 0 30 60 690 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x50\x60\x70\x80 EI Q';
    const pages = [
      `${shown} 1 g ${hiddenLine}`,
      `${shown} 0.1 g 60 690 300 25 re f 1 g ${hiddenLine}`,
      `${shown} 3 Tr ${hiddenLine}`,
      `${shown} ${picture} 3 Tr ${hiddenLine}`,
      `${shown} q 3 Tr Q ${hiddenLine}`,
      `${shown} 1 G 1 Tr ${hiddenLine}`,
      `${shown} 1 g 0 G 2 Tr ${hiddenLine}`,
      `${shown} 1 Tr q 1 G Q ${hiddenLine}`,
      `${shown} 0.1 g 60 690 300 25 re f 1 g 60 690 300 25 re f ${hiddenLine}`,
      `${shown} 1 g ${hiddenLine} 0.1 g 60 690 300 25 re f`,
      `${shown} 1 g 60 690 300 25 re f 0.1 g 60 690 300 25 re f 1 g ${hiddenLine}`,
    ];
    const workerFile = path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs');
    // In processes of their own: the module pdf.js uses is chosen once per thread.
    const read = (unchanged: boolean): unknown => {
      const script = `
        const { pathToFileURL } = require('node:url');
        (async () => {
          if (${unchanged}) globalThis.pdfjsWorker = await import(pathToFileURL(${JSON.stringify(workerFile)}).href);
          const read = require('./src/adapters/pdf-worker.ts').readPdfInWorker;
          const out = [];
          for (const hex of ${JSON.stringify(pages.map((content) => contentPdf([{ content }]).toString('hex')))}) {
            const r = await read({ bytes: new Uint8Array(Buffer.from(hex, 'hex')), maxPages: 5 });
            out.push(r.ok ? [r.pagesWalked, r.pages[0].items.map((i) => i.hidden ?? 'shown')] : r.code);
          }
          process.stdout.write(JSON.stringify(out));
        })();`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout);
    };
    const verdictsOf = (walked: number): unknown => [
      [walked, ['shown', 'white']],
      [walked, ['shown', 'shown']],
      [walked, ['shown', 'invisible']],
      [walked, ['shown', 'shown']],
      [walked, ['shown', 'shown']],
      [walked, ['shown', 'white']],
      [walked, ['shown', 'shown']],
      [walked, ['shown', 'shown']],
      [walked, ['shown', 'white']],
      [walked, ['shown', 'white']],
      [walked, ['shown', 'shown']],
    ];
    expect(read(false)).toEqual(verdictsOf(0));
    expect(read(true)).toEqual(verdictsOf(1));
  }, 60_000);
});
