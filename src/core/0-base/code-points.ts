/**
 * Reading a text a code point at a time around an offset: a letter beyond the first plane
 * ("𝐀") is two UTF-16 code units, and a Unicode pattern sees it whole.
 */

/** Where the code point that ends just before i starts: i - 2 after a surrogate pair. */
export function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return pair ? i - 2 : i - 1;
}

/** Where the code point that starts at i ends. */
export function codePointEnd(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? i + 2 : i + 1;
}

/**
 * Whether the code point that starts at i is in a class: `ascii` answers for codes below 128,
 * `pattern` (a Unicode class) beyond them. None outside the text.
 */
export function codePointIn(text: string, i: number, ascii: (code: number) => boolean, pattern: RegExp): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ascii(c);
  return pattern.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}
