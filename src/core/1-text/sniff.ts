import { SkillmatchError } from '../0-base/errors';
import { imageKind } from './image';
import type { DocumentFormat, QualityWarning } from './schema';

/** What the caller says about the file; used only to warn when it contradicts the content. */
export interface FileHints {
  filename?: string | null;
  mimeType?: string | null;
}

export type SniffResult =
  | { format: 'pdf' | 'docx' | 'image'; warnings: QualityWarning[] }
  | { format: 'text' | 'markdown' | 'html'; decoded: string; warnings: QualityWarning[] };

const PDF_MAGIC = Buffer.from('%PDF-');
/** Acrobat accepts the header anywhere in the first 1024 bytes; so do we. */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0, to = bytes.length): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, to).indexOf(needle, from);
}

/** Signatures of formats we recognise in order to refuse them with a useful message. */
const REFUSED_SIGNATURES: ReadonlyArray<{ magic: readonly number[]; what: string }> = [
  { magic: [0x4d, 0x5a], what: 'a Windows executable' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image (send a PNG, JPEG or TIFF scan, or the PDF)' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document (save it as DOCX or PDF)' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06] as const;

/**
 * Reads the entry names from a ZIP's central directory without inflating anything.
 * Returns null when the directory cannot be found (truncated or not really a ZIP).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return names.length ? names : null;
    const nameLen = buf.readUInt16LE(offset + 28);
    const extraLen = buf.readUInt16LE(offset + 30);
    const commentLen = buf.readUInt16LE(offset + 32);
    if (offset + 46 + nameLen > buf.length) break;
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLen));
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): 'docx' {
  const names = zipEntryNames(bytes);
  const has = (name: string): boolean =>
    names ? names.some((n) => n.toLowerCase() === name) : indexOfBytes(bytes, Buffer.from(name)) >= 0;
  if (!has('word/document.xml')) {
    if (names === null) {
      throw new SkillmatchError('unreadable-document', 'The file starts like a ZIP archive but its directory is missing: it is truncated or corrupt.');
    }
    throw new SkillmatchError('unsupported-format', 'The file is a ZIP archive but not a Word document (no word/document.xml).');
  }
  if (has('word/vbaproject.bin') || indexOfBytes(bytes, Buffer.from('macroEnabled')) >= 0) {
    throw new SkillmatchError('unsupported-format', 'Macro-enabled Word documents (.docm) are refused. Save the document as .docx without macros.');
  }
  return 'docx';
}

function sniffOle2(bytes: Uint8Array): never {
  // Password-protected OOXML files are OLE2 containers holding an "EncryptedPackage" stream
  // (its directory name is stored as UTF-16LE).
  if (indexOfBytes(bytes, Buffer.from('EncryptedPackage', 'utf16le')) >= 0) {
    throw new SkillmatchError('document-encrypted', 'The Word document is password-protected.');
  }
  throw new SkillmatchError('unsupported-format', 'Legacy Office documents (.doc) are not supported. Save the document as DOCX or PDF.');
}

/**
 * The first `maxBytes` of text bytes, cut where a character starts (UTF-8: not inside a multi-byte
 * sequence; UTF-16: an even count after the byte-order mark).
 */
function textPrefix(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) end -= end % 2;
  else while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/**
 * Decodes text bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused.
 * Only the first `maxBytes` are decoded: the text beyond what is read costs nothing.
 */
export function decodeText(whole: Uint8Array, maxBytes = Infinity): string {
  const bytes = textPrefix(whole, maxBytes);
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SkillmatchError(
      'unsupported-format',
      'The file is neither a known document format nor valid UTF-8 / UTF-16 (with BOM) text. If it is text, save it as UTF-8.',
    );
  }
  if (looksBinary(text)) {
    throw new SkillmatchError('unsupported-format', 'The file holds binary data, not text.');
  }
  return text;
}

/** Valid UTF-8 can still be binary: NULs or a high share of control characters give it away. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let controls = 0;
  const sample = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls / sample > 0.01;
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_TAG = /<(p|div|span|h[1-6]|ul|ol|li|table|tr|td|br|section|article|header|footer|strong|em|a)\b[^>]*>/gi;

/** Chooses between HTML, Markdown and plain text for decoded text. */
export function classifyText(text: string, nameHint: DocumentFormat | null): 'text' | 'markdown' | 'html' {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head)) return 'html';
  const tags = head.match(HTML_TAG)?.length ?? 0;
  if (tags >= 5 && (nameHint === 'html' || tags >= 10)) return 'html';
  if (nameHint === 'html' && tags >= 1) return 'html';

  const sample = text.slice(0, 64 * 1024);
  const headings = sample.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const emphasis = sample.match(/\*\*[^*\n]+\*\*|__[^_\n]+__/g)?.length ?? 0;
  const links = sample.match(/\[[^\]\n]+\]\([^)\s]+\)/g)?.length ?? 0;
  const fences = sample.match(/^```/gm)?.length ?? 0;
  const setext = sample.match(/^\S.*\n(=+|-+)[ \t]*$/gm)?.length ?? 0;
  const score = headings * 2 + emphasis + links + fences + setext * 2;
  // Plain text is valid Markdown and vice versa: the name decides, the content only when unnamed.
  if (nameHint === 'markdown') return 'markdown';
  if (nameHint === 'text') return 'text';
  return score >= 4 ? 'markdown' : 'text';
}

const EXTENSIONS: Readonly<Record<string, DocumentFormat | 'doc'>> = {
  pdf: 'pdf',
  docx: 'docx',
  doc: 'doc',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

const MIME_TYPES: Readonly<Record<string, DocumentFormat | 'doc'>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/tiff': 'image',
};

function formatFromName(filename: string | null | undefined): DocumentFormat | 'doc' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  return ext ? (EXTENSIONS[ext] ?? null) : null;
}

function formatFromMime(mime: string | null | undefined): DocumentFormat | 'doc' | null {
  const base = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return MIME_TYPES[base] ?? null;
}

const FORMAT_LABEL: Readonly<Record<DocumentFormat | 'doc', string>> = {
  pdf: 'PDF',
  docx: 'DOCX',
  doc: 'legacy Word (.doc)',
  text: 'plain text',
  markdown: 'Markdown',
  html: 'HTML',
  image: 'an image',
};

/** Text, Markdown and HTML are all text: a .txt holding Markdown is no contradiction worth a warning. */
function family(format: DocumentFormat | 'doc'): string {
  return format === 'text' || format === 'markdown' ? 'text' : format;
}

function mismatchWarnings(detected: DocumentFormat, hints: FileHints): QualityWarning[] {
  const warnings: QualityWarning[] = [];
  const byName = formatFromName(hints.filename);
  if (byName && family(byName) !== family(detected)) {
    warnings.push({
      code: 'format-mismatch',
      message: `The file name says ${FORMAT_LABEL[byName]} but the content is ${FORMAT_LABEL[detected]}; it was read as ${FORMAT_LABEL[detected]}.`,
    });
  }
  const byMime = formatFromMime(hints.mimeType);
  if (byMime && family(byMime) !== family(detected) && (!byName || family(byName) !== family(byMime))) {
    warnings.push({
      code: 'format-mismatch',
      message: `The declared content type says ${FORMAT_LABEL[byMime]} but the content is ${FORMAT_LABEL[detected]}; it was read as ${FORMAT_LABEL[detected]}.`,
    });
  }
  return warnings;
}

/**
 * Detects the format from the bytes alone. Names and declared types only add a warning when
 * they disagree; files we cannot read are refused with `unsupported-format`.
 */
export function sniffFormat(bytes: Uint8Array, hints: FileHints = {}, maxTextBytes = Infinity): SniffResult {
  if (bytes.length === 0) {
    throw new SkillmatchError('empty-document', 'The file is empty (0 bytes).');
  }
  if (indexOfBytes(bytes, PDF_MAGIC, 0, PDF_HEADER_WINDOW + PDF_MAGIC.length) >= 0) {
    return { format: 'pdf', warnings: mismatchWarnings('pdf', hints) };
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC)) {
    const format = sniffZip(bytes);
    return { format, warnings: mismatchWarnings(format, hints) };
  }
  if (startsWith(bytes, OLE2_MAGIC)) sniffOle2(bytes);
  // A scan or a photo of a page: read by OCR (document-text.ts), or refused when OCR is off.
  if (imageKind(bytes)) return { format: 'image', warnings: mismatchWarnings('image', hints) };
  for (const sig of REFUSED_SIGNATURES) {
    if (startsWith(bytes, sig.magic)) {
      throw new SkillmatchError('unsupported-format', `The file is ${sig.what}, not a supported document.`);
    }
  }
  const decoded = decodeText(bytes, maxTextBytes);
  const nameHint = formatFromName(hints.filename);
  const format = classifyText(decoded, nameHint === 'doc' ? null : nameHint);
  return { format, decoded, warnings: mismatchWarnings(format, hints) };
}
