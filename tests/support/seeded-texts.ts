/**
 * Texts made of pieces by a small generator with a seed: the same texts on every run, so a
 * failure names its text and repeats. Each text holds `fewest` to `fewest + spread - 1` pieces.
 */
export function seededTexts(seed: number, count: number, pieces: readonly string[], fewest: number, spread: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () => Array.from({ length: fewest + Math.floor(next() * spread) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}
