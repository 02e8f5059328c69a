import { deflateSync } from 'node:zlib';

/**
 * Small PDFs written object by object, with a correct cross-reference table: for hostile-input
 * cases no authoring tool would produce (500 pages, a page tree that loops, a JavaScript action,
 * a font dictionary carrying code in its FontMatrix).
 */
export function writePdf(objects: string[], rootRef = '1 0 R'): Buffer {
  let out = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const textContent = (lines: string[]): string =>
  `BT /F1 11 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, (c) => `\\${c}`)}) '`).join(' ')} ET`;

/** A text PDF of `pages` pages, each with the given lines (Helvetica, no embedded font). */
export function textPdf(pages: number, lines: (page: number) => string[], extraCatalog = '', fontExtra = ''): Buffer {
  // 1 catalog, 2 pages, 3 font, then a page and its content per page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${extraCatalog} >>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica ${fontExtra} >>`,
  ];
  for (let p = 0; p < pages; p++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + p * 2} 0 R >>`);
    objects.push(stream(textContent(lines(p))));
  }
  return writePdf(objects);
}

/** A content stream of a hand-written page: its operators, entries added to its dictionary, compressed or not. */
export interface ContentStream {
  content: string;
  dict?: string;
  deflate?: boolean;
}

/**
 * A one-page PDF (Helvetica as /F1) whose page content is the given streams, in order; `resources`
 * adds entries to the page's resources. `objects` (streams given by dictionary entries and content,
 * as XObjects) follow the content streams: the first is object 5 + streams.length.
 */
export function contentPdf(streams: ContentStream[], resources = '', objects: Array<{ dict: string; content: string }> = []): Buffer {
  const refs = streams.map((_, i) => `${5 + i} 0 R`).join(' ');
  const pdfObjects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> ${resources}>> /Contents [${refs}] >>`,
  ];
  for (const s of streams) {
    const data = s.deflate ? deflateSync(Buffer.from(s.content, 'latin1')).toString('latin1') : s.content;
    pdfObjects.push(`<< /Length ${Buffer.byteLength(data, 'latin1')}${s.deflate ? ' /Filter /FlateDecode' : ''}${s.dict ?? ''} >>\nstream\n${data}\nendstream`);
  }
  for (const o of objects) pdfObjects.push(`<< /Length ${Buffer.byteLength(o.content, 'latin1')} ${o.dict} >>\nstream\n${o.content}\nendstream`);
  return writePdf(pdfObjects);
}

/** A page tree whose only kid is the tree itself. */
export function loopingPageTreePdf(): Buffer {
  return writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** One empty page of the given size in points (a page 200 pt wide and a mile long renders to billions of pixels). */
export function emptyPagePdf(width: number, height: number): Buffer {
  return writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] >>`]);
}

/**
 * A one-page text PDF whose page content also holds a compressed stream that inflates to
 * `inflatedMb` megabytes of white space (a few hundred kilobytes on disk): a decompression bomb.
 */
export function flateBombPdf(inflatedMb: number, lines: string[]): Buffer {
  const bomb = deflateSync(Buffer.alloc(inflatedMb * 2 ** 20, 0x20), { level: 9 }).toString('latin1');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents [5 0 R 6 0 R] >>',
    stream(textContent(lines)),
    `<< /Length ${Buffer.byteLength(bomb, 'latin1')} /Filter /FlateDecode >>\nstream\n${bomb}\nendstream`,
  ]);
}

/**
 * A one-page text PDF whose font's ToUnicode map declares one range of `codes` character codes:
 * pdf.js fills a map with an entry per code and later lists every entry (a few hundred bytes that
 * ask for millions of strings).
 */
export function toUnicodeRangePdf(codes: number, lines: string[]): Buffer {
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(6, '0');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <000000> <FFFFFF> endcodespacerange',
    `1 beginbfrange <000000> <${hex(codes - 1)}> <0041> endbfrange`,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    stream(textContent(lines)),
    stream(cmap),
  ]);
}
