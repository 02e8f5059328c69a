/**
 * pdf-parse bundles core-js, which replaces Array.prototype.push, for every line of code in the
 * thread, with a polyfill written in JavaScript (it guards array lengths beyond 2^53, which no
 * PDF reaches). pdf.js pushes on every glyph, operator and font table: the polyfill was 15% of the
 * time it takes to read a Typst CV. This module is imported before pdf-parse, keeps the engine's
 * own push, and puts it back once pdf-parse and its worker module have loaded.
 */
const NATIVE_PUSH = Array.prototype.push;

/** Puts the engine's push back if a library replaced it; returns whether it had been replaced. */
export function restoreNativeArrayPush(): boolean {
  if (Array.prototype.push === NATIVE_PUSH) return false;
  Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, configurable: true, enumerable: false });
  return true;
}
