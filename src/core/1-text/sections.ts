import { matchesOf } from '../0-base/matches';
import { levelColumn } from './level-column';
import { BULLET_LINE, foldApostrophes, ITEM_BREAK, LEADING_EMOJI, nextNonBlank } from './lines';
import type { Section, SectionKind } from './schema';
import { OPEN_END } from './sentences';

/**
 * Heading vocabulary for CVs and job ads, by canonical kind. Headings are matched as whole
 * (normalised) lines, or as the label of a "Heading: content" line.
 */
/** A job board's titles over its application form. */
const APPLY_TITLES = ['apply for this job', 'apply for this position', 'apply for this role', 'apply now', 'apply here'];

const HEADINGS: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  ['summary', ['summary', 'profile', 'professional summary', 'career summary', 'personal profile', 'about me', 'about', 'objective', 'career objective', 'overview', 'personal statement', 'professional profile', 'introduction', 'research interests', 'research profile']],
  ['experience', ['experience', 'work experience', 'professional experience', 'employment', 'employment history', 'work history', 'career history', 'relevant experience', 'professional background', 'positions held', 'career', 'industry experience', 'research experience', 'teaching experience', 'internships', 'experience highlights', 'selected experience', 'positions', 'academic positions', 'appointments', 'professional positions', 'academic appointments', 'job experience', 'work', 'professional history', 'industrial experience', 'industry and research experience', 'leadership experience', 'mentorship experience', 'mentoring experience', 'consulting experience', 'additional experience', 'other experience']],
  ['education', ['education', 'education and training', 'academic background', 'qualifications and education', 'academic qualifications', 'degrees', 'coursework', 'relevant coursework', 'training', 'education & training', 'education and certifications']],
  ['skills', ['skills', 'top skills', 'technical skills', 'key skills', 'core skills', 'core competencies', 'competencies', 'skills and tools', 'tools and technologies', 'technologies', 'tech stack', 'technical expertise', 'expertise', 'areas of expertise', 'skills summary', 'programming languages', 'tools', 'skills & tools', 'skills and expertise', 'technical proficiencies', 'toolkit', 'toolbox', 'technical toolbox', 'tech', 'stack', 'programming', 'skills and interests']],
  ['projects', ['projects', 'selected projects', 'personal projects', 'side projects', 'open source', 'open-source', 'open source contributions', 'key projects', 'academic projects']],
  ['publications', ['publications', 'selected publications', 'papers', 'patents', 'talks', 'publications and talks', 'publications and patents', 'conference talks', 'research']],
  ['certifications', ['certifications', 'certificates', 'licenses and certifications', 'courses', 'online courses', 'certifications and training', 'training and certifications', 'professional development', 'continuing education', 'courses and extras', 'courses and activities', 'coursework and activities']],
  ['awards', ['awards', 'honours', 'honors', 'achievements', 'awards and honours', 'awards and honors', 'honors and awards', 'honours and awards']],
  ['languages', ['languages', 'spoken languages', 'language skills']],
  ['interests', ['interests', 'hobbies', 'hobbies and interests', 'interests and hobbies', 'personal interests', 'personal interests and hobbies', 'other interests', 'outside work', 'outside of work', 'life outside work', 'beyond work', 'off the clock', 'free time', 'leisure', 'leisure activities', 'fun facts', 'things i enjoy', 'activities', 'extracurricular activities', 'extracurriculars', 'extra-curricular activities']],
  ['volunteering', ['volunteering', 'volunteer experience', 'volunteer work', 'leadership', 'leadership and activities', 'community']],
  ['references', ['references', 'referees']],
  ['contact', ['contact', 'contact information', 'contact details', 'personal details', 'personal information']],
  ['about-company', ['about us', 'about the company', 'who we are', 'our company', 'the company', 'company overview', 'company description', 'company profile', 'our mission', 'about the team', 'the team', 'our team', 'our stack', 'our tech stack', 'our technology stack', 'our technologies', 'our tools', 'our values', 'our culture', 'our principles', 'company values', 'culture and values']],
  ['about-role', ['about the role', 'about the job', 'the role', 'role overview', 'position overview', 'job description', 'full job description', 'the opportunity', 'your mission', 'the position', 'job summary', 'role summary', 'position summary']],
  ['responsibilities', ['responsibilities', 'key responsibilities', 'what you will do', "what you'll do", 'what you will be doing', "what you'll be doing", 'your responsibilities', 'duties', 'the job', 'day to day', 'day-to-day', 'in this role you will', 'your role', 'what the job involves', 'key accountabilities', 'accountabilities', 'the challenge', 'tasks', 'your tasks', 'main tasks', 'key tasks', 'your duties', 'main duties', 'key duties', 'your job']],
  ['requirements', ['requirements', 'qualifications', 'required qualifications', 'minimum qualifications', 'basic qualifications', 'must have', 'must-have', 'must haves', 'must-haves', 'what you will bring', "what you'll bring", 'what we are looking for', "what we're looking for", 'who you are', 'about you', 'you have', 'you will have', "you'll have", 'skills and experience', 'knowledge and experience', 'experience and knowledge', 'knowledge, skills and experience', 'person specification', 'your experience', 'your background', 'your qualifications', 'required skills', 'essential', 'essential skills', 'essential criteria', 'required', 'mandatory', 'minimum requirements', 'key requirements', 'the ideal candidate', 'your profile', 'desired profile', 'candidate profile', 'ideal profile', 'the ideal profile', 'about the candidate', 'the candidate', 'what you need', 'we expect', 'requirements and qualifications', 'skills and qualifications', 'experience and skills', 'what we ask', 'what we ask for', 'what we ask of you']],
  ['preferred', ['nice to have', 'nice-to-have', 'nice to haves', 'nice-to-haves', 'preferred', 'preferred qualifications', 'preferred skills', 'bonus', 'bonus points', 'bonus skills', 'desirable', 'desirable skills', 'desirable criteria', 'pluses', 'plus', 'it would be great if', "it's a plus", 'good to have', 'great to have', 'additional qualifications', 'even better', 'extra credit', 'ideally', 'optional', 'desired', 'desired skills', 'desired qualifications', 'desired experience', 'should have', 'should-have', 'should haves', 'should-haves', 'could have', 'could-have', 'could haves', 'could-haves']],
  ['benefits', ['benefits', 'perks', 'what we offer', 'we offer', 'our offer', 'what we offer you', 'compensation', 'compensation and benefits', 'salary and benefits', 'why join us', 'why us', 'perks and benefits', 'benefits and perks', 'what you get', 'package']],
  ['excluded', ['not for this role', 'not required', 'not needed', 'not part of this role', 'what this role is not', "what this role isn't", 'what the role is not', "what the role isn't", "what this job isn't", 'what this job is not', 'out of scope', "what you won't do", 'what you will not do', "you don't need", 'you do not need', "what we're not looking for", 'what we are not looking for', "who we're not looking for", 'who we are not looking for', 'not looking for']],
  ['learning', ['currently learning', 'learning goals', 'learning objectives', 'skills in progress', 'skills in development', 'skills i am developing', "skills i'm developing", 'areas for development', 'development areas', 'areas to develop', 'growth areas', 'areas of growth', 'currently exploring', 'exploring', 'aspirations', "what you'll learn", 'what you will learn']],
  ['other-jobs', ['similar jobs', 'related jobs', 'more jobs', 'other jobs', 'jobs like this', 'more jobs like this', 'similar positions', 'related positions', 'other open positions', 'more open positions', 'other open roles', 'more open roles', 'other roles', 'current openings', 'other openings', 'similar roles', 'related roles', 'recommended jobs', 'jobs you may like', 'you may also like', 'people also viewed', 'similar vacancies', 'other vacancies', 'explore more jobs', 'latest jobs', 'you might also be interested in']],
  ['application', ['how to apply', 'application process', 'to apply', 'interview process', 'hiring process', 'our hiring process', 'our interview process', 'recruitment process', 'our recruitment process', 'next steps', ...APPLY_TITLES, 'equal opportunity', 'diversity and inclusion']],
];

function headingKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A job board's fields about the post, each a line of its own over its value ("Seniority level\nMid-Senior
 * level", "Industries\nSoftware Development", "Job type\nFull-time"). Only a whole line is such a
 * field: "Employment type: Full-time" inside an ad's own list is one of its lines.
 */
const JOB_DETAILS_FIELDS: ReadonlySet<string> = new Set(['seniority level', 'employment type', 'job function', 'industries', 'job type', 'job details', 'profile insights', 'work location', 'schedule', 'meet the hiring team', 'hiring team', 'job poster']);

const HEADING_INDEX: ReadonlyMap<string, SectionKind> = new Map(
  HEADINGS.flatMap(([kind, names]) => names.map((name) => [headingKey(name), kind] as const)),
);

/**
 * Headings made of a level word and the words for what is asked ("Preferred Skills & Experience",
 * "Minimum Qualifications and Experience", "Desired Knowledge"): the level word says the kind.
 */
const ASKED_WORDS = String.raw`(?:\s+(?:skills?|experience|qualifications?|requirements?|knowledge|competenc(?:y|ies)|background|expertise|and|&))+`;
const LEVELLED_HEADINGS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['preferred', new RegExp(String.raw`^(?:preferred|desired|desirable|bonus|nice[- ]to[- ]have|optional|additional|extra|advantageous)${ASKED_WORDS}$`, 'i')],
  ['requirements', new RegExp(String.raw`^(?:required|minimum|basic|essential|mandatory|must[- ]have|key|core)${ASKED_WORDS}$`, 'i')],
  // A wish said of what follows, on a line or a list item of its own: "Will be a huge plus",
  // "Would be an advantage", "Big pluses" over the items it welcomes.
  ['preferred', /^(?:(?:will|would|is|are)\s+(?:be\s+)?)?(?:an?\s+)?(?:(?:huge|big|major|definite|great|real|strong|nice|significant)\s+)?(?:plus|pluses|bonus|advantage)$/i],
];

/**
 * Page copy pasted as one paragraph keeps its titles but loses their line breaks and colons
 * ("… growing fast. The Role We're hiring … What You'll Do Build …"). Such a title is found by its
 * words and its case: a known heading of two or more words, each capitalised but for small
 * function words, or one of the few one-word titles a job page uses, with a capitalised word or a
 * figure right after it (where a new sentence or item starts). A known heading in lower case ("the
 * role Python plays") is prose.
 */
const RUN_IN_SINGLE = new Set(['requirements', 'responsibilities', 'qualifications', 'benefits', 'perks', 'bonus']);
const RUN_IN_SMALL = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'for', 'with', 'in', 'on', 'at', 'we', 'you', 'our', 'your', '&']);
const RUN_IN_NOT_AFTER = new Set(['a', 'an', 'the', 'our', 'your', 'their', 'its', 'of', 'to', 'as', 'be', 'is', 'are', 'was', 'were', 'and', 'or', 'for', 'with', 'in', 'on', 'by']);
const RUN_IN_MAX_WORDS = 5;
/** Lines shorter than this are headings or sentences of their own, never pasted copy. */
export const RUN_IN_MIN_LINE = 200;

function isTitleWord(word: string, first: boolean): boolean {
  // A label with a colon or a word with a comma is no run-in title: the colon's own rules read labels.
  if (!/^[\p{L}'’&-]+$/u.test(word)) return false;
  if (/^[\p{Lu}]/u.test(word)) return true;
  return !first && RUN_IN_SMALL.has(word.toLowerCase());
}

/**
 * Where page copy scraped without its line breaks glued a title to its neighbours, inside one
 * run of non-spaces: a lower-case letter right before a capital ("HourlyWhy", "DoThe") or a stop
 * or colon right before one ("Python.Strong", "Action:Utilize"). Words are read as split there too.
 */
const GLUE = /(?<=\p{Ll})(?=\p{Lu})|(?<=[.:;!?)])(?=\p{Lu})/u;

/** The words of a line, each glued run split where it was glued (GLUE), with their offsets; `glued` when a word starts inside a run. */
function runInWords(line: string): Array<{ text: string; at: number; glued: boolean }> {
  const words: Array<{ text: string; at: number; glued: boolean }> = [];
  for (const m of line.matchAll(/\S+/g)) {
    let at = m.index ?? 0;
    // Two spaces left where a line break was (the normaliser's ITEM_BREAK) mark a word off as glue does.
    let glued = line[at - 1] === ITEM_BREAK;
    for (const piece of m[0].split(GLUE)) {
      if (piece) words.push({ text: piece, at, glued });
      at += piece.length;
      glued = true;
    }
  }
  return words;
}

/** Words a title glued on both sides may have: more than a known title, fewer than a sentence. */
const GLUED_TITLE_MAX_WORDS = 8;

/**
 * Where titles run into the text around them in one long line: [start, end) of each, and whether
 * the title is known by its cue words only (LIST_INTRO_CUES), not as a known heading. A title glued
 * to the words on both sides ("…HourlyWhy We Think You’ll Love AcmeWe offer…") may be one of those:
 * the glue itself marks it off, as a line break would.
 */
export function runInHeadingSpans(line: string): Array<[number, number, boolean]> {
  const words = runInWords(line);
  const spans: Array<[number, number, boolean]> = [];
  for (let i = 1; i < words.length; i++) {
    const first = words[i];
    // After an article or a verb the words are part of the sentence: "is proud to be an Equal Opportunity Employer".
    if (!first || !isTitleWord(first.text, true) || RUN_IN_NOT_AFTER.has(words[i - 1]?.text.toLowerCase() ?? '')) continue;
    const longest = first.glued ? GLUED_TITLE_MAX_WORDS : RUN_IN_MAX_WORDS;
    for (let n = Math.min(longest, words.length - i - 1); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      const next = words[i + n];
      const last = phrase[phrase.length - 1];
      if (!next || !last) continue;
      // A title may end in its colon, glued to the next word ("…RequirementsYour Role in
      // Action:Utilize…") or not ("…prior to joining. Minimum Qualifications: Currently has…").
      const colonEnded = !next.glued && last.text.endsWith(':');
      const lastText = next.glued || colonEnded ? last.text.replace(/:$/, '') : last.text;
      if (!/^[\p{Lu}\p{N}]/u.test(next.text) || !phrase.every((w, k) => isTitleWord(k === n - 1 ? lastText : w.text, k === 0))) continue;
      // The title's last word is capitalised: "What You'll Do", not "Benefits of".
      if (!/^[\p{Lu}]/u.test(lastText)) continue;
      const end = last.at + lastText.length;
      const title = line.slice(first.at, end);
      const key = headingKey(title);
      // An organisation's own section is titled by its name, marked off by its colon ("…life-cycle
      // About Brackley: Brackley builds…"); without it, where the name ends is not known.
      const known = (HEADING_INDEX.has(key) || sharedHeadHeading(title) !== undefined || (n > 1 && colonEnded && aboutAName(title))) && n <= RUN_IN_MAX_WORDS && (n > 1 || RUN_IN_SINGLE.has(key));
      // Marked off on the left by glue or a sentence's end, and glued on the right.
      const markedOff = first.glued || /[.!?]$/.test(words[i - 1]?.text ?? '');
      const byCue = !known && n > 1 && markedOff && next.glued && LIST_INTRO_CUES.some(([, cue]) => cue.test(foldApostrophes(title)));
      if (!known && !byCue) continue;
      // A title's own colon stays with it on its line.
      spans.push([first.at, colonEnded ? end + 1 : end, byCue]);
      i += n - 1;
      break;
    }
  }
  return spans;
}

/**
 * A CV's part named by its kind of work and a word before it ("Research Publications", "Journal
 * Articles", "Conference Proceedings", "Selected Honors & Awards", "Engineering Projects"): a title
 * of two to five capitalised words whose last word names the part. Only parts no job ad asks for
 * by such a title: "Python Experience" or "Technical Skills" inside an ad's requirements groups
 * what it asks, so experience and skills are not read this way.
 */
const QUALIFIED_HEADS: ReadonlyMap<string, SectionKind> = new Map([
  ['publications', 'publications'], ['papers', 'publications'], ['articles', 'publications'], ['proceedings', 'publications'], ['patents', 'publications'],
  ['projects', 'projects'],
  ['awards', 'awards'], ['honors', 'awards'], ['honours', 'awards'],
  ['certifications', 'certifications'], ['certificates', 'certifications'],
]);
function qualifiedHeading(title: string): SectionKind | undefined {
  const words = title.split(/\s+/);
  if (words.length < 2 || words.length > 5 || !words.every((w, i) => isTitleWord(w, i === 0))) return undefined;
  return QUALIFIED_HEADS.get((words[words.length - 1] ?? '').toLowerCase());
}

const JOINED_TITLE = /\s(?:&|and|or)\s/i;

/**
 * Two qualifiers sharing one known title's head, joined by "&", "and" or "or" ("Academic &
 * Professional Experience", "Technical and Soft Skills", "Additional or Preferred Qualifications"):
 * the title the second qualifier makes with the head ("Professional Experience", "Preferred
 * Qualifications") names the part. Its words must all be capitalised, as a title's are.
 */
function sharedHeadHeading(title: string): SectionKind | undefined {
  // Most lines join nothing: they are not keyed at all.
  if (!JOINED_TITLE.test(title)) return undefined;
  const words = headingKey(title).split(' ');
  const joint = words.findIndex((word) => word === 'and' || word === 'or');
  if (joint < 1 || words.length - joint < 3 || words.length > 6 || !title.split(/\s+/).every((w, i) => isTitleWord(w, i === 0))) return undefined;
  // A title before the "and" is two titles joined ("Awards and Research Interests"), not two qualifiers.
  if (HEADING_INDEX.has(words.slice(0, joint).join(' '))) return undefined;
  return HEADING_INDEX.get(words.slice(joint + 1).join(' '));
}

/** Classifies one line as a heading, or returns null. */
export function classifyHeading(line: string): { kind: SectionKind; title: string } | null {
  const trimmed = line.trim().replace(/^[#=*_\-–—|•\s]+/, '').replace(LEADING_EMOJI, '').replace(/[*_=|\s]+$/, '');
  if (trimmed.length === 0 || trimmed.length > 60) return null;
  // Headings start with a capital (or are all capitals); "the company" mid-sentence is no heading.
  if (!/^[\p{Lu}\p{N}]/u.test(trimmed)) return null;
  const whole = trimmed.replace(/[:.\-–—]+$/, '').trim();
  const key = headingKey(whole);
  const kind = HEADING_INDEX.get(key);
  if (kind) return { kind, title: whole };
  if (JOB_DETAILS_FIELDS.has(key)) return { kind: 'job-details', title: whole };
  for (const [levelled, pattern] of LEVELLED_HEADINGS) if (pattern.test(whole)) return { kind: levelled, title: whole };
  const qualified = qualifiedHeading(whole);
  if (qualified) return { kind: qualified, title: whole };
  const shared = sharedHeadHeading(whole);
  if (shared) return { kind: shared, title: whole };
  // "Skills: Python, C++" and "Nice to have: Kubernetes" start a section inline; so does a known
  // label set off by a dash ("Nice to have - Kubernetes", "Bonus — Rust").
  const colon = /^([^:]{2,40}):\s+\S/.exec(trimmed) ?? /^([^:–—]{2,40}?)\s[-–—]\s+\S/.exec(trimmed);
  if (colon?.[1]) {
    const label = colon[1].trim();
    const inlineKind = HEADING_INDEX.get(headingKey(label)) ?? (LEARNING_INTRO.test(label) ? 'learning' : aboutAName(label) ? 'about-company' : undefined);
    if (inlineKind) return { kind: inlineKind, title: label };
  }
  return null;
}

/**
 * Cue words for a line that introduces a list without a standard heading ("It would be great if
 * you also had", "Here is what you'll do"), in the order they are tried.
 */
const PREFERRED_INTRO = /\b(?:nice|bonus|plus|pluses|extras|great if|would be great|would love|(?:we|i)['’]d love|ideally|stand out|sets? you apart|preferred|desirable|desired|optional|extra|even better|(?:good|great) to have|advantage|advantageous|helpful|useful|might also|may also|could also|if you also|points for|help you succeed|would (?:also )?help)\b/i;
const NOT_REQUIRED = String.raw`\bnot (?:required|needed|necessary|essential)\b`;
/**
 * Words of a title over what the writer is learning or aiming at ("Learning goals for 2025",
 * "Areas I'd like to grow into:"), in the writer's own voice: "We'd like to grow the team with…"
 * is a company's lead-in. A bare "Learning" is not one: "Machine Learning" heads skills held.
 */
const LEARNING_INTRO = /\b(?:currently learning|learning goals?|skills in progress|(?:^|i |i'd |i’d )(?:want|would like|like|hope|plan) to (?:learn|grow into|explore|develop)|(?:skills|areas) (?:i am|i'm|i’m) (?:developing|learning|exploring)|(?:skills|areas) (?:i'd|i’d|i would) like to (?:learn|grow into|explore|develop)|currently exploring|aspirations)\b/i;
const LIST_INTRO_CUES: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  // "Preferred but not required", "Not essential, but welcome": welcome, not asked for (before the
  // not-required words below read it as excluded).
  ['preferred', new RegExp(`${NOT_REQUIRED}.*\\b(?:but|though)\\b|(?:${PREFERRED_INTRO.source}).*${NOT_REQUIRED}`, 'i')],
  ['excluded', /\b(?:not for this role|not (?:required|needed|necessary)|out of scope|won't need|will not need|don't need|do not need)\b/i],
  // Before "preferred" and "responsibilities": "I'd like to grow into" is no welcome, "what you'll learn" no duty.
  ['learning', LEARNING_INTRO],
  ['preferred', PREFERRED_INTRO],
  // Before "requirements" and "responsibilities": "Why you'll love working here" is an offer, not a duty.
  ['benefits', /\bwhy (?:(?:[\p{L}'’]+ ){0,3}?you(?:'ll|’ll| will) love|work (?:with|for) us|(?:should you |you should )?join)\b/iu],
  // "What you'll get", "Some things you'll enjoy": what the post gives, before "you'll" reads as a duty.
  ['benefits', /\b(?:what|things) you(?:'ll| will) (?:get|receive|enjoy|gain)\b|\bwhat (?:do|will|would|can) you (?:get|gain)\b/i],
  // "Working at Lumen", "Life at Lumen", "Working here": what the place is like, an offer.
  ['benefits', /^(?:(?:working|life|careers?) at\b|working (?:here|with us|for us)$)/i],
  ['requirements', /\b(?:require[ds]?|requirements?|must|do i need|will i need|i'll need|looking for|(?:we|i) look for|you have|you bring|you'll bring|you will bring|bring|you need|you'll need|you will need|we need|qualifications?|essential|should have|expect you|expect (?:from|of) you|what we(?:['’]ll| will)? expect|kind of person|(?:ideal|qualified|successful|strong|great|good) candidate|who you are|about you|your profile|toolbox|what it takes|(?:good|great|strong|perfect|ideal|right) (?:fit|match)|a fit|thrive|this (?:role|job|position) is for you|sounds? like you|is this you)\b/i],
  ['responsibilities', /\b(?:you'll do|you will do|you'll be doing|you will be doing|will i be doing|i'll be doing|will i do|i'll do|responsib\w*|day[- ]to[- ]day|your role|your mission|(?:your|main|key) (?:tasks|duties|activities)|you will|you'll|impact|what you'll work on|challenges)\b/i],
  // "The Senior ML Engineer Role", "The Opportunity", "This Position": the post described.
  ['about-role', /^(?:the|this)\s+(?:[\p{L}\d/&+.-]+\s+){0,5}(?:role|position|opportunity|job)$/iu],
  // "About the Machine Learning Infrastructure Team", "The AI Team", "Meet our Platform Team": the
  // team the post joins, described, as "About the team" is.
  ['about-company', /\b(?:about us|who we are|our story|our mission|the company|the organi[sz]ation|(?:the|our) client|company (?:description|profile|information|info|overview))\b|^(?:about |meet )?(?:the|our) (?:[\p{L}\d&/+-]+ ){1,4}team$|^our (?:current |existing |main |core )?(?:tech(?:nology)? )?stack$/iu],
  ['benefits', /\b(?:we offer|offer you|you'll get|you will get|perks|benefits|in it for you|(?:take care of|look after|reward) you)\b/i],
  // "We're Funded", "We are Integrated": the company describing itself (after the cues above:
  // "We're looking for" heads requirements, "We're offering" nothing yet).
  ['about-company', /^we(?:['’]re| are)\s+(?!offering\b)[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu],
  ['skills', /\b(?:skills|technologies|tools|tech stack|toolbox)\b/i],
  // After "skills": "Skills & Interests" heads skills held.
  ['interests', /\b(?:hobbies|interests|free time|spare time|leisure|outside (?:of )?work|beyond work|when i(?:'m| am) not (?:coding|working)|off the clock|fun facts|extra-?curricular\w*)\b/i],
];

/** How a line that leads into what follows ends: a colon, or an ellipsis ("You might be a fit if..."). */
const LEAD_IN_END = /\s*(?::|\.\.\.|…)$/;

/**
 * Whether a line ends as LEAD_IN_END reads it. Most lines end otherwise, and the pattern, anchored
 * only at the end, is tried at each of their characters: the last characters are looked at first.
 */
function endsAsLeadIn(line: string): boolean {
  return line.endsWith(':') || line.endsWith('...') || line.endsWith('…');
}
/** The line without its lead-in's end (LEAD_IN_END), the pattern run only on a line that has one. */
function withoutLeadInEnd(line: string): string {
  return endsAsLeadIn(line) ? line.replace(LEAD_IN_END, '') : line;
}

/** Words a line ends in when its sentence goes on in the next line. */
const RUNS_ON = /\b(?:if|with|had|have|has|to|and|or|of|the|a|an|you|are|is|in|for|that|who|we|our|your)$/i;

/** A short, unpunctuated line followed by a bulleted list, whose words say what the list is. */
export function classifyListIntro(line: string, next: string | undefined): { kind: SectionKind; title: string } | null {
  const trimmed = withoutLeadInEnd(line.trim());
  if (!next || !/^- /.test(next.trim()) || /^- /.test(trimmed) || /[.!?]$/.test(trimmed)) return null;
  // A lead-in that ends in a colon may run longer ("Are you the ideal candidate for this role?
  // Here's what we're looking for:", "In addition to the basic requirements, we will evaluate these
  // as a plus:"): the colon and the list under it make it one.
  const limit = /:\s*$/.test(line) ? LONG_LEAD_IN_WORDS : 10;
  if (trimmed.split(/\s+/).length > limit || !/^[\p{Lu}]/u.test(trimmed)) return null;
  // "…you should have five years of experience, plus:" is "and also", not a wish.
  const words = foldApostrophes(trimmed.replace(/,\s*plus$/i, ''));
  for (const [kind, cue] of LIST_INTRO_CUES) if (cue.test(words)) return { kind, title: trimmed };
  return null;
}

/** Words a lead-in ending in a colon may have: one sentence or two, not a paragraph. */
const LONG_LEAD_IN_WORDS = 20;

/** "About" and a name written with a capital: the organisation introducing itself. */
const ABOUT_A_NAME = /^about\s+(\S+(?:\s+\S+){0,3})$/i;
/** Words after "about" that say what, not who: "About the role", "About you", "About working here". */
const ABOUT_WHAT = /^(?:the|this|you\w*|us|our|me|it|working|life|what|how|why|role|position|job|team|opportunity|benefits|compensation|applying|interview\w*)\b/i;
/** A name: every word opens with a capital ("Rackspace Technology", "BRAMBLEWOOD"). */
const CAPITALISED_WORDS = /^[\p{Lu}][\p{L}\d&.'’-]*(?:\s+[\p{Lu}][\p{L}\d&.'’-]*)*$/u;

function aboutAName(name: string): boolean {
  const what = ABOUT_A_NAME.exec(name)?.[1];
  return what !== undefined && !ABOUT_WHAT.test(what) && CAPITALISED_WORDS.test(what);
}

/** A title that gives a name's overview: "Nimbus Overview", "Fernhill at a Glance". */
const NAME_OVERVIEW = /^(\S+(?:\s+\S+){0,3}?)\s+(?:overview|at a glance|in brief|in a nutshell)$/i;
/** The verbs with which a paragraph says what its subject is or does: "Nimbus is", "Nimbus builds". */
const SUBJECT_SAYS = /^\s*(?:\([^()]*\)\s*)?,?\s*(?:is|are|was|has|have|helps|builds|makes|offers|provides|develops|creates|serves|powers|enables)\b/i;

/**
 * Whether a title gives the overview of the name the next paragraph opens with, as its subject
 * ("Nimbus Overview" over "Nimbus is a payments platform…"): the organisation introducing itself.
 * A CV's "Career Overview" is followed by no sentence about "Career".
 */
function overviewOfTheNextSubject(name: string, next: string): boolean {
  const subject = NAME_OVERVIEW.exec(name)?.[1];
  if (subject === undefined || !CAPITALISED_WORDS.test(subject)) return false;
  const opening = next.replace(/^[*_]+/, '');
  if (!opening.startsWith(subject)) return false;
  return SUBJECT_SAYS.test(opening.slice(subject.length));
}

/** A line over a list is a title only when it is this short: a longer one is the list's lead-in sentence. */
const LIST_TITLE_WORDS = 4;

/**
 * A line shaped like a heading whatever its words: short, not a list item, not a sentence, and
 * ending in a colon, written in capitals, marked as a Markdown heading, or standing alone after a
 * blank line with a list right under it ("You" over "- Python"). Its words then say what the
 * section is; when they say nothing known, it is `unknown`, which still ends the section before it
 * (so an "about the company" part cannot run on over the requirements).
 */
export function classifyHeadingByForm(line: string, around: { previous?: string; next?: string; blankAfter?: boolean } = {}): { kind: SectionKind; title: string } | null {
  const raw = line.trim();
  const markdown = /^#{1,6}\s+\S/.test(raw);
  const unmarked = raw.replace(/^#{1,6}\s+/, '');
  // A short line led by an emoji ("💻 The impact you will have") is decorated as titles are.
  const decorated = LEADING_EMOJI.test(unmarked);
  const title = unmarked.replace(LEADING_EMOJI, '').replace(/^[*_]+|[*_]+$/g, '').trim();
  // Too long for a title: nothing below can make it one.
  if (title.length > 60) return null;
  const leadIn = endsAsLeadIn(title);
  const name = withoutLeadInEnd(title).trim();
  // A question marked as a title ("### What Will I Be Doing?", "**Why join us?**") is one; unmarked, it is prose.
  // A whole line in bold markers the Markdown reader left as written ("**Perks & Benefits @Acme **",
  // its closing marks after a space) is marked as a title too.
  const starred = /^\*\*\S.*\*\*$/.test(unmarked);
  const letters = title.replace(/[^\p{L}]/gu, '');
  const inCapitals = letters.length >= 4 && letters === letters.toUpperCase();
  // So is a question written in capitals ("WHAT DO YOU GET OUT OF THIS?").
  const markedQuestion = (markdown || starred || inCapitals) && /\?$/.test(name);
  if (!name || /^[-•*·o]\s/.test(title) || (/[.!?;,]$/.test(name) && !markedQuestion)) return null;
  const words = name.split(/\s+/);
  if (words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(title)) return null;
  // Capitals joined by a slash are a pair of names ("HTML/CSS", "CI/CD", "TCP/IP") unless a part is a
  // known title ("EDUCATION/TRAINING").
  const slashPair = /[/\\]/.test(name) && !name.split(/\s*[/\\]\s*/).some((part) => HEADING_INDEX.has(headingKey(part)));
  const capitals = inCapitals && !slashPair;
  const alone = around.previous === undefined || around.previous.trim() === '';
  const next = around.next?.trim() ?? '';
  const overList = words.length <= LIST_TITLE_WORDS && alone && /^- /.test(next);
  // A line standing alone over a paragraph is a title only when its words say what the section is
  // ("What you'll be working on" over the duties in prose); otherwise it may be a short sentence.
  // The paragraph must open a sentence of its own, and the line must not end in a word that runs
  // on into it ("It would be great if you also had / some prose").
  const overParagraph = alone && /^[\p{Lu}]/u.test(next) && !RUNS_ON.test(name);
  // A short line standing alone that opens with a question word is a title by its form ("What
  // graduates do", "Where you come in"): a company's description has no such lines.
  const asked = alone && (next === '' || around.blankAfter === true || overParagraph) && /^(?:what|how|who|where|why|when)\b/i.test(name) && !/\?$/.test(name);
  const shaped = markdown || starred || capitals || leadIn || overList || (decorated && alone) || asked || markedQuestion;
  // "About Mozilla", "About Rackspace Technology" on a line of its own: about a name is about the
  // organisation, shaped as a title or not ("About the role", "About you" are classified by their words).
  if ((shaped || alone) && aboutAName(name)) return { kind: 'about-company', title: name };
  if (shaped && overviewOfTheNextSubject(name, next)) return { kind: 'about-company', title: name };
  if (!shaped && !overParagraph) return null;
  // A parenthesis qualifies the title's own words ("What you need (and what is a bonus)").
  const plain = foldApostrophes(name.replace(/\s*\([^()]*\)/g, '').trim() || name);
  for (const [kind, cue] of LIST_INTRO_CUES) if (cue.test(plain)) return { kind, title: name };
  if (!shaped) return null;
  // A title in the company's voice names the company's own things ("Our values", "Our stack",
  // and, standing alone, "What we believe", "How we work").
  if (/^our\b/i.test(name) || (asked && /\b(?:we|we're|we’re|our|us)\b/i.test(name))) return { kind: 'about-company', title: name };
  return { kind: 'unknown', title: name };
}

/**
 * A list intro inside a line of run-together page copy: a few words, a colon, then a typed bullet
 * ("… Preferred Experience: - Docker - Terraform"). It starts a section where it stands when its
 * words say what the list is; unknown words start nothing.
 */
/**
 * Lines at least this long may hold run-together page copy: a long line, or the same copy a PDF
 * printed in a column and wrapped at forty characters or more.
 */
const INLINE_INTRO_MIN_LINE = 40;
const INLINE_LIST_INTRO = /((?:(?!\s[-•·]\s)[^.!?;,():\n•·]){3,60}):\s+[-•·](?=\s|$)/g;

function inlineListIntros(line: string): Array<{ kind: SectionKind; title: string; at: number }> {
  const found: Array<{ kind: SectionKind; title: string; at: number }> = [];
  for (const m of matchesOf(INLINE_LIST_INTRO, line)) {
    const phrase = m[1] ?? '';
    const phraseAt = m.index ?? 0;
    // The section starts at the words that say what the list is ("… Apply TDD Preferred
    // Experience: - …" starts at "Preferred"), not at the end of the item before them.
    for (const [kind, re] of LIST_INTRO_CUES) {
      // The cues carry their own flags (case-insensitive, Unicode for \p{L}) and none is global, so
      // each is applied as it is, not recompiled for every phrase.
      const cue = re.exec(phrase);
      if (!cue) continue;
      const title = phrase.slice(cue.index).trim();
      if (title.split(/\s+/).length > 6) continue;
      found.push({ kind, title, at: phraseAt + cue.index });
      break;
    }
  }
  return found;
}

/**
 * A label of a known section after a sentence's end, or after a separator set off by spaces, inside
 * a line: ". Nice-to-haves: C++", "Python | SQL — Nice to have: C++", "Python · Nice-to-haves: Go".
 * Page copy scraped without its line breaks glues the label to the stop: "…our customers.Core
 * Responsibilities: Work on…".
 */
const MID_LINE_LABEL = /(?:[.;!?]\s*|\s[—–|·•]\s+)([\p{Lu}][^:.;!?|·•—–]{1,38}):\s+\S/gu;

function midLineLabels(line: string): Array<{ kind: SectionKind; title: string; at: number }> {
  const labels: Array<{ kind: SectionKind; title: string; at: number }> = [];
  for (const m of matchesOf(MID_LINE_LABEL, line)) {
    const title = (m[1] ?? '').trim();
    const kind = HEADING_INDEX.get(headingKey(title));
    if (kind && kind !== 'unknown') labels.push({ kind, title, at: (m.index ?? 0) + m[0].indexOf(title) });
  }
  return labels;
}

/**
 * Kinds a label may give a line too long for a heading: what the post asks, at what level, and a
 * CV's skills or interests written on one line ("Hobbies: chess, building robots, …").
 */
const LINE_LEVEL_KINDS: ReadonlySet<SectionKind> = new Set(['requirements', 'preferred', 'excluded', 'interests', 'skills']);

/** A label opening a long line: "Requirements: Python | PyTorch | SQL — Nice to have: C++". */
function longLineLevelLabel(line: string): { kind: SectionKind; title: string } | null {
  const colon = /^\s*(?:[-•*]\s+)?([\p{Lu}][^:]{1,38}):\s+\S/u.exec(line);
  const title = colon?.[1]?.trim() ?? '';
  const kind = title ? (HEADING_INDEX.get(headingKey(title)) ?? LEVELLED_HEADINGS.find(([, pattern]) => pattern.test(title))?.[0]) : undefined;
  return kind && LINE_LEVEL_KINDS.has(kind) ? { kind, title } : null;
}

const LIST_ITEM = /^\s*- /;
/** A form's legend for its starred fields. */
const FORM_LEGEND = /^\W*(?:\*\s*)?(?:required|optional)(?: fields?)?\W*$/i;

/**
 * Whether a line's sentence runs on into the next line: it ends in a comma or a word that needs
 * more after it ("in", "with", "and"), and the next line is text, not a new item, label or heading.
 */
function wrapsOn(line: string, next: string): boolean {
  const end = line.trimEnd();
  if (!(OPEN_END.test(end) || RUNS_ON.test(end)) || !next.trim() || LIST_ITEM.test(next) || BULLET_LINE.test(next)) return false;
  return !/^[^:]{1,40}:(?:\s|$)/.test(next.trim()) && classifyHeading(next) === null;
}
const INLINE_LABEL = /:\s+\S|\s[-–—]\s+\S/;

/** The level of a Markdown heading line ("### Title" is 3), or undefined for any other line. */
function markdownLevel(line: string): number | undefined {
  const m = /^\s{0,3}(#{1,6})\s+\S/.exec(line);
  return m?.[1]?.length;
}

/** Sections that a heading of unknown words ends. */
const UNKNOWN_ENDS: ReadonlySet<SectionKind> = new Set(['about-company', 'benefits', 'application', 'excluded', 'learning', 'other-jobs', 'job-details', 'unknown']);

/** Finds section headings in normalised text; each section runs to the next heading. */
export function detectSections(text: string): Section[] {
  const found: Array<{ title: string; kind: SectionKind; start: number }> = [];
  let offset = 0;
  const lines = text.split('\n');
  // A table's level cell ("Bonus" under a row) says how much its row matters; it heads nothing.
  const { cellLines } = levelColumn(text, lines);
  // The Markdown level of the heading that opened the current section, when it had one.
  let openedAtLevel: number | undefined;
  for (const [i, line] of lines.entries()) {
    if (cellLines.has(i)) {
      offset += line.length + 1;
      continue;
    }
    const current = found[found.length - 1]?.kind;
    // A short line over a list is a title where a company's description or an untitled intro may
    // be running on; inside benefits or how-to-apply it is a group of that section ("Health" over
    // its insurances), which must not end it.
    const around = current === undefined || current === 'about-company' || current === 'unknown' ? { previous: lines[i - 1], next: nextNonBlank(lines, i), blankAfter: lines[i + 1]?.trim() === '' } : {};
    const classified = classifyHeading(line) ?? classifyListIntro(line, nextNonBlank(lines, i)) ?? classifyHeadingByForm(line, around);
    // Among a job board's fields about the post, "Skills" is one more field: the board's tags for
    // the ad ("Machine Learning, Python +7 more"), not a list the ad itself makes.
    // A list item that only labels the items under it ("- Technical Skills:" among requirements
    // or wishes) groups them: they keep the level of the list they stand in.
    const groupLabel = classified?.kind === 'skills' && (current === 'requirements' || current === 'preferred') && LIST_ITEM.test(line) && /:\s*$/.test(line);
    const heading = groupLabel ? null : classified?.kind === 'skills' && current === 'job-details' ? { ...classified, kind: 'job-details' as const } : classified;
    // A heading known only by its form ends the parts that must not run on (a company's
    // description, benefits, how to apply) and starts the document; inside experience or projects it
    // is an entry's own title ("### ML Engineer — Acme (2020–)"), not a new section.
    // A Markdown heading no deeper than the one that opened the section is its sibling, whatever
    // its words: "### A typical week" after "### Nice to have" ends the wish list.
    const level = markdownLevel(line);
    const sibling = level !== undefined && openedAtLevel !== undefined && level <= openedAtLevel;
    // Referees are names and addresses, never a list: a title over a list ends them.
    const overListAfterReferees = current === 'references' && /^- /.test(nextNonBlank(lines, i)?.trim() ?? '');
    const endsCurrent = heading?.kind !== 'unknown' || current === undefined || UNKNOWN_ENDS.has(current) || sibling || overListAfterReferees;
    // A job board's "Apply for this job" over its form closes the ad; as the page's first line it
    // is the button above the ad, which heads nothing. In the form, a lone "Required" is the legend
    // of its starred fields, no heading.
    const applyButton = heading !== null && APPLY_TITLES.includes(headingKey(line)) && found.length === 0;
    const formLegend = heading !== null && current === 'application' && FORM_LEGEND.test(line);
    if (heading && !applyButton && !formLegend) {
      if (endsCurrent) {
        found.push({ ...heading, start: offset + line.length - line.trimStart().length });
        openedAtLevel = level;
      }
      // A list item that starts with its own label ("- Nice to have: Kubernetes") between items of
      // the same list speaks for itself: the list's section goes on with the next item.
      const previous = found[found.length - 2];
      if (endsCurrent && previous && LIST_ITEM.test(line) && INLINE_LABEL.test(line) && LIST_ITEM.test(lines[i + 1] ?? '')) {
        found.push({ ...previous, start: offset + line.length + 1 });
      }
    } else if (line.length > INLINE_INTRO_MIN_LINE && /:\s+[-•·](?:\s|$)/.test(line)) {
      for (const intro of inlineListIntros(line)) found.push({ kind: intro.kind, title: intro.title, start: offset + intro.at });
    }
    // A label after a full stop inside the line ("Must-haves: Python. Nice-to-haves: C++.") heads
    // the rest of the line only; the next line is back in the section the line began in. So does
    // a level label opening a line too long for a heading ("Requirements: Python | SQL — Nice to
    // have: C++"): it heads its line only.
    const before = found[found.length - 1];
    const opening = heading === null && line.includes(':') ? longLineLevelLabel(line) : null;
    const labels = line.includes(':') ? midLineLabels(line) : [];
    if (opening) found.push({ kind: opening.kind, title: opening.title, start: offset + line.length - line.trimStart().length });
    for (const label of labels) found.push({ kind: label.kind, title: label.title, start: offset + label.at });
    // A label after a stop that opens a typed list ("… on 30 farms. What You'll Do: • Develop") is
    // a list intro in run-together copy a PDF wrapped: its list goes on in the next lines.
    const lastLabel = labels[labels.length - 1];
    const opensTypedList = !opening && lastLabel !== undefined && /^[^:]*:\s+[-•·](?:\s|$)/.test(line.slice(lastLabel.at));
    if ((opening || labels.length) && !opensTypedList && i + 1 < lines.length) {
      // A labelled line that a PDF wrapped goes on in the next lines ("Essential: Experience of
      // models in\nPython or R"): the label heads them too.
      let revertAt = offset + line.length + 1;
      for (let j = i; opening && j + 1 < lines.length && wrapsOn(lines[j] ?? '', lines[j + 1] ?? ''); j++) revertAt += (lines[j + 1]?.length ?? 0) + 1;
      found.push({ ...(before ?? { kind: 'unknown' as const, title: '' }), start: revertAt });
    }
    offset += line.length + 1;
  }
  // Sections found inside a line (list intros, labels after a full stop) keep text order; one found
  // twice where it stands (as a list intro and as a label) is one section.
  found.sort((a, b) => a.start - b.start);
  const distinct = found.filter((s, i) => {
    const next = found[i + 1];
    return !(next && next.start === s.start && next.kind === s.kind && next.title === s.title);
  });
  return endReferencesOnRequest(text, distinct.map((s, i) => ({ ...s, end: distinct[i + 1]?.start ?? text.length })));
}

/** The one line a CV's references section often holds instead of names. */
const ON_REQUEST = /^[\s-]*(?:(?:references?|referees?|details|contacts?)\s+)?(?:(?:are|will be)\s+)?(?:available|provided|furnished|supplied|given|sent)\s+(?:up)?on\s+request\.?\s*$/i;

/**
 * "References: available upon request" is the whole section: what the text holds after that line
 * (a PDF's next column, read after it) is another part of the CV, not referees' names.
 */
function endReferencesOnRequest(text: string, sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const section of sections) {
    const boundary = section.kind === 'references' ? endOfRequestLine(text, section) : -1;
    // Split only where text follows the line: the rest is another part of the CV.
    if (boundary < 0 || !text.slice(boundary, section.end).trim()) out.push(section);
    else out.push({ ...section, end: boundary }, { kind: 'unknown', title: '', start: boundary, end: section.end });
  }
  return out;
}

/** Where the "available upon request" line of a references section ends (after its line break), or -1. */
function endOfRequestLine(text: string, section: Section): number {
  const lineEnd = (from: number): number => {
    const newline = text.indexOf('\n', from);
    return newline < 0 || newline >= section.end ? section.end : newline;
  };
  // "References: available upon request" on the heading's own line.
  const headingEnd = lineEnd(section.start);
  const inline = /:\s*(.+)$/.exec(text.slice(section.start, headingEnd));
  if (inline?.[1] !== undefined && ON_REQUEST.test(inline[1])) return headingEnd + 1;
  // Or the first line under the heading, blank lines aside.
  let at = headingEnd + 1;
  while (at < section.end && text[at] === '\n') at++;
  if (at >= section.end) return -1;
  const end = lineEnd(at);
  return ON_REQUEST.test(text.slice(at, end)) ? end + 1 : -1;
}
