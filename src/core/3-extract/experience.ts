import { matchesOf } from '../0-base/matches';
import type { Section } from '../1-text/schema';

/**
 * Experience entries with their dates: "Acme, 2019 – present", "Jan 2020 - Mar 2022",
 * "03/2019 – 05/2021". An entry runs from the line holding its date range to the next such line
 * (or the end of the section), so a skill mentioned in it was used for that period.
 */
export interface ExperienceEntry {
  start: number;
  end: number;
  /** Months since year 0, inclusive start and exclusive end. */
  from: number;
  to: number;
}

/** Numbers written as words in year counts ("Four or more years"). */
export const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, 'a couple of': 2,
  'half a decade': 5, 'a decade': 10, 'one decade': 10, 'two decades': 20, 'three decades': 30,
};
/**
 * A count of years: "5+ years", "three years", "Four or more years", "two plus years", "3 or more
 * yrs", "a couple of years"; or of decades: "a decade", "half a decade", "two decades" (the count
 * is then the second group).
 */
export const YEARS_COUNT = /\b(?:(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a couple of)\s*(?:\+|[\s-](?:or more|or above|or over|plus))?\s*(?:years?|yrs?)|(half a decade|a decade|one decade|two decades|three decades))\b/i;

/** The number of years a YEARS_COUNT match states (NaN when it states none). */
export function yearsStated(match: RegExpExecArray | RegExpMatchArray): number {
  const words = (match[1] ?? match[2] ?? '').toLowerCase();
  return WORD_NUMBERS[words] ?? Number(words);
}

/**
 * The writer's own count of their whole experience, stated before the experience section
 * ("ML Engineer | 2+ years of experience", "Over six years' industry experience."): a count of
 * years, then "experience", ending there (a line end, punctuation, "as …", "across …"). "5 years of
 * experience in Python" is the years of one skill, read where the skill is.
 */
const STATED_TOTAL = new RegExp(
  `(?:${YEARS_COUNT.source})['’]?\\s+(?:of\\s+)?(?:(?:professional|industry|industrial|work|working|hands-on|total|relevant|commercial)\\s+)?experience(?=\\s*(?:[.,;:|)•·–—\\n]|$|as\\b|across\\b))`,
  'i',
);

/** The CV's stated total years of experience, from the part before its experience or education section. */
export function statedTotalYears(text: string, sections: Section[]): number | undefined {
  const body = sections.find((s) => s.kind === 'experience' || s.kind === 'education' || s.kind === 'projects')?.start ?? Math.min(text.length, 1500);
  const m = STATED_TOTAL.exec(text.slice(0, body));
  if (!m) return undefined;
  const years = yearsStated(m);
  return Number.isFinite(years) && years > 0 && years <= 50 ? years : undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};
/** A month as CVs write it: "Sep", "Sept.", "September". */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Words that end a date range still running: "2021 – present", "Sep 2020 to date". */
export const OPEN_RANGE_ENDS: readonly string[] = ['present', 'current', 'now', 'today', 'ongoing', 'date'];
const OPEN_RANGE_END = OPEN_RANGE_ENDS.join('|');
const POINT = `(?:${MONTH}\\s+(?:19|20)\\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\\d{2}|(?:19|20)\\d{2})`;
const RANGE = new RegExp(`(${POINT})\\s*(?:[-–—]|to|until)\\s*(${POINT}|${OPEN_RANGE_END})`, 'gi');

function monthOf(point: string, now: Date, isEnd: boolean): number | null {
  const p = point.toLowerCase().replace(/\./g, ' ').trim();
  if (OPEN_RANGE_ENDS.includes(p)) return now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  const year = /(19|20)\d{2}/.exec(p);
  if (!year) return null;
  const y = Number(year[0]);
  const named = /^([a-z]+)/.exec(p)?.[1];
  const numeric = /^(\d{1,2})[/ ]/.exec(p)?.[1];
  const month = named ? MONTHS[named.slice(0, named === 'sept' ? 4 : 3)] : numeric ? Number(numeric) - 1 : undefined;
  // A bare year spans the whole year: from January, or to the end of December.
  if (month === undefined) return y * 12 + (isEnd ? 12 : 0);
  return y * 12 + month + (isEnd ? 1 : 0);
}

export function experienceEntries(text: string, sections: Section[], now: Date): ExperienceEntry[] {
  const scopes = sections.filter((s) => s.kind === 'experience' || s.kind === 'projects' || s.kind === 'volunteering');
  const areas = scopes.length ? scopes.map((s) => ({ start: s.start, end: s.end })) : [{ start: 0, end: text.length }];
  const entries: ExperienceEntry[] = [];
  for (const area of areas) {
    const found: Array<{ lineStart: number; from: number; to: number }> = [];
    for (const m of matchesOf(RANGE, text.slice(area.start, area.end))) {
      const from = monthOf(m[1] ?? '', now, false);
      const to = monthOf(m[2] ?? '', now, true);
      if (from === null || to === null || to <= from || to - from > 50 * 12) continue;
      const at = area.start + (m.index ?? 0);
      const lineStart = text.lastIndexOf('\n', at) + 1;
      if (found[found.length - 1]?.lineStart !== lineStart) found.push({ lineStart: Math.max(lineStart, area.start), from, to });
    }
    found.forEach((f, i) => entries.push({ start: f.lineStart, end: found[i + 1]?.lineStart ?? area.end, from: f.from, to: f.to }));
  }
  return entries;
}

/** Years covered by the entries that hold any of the offsets; overlapping periods count once. */
export function yearsFromEntries(entries: ExperienceEntry[], offsets: number[]): number | undefined {
  const periods = entries.filter((e) => offsets.some((o) => o >= e.start && o < e.end)).map((e) => [e.from, e.to] as const);
  if (periods.length === 0) return undefined;
  periods.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let [curFrom, curTo] = periods[0] ?? [0, 0];
  for (const [from, to] of periods.slice(1)) {
    if (from <= curTo) curTo = Math.max(curTo, to);
    else {
      months += curTo - curFrom;
      [curFrom, curTo] = [from, to];
    }
  }
  months += curTo - curFrom;
  return Math.round((months / 12) * 2) / 2;
}
