import type { Quality, QualityWarning } from './schema';

export interface TextLegibility {
  /** Share of non-space characters that are letters or digits. */
  alnumShare: number;
  /** Share of Latin-letter words that look like words (contain a vowel or are short). */
  wordShare: number;
  words: number;
}

const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý]/i;
const SPACE = /\s/u;
/** Emoji (with their joiners and variation selectors) are deliberate symbols, not garbling. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u200d\ufe0f]/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

/** What a character is, for legibility: ASCII by its code, the rest by Unicode's properties. */
function kindOf(cp: number): 'skipped' | 'letter' | 'digit' | 'other' {
  if (cp < 128) {
    if (cp === 32 || (cp >= 9 && cp <= 13)) return 'skipped';
    if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return 'letter';
    return cp >= 48 && cp <= 57 ? 'digit' : 'other';
  }
  const ch = String.fromCodePoint(cp);
  if (SPACE.test(ch) || PICTOGRAPH.test(ch)) return 'skipped';
  if (LETTER.test(ch)) return 'letter';
  return NUMBER.test(ch) ? 'digit' : 'other';
}

/**
 * Measures how much of a text reads as language; garbled PDF text layers score low on both. One
 * pass over the characters: the text of every upload is measured, and matching it whole with
 * regular expressions (an array of every letter) took half a millisecond for a page.
 */
export function measureLegibility(text: string): TextLegibility {
  /** UTF-16 units outside white space and pictographs; letters and digits among them, by code point. */
  let nonSpace = 0;
  let alnum = 0;
  let latinWords = 0;
  let wordLike = 0;
  // The run of letters in progress: its length in UTF-16 units, whether all of it is Latin, whether it has a vowel.
  let runUnits = 0;
  let runLatin = true;
  let runVowel = false;
  const endRun = (): void => {
    if (runUnits > 0 && runLatin) {
      latinWords++;
      if (runUnits <= 3 || runVowel) wordLike++;
    }
    runUnits = 0;
    runLatin = true;
    runVowel = false;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const units = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind !== 'skipped') {
      nonSpace += units;
      if (kind === 'letter' || kind === 'digit') alnum++;
    }
    if (kind === 'letter') {
      runUnits += units;
      // A Latin word: A–Z, a–z and U+00C0–U+024F only.
      if (!((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (cp >= 0xc0 && cp <= 0x24f))) runLatin = false;
      else if (!runVowel && VOWELS.test(String.fromCharCode(cp))) runVowel = true;
    } else {
      endRun();
    }
    i += units;
  }
  endRun();
  if (nonSpace === 0) return { alnumShare: 0, wordShare: 0, words: 0 };
  return {
    alnumShare: alnum / nonSpace,
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
