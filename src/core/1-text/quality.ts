import type { Quality, QualityWarning } from './schema';

export interface TextLegibility {
  /** Share of non-space characters that are letters or digits. */
  alnumShare: number;
  /** Share of Latin-letter words that look like words (contain a vowel or are short). */
  wordShare: number;
  words: number;
}

const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý]/i;

/** Measures how much of a text reads as language; garbled PDF text layers score low on both. */
export function measureLegibility(text: string): TextLegibility {
  // Emoji (with their joiners and variation selectors) are deliberate symbols, not garbling.
  const nonSpace = text.replace(/[\s\p{Extended_Pictographic}\u200d\ufe0f]+/gu, '');
  if (nonSpace.length === 0) return { alnumShare: 0, wordShare: 0, words: 0 };
  const alnum = nonSpace.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  let latinWords = 0;
  let wordLike = 0;
  for (const token of text.match(/\p{L}+/gu) ?? []) {
    if (!/^[A-Za-z\u00C0-\u024F]+$/.test(token)) continue;
    latinWords++;
    if (token.length <= 3 || VOWELS.test(token)) wordLike++;
  }
  return {
    alnumShare: alnum / nonSpace.length,
    wordShare: latinWords === 0 ? 1 : wordLike / latinWords,
    words: latinWords,
  };
}

/** Below these, a text layer is not text at all (the caller refuses it). */
export function isUnreadable(l: TextLegibility): boolean {
  return l.alnumShare < 0.35 || (l.words >= 20 && l.wordShare < 0.5);
}

/** Below these, the text is partly garbled: usable, but reported as low quality. */
function isDoubtful(l: TextLegibility): boolean {
  return l.alnumShare < 0.6 || (l.words >= 20 && l.wordShare < 0.8);
}

const LITTLE_TEXT_CHARS = 300;

export function assessQuality(text: string, warnings: QualityWarning[], replacementChars: number): Quality {
  const all = [...warnings];
  // Text read by OCR with low confidence is low quality whatever else it shows.
  let low = warnings.some((w) => w.code === 'low-ocr-confidence');
  const legibility = measureLegibility(text);
  if (isDoubtful(legibility)) {
    low = true;
    all.push({
      code: 'garbled-text',
      message: 'Part of the text layer does not read as words (fonts without a character map?); some skills may be missed.',
    });
  }
  if (text.length < LITTLE_TEXT_CHARS) {
    low = true;
    all.push({
      code: 'little-text',
      message: `Only ${text.length} characters of text were found; a CV or job ad is usually much longer.`,
    });
  }
  if (replacementChars > 0) {
    if (replacementChars > Math.max(3, text.length * 0.01)) low = true;
    all.push({
      code: 'replacement-characters',
      message: `${replacementChars} characters could not be decoded and were dropped.`,
    });
  }
  return { status: low ? 'low' : 'ok', warnings: all };
}
