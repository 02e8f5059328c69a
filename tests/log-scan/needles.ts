/**
 * What must never appear in a log line: the fixtures' CV text (sentences of four words or more,
 * and every e-mail address and phone number in them), from the sources the fixtures are made of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function plainText(file: string): string {
  const bytes = readFileSync(file);
  let text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
  if (/\.html?$/.test(file)) text = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&').replace(/&[a-z]+;/g, ' ');
  if (file.endsWith('.tex')) text = text.replace(/\\[a-zA-Z]+\*?(\[[^\]]*\])?/g, ' ').replace(/[{}$%~\\]/g, ' ');
  return text;
}

export const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function fixtureNeedles(): string[] {
  const files = [
    ...readdirSync(FIXTURES).filter((f) => /\.(txt|md|html)$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...readdirSync(path.join(FIXTURES, 'src')).filter((f) => /\.(txt|html|tex)$/.test(f)).map((f) => path.join(FIXTURES, 'src', f)),
  ];
  const needles = new Set<string>();
  for (const file of files) {
    const text = plainText(file);
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{8,}\d/g)) needles.add(normalise(m[0]));
    for (const segment of text.split(/[\n.;:!?•|]+/)) {
      const words = segment.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
      if (words.length >= 4 && segment.trim().length >= 20) needles.add(normalise(segment));
    }
  }
  return [...needles];
}

/** The log lines that hold a needle, each with the needle found. */
export function findLeaks(lines: string[], needles: string[]): string[] {
  const leaks: string[] = [];
  for (const line of lines) {
    const text = normalise(line);
    const hit = needles.find((n) => text.includes(n));
    if (hit) leaks.push(`"${hit.slice(0, 60)}" in: ${line.slice(0, 200)}`);
  }
  return leaks;
}
