import { deflateSync } from 'node:zlib';
import { mayFillLight } from '../../src/adapters/pdf-fill-colours';
import { fixture } from '../helpers';

/** A PDF skeleton with the given content streams (the check reads streams, not the cross-reference table). */
function pdfWith(streams: Array<{ content: string; dict?: string; deflate?: boolean }>, extra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  streams.forEach((s, i) => {
    const data = s.deflate ? deflateSync(Buffer.from(s.content, 'latin1')) : Buffer.from(s.content, 'latin1');
    const filter = s.deflate ? ' /Filter /FlateDecode' : '';
    parts.push(Buffer.from(`${i + 4} 0 obj\n<< /Length ${data.length}${filter}${s.dict ?? ''} >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n'));
  });
  parts.push(Buffer.from(`${extra}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe('mayFillLight: can any text be filled in a light colour?', () => {
  it.each([
    ['black text', [{ content: '0 g BT /F1 12 Tf (Hello) Tj ET' }], false],
    ['no colour set at all', [{ content: 'BT /F1 12 Tf (Hello) Tj ET' }], false],
    ['white text', [{ content: '1 g BT /F1 12 Tf (Hidden) Tj ET' }], true],
    ['near-white RGB text', [{ content: '0.97 0.97 0.98 rg BT (Hidden) Tj ET' }], true],
    ['white CMYK text', [{ content: '0 0 0 0 k BT (Hidden) Tj ET' }], true],
    ['a white page background, then black text', [{ content: '1 1 1 rg 0 0 612 792 re f 0 0 0 rg BT (Hi) Tj ET' }], false],
    ['a dark colour inside a string literal does not count', [{ content: '1 1 1 rg BT (0 g) Tj ET' }], true],
    ['white restored away by Q, then black text', [{ content: 'q 1 g 0 0 10 10 re f Q 0 g BT (x) Tj ET' }], false],
    ['text in the colour it inherits, where some stream sets white, counts as light', [{ content: 'q 1 g 0 0 10 10 re f Q BT (x) Tj ET' }], true],
    ['black restored away by Q, white again', [{ content: '1 g q 0 g Q BT (x) Tj ET' }], true],
    ['text in a form that inherits a white fill', [{ content: '1 g /Fm0 Do' }, { content: 'BT (x) TJ ET', dict: ' /Subtype /Form' }], true],
    ['compressed content', [{ content: '1 g BT (x) Tj ET', deflate: true }], true],
    ['compressed, black', [{ content: '0.2 g BT (x) Tj ET', deflate: true }], false],
    ['a filter the check does not read', [{ content: 'xxxx', dict: ' /Filter /LZWDecode' }], true],
    ['a single-component colour in a space set elsewhere (a spot-colour tint)', [{ content: '/CS0 cs 0 sc BT (x) Tj ET' }], true],
    ['RGB through a colour space, dark', [{ content: '/CS0 cs 0.1 0.1 0.1 sc BT (x) Tj ET' }], false],
    ['inline image data', [{ content: '1 g BI /W 1 /H 1 ID \x00\x01 EI BT (x) Tj ET' }], true],
    // Numbers are read from character codes: every form PDF writes, and odd ones, as Number() reads them.
    ['a grey written with a sign and no leading digit, light', [{ content: '+.95 g BT (x) Tj ET' }], true],
    ['a grey just under the threshold, dark', [{ content: '0.849 g BT (x) Tj ET' }], false],
    ['a grey with a trailing point, white', [{ content: '1. g BT (x) Tj ET' }], true],
    ['a negative grey clamps to black', [{ content: '-0.5 g BT (x) Tj ET' }], false],
    ['a long fraction', [{ content: '0.86000000000000000001 g BT (x) Tj ET' }], true],
    ['a malformed number is no operand: no grey, no colour', [{ content: '0.9.1 g BT (x) Tj ET' }], false],
    ['light text in a later stream ends the scan there', [{ content: '0 g BT (x) Tj ET' }, { content: '1 g BT (y) Tj ET' }, { content: '0 g BT (z) Tj ET' }], true],
    ['a light fill in a later stream, text inheriting in an earlier one', [{ content: 'BT (x) Tj ET', dict: ' /Subtype /Form' }, { content: 'q 1 g 0 0 5 5 re f Q /Fm0 Do' }], true],
  ])('%s', (_name, streams, expected) => {
    expect(mayFillLight(pdfWith(streams))).toBe(expected);
  });

  it('a colour-space change is light only where a palette (Indexed space) exists', () => {
    expect(mayFillLight(pdfWith([{ content: '/CS0 cs BT (x) Tj ET' }]))).toBe(false);
    expect(mayFillLight(pdfWith([{ content: '/CS0 cs BT (x) Tj ET' }], '9 0 obj [/Indexed /DeviceRGB 1 <FFFFFF000000>] endobj'))).toBe(true);
    expect(mayFillLight(pdfWith([{ content: '/CS0 cs BT (x) Tj ET' }, { content: '9 0 [/Indexed /DeviceRGB 1 <FFFFFF>]', dict: ' /Type /ObjStm', deflate: true }]))).toBe(true);
  });

  it('skips images and fonts, and reads the fixtures as expected', () => {
    expect(mayFillLight(pdfWith([{ content: '1 g BT (x) Tj ET', dict: ' /Subtype /Image' }]))).toBe(false);
    expect(mayFillLight(fixture('hidden-text.pdf'))).toBe(true);
    expect(mayFillLight(fixture('latex-two-column.pdf'))).toBe(false);
    expect(mayFillLight(fixture('libreoffice-cv.pdf'))).toBe(false);
  });
});
