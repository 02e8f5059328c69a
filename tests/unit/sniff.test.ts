import { SkillmatchError } from '../../src/core/0-base/errors';
import { classifyText, decodeText, sniffFormat, zipEntryNames } from '../../src/core/1-text/sniff';
import { fixture } from '../helpers';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SkillmatchError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('sniffFormat: detection by content', () => {
  it('PDF by %PDF- within the first 1024 bytes', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n...')).format).toBe('pdf');
    expect(sniffFormat(Buffer.concat([Buffer.alloc(200, 0x20), Buffer.from('%PDF-1.4')])).format).toBe('pdf');
  });

  it('DOCX by word/document.xml in the ZIP directory', () => {
    expect(sniffFormat(fixture('libreoffice-cv.docx')).format).toBe('docx');
    expect(zipEntryNames(fixture('libreoffice-cv.docx'))).toContain('word/document.xml');
  });

  it.each([
    ['macro-enabled .docm', 'macro.docm', 'unsupported-format'],
    ['a ZIP without a Word document', 'not-a-docx.docx', 'unsupported-format'],
    ['legacy .doc (OLE2)', 'legacy-word.doc', 'unsupported-format'],
  ])('refuses %s', (_label, file, code) => {
    expect(codeOf(() => sniffFormat(fixture(file), { filename: file }))).toBe(code);
  });

  it('refuses executables, GIF images and empty files', () => {
    expect(codeOf(() => sniffFormat(Buffer.from('MZ\x90\x00\x03', 'latin1')))).toBe('unsupported-format');
    expect(codeOf(() => sniffFormat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1])))).toBe('unsupported-format');
    expect(codeOf(() => sniffFormat(Buffer.from('GIF89a', 'latin1')))).toBe('unsupported-format');
    expect(codeOf(() => sniffFormat(Buffer.alloc(0)))).toBe('empty-document');
  });

  it('PNG, JPEG and TIFF are images (for OCR), whatever their name says', () => {
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0])).format).toBe('image');
    expect(sniffFormat(fixture('scan-clean.tif')).format).toBe('image');
    const named = sniffFormat(fixture('photo-named.pdf'), { filename: 'photo.pdf' });
    expect(named.format).toBe('image');
    expect(named.warnings).toEqual([expect.objectContaining({ code: 'format-mismatch', message: expect.stringContaining('the content is an image') })]);
  });

  it('a password-protected Office file (OLE2 with EncryptedPackage) -> document-encrypted', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(codeOf(() => sniffFormat(ole))).toBe('document-encrypted');
  });

  it('warns when the name or declared type contradicts the content, and reads by content', () => {
    const result = sniffFormat(fixture('libreoffice-cv.docx'), { filename: 'cv.pdf', mimeType: 'application/pdf' });
    expect(result.format).toBe('docx');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toMatch(/name says PDF but the content is DOCX/);
    const fromMime = sniffFormat(Buffer.from('%PDF-1.4'), { filename: null, mimeType: 'text/plain' });
    expect(fromMime.warnings[0]?.code).toBe('format-mismatch');
  });

  it('no warning for text named .md, or Markdown named .txt', () => {
    expect(sniffFormat(Buffer.from('plain words'), { filename: 'cv.md' }).warnings).toEqual([]);
    expect(sniffFormat(Buffer.from('# Heading\n\n## Two\n\n**bold**'), { filename: 'cv.txt' }).warnings).toEqual([]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 LE/BE with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFCafé', 'utf8'))).toBe('Café');
    expect(decodeText(Buffer.from('Café', 'utf8'))).toBe('Café');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]))).toBe('Café');
    const be = Buffer.from('Café', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('Café');
  });

  it('reads right-to-left and mixed scripts and emoji', () => {
    const text = 'مهندس تعلم الآلة — 機械学習エンジニア — 🚀 Python';
    expect(decodeText(Buffer.from(text))).toBe(text);
  });

  it('refuses invalid UTF-8 and binary that happens to decode', () => {
    expect(codeOf(() => decodeText(Buffer.from([0x43, 0x56, 0xe9, 0x20])))).toBe('unsupported-format');
    expect(codeOf(() => decodeText(Buffer.from('text\u0000with NUL')))).toBe('unsupported-format');
  });
});

describe('classifyText', () => {
  it('HTML by its start or by many tags', () => {
    expect(classifyText('<!DOCTYPE html><p>x</p>', null)).toBe('html');
    expect(classifyText('  <html><body>x</body></html>', null)).toBe('html');
    expect(classifyText('<div><h1>CV</h1><p>a</p><p>b</p><ul><li>c</li><li>d</li></ul><p>e</p><p>f</p><p>g</p></div>', null)).toBe('html');
    expect(classifyText('Use <b>bold</b> sparingly', null)).toBe('text');
  });

  it('Markdown by its markup when unnamed; the name decides between text and Markdown', () => {
    const md = '# Jane\n\n## Skills\n\n- **Python**\n- [site](https://x.org)';
    expect(classifyText(md, null)).toBe('markdown');
    expect(classifyText(md, 'text')).toBe('text');
    expect(classifyText('Jane Doe\nPython developer', null)).toBe('text');
    expect(classifyText('Jane Doe', 'markdown')).toBe('markdown');
  });
});
