/**
 * The line that introduces the list a position stands in ("Roles I hire for", "Nice to have:"):
 * what that line says applies to every item under it. A list is bullet lines (-, *, •, numbered),
 * with their continuation lines and blank lines among them; its lead-in is the short line just
 * above its first bullet (blank lines aside). None when the position is not in a list, or the
 * list has no lead-in. One pass over the lines finds every list's lead-in.
 */
import { BULLET_LINE, lineIndexAt } from './lines';
const MAX_LEAD_IN_WORDS = 10;

function isLeadIn(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && !/[.!?]$/.test(trimmed) && trimmed.split(/\s+/).length <= MAX_LEAD_IN_WORDS;
}

/**
 * A short line ending in a colon right under a list, with a bullet next, leads the list after it
 * ("Familiar:\n- Python\nSomewhat familiar:\n- C++"): it is no continuation of the item above.
 */
function opensNextList(line: string, text: string, newline: number): boolean {
  if (newline < 0 || !/:\s*$/.test(line) || !isLeadIn(line)) return false;
  NEXT_TEXT_LINE.lastIndex = newline + 1;
  const next = NEXT_TEXT_LINE.exec(text);
  return next?.[1] !== undefined && BULLET_LINE.test(next[1]);
}
/** The next line holding text, read from a position at a line's start (blank lines skipped). */
const NEXT_TEXT_LINE = /(?:[ \t]*\n)*([ \t]*\S[^\n]*)/y;

/** A lookup: for a position in `text`, the lead-in of the list it stands in, or null. */
export function listLeadIns(text: string): (at: number) => string | null {
  const starts: number[] = [];
  const leadIns: Array<string | null> = [];
  let inList = false;
  let leadIn: string | null = null;
  // The last line that was neither blank nor part of a list, and whether a blank line came since the list's last line.
  let lastPlain: string | null = null;
  let previous: 'blank' | 'bullet' | 'continuation' | 'plain' = 'blank';
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    starts.push(start);
    if (!line.trim()) {
      leadIns.push(null);
      previous = 'blank';
    } else if (BULLET_LINE.test(line)) {
      if (!inList) {
        inList = true;
        leadIn = lastPlain !== null && isLeadIn(lastPlain) ? lastPlain.trim() : null;
      }
      leadIns.push(leadIn);
      previous = 'bullet';
    } else if (inList && (previous === 'bullet' || previous === 'continuation') && !opensNextList(line, text, newline)) {
      leadIns.push(leadIn); // a bullet carried on to the next line
      previous = 'continuation';
    } else {
      inList = false;
      leadIn = null;
      lastPlain = line;
      leadIns.push(null);
      previous = 'plain';
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return (at: number): string | null => leadIns[lineIndexAt(starts, at)] ?? null;
}

/** The lead-in of the list at one position (for a single lookup; analysis builds the lookup once). */
export function listLeadIn(text: string, at: number): string | null {
  return listLeadIns(text)(at);
}
