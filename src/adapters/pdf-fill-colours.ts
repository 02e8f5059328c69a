/**
 * Fill and stroke colours as the hidden-text check judges them: the luminance of pdf.js's RGB
 * colour. pdf.js's text pass follows both (src/adapters/pdfjs-worker.ts): it marks each text item
 * shown near-white (filled, or outlined in the stroke colour, as its rendering mode says) and notes
 * the dark areas painted on the page, which white text shows on.
 */

/** Text at this luminance or above is white. */
export const NEAR_WHITE = 0.92;
/** A filled area, or a stencil mask, below this luminance is a background white text shows on. */
export const DARK_FILL = 0.85;

/** Relative luminance of an RGB colour (components in [0, 1]), Rec. 601 weights. */
const luminance = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Luminance of pdf.js's colour string `#rrggbb`; anything else (a colour pdf.js could not convert) is black, as pdf.js paints it. */
export function hexLuminance(hex: unknown): number {
  if (typeof hex !== 'string' || !HEX_COLOUR.test(hex)) return 0;
  // Read as one number: the text pass converts a colour at every colour operator of every page.
  const rgb = Number.parseInt(hex.slice(1), 16);
  return luminance(((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255);
}

/** The part of a pdf.js colour space the text pass uses. */
export interface PdfJsColourSpace {
  getRgbHex(components: unknown, offset: number): string;
}

/**
 * Luminance of a fill or stroke colour given in a colour space, converted as pdf.js's operator pass converts
 * it. A conversion that fails counts as white: pdf.js's drawing stops at it, and what follows on
 * the page is not shown.
 */
export function fillLuminance(space: PdfJsColourSpace, components: unknown): number {
  try {
    return hexLuminance(space.getRgbHex(components ?? [], 0));
  } catch {
    return 1;
  }
}
