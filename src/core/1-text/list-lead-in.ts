/**
 * The line that introduces the list a position stands in ("Roles I hire for", "Nice to have:"):
 * what that line says applies to every item under it. A list is bullet lines (-, *, •, numbered),
 * with their continuation lines and blank lines among them; its lead-in is the short line just
 * above its first bullet. Null when the position is not in a list, or the list has no lead-in.
 */
const BULLET = /^[ \t]*(?:[-*•·▪◦‣]|\d{1,2}[.)])[ \t]+\S/;
/** How far up a list is followed: a longer one is not read as a list at all. */
const MAX_LINES = 60;
const MAX_LEAD_IN_WORDS = 10;

function isLeadIn(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && !/[.!?]$/.test(trimmed) && trimmed.split(/\s+/).length <= MAX_LEAD_IN_WORDS;
}

/** The line above the one starting at `start` (its start and text), or null at the top. */
function lineAbove(text: string, start: number): { start: number; line: string } | null {
  if (start <= 0) return null;
  const above = text.lastIndexOf('\n', start - 2) + 1;
  return { start: above, line: text.slice(above, start - 1) };
}

/** Whether a plain line carries on a bullet above it: plain lines up to a bullet, with no blank line between. */
function continuesBullet(text: string, start: number): boolean {
  let at = start;
  for (let n = 0; n < 5; n++) {
    const above = lineAbove(text, at);
    if (!above || !above.line.trim()) return false;
    if (BULLET.test(above.line)) return true;
    at = above.start;
  }
  return false;
}

export function listLeadIn(text: string, at: number): string | null {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const firstEnd = text.indexOf('\n', lineStart);
  const first = text.slice(lineStart, firstEnd < 0 ? text.length : firstEnd);
  if (!BULLET.test(first) && !continuesBullet(text, lineStart)) return null; // not in a list
  for (let n = 0; n < MAX_LINES; n++) {
    const above = lineAbove(text, lineStart);
    if (!above) return null;
    lineStart = above.start;
    const line = above.line;
    if (!line.trim() || BULLET.test(line) || continuesBullet(text, lineStart)) continue;
    // The first plain line above the list: its lead-in if it is short and not a sentence.
    return isLeadIn(line) ? line.trim() : null;
  }
  return null;
}
