import type { Extraction, Section, SectionKind } from '../1-text/schema';
import type { CompiledLexicon, RoleSkill } from '../2-lexicon/compile';
import { SOFT_SKILLS } from '../2-lexicon/categories';
import { classifyKind, mayContradict } from './classify';
import { employerNames, isHiringLeadIn, isTeamOrCreedLeadIn, secondHand, speaksForClient, speaksToCandidate, voiceHints, type VoiceHints } from './voice';
import { afterCourseCode, contextVerdict, deniedByLaterClause, deniedByWriterLater, mayBeDeniedLater, fillClauses, isCorroborated, isPlainTerm, mayDenyNeed, modalityOf, needsClauses, requirementOf, sentenceCues, sentenceHasWord, TokenStems, yearsOf, type ClauseCache, type Judgement, type VerdictCache, type ModalityResult, type SentenceCues, type SentenceView } from './context';
import { findFuzzyMentions, findMentions, type Mention } from '../3-extract/mentions';
import type { NlpPort } from '../0-base/nlp-port';
import type { Analysis, DocumentKind, Evidence, KindRequest, Modality, Requirement } from './schema';
import { evidenceStrength, score } from './score';
import { brokenByHand, lineWidths, spanIndexAt, splitSentences } from '../1-text/sentences';
import { tokenize, type Token } from '../1-text/tokenize';
import { adviceReading, shownAdviceParts, type AdviceReading } from './advice';
import { experienceEntries, statedTotalYears, yearsFromEntries } from '../3-extract/experience';
import { findPersonalData, maskSpans } from '../1-text/personal-data';
import { foldApostrophes } from '../1-text/lines';
import { findUnmappedTerms } from '../3-extract/unmapped';
import { confidenceOver } from '../1-text/ocr-words';
import { listLeadIns } from '../1-text/list-lead-in';
import { definedAcronyms, spelledOutNearby, type AcronymDefinition } from '../1-text/acronyms';
import { clubSpans, inTitleCase, insideSpan, organisationSpans, venueSpans, type TextSpan } from '../1-text/citations';
import { BULLET_LINE, lineIndexAt, lineStarts } from '../1-text/lines';
import { countBefore } from '../0-base/sorted';
import { levelColumn, type Level, type LevelColumn } from '../1-text/level-column';

export interface AnalyzeOptions {
  kind: KindRequest;
  /** "Present" in date ranges; defaults to the current date. */
  now?: Date;
  /**
   * Whether unmappedTerms includes the noun phrases of long skills-list items (compromise's
   * tagger: about 10 ms a document, more than everything else together). Default true; a batch
   * match, which does not report unmapped terms, turns it off.
   */
  unmappedNounPhrases?: boolean;
  /**
   * Whether the analysis lists unmapped terms at all. Default true; a match, a batch and a webhook
   * job report none, and skip the pass (a tenth of a 1,000-word CV's analysis).
   */
  unmappedTerms?: boolean;
  /** Called with each stage's name and duration: for benchmarks and `explain`. */
  onStage?: (stage: AnalysisStage, ms: number) => void;
}

export type AnalysisStage = 'personal data' | 'tokens and sentences' | 'mentions' | 'context and evidence' | 'years from dates' | 'scores' | 'unmapped terms';

/** Every mention with the verdict on it: what `explain` prints. */
export interface TracedMention {
  mention: Mention;
  section: SectionKind | null;
  sentence: string;
  judgement: Judgement;
}

export interface AnalysisTrace {
  tokens: number;
  sentences: number;
  mentions: TracedMention[];
}

/**
 * The section an offset stands in. Sections come in text order, each ending where the next
 * begins (detectSections), so the last one starting at or before the offset is the only candidate:
 * a binary search, not a scan per mention (a long document has thousands of each).
 */
function sectionContaining(sections: Section[], offset: number): Section | null {
  const s = sections[countBefore(sections, (section) => section.start <= offset) - 1];
  return s && offset < s.end ? s : null;
}

/** Whether the first line after a section's heading is a list item. */
function opensList(text: string, section: Section): boolean {
  const afterHeading = text.indexOf('\n', section.start);
  if (afterHeading < 0 || afterHeading >= section.end) return false;
  return BULLET_LINE.test(text.slice(afterHeading, Math.min(section.end, afterHeading + 200)).replace(/^\s*\n/, ''));
}

function sectionAt(sections: Section[], offset: number, kind: DocumentKind): SectionKind | null {
  const section = sectionContaining(sections, offset);
  // A job ad's bare "About" introduces the company; a CV's is the writer's summary.
  if (kind === 'job' && section?.kind === 'summary' && /^about$/i.test(section.title.trim())) return 'about-company';
  return section?.kind ?? null;
}

/** Line breaks inside a sentence as spaces, character for character. */
const foldLineBreaks = (s: string): string => (s.includes('\n') ? s.replaceAll('\n', ' ') : s);

/** A table row's level cell stands for the row as a section heading would: "Bonus" as preferred. */
function rowLevelAsSection(level: Level | null, section: SectionKind | null): SectionKind | null {
  if (level === 'preferred') return 'preferred';
  if (level === 'required') return 'requirements';
  return section;
}

function sentenceViews(text: string, tokens: Token[]): SentenceView[] {
  const spans = splitSentences(text);
  // A sentence goes on over a line break only where the line wrapped (sentences.ts): the cue rules,
  // written with spaces ("i'm learning"), read the break as the space it stands for.
  const views: SentenceView[] = spans.map((span) => ({ span, text: foldLineBreaks(foldApostrophes(text.slice(span.start, span.end))), firstToken: -1, lastToken: -1 }));
  // Tokens and sentences are both in text order: one sweep assigns every token.
  let v = 0;
  tokens.forEach((token, i) => {
    while (v < views.length && (views[v]?.span.end ?? 0) <= token.start) v++;
    const view = views[v];
    if (!view || token.start < view.span.start) return;
    if (view.firstToken < 0) view.firstToken = i;
    view.lastToken = i;
  });
  return views;
}

/**
 * A job ad's sentence that gives the candidate a duty ("you will collaborate closely with our AI
 * team", "you'll own the ranking models"), which says what the post is even under a heading about
 * the company. Joining, reporting, being based somewhere or what the candidate will get are not
 * duties: "you'll join a team that uses PyTorch" still describes the team.
 */
const CANDIDATE_DUTY = /\byou(?:\s+will|['’]ll)\s+(?!(?:join|be\s+joining|be\s+part|become|be\s+based|be\s+located|be\s+paid|be\s+eligible|be\s+reporting|report|get|have|enjoy|receive|find|meet|love|be\s+surrounded|be\s+working\s+(?:for|at)|work\s+(?:for|at|from|remotely))\b)(?:\w+ly\s+)?\w+/i;

/** "non-" written right before a mention makes it its opposite: "simpler non-statistical methods". */
const NON_BEFORE = /\bnon[-‐–]$/i;

/** A mention written as an acronym, capitals only ("MLP", "IDPs"). */
const ACRONYM = /^[A-Z]{2,6}s?$/;

/** Mentions of one term beyond this (or one per 125 words in long documents) are stuffing. */
const STUFFING_MIN = 8;

/** Distinct technical names a document needs before words with an everyday sense are read in their technical one. */
const TECHNICAL_DOCUMENT_TERMS = 4;

/**
 * Whether the document's domain is technical: it names several distinct technologies whose names
 * have no everyday sense (no sense policy, not weak tokens). Then "Flask" or "calculus" there mean
 * the web framework and the mathematics.
 */
function isTechnicalDocument(mentions: Mention[]): boolean {
  const names = new Set<string>();
  for (const m of mentions) {
    if (m.term.entry.kind === 'technology' && isPlainTerm(m.term) && m.rule !== 'fuzzy') names.add(m.term.entry.id);
    if (names.size >= TECHNICAL_DOCUMENT_TERMS) return true;
  }
  return false;
}

/** How much of the text the check of a stated kind reads (about the first two pages). */
const KIND_CHECK_CHARS = 6_000;

/** How sure the kind classifier must be before a caller's stated kind is questioned. */
const KIND_MISMATCH_CONFIDENCE = 0.9;

function stuffingWarnings(traced: TracedMention[], words: number): Array<{ code: 'keyword-stuffing'; message: string; term: string; count: number }> {
  const limit = Math.max(STUFFING_MIN, Math.ceil(words / 125));
  const counts = new Map<string, { label: string; count: number }>();
  for (const t of traced) {
    if (!t.judgement.accepted) continue;
    const { id, label } = t.mention.term.entry;
    const entry = counts.get(id) ?? { label, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  return [...counts]
    .filter(([, c]) => c.count > limit)
    .map(([term, c]) => ({
      code: 'keyword-stuffing' as const,
      term,
      count: c.count,
      message: `"${c.label}" appears ${c.count} times, far beyond normal use; it was counted once.`,
    }));
}

/**
 * Every judgement carries the same fields, unset ones undefined: built one way, its fields are
 * read at one shape in the hot loop (spreads of optional fields made a shape per combination).
 */
function judgementOf(accepted: boolean, rejected: Judgement['rejected'], modality: Modality, cue?: string, years?: number, requirement?: Requirement): Judgement {
  return { accepted, rejected, modality, cue, years, requirement };
}

/**
 * Acronyms this long or longer are looked for spelled out in the lines before them (SOA, RSS): two
 * capitalised words with two given initials are common enough to spell AI or ML by chance.
 */
const NEARBY_ACRONYM_MIN = 3;

/**
 * A CV part titled as what the writer taught ("Teaching", "Courses taught", "Guest lectures"): a
 * subject taught is not shown held by teaching it alone. How the writer works there (planning,
 * working with others) is the writer's own. "Teaching experience" heads posts held (experience),
 * read as any job.
 */
const TAUGHT_TITLE = /^(?:teaching|courses? taught|classes taught|subjects taught|modules taught|teaching assistant(?:ships?)?|teaching and (?:mentoring|supervision|tutoring)|guest lectures?|lectures? given|tutoring)\s*:?$/i;
/** A part of posts titled as teaching ("Teaching Experience", "Teaching and Mentoring"). */
const TEACHING_IN_TITLE = /\bteaching\b/i;
/**
 * The lead-in of a skills list that gives its items a low level ("Familiar:", "Somewhat familiar:",
 * "Basic knowledge:", "Beginner:", "Exposure to:"): the items are known a little, as "familiar with
 * Go" in a sentence is.
 */
const LOW_LEVEL_LEAD_IN = /^(?:somewhat |slightly |a bit |fairly )?(?:familiar(?:ity)?(?: with)?|basics?|basic knowledge(?: of)?|beginner|elementary|novice|learning|(?:some |limited )?exposure(?: to)?|limited(?: experience)?|some experience(?: with| in)?)\s*:?$/i;

function onBulletLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return BULLET_LINE.test(text.slice(start, at + 1));
}

/**
 * The analysis stages after extraction: find mentions, judge each in its context, score the role.
 * Pure: text and a compiled lexicon in, typed results out.
 */
export function analyzeExtraction(
  extraction: Extraction,
  lexicon: CompiledLexicon,
  nlp: NlpPort,
  options: AnalyzeOptions,
): { analysis: Analysis; trace: AnalysisTrace } {
  let last = performance.now();
  const stage = (name: AnalysisStage): void => {
    if (!options.onStage) return;
    const now = performance.now();
    options.onStage(name, now - last);
    last = now;
  };
  // The caller may say what the document is; otherwise it is classified.
  // A kind given by the caller is kept, but checked: a job ad sent as a CV is said to be one.
  // Checking a stated kind reads the document's opening only, where its kind shows.
  // Its sections alone often rule a contrary reading out, and then no phrase is counted.
  const stated = options.kind === 'auto' ? undefined : options.kind;
  const detected = stated && !mayContradict(extraction, stated, KIND_MISMATCH_CONFIDENCE) ? undefined : classifyKind(extraction, stated ? KIND_CHECK_CHARS : Infinity);
  const classified = stated ? { kind: stated, confidence: 1 } : (detected ?? { kind: 'cv' as const, confidence: 0.5 });
  const { kind } = classified;
  const kindConfidence = classified.confidence;
  const mismatch = stated !== undefined && detected !== undefined && detected.kind !== stated && detected.confidence >= KIND_MISMATCH_CONFIDENCE;
  // A CV is read with its personal details blanked (same offsets), so no score can depend on
  // who the person is: names, contact details, age, gender words, nationality.
  const text = kind === 'cv' ? maskSpans(extraction.text, findPersonalData(extraction.text), ' ') : extraction.text;
  const read: Extraction = { ...extraction, text };
  stage('personal data');

  const tokens = tokenize(text);
  const sentences = sentenceViews(text, tokens);
  const sentenceSpans = sentences.map((s) => s.span);
  stage('tokens and sentences');
  // A sentence that opens a line after a line broken by hand opens a new item; after a line a PDF
  // wrapped it may be the rest of a phrase ("Calculus and Linear\nAlgebra"), which the phrase walk
  // may still join.
  const sentenceOpeners = new Uint8Array(tokens.length);
  let starts: number[] | undefined;
  let widths: number[] | undefined;
  for (const view of sentences) {
    if (view.firstToken < 0 || view.span.start === 0 || text.charCodeAt(view.span.start - 1) !== 10) continue;
    // A stop, a colon or a bracket ending the line breaks a phrase already: only a word may run on.
    const before = tokens[view.firstToken - 1];
    if (before === undefined || before.type !== 'word') continue;
    starts ??= lineStarts(text);
    widths ??= lineWidths(text, starts);
    if (brokenByHand(text, starts, widths, lineIndexAt(starts, view.span.start) - 1, false)) sentenceOpeners[view.firstToken] = 1;
  }
  const exact = findMentions(tokens, lexicon, nlp, text, sentenceOpeners);
  const mentions = [...exact, ...findFuzzyMentions(tokens, exact, lexicon, nlp)].sort((a, b) => a.start - b.start);
  stage('mentions');

  const bySentence = new Map<SentenceView, { mentions: Mention[]; starts: number[] }>();
  const inSentence = (view: SentenceView): { mentions: Mention[]; starts: number[] } => {
    let found = bySentence.get(view);
    if (!found) {
      // Mentions are sorted by start: the sentence's are one run, found by binary search.
      const lo = countBefore(mentions, (m) => m.start < view.span.start);
      let end = lo;
      while (end < mentions.length && (mentions[end]?.start ?? Infinity) < view.span.end) end++;
      // A mention its own context words set aside names no skill: it neither ends a denial's
      // reach nor takes years from its neighbours.
      const within = mentions.slice(lo, end).filter((m) => rejectedByContext(m, view) === undefined);
      found = { mentions: within, starts: within.map((m) => m.start - view.span.start) };
      bySentence.set(view, found);
    }
    return found;
  };
  const mentionStartsIn = (view: SentenceView): number[] => inSentence(view).starts;
  const stems = new TokenStems(tokens, nlp);
  const contextVerdicts = new Map<Mention, Judgement['rejected'] | undefined>();
  const rejectedByContext = (mention: Mention, view: SentenceView): Judgement['rejected'] | undefined => {
    if (contextVerdicts.has(mention)) return contextVerdicts.get(mention);
    const verdict = contextVerdict(mention, tokens, view, stems);
    contextVerdicts.set(mention, verdict);
    return verdict;
  };
  // Sentences whose clauses some mention needs are split together, in one compromise call.
  const clauseCache: ClauseCache = new Map();
  const verdicts: VerdictCache = new Map();
  const cuesBySentence = new Map<string, SentenceCues>();
  const cuesOf = (sentence: string): SentenceCues => {
    let cues = cuesBySentence.get(sentence);
    if (!cues) {
      cues = sentenceCues(sentence);
      cuesBySentence.set(sentence, cues);
    }
    return cues;
  };
  const needing: string[] = [];
  for (const mention of mentions) {
    const view = sentences[spanIndexAt(sentenceSpans, mention.start)];
    // A mention its own context sets aside is never judged, so it needs no clauses.
    if (!view || rejectedByContext(mention, view) !== undefined || !cuesOf(view.text).modality) continue;
    if (needsClauses(view.text, mention.start - view.span.start, mention.end - view.span.start, kind, verdicts) || (kind === 'job' ? mayDenyNeed(view.text) : cuesOf(view.text).ownDenial && mayBeDeniedLater(view.text, mention.start - view.span.start))) {
      needing.push(view.text);
    }
  }
  fillClauses(needing, clauseCache, nlp);
  // The intro runs to the first heading that names a section (a company name in capitals does not).
  // A job ad with no such heading (a post on a forum, an e-mail) introduces the company until its
  // first sentence that speaks to the candidate.
  // A heading the service cannot name that opens a list ("Vos missions", "Was dich erwartet") is
  // the post's own section by its form, as a company's name above a paragraph is not.
  const firstHeading = extraction.sections.find((s) => (s.kind !== 'unknown' && s.kind !== 'about-company') || (kind === 'job' && opensList(text, s)))?.start ?? (kind === 'job' ? sentences.find((v) => speaksToCandidate(v.text))?.span.start : undefined);
  const technical = isTechnicalDocument(mentions);
  const fieldOf = (skill: string): string | undefined => lexicon.skills.get(skill)?.categoryId;
  const hintsBySentence = new Map<string, VoiceHints>();
  // The lead-in line of the list a mention stands in, found for the whole text on first need, and
  // whether each lead-in sets its items apart: in a CV, roles the writer recruits for; in a job ad,
  // the team's record or the company's creed.
  let leadInAt: ((at: number) => string | null) | undefined;
  // A job ad's requirements table: the level cell of the row a mention stands in.
  let levels: LevelColumn | undefined;
  const leadInsApart = new Map<string, boolean>();
  // Whether a lead-in or a title gives a low level, once per distinct line.
  const lowLevels = new Map<string, boolean>();
  const lowLevel = (line: string): boolean => {
    let low = lowLevels.get(line);
    if (low === undefined) {
      low = line !== '' && LOW_LEVEL_LEAD_IN.test(line.trim());
      lowLevels.set(line, low);
    }
    return low;
  };
  const forClient = kind === 'job' && speaksForClient(text);
  const employers = kind === 'job' ? employerNames(text) : undefined;
  // Acronyms the document spells out ("Machine Learning Platform (MLP)") stand for those words in
  // it: a lexicon acronym whose spelled-out words show none of its skills is another thing.
  let acronyms: AcronymDefinition[] | undefined;
  const spelledOutOtherwise = (mention: Mention): boolean => {
    const written = text.slice(mention.start, mention.end);
    if (!ACRONYM.test(written)) return false;
    acronyms ??= definedAcronyms(text);
    const letters = written.replace(/s$/, '');
    const defined = acronyms.filter((d) => d.acronym === letters);
    // Without a parenthesis, words spelling it just before it define it as well.
    const nearby = defined.length === 0 && letters.length >= NEARBY_ACRONYM_MIN ? spelledOutNearby(text, mention.start, letters) : null;
    const definitions = nearby ? [nearby] : defined;
    if (definitions.length === 0) return false;
    const skills = Object.keys(mention.term.entry.skills);
    // A mention over the spelled-out words shows their reading ("Machine Learning Engineer" over
    // "Machine Learning"), when its own context accepts it: "Test" in "National Entrance Screening
    // Test (NEST)" is no test written for code, so it shows nothing.
    const readsAs = (m: Mention): boolean => {
      const own = sentences[spanIndexAt(sentenceSpans, m.start)];
      return own === undefined || rejectedByContext(m, own) === undefined;
    };
    return !definitions.some((d) => mentions.some((m) => m.start < d.end && m.end > d.start && m !== mention && Object.keys(m.term.entry.skills).some((skill) => skills.includes(skill)) && readsAs(m)));
  };
  // A venue's, an organisation's or a club's name ("Conference on Artificial Intelligence and
  // Statistics", "Institute of Physics and Technology", "Quantum Computing Club") names its field,
  // not the writer's skill; a soft skill or
  // business word in a CV's Title Case publication title is the work's topic ("Domain Knowledge
  // Priors for Crop Yield Forecasting"), not how the writer works.
  let namedFields: TextSpan[] | undefined;
  const inNamedField = (mention: Mention): boolean => insideSpan((namedFields ??= [...venueSpans(text), ...organisationSpans(text), ...clubSpans(text)]), mention.start, mention.end);
  const topicOfATitle = (mention: Mention, section: SectionKind | null): boolean =>
    kind === 'cv' && section === 'publications' && !/^\S+ed\b/i.test(text.slice(mention.start, mention.end)) &&
    Object.keys(mention.term.entry.skills).every((skill) => fieldOf(skill) === SOFT_SKILLS) && inTitleCase(text, mention.start, mention.end);
  // What is taught is a subject, a technique; how the teacher plans the term or works with
  // others is the writer's own way of working ("I plan the term around the marking weeks").
  const taughtSubject = (mention: Mention): boolean => !Object.keys(mention.term.entry.skills).every((skill) => fieldOf(skill) === SOFT_SKILLS);
  const reversedByNon = (mention: Mention): boolean => NON_BEFORE.test(text.slice(Math.max(0, mention.start - 5), mention.start));
  const traced: TracedMention[] = [];
  const evidenceBySkill = new Map<string, Evidence[]>();
  for (const mention of mentions) {
    const view = sentences[spanIndexAt(sentenceSpans, mention.start)];
    // A job ad's table row marked "Not needed" asks for nothing, as a "Not required" section would not.
    const rowLevel = kind === 'job' ? (levels ??= levelColumn(text)).at(mention.start) : null;
    const headed = rowLevel === 'not-needed' ? 'excluded' : sectionAt(extraction.sections, mention.start, kind);
    const section = headed === 'about-company' && kind === 'job' && view && CANDIDATE_DUTY.test(view.text) ? 'about-role' : headed;
    const sentence = view?.text ?? text.slice(mention.start, mention.end);
    const offset = view?.span.start ?? mention.start;
    let judgement: Judgement;
    const rejected = (view ? rejectedByContext(mention, view) : undefined) ?? (spelledOutOtherwise(mention) || reversedByNon(mention) || inNamedField(mention) || topicOfATitle(mention, section) ? 'context-excluded' : undefined);
    if (rejected) {
      judgement = judgementOf(false, rejected, 'normal');
    } else if (
      (mention.term.entry.ambiguous || (mention.term.entry.sense === 'domain' && !technical)) &&
      (!view || !isCorroborated(mention, mentions, tokens, view, section, fieldOf))
    ) {
      judgement = judgementOf(false, 'uncorroborated', 'normal');
    } else {
      const cues = cuesOf(sentence);
      let modality: ModalityResult = cues.modality ? modalityOf(sentence, mention.start - offset, mention.end - offset, kind, nlp, clauseCache, verdicts) : { modality: 'normal' };
      // Whose mention it is: others' work, a team's name, the company, the fields of a degree.
      if (modality.modality !== 'negated') {
        const inIntro = firstHeading !== undefined && mention.start < firstHeading;
        let hints = hintsBySentence.get(sentence);
        if (hints === undefined) {
          hints = voiceHints(sentence, kind);
          hintsBySentence.set(sentence, hints);
        }
        const leadIn = (leadInAt ??= listLeadIns(text))(mention.start);
        let apart = leadIn === null ? false : leadInsApart.get(leadIn);
        if (apart === undefined && leadIn !== null) {
          apart = kind === 'cv' ? isHiringLeadIn(leadIn) : isTeamOrCreedLeadIn(leadIn);
          leadInsApart.set(leadIn, apart);
        }
        const setApart = apart ? leadIn : null;
        const voice = secondHand({ sentence, start: mention.start - offset, end: mention.end - offset, kind, section, inIntro, hints, hiringLeadIn: kind === 'cv' ? setApart : null, teamOrCreedLeadIn: kind === 'job' ? setApart : null, forClient, employers });
        if (voice) modality = { modality: 'reported', cue: voice.cue };
        // A list under a low level ("Familiar:", "Basic knowledge:") holds what the writer knows a
        // little: its own items, not lines run on after it, which may be the next part of the page.
        else if (kind === 'cv' && leadIn !== null && (modality.modality === 'normal' || modality.modality === 'strong') && lowLevel(leadIn) && onBulletLine(text, mention.start)) modality = { modality: 'weak', cue: leadIn };
      }
      if (kind === 'cv' && modality.modality !== 'negated' && modality.modality !== 'reported' && view && cues.ownDenial && mayBeDeniedLater(sentence, mention.start - offset)) {
        const skills = Object.keys(mention.term.entry.skills);
        const later = inSentence(view)
          .mentions.filter((m) => m.start > mention.start)
          .map((m) => ({ start: m.start - offset, sameSkill: Object.keys(m.term.entry.skills).some((s) => skills.includes(s)) }));
        const denial = deniedByWriterLater(sentence, mention.start - offset, later, nlp, clauseCache);
        if (denial) modality = { modality: 'negated', cue: denial };
      }
      if (kind === 'job' && modality.modality !== 'negated' && modality.modality !== 'reported' && view) {
        const inSentence = mentionStartsIn(view);
        const denial = deniedByLaterClause(sentence, mention.start - offset, inSentence, nlp, clauseCache);
        if (denial) modality = { modality: 'negated', cue: denial };
      }
      // A CV section headed as what the writer is learning or aiming at ("Currently learning",
      // "Skills in progress") holds what the writer does not have yet.
      // So does a part titled with a low level ("Familiar with", "Basic knowledge"), and one titled
      // as what the writer taught (TAUGHT_TITLE).
      // Under "Teaching Experience" the posts and duties are read as any job's, but a course named
      // by its code there ("Fall 2021: (STAT410) Time Series") is a course taught.
      if (kind === 'cv' && (section === 'learning' || section === 'unknown' || section === 'skills' || section === 'experience') && (modality.modality === 'normal' || modality.modality === 'strong')) {
        const title = sectionContaining(extraction.sections, mention.start)?.title ?? '';
        const taughtPart = section === 'unknown' && TAUGHT_TITLE.test(title.trim());
        const taughtCourse = section === 'experience' && TEACHING_IN_TITLE.test(title) && afterCourseCode(sentence.slice(0, mention.start - offset));
        if (section === 'learning' || (section !== 'experience' && lowLevel(title)) || ((taughtPart || taughtCourse) && taughtSubject(mention))) modality = { modality: 'weak', cue: title };
      }
      const years = cues.years && view ? yearsOf(sentence, mention.start - offset, mention.end - offset, mentionStartsIn(view)) : undefined;
      const requirement = kind === 'job' ? requirementOf(rowLevelAsSection(rowLevel, section), sentence, mention.start - offset) : undefined;
      judgement = judgementOf(true, undefined, modality.modality, modality.cue, years, requirement);
      if (years !== undefined && years >= 3 && judgement.modality === 'normal') {
        judgement.modality = 'strong';
        judgement.cue = `${years} years`;
      }
    }
    traced.push({ mention, section, sentence, judgement });
    if (!judgement.accepted) continue;
    const written = text.slice(mention.start, mention.end);
    // The document's own characters, not the folded ones the rules read.
    const original = text.slice(offset, offset + sentence.length);
    const shownSentence = original.length > 300 ? `${original.slice(0, 297)}...` : original;
    // A term worked on rather than used ("fine-tune and evaluate LLMs") has strengths of its own.
    const stronger = mention.term.strongerWith && view && sentenceHasWord(mention.term.strongerWith.words, mention, tokens, view) ? mention.term.strongerWith.strengths : undefined;
    for (const { skill: skillId, strength: termStrength } of stronger ?? mention.term.strengths) {
      // One evidence object per skill of every accepted mention: built in place, optional fields
      // only when set, with no temporary objects spread into it.
      const evidence: Evidence = { text: written, start: mention.start, end: mention.end, section, term: mention.term.entry.id, termLabel: mention.term.entry.label, rule: mention.rule, modality: judgement.modality, strength: evidenceStrength(termStrength, judgement.modality, section, kind), sentence: shownSentence };
      if (judgement.cue) evidence.cue = judgement.cue;
      if (judgement.years !== undefined) evidence.years = judgement.years;
      if (judgement.requirement) evidence.requirement = judgement.requirement;
      if (extraction.ocrWords) {
        const confidence = confidenceOver(extraction.ocrWords, mention.start, mention.end);
        if (confidence !== undefined) evidence.ocrConfidence = confidence;
      }
      let list = evidenceBySkill.get(skillId);
      if (!list) {
        list = [];
        evidenceBySkill.set(skillId, list);
      }
      list.push(evidence);
    }
  }

  const warnings = stuffingWarnings(traced, tokens.reduce((n, t) => (t.type === 'word' ? n + 1 : n), 0));
  const stuffed = new Set(warnings.map((w) => w.term));
  if (stuffed.size) {
    for (const [skill, list] of evidenceBySkill) {
      const seen = new Set<string>();
      const once = list.filter((e) => {
        if (!stuffed.has(e.term)) return true;
        if (seen.has(e.term)) return false;
        seen.add(e.term);
        return true;
      });
      evidenceBySkill.set(skill, once);
    }
  }
  stage('context and evidence');
  // CVs: years per skill from the date ranges of the experience entries that mention it.
  const derivedYears = new Map<string, number>();
  if (kind === 'cv') {
    const entries = experienceEntries(text, extraction.sections, options.now ?? new Date());
    if (entries.length) {
      // Years from dates end "present" at today; a CV written years ago says how long it was then,
      // and the writer's own total bounds every figure the dates give.
      const total = statedTotalYears(text, extraction.sections);
      for (const [skill, list] of evidenceBySkill) {
        const years = yearsFromEntries(entries, list.filter((e) => e.strength > 0).map((e) => e.start));
        if (years !== undefined) derivedYears.set(skill, total !== undefined ? Math.min(years, total) : years);
      }
    }
  }
  stage('years from dates');
  // CVs: the parts of a gap's advice the CV already shows are not asked for again.
  let reading: AdviceReading | undefined;
  const shownParts = kind === 'cv' ? (skill: RoleSkill) => shownAdviceParts(skill, (reading ??= adviceReading(text)), sentences) : undefined;
  const scored = score(lexicon, evidenceBySkill, kind, extraction.quality.status === 'low', derivedYears, shownParts);
  stage('scores');
  const unmappedTerms = options.unmappedTerms === false ? [] : findUnmappedTerms(read, tokens, mentions, options.unmappedNounPhrases === false ? undefined : nlp);
  stage('unmapped terms');
  return {
    analysis: {
      kind,
      kindConfidence,
      role: { id: lexicon.role.id, label: lexicon.role.label, version: lexicon.role.version },
      lexiconVersion: lexicon.version,
      ...scored,
      unmappedTerms,
      quality: extraction.quality,
      warnings: mismatch
        ? [
            ...warnings,
            {
              code: 'kind-mismatch' as const,
              message: `This document reads as ${detected.kind === 'job' ? 'a job ad' : 'a CV'}, but it was sent as ${kind === 'job' ? 'a job ad' : 'a CV'}: its scores answer the wrong question. Check that the files are in the right places.`,
              detected: detected.kind,
              confidence: detected.confidence,
            },
          ]
        : warnings,
    },
    trace: { tokens: tokens.length, sentences: sentences.length, mentions: traced },
  };
}
