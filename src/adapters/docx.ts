import yauzl from 'yauzl';
import { SkillmatchError } from '../core/0-base/errors';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Inflated/compressed ratio allowed for entries larger than 1 MB inflated. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
};

function tooLarge(detail: string, limits: ZipLimits): SkillmatchError {
  return new SkillmatchError('archive-too-large', detail, {
    maxEntries: limits.maxEntries,
    maxEntryBytes: limits.maxEntryBytes,
    maxTotalBytes: limits.maxTotalBytes,
  });
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new SkillmatchError('unreadable-document', 'The DOCX archive is corrupt or truncated.'));
      else resolve(zip);
    });
  });
}

/**
 * Inflates every entry while counting bytes, before mammoth sees the file: a zip bomb (including
 * one whose headers lie about sizes) is refused, never inflated into memory. Returns the text of
 * docProps/app.xml, which states the page count.
 */
export async function inspectDocxArchive(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ appXml: string | null }> {
  const zip = await openZip(buffer);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw tooLarge(`The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed.`, limits);
  }
  let total = 0;
  let appXml: string | null = null;
  return new Promise((resolve, reject) => {
    const fail = (error: SkillmatchError): void => {
      zip.close();
      reject(error);
    };
    zip.on('error', () => fail(new SkillmatchError('unreadable-document', 'The DOCX archive is corrupt or truncated.')));
    zip.on('end', () => resolve({ appXml }));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (/\/$/.test(entry.fileName)) {
        zip.readEntry();
        return;
      }
      if (entry.uncompressedSize > limits.maxEntryBytes || total + entry.uncompressedSize > limits.maxTotalBytes) {
        fail(tooLarge('The archive declares more inflated data than allowed.', limits));
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          fail(new SkillmatchError('unreadable-document', 'An entry of the DOCX archive cannot be read.'));
          return;
        }
        let entryBytes = 0;
        const keep = entry.fileName === 'docProps/app.xml';
        const kept: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          entryBytes += chunk.length;
          total += chunk.length;
          if (keep && entryBytes <= 256 * 1024) kept.push(chunk);
          const ratio = entry.compressedSize > 0 ? entryBytes / entry.compressedSize : entryBytes;
          if (entryBytes > limits.maxEntryBytes || total > limits.maxTotalBytes || (entryBytes > 1024 * 1024 && ratio > limits.maxRatio)) {
            stream.destroy();
            fail(tooLarge('The archive inflates beyond the safety limits (a zip bomb?).', limits));
          }
        });
        stream.on('error', (e: Error) => {
          // yauzl reports headers that lie about sizes as a stream error.
          const lying = /too many bytes|not enough bytes|expected/i.test(e.message);
          fail(lying ? tooLarge('The archive entries inflate to sizes other than they declare.', limits)
            : new SkillmatchError('unreadable-document', 'The DOCX archive is corrupt or truncated.'));
        });
        stream.on('end', () => {
          if (keep) appXml = Buffer.concat(kept).toString('utf8');
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

function statedPages(appXml: string | null): number | null {
  const pages = appXml ? /<Pages>(\d+)<\/Pages>/.exec(appXml)?.[1] : undefined;
  return pages ? Number(pages) : null;
}

/** DOCX to HTML with mammoth (headings, lists and tables keep their structure), after the zip guard. */
export async function readDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ html: string; pages: number | null }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { appXml } = await inspectDocxArchive(buffer, limits);
  try {
    // mammoth is loaded on the first DOCX: a service that reads none does not hold it.
    const mammoth = require('mammoth') as typeof import('mammoth');
    const result = await mammoth.convertToHtml({ buffer });
    return { html: result.value, pages: statedPages(appXml) };
  } catch {
    throw new SkillmatchError('unreadable-document', 'The DOCX file could not be read: its document part is missing or malformed.');
  }
}
