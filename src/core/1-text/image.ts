import { SkillmatchError } from '../0-base/errors';

/** The image formats read by OCR, told apart by their first bytes. */
export type ImageKind = 'png' | 'jpeg' | 'tiff';

const SIGNATURES: ReadonlyArray<{ kind: ImageKind; magic: readonly number[] }> = [
  { kind: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', magic: [0xff, 0xd8, 0xff] },
  { kind: 'tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] },
];

export function imageKind(bytes: Uint8Array): ImageKind | null {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.kind ?? null;
}

/**
 * Largest image OCR decodes: a page scanned at 600 dpi is about 35 megapixels. Decoding costs 4
 * bytes a pixel before any recognition, so the size in the header is checked first: a 30,000 ×
 * 30,000 PNG of a few kilobytes would otherwise ask for 3.6 GB.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 12_000;

/** Width and height from the header (PNG IHDR, JPEG SOFn, TIFF tags 256/257), without decoding; null when the header does not say. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const kind = imageKind(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number, little = false): number => (at + 2 <= bytes.length ? view.getUint16(at, little) : 0);
  const u32 = (at: number, little = false): number => (at + 4 <= bytes.length ? view.getUint32(at, little) : 0);
  if (kind === 'png') return bytes.length >= 24 ? { width: u32(16), height: u32(20) } : null;
  if (kind === 'jpeg') {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1] ?? 0;
      // Start-of-frame markers (baseline, progressive, lossless...), not DHT (C4), JPG (C8) or DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16(at + 7), height: u16(at + 5) };
      at += 2 + u16(at + 2);
    }
    return null;
  }
  if (kind === 'tiff') {
    const little = bytes[0] === 0x49;
    const ifd = u32(4, little);
    const count = u16(ifd, little);
    let width = 0;
    let height = 0;
    for (let i = 0; i < count && i < 512; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry, little);
      const type = u16(entry + 2, little);
      const value = type === 3 ? u16(entry + 8, little) : u32(entry + 8, little);
      if (tag === 256) width = value;
      if (tag === 257) height = value;
    }
    return width && height ? { width, height } : null;
  }
  return null;
}

/** Refuses an image too large to decode safely, or one whose header gives no size, before anything decodes it. */
export function checkImageSize(bytes: Uint8Array): { width: number; height: number } {
  const size = imageDimensions(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    throw new SkillmatchError('unreadable-document', 'The image header gives no size: the file is truncated or corrupt.');
  }
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new SkillmatchError(
      'document-too-complex',
      `The image is ${size.width} × ${size.height} pixels; images up to ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read (a page at 600 dpi is about 35).`,
    );
  }
  return size;
}
