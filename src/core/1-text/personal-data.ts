/**
 * Personal details in a CV: names, contact details, age, gender words, nationality, marital status.
 * The analysis runs on a copy of the text with them masked, so no score can depend on them, and
 * `redact=true` returns the text with them blacked out. Masks keep every offset.
 */
import { matchesOf } from '../0-base/matches';
import { firstNonBlankLine } from './lines';
export type PersonalDataKind = 'name' | 'email' | 'phone' | 'url' | 'age' | 'gender' | 'nationality' | 'marital-status' | 'address';

export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

// Bounded, and starting only where a run of address characters starts: "C++C++…" (150 kB, no
// space) once took seconds in backtracking (a hostile-input case). Tried only before an "@"
// (emailSpans): scanning the whole text for a start was a quarter of the personal-data pass.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/y;
const EMAIL_LOCAL_MAX = 64;

/** [\w.+-]: the characters of an address's local part. */
function isLocalPartChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 43 || c === 45;
}

/** E-mail addresses: from each "@", back to where its run of local-part characters starts. */
function emailSpans(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  let taken = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= EMAIL_LOCAL_MAX && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    // A run longer than a local part may be, or one inside the address just found, starts none.
    if (at - start > EMAIL_LOCAL_MAX || start === at || start < taken) continue;
    EMAIL.lastIndex = start;
    const m = EMAIL.exec(text);
    if (!m) continue;
    spans.push({ kind: 'email', start, end: start + m[0].length });
    taken = start + m[0].length;
  }
  return spans;
}
const URL = /\bhttps?:\/\/\S+|\bwww\.[\w-]+\.\S+|\b(?:linkedin\.com|github\.com|gitlab\.com|x\.com|twitter\.com)\/\S+/gi;
/** Nine or more digits with phone punctuation (year ranges have eight). */
const PHONE = /(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{7,20}\d/g;
const DATE_RANGE = /^\s*(?:\d{1,2}[./])?(?:19|20)\d{2}\s*[-–.]?\s*(?:\d{1,2}[./])?(?:19|20)\d{2}\s*$/;
const GENDER_WORDS = /\b(?:he|she|him|her|his|hers|himself|herself|mr|mrs|ms|mx|sir|madam|male|female|man|woman|men|women|boy|girl|mother|father|husband|wife|son|daughter)\b\.?/gi;
/** "Miss" is a title only when written as one: the lower-case word is the verb ("never missed", "did not miss a deadline"). */
const MISS_TITLE = /\b(?:Miss|MISS)\b\.?/g;
const LABELLED = /^[ \t]*(?:(name|full name|date of birth|dob|birth ?date|born|age|gender|sex|nationality|citizenship|marital status|civil status|address|home address|religion)\s*[:|–-]\s*)(.+)$/gim;
const AGE = /\b(?:aged?\s*:?\s*\d{2}|\d{2}\s*(?:years|yrs)\s*old|born\s+(?:in\s+|on\s+)?[\w ,.]{0,20}?(?:19|20)\d{2})\b/gi;
const NATIONALITY = /\b(?:citizen of|national of|(?:[A-Z][a-z]+ )?citizenship)\b[^\n.;]{0,30}/g;

const LABEL_KIND: Readonly<Record<string, PersonalDataKind>> = {
  name: 'name', 'full name': 'name', 'date of birth': 'age', dob: 'age', 'birth date': 'age', birthdate: 'age', born: 'age', age: 'age',
  gender: 'gender', sex: 'gender', nationality: 'nationality', citizenship: 'nationality', 'marital status': 'marital-status',
  'civil status': 'marital-status', address: 'address', 'home address': 'address', religion: 'nationality',
};

/** Words that show a first line is a title or heading, not a person's name. */
const NOT_A_NAME = /\b(?:curriculum|vitae|resume|résumé|cv|engineer|scientist|developer|analyst|manager|designer|researcher|consultant|architect|lead|head|director|intern|student|profile|summary|experience|skills|education|contact|machine|learning|data|software)\b/i;
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*|\p{Lu}\.)$/u;

function likelyName(candidate: string): string[] | null {
  const words = candidate.trim().replace(/,?\s*(?:PhD|MSc|BSc|MBA|MD|Jr\.?|Sr\.?)$/i, '').split(/\s+/);
  if (words.length < 2 || words.length > 4 || NOT_A_NAME.test(candidate)) return null;
  return words.every((w) => NAME_WORD.test(w)) ? words.filter((w) => w.replace(/\W/g, '').length >= 2) : null;
}

/** The person's name: a "Name:" field, or the first line of the CV when it reads as a name. */
function nameWords(text: string): string[] {
  const labelled = /^[ \t]*(?:full )?name\s*[:|–-]\s*(.+)$/im.exec(text)?.[1];
  if (labelled) {
    const words = likelyName(labelled);
    if (words) return words;
  }
  // A heading mark ("# Jane Roe", as typed in Markdown or kept from a page's title) is not part of it.
  const firstLine = firstNonBlankLine(text).replace(/^\s*#{1,6}\s+/, '');
  // "Jane Roe — Machine Learning Engineer": the name is before the separator.
  const head = firstLine.split(/\s+[—–|·•]\s+|,\s+/)[0] ?? '';
  return likelyName(head) ?? [];
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Literals without which a pattern cannot match: it is tried only when the text holds one. Most
 * CVs name no nationality or age, and a scan of the whole text per pattern was a tenth of the analysis.
 */
const URL_NEEDS = /https?:|www\.|\.com\//i;
const AGE_NEEDS = /age|years|yrs|born/i;
const NATIONALITY_NEEDS = /citizen|national of/;
const MISS_NEEDS = /Miss|MISS/;

export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  const add = (kind: PersonalDataKind, re: RegExp, needs?: RegExp): void => {
    if (needs && !needs.test(text)) return;
    for (const m of matchesOf(re, text)) if (m[0]) spans.push({ kind, start: m.index, end: m.index + m[0].length });
  };
  for (const m of matchesOf(LABELLED, text)) {
    const kind = LABEL_KIND[(m[1] ?? '').toLowerCase()] ?? 'address';
    const value = m[2] ?? '';
    const start = (m.index ?? 0) + m[0].length - value.length;
    spans.push({ kind, start, end: start + value.length });
  }
  spans.push(...emailSpans(text));
  add('url', URL, URL_NEEDS);
  for (const m of matchesOf(PHONE, text)) {
    // "03.2019 - 05.2021" is a date range, not a phone number.
    if (DATE_RANGE.test(m[0])) continue;
    if ((m[0].match(/\d/g) ?? []).length >= 9) spans.push({ kind: 'phone', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  add('gender', GENDER_WORDS);
  add('gender', MISS_TITLE, MISS_NEEDS);
  add('age', AGE, AGE_NEEDS);
  add('nationality', NATIONALITY, NATIONALITY_NEEDS);
  const names = nameWords(text);
  if (names.length) add('name', new RegExp(`(?<![\\p{L}])(?:${names.map(escape).join('|')})(?![\\p{L}])`, 'gu'));
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Replaces every character of the spans (but line breaks) with `mask`, keeping offsets. */
export function maskSpans(text: string, spans: PersonalDataSpan[], mask: string): string {
  // Work in UTF-16 offsets: rebuild by slices instead of code points. The pieces are joined at
  // once, into one plain string: a chain of concatenations is a string of another kind, and the
  // tokenizer and the rules, shown many kinds of string, run slower on all of them.
  const pieces: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    pieces.push(text.slice(at, start), text.slice(start, span.end).replace(/[^\n]/g, mask));
    at = span.end;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(at));
  return pieces.join('');
}

export function redactText(text: string): string {
  return maskSpans(text, findPersonalData(text), '█');
}
