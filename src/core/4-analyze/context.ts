import { LiteralGate } from '../0-base/literal-gate';
import { perWord } from '../0-base/word-cache';
import { matchesOf } from '../0-base/matches';
import type { SectionKind } from '../1-text/schema';
import { afterWindow, isAfterWord, phraseStem } from '../2-lexicon/compile';
import { isPeopleWord } from '../2-lexicon/people-words';
import type { Mention } from '../3-extract/mentions';
import { MONTH, OPEN_RANGE_ENDS, WORD_NUMBERS, YEARS_COUNT, yearsStated } from '../3-extract/experience';
import type { NlpPort } from '../0-base/nlp-port';
import type { DocumentKind, Modality, Requirement } from './schema';
import type { Span } from '../1-text/sentences';
import type { Token } from '../1-text/tokenize';

/**
 * Context rules for one mention: the term's own require/exclude words, corroboration of weak
 * tokens, negation and modality, years, and (for job ads) whether the skill is required or
 * preferred. Every decision names its cue, so evidence can show why.
 */
export interface Judgement {
  accepted: boolean;
  /** Why a mention was set aside: a rule name, shown by `explain`. */
  rejected?: 'context-excluded' | 'context-missing' | 'uncorroborated';
  modality: Modality;
  cue?: string;
  years?: number;
  requirement?: Requirement;
}

export interface SentenceView {
  span: Span;
  text: string;
  /** Indices into the token array of the tokens inside this sentence. */
  firstToken: number;
  lastToken: number;
}

// ---- cue lists (lower case) ----

/** Negation before the mention, in the same clause, at most NEGATION_WINDOW words away. */
const NEGATION_BEFORE = /\b(?:no|never|zero|without|lacks?|lacking|neither|nor|none|unfamiliar with|not|cannot|yet to|(?:do|does|did|have|has|had|is|are|was|were|ca|wo|would|could)n't)\b(?![-.])/g;
/**
 * Negation words that deny nothing: "not only", "no stranger to", and the widening "(including,)
 * but not limited to(,)", "not restricted to", "not confined to", which opens a list of examples.
 */
const NEGATION_EXCEPTIONS = /\b(?:not only|not just|not merely|no later than|no less than|no doubt|not least|no matter|no stranger to|not (?:limited|restricted|confined) to)\b/;
/**
 * A negated failure affirms what it failed at: "never missed a deadline", "didn't slip a single
 * release date", "without overrunning the schedule". Read from the negation cue onwards.
 */
const NEGATED_FAILURE = /^[\w']+\s+(?:once\s+|ever\s+|yet\s+)?(?:miss(?:ed|es|ing)?|slip(?:ped|s|ping)?|overr(?:an|un|uns|unning)|fail(?:ed|s|ing)?\s+to\s+(?:meet|hit|make|keep|deliver)|stop(?:ped|s|ping)?\s+(?:using|doing|writing|applying))\b/i;
/**
 * A negated fear or aversion affirms the thing feared: "not afraid of statistics", "isn't put off by
 * C++", "doesn't shy away from linear algebra". Read from the negation cue onwards.
 */
const NEGATED_AVERSION = /^[\w']+\s+(?:be\s+|ever\s+|at all\s+)?(?:afraid|scared|frightened|intimidated|daunted|fazed|shy(?:ing)?|averse|put off)\b/i;
/** Negation after the mention ("C++ is not required", "Deep learning: none"). */
const NEGATION_AFTER = /^[^.;,]{0,40}?\b(?:(?:is|are|was|were)\s+)?(?:not\s+(?:required|needed|necessary|essential|expected|a requirement|a prerequisite|mandatory|compulsory|a must|part of|used|involved)|(?:isn['’]t|aren['’]t)\s+(?:required|needed|necessary|essential|expected|a requirement|a prerequisite|mandatory|compulsory|a must)|none\b|n\/a\b|not yet\b|no (?:(?:hands-on|practical|professional|real|direct|commercial|prior) )?(?:experience|exposure)\b|not applicable|outside (?:of )?my (?:experience|expertise)\b|(?:was|were|is|are|stayed|remained) out of (?:my |our |the team's |my team's )?scope\b|not (?:my|an?) (?:area|field|domain|speciality|specialty)\b|(?:haven't|have not|never) (?:tried|used|touched) (?:it|them)\b(?!\s+(?:in|for)\b))|^[^.;]{0,60}?\b(?:is|are)\s+not\s+(?:something|anything)\s+(?:we|you)\s+(?:require|need|expect|ask for)|^[^.;]{0,60}?\bnot\s+(?:your|our|the role's)\s+(?:responsibility|job|focus)|^\s*(?:is|are)\s*(?:not|n['’]t)\s*[.!]?\s*$|^\s*(?:isn['’]t|aren['’]t)\s*[.!]?\s*$/;
/** The word of a negation read after the mention that does the denying. */
const DENIAL_WORD = /\b(?:not|none|n\/a|no)\b/g;
const NEGATION_WINDOW = 8;
/** A learner's cue covers what follows it in the clause: "currently learning C++ from A Tour of C++". */
const WEAK_WINDOW = 8;

/**
 * A school-leaving qualification opening the line of its subjects ("Senior Secondary Education:
 * Physics, Chemistry, Maths", "A-levels: Physics (A)", "High school diploma (Physics, …)"):
 * subjects studied at school, below the level of a degree or a course, as "(school level)" after
 * a skill says. Only as the item's opening: "Tutored GCSE and A-level maths" teaches the subject.
 */
const SCHOOL_QUALIFICATION_OPENS = /^[\s\-–*•·▪>]*(?:senior |higher )?(?:secondary (?:school|education|examination|certificate)|high[- ]school|a[- ]levels?|as[- ]levels?|i?gcses?|class (?:xii|xi|x|12|11|10)(?![\w-])|cbse|icse|hsc|ssc)\b/i;

/**
 * A course named by its code before its subject, a few words of its title between ("tutor for
 * STAT410 Time Series", "TA for MATH 2410 Graphs and Linear Algebra"), in a sentence where the
 * writer taught, tutored or graded it: a course taught, which shows the subject no more than a CV
 * part titled "Teaching" does. A code ending a label ("TA for CS 4820: Algorithms") is not reached:
 * the colon ends the clause the cue is looked for in.
 */
const COURSE_CODE_RIGHT_BEFORE = /\b[a-z]{2,6}[- ]?\d{3,4}[a-z]?[)\]]?\s*[:\-–]?\s*(?:[\w&-]+\s+){0,5}$/;
const THREE_DIGITS = /\d{3}/;
const TEACHING_ROLE_WORDS = String.raw`\b(?:tutor(?:ed|ing|s)?|teaching assistant|grader|graded|grading|instructor|lecturer|taught|teach(?:es|ing)?|ta)\b`;
const TEACHING_ROLE = new RegExp(TEACHING_ROLE_WORDS, 'g');
/** The same words, to test a whole sentence (no global state, any case). */
const TEACHING_HINT = new RegExp(TEACHING_ROLE_WORDS, 'i');

/** Whether a course's code stands before a mention, a few words of the course's title between ("(MTH573) Scientific Computing"). */
export function afterCourseCode(before: string): boolean {
  return COURSE_CODE_RIGHT_BEFORE.test(before.toLowerCase());
}

/** Verbs of taking a course now, and the words for a course: shared by the two ways a course in progress is written. */
const COURSE_TAKING_VERBS = 'taking|doing|following|enrolled in|working through|completing';
const COURSE_WORDS = 'course|class|module|bootcamp|mooc|specialisation|specialization|certificate|certification|nanodegree';
/**
 * Weak before the mention: a learner's or a beginner's words, an exposure measured in hours or
 * days ("one afternoon on", "a two-day workshop on", "a few hours of"), and knowledge the writer
 * bounds by the least that is needed ("I know enough to…", "learned just enough about…"). A list
 * item that opens with "some" is hedged ("Python, C++, some Julia"); "built some dashboards" in a
 * sentence only counts them.
 */
const WEAK_BEFORE = new RegExp(String.raw`\b(?:(?:an?|one|two|three|a few|a couple of)[- ](?:hours?|afternoons?|mornings?|evenings?|days?|weekends?)(?:[- ]long)?(?: (?:course|workshop|session|tutorial|class|seminar|introduction|crash course))? (?:on|of|in|about|introducing)|(?:an?|one|two|a single|a few|a couple of) (?:lectures?|talks?|seminars?|webinars?|guest lectures?) (?:on|about|introducing|covering)|basic|basics of|beginner|elementary|introductory|familiarity with|familiar with|familiar(?=\s*[:—–])|learning(?=\s*[:—–])|some(?=\s*[:—–])|some(?=\s+$)(?<=(?:^|\n)[\s*•·▪–-]*some|[,;:(•·]\s*some)|some knowledge of|some knowledge(?=\s*[:—–])|some experience(?=\s*[:—–])|some exposure to|exposure to|limited experience|currently learning|am learning|i'm learning|now learning|(?:currently|now|am|i'm) (?:${COURSE_TAKING_VERBS}|studying for) (?:\S+ ){0,3}(?:${COURSE_WORDS})s? (?:in|on|of|about|covering)|started learning|still learning|learning to use|(?:now |currently )?(?:retraining|re-training|reskilling|re-skilling|upskilling|up-skilling) (?:in|as|into)|interested in|keen to learn|keen to|hoping to|hope to|(?:looking|seeking|aiming|hoping|wanting|want|eager) to (?:move|transition|pivot|switch|break|get|grow|branch out) into|(?:looking|seeking) to(?=\s*$)|(?:looking|seeking|hoping) to (?:collaborate|contribute|team up|get involved)(?: (?:on|in|with|to))?|reading knowledge of|(?:only )?(?:read|heard) about(?!\s+\d)|passionate about|fascinated by|(?:increasingly |more and more )?drawn to|(?:a )?keen interest in|(?:want|wants|wanting|eager|excited|hoping|hope|keen|looking forward) to (?:work on|work in|explore|dive into|get into|focus on)|open to (?:roles|positions|opportunities|jobs|work) (?:in|on)|(?:looking for|seeking|searching for|pursuing|to obtain|to secure|to find|to land)(?: an?| my| the)?(?: [\w-]+){0,3} (?:roles?|positions?|jobs?|opportunit(?:y|ies)|internships?|career|posts?|placements?) (?:in|on|as|within|focused on|involving)|where i can (?:apply|use|learn|grow|work on|deepen|develop|build)|grow(?:ing)? into(?: an?)?|(?:career |my |main )?goal (?:is )?to (?:master|learn|become|move into|work in|get into|work on)|career (?:goals?|objectives?)(?=\s*[:—–])|(?:following|follow|keeping up with|keep up with) (?:the )?latest|(?:would|'d|’d) like to|(?:would|'d|’d) love to|(?:would|'d|’d) (?:like|love) (?:my|the|a) next (?:role|job|position|post|step) to(?: (?:involve|include|be in|focus on|use))?|love to learn|want to learn|plan to|planning to|intend to|intending to|preparing to|(?:am |is )?set to (?:assist|support|join|start|begin|help)|i (?:will|shall|am going to) (?:start|begin|take|do|study|learn|attend|pursue|enrol|enroll)|i(?:'ll|’ll) (?:start|begin|take|do|study|learn|attend|pursue|enrol|enroll)|(?:am|i'm|i’m|currently) enrolled (?:on|in)|signed up for|registered for|booked (?:on|onto)|(?:next|the coming) year(?=\s*[:—–])|aspiring|self-taught|self-study of|dabbled (?:in|with)|(?:tinkered|tinkering|toyed|toying|messed around|messing around|played around|playing around|played|playing) with|(?:learnt|learned|picked up|know|knows) some|crash course (?:in|on)|(?:one|a single) (?:class|course|module) (?:in|on|about)|(?:${COURSE_WORDS}|tutorial|lecture)s? (?:in order )?to (?:learn|study|pick up|get started with)|(?:a |an )?(?:youtube|online video|video) (?:series|playlist|tutorials?|course) (?:on|about|covering)|(?:went|going|worked|working) through (?:the |a |some )?(?:[\w-]+ ){0,2}tutorials? (?:on|about|for)|can (?:only )?read(?! and\b)(?= (?:[\w+#.-]+ )?$)|(?:move|moving|transition|transitioning|pivot|pivoting|switch|switching|break|breaking) into|reading groups? (?:on|about|covering)|curious about|a little|(?:know|knows|knew|learned|learnt) (?:just )?enough|enough to get by|enough to be dangerous)\b`, 'g');
// "Currently learning" after a mention with an object of its own ("Python, and currently learning
// C++") is about that object; alone or with "it" ("Rust (currently learning)") it is about the mention.
const WEAK_AFTER = /^[^.;,|•·]{0,25}?(?:\b(?:beginner|basic|basics|elementary|novice|introductory|currently learning(?!\s+(?!it\b|them\b|this\b|that\b)[a-z])|only briefly|self-study|self-studied|self-taught|enough to get by|enough to be dangerous|rusty|minimal|school[- ]level|forgotten|read[- ]only|hobby interest|nothing shipped|last used (?:in )?(?:19|20)\d\d|(?:haven't|have not|hasn't|has not) used (?:it )?(?:in|for) (?:years|a long time|ages)|not (?:my|a) (?:strength|strong (?:point|suit))|on my (?:[\w-]+ )?(?:list|radar|wish ?list))\b|\(\s*(?:learning|basic|beginner|novice|elementary|introductory|some|a little|little|limited|reading (?:knowledge|level|ability)(?: only)?|reading only)\s*[),]|\(\s*(?:planned|upcoming|booked|scheduled|in progress|ongoing|not (?:yet )?started|not (?:yet )?finished|starting (?:in |next )?[\w ]{0,12})\s*\)|\(\s*(?:(?:some|limited|brief|little)\s+(?:exposure|experience)|exposure)\b(?![^)]*\b(?:years?|production|professional|daily)\b)|\b(?:theoretical knowledge|theory|theoretical|academic knowledge|academic|coursework|university|school) only\b|\b(?:course|class|module|workshop|training|certificate|certification|bootcamp)s?\s+(?:planned|booked|scheduled|starting)\b|\(\s*(?:a few|a couple of)\s+(?:days?|weeks?)\b[^)]*\)|\(\s*[^)]{0,20}\b(?:days?|weeks?)\b[^)]*\b(?:university|uni|school|course|training|tutorial|bootcamp|only)\b[^)]*\))|^[^.;|•·]{0,30}?,\s*(?:long |now |mostly |largely )?(?:forgotten|rusty)\b|^\s*[:—–]\s*(?:only\s+)?(?:followed|took|taken|completed|did|done|watched|audited|attended)\s+(?:the\s+|a\s+|an\s+|one\s+|some\s+)?(?:[\w.+-]+\s+){0,3}(?:courses?|class(?:es)?|modules?|tutorials?|lectures?)\b/;
/**
 * A course in progress named after its subject: "currently taking Andrew Ng's Deep Learning
 * Specialization", "now doing the Coursera NLP course". The verb of taking it stands a few words
 * before the mention and the word for the course right after it; a course finished is evidence.
 */
const TAKING_BEFORE = new RegExp(String.raw`\b(?:(?:currently|now|am|i'm|i’m) (?:${COURSE_TAKING_VERBS})|working towards?|studying for|(?:halfway|half-way|partway|part-way|midway) through|in the middle of)(?: [^\s;,|•·]+){0,4} $`);
const COURSE_AFTER = new RegExp(String.raw`^(?: [^\s.;,|•·]+){0,2}? (?:${COURSE_WORDS}|programme|program)s?\b`);
const TUTORIAL_AFTER = /^\s+tutorials?\b/i;
const TUTORIAL_TAKEN_BEFORE = /\b(?:went|going|worked|working|followed|following|did|done|completed|finished)\s+(?:through\s+)?(?:the|a|some|all the|several)?\s*$/i;
/** Knowing of a skill from reading alone, said a little further after it than WEAK_AFTER reaches: "C++ is something I have only read about". */
const READ_ABOUT_AFTER = /^[^.;,]{0,40}?\b(?:only|just|merely)\s+(?:read|heard)\s+about\b/;
const STRONG_BEFORE = /\b(?:expert in|expert|expertise in|expertise|advanced|extensive|deep(?![\s-]+(?:learning|reinforcement|neural|nets?|networks?|generative|belief|q-?learning|q-?networks?)\b)|proficient in|proficient|proficiency in|fluent in|fluent|strong|mastery of|seasoned|\d{1,2}\s*\+\s*years?)\b/g;
const STRONG_AFTER = /^[^.;,|•·]{0,25}?\b(?:expert|advanced|primary|fluent|proficient)\b/;
/**
 * A table's level cell right after the skill's cell: "| scikit-learn | Beginner | 1 |", "| Python |
 * Expert |". The cue words above stop at a bar, which ends a list item written inline; in a table
 * the next cell speaks of the row's skill.
 */
const WEAK_CELL_AFTER = /^\s*\|\s*(?:beginner|basic|basics|novice|elementary|introductory|learning|familiar|limited)\s*(?:\||$)/;
const STRONG_CELL_AFTER = /^\s*\|\s*(?:expert|advanced|proficient|fluent|strong)\s*(?:\||$)/;
/**
 * Second-hand mentions, another party's doing before the mention: "the vendor's team trained the
 * models". A party right before "and <verb>" is the object of the writer's first verb ("worked
 * with the data team and built…"): the second verb is the writer's too.
 */
const REPORTED_BEFORE = /\b(?:(?:the|our|my|a|another|other|two|three|four|five|six|several|some|\d+)\s+(?:[\w-]+\s+){0,3}(?:team|teams|teammates?|team-mates?|co-?workers?|colleagues?|scientists?|engineers?|analysts?|researchers?|vendor|agency|partners?|contractors?|students?|interns?|mentees?|supervisees?)|one of them)\b(?!,?\s+and\s+(?:built|used|developed|trained|wrote|implemented|created|shipped|delivered|owned|ran|maintained|handled)\b)[^.;]{0,40}\b(?:built|used|developed|trained|wrote|implemented|created|shipped|delivered|owned|ran|maintained|handled|uses|use|is (?:training|building|developing|using|writing))\b|\b(?:built|developed|trained|implemented|created|written|designed|done|delivered|owned|maintained)\s+by\s+(?:others|the team|another team|other teams|colleagues|my colleagues|a vendor|an agency)\b/g;
/** The writer named beside the other party as one subject: "my colleagues and I", "the team and me". */
const WRITER_AMONG_THEM = /\b(?:and|&)\s+(?:i|me|myself)\b/i;
/** The writer as the subject of the verb, the others named before it ("together with my team I trained…"). */
const WRITER_DOES_IT = /\b(?:i|we)\s+(?:\w+ly\s+)?\w+$/i;
const REPORTED_AFTER = /^[^.;]{0,60}?\b(?:built|developed|trained|implemented|created|written|designed|done|delivered|owned|maintained)\s+by\s+(?:others|the team|another team|other teams|colleagues|my colleagues|our|a vendor|an agency|the data)/;

/** Words before a team phrase that show the author took part in the team's work. */
const INVOLVED = /\b(?:led|lead|leading|managed|managing|ran|running|headed|heading|joined|worked in|worked on|working in|working on|part of|member of|within|coached|founded|built|formed|grew)\s+(?:\S+\s+){0,2}$/;
/** Job ads that offer to teach a skill do not require it. */
/** What is taught may be listed after a general object: "we'll teach you our tools and practices, including code review". */
const TAUGHT_LIST_LEAD = /\b(?:including|such as|like|e\.g\.|for example)\s+(?:\S+\s+){0,3}$/i;
const TAUGHT_WORDS = 4;
const TAUGHT_LIST_WORDS = 10;
function taughtReaches(between: string): boolean {
  const words = wordsBetween(between);
  return words <= TAUGHT_WORDS || (words <= TAUGHT_LIST_WORDS && TAUGHT_LIST_LEAD.test(between));
}
const TAUGHT_ON_THE_JOB = /\b(?:(?:we will|we'll|we can|we|happy to|glad to) (?:teach|train|coach) you|you will learn|you'll learn|you(?:'ll| will| can) pick up|you(?:'ll| will) be trained (?:in|on)|you(?:'ll| will) (?:receive|get|be given) (?:[\w-]+ ){0,2}training (?:in|on)|training (?:is|will be) (?:given|provided) (?:in|on)|you(?:'ll| will) (?:follow|attend|complete|go through|take part in|join) (?:our|an?|the) (?:[\w-]+ ){0,2}(?:academy|training|programme|program|bootcamp|curriculum|onboarding))\b/g;
const PREFERRED_CUES = /\b(?:a plus|is a plus|are a plus|(?:is|are|as|be) plus(?=\s*(?:[.;,)!]|$))|(?:a|an) (?:big|huge|real|definite|strong|major|great|nice|added|extra|distinct) (?:plus|bonus|advantage)|nice[- ]to[- ]have|bonus|preferred|preferably|ideally|desirable|advantageous|an advantage|would be great|would be nice|not essential|(?<!\bnot\s)optional|helpful but|helps,? (?:but|though)\b|(?:is|are|would be) helpful|would help|beneficial|an asset|a (?:strong|real|definite|great) asset|sets? you apart|(?:make|makes|help|helps) you stand out|(?:will|would|to) stand out|(?:a|the) (?:key |real )?differentiator|(?:would|'d|’d) (?:be|love to be) impressed|good to know|(?:it )?helps if|it would help if|if you also|if you happen to|nice(?=\s*:)|(?:is|are) nice|is welcome|are welcome|a bonus|(?:good|great) to have|even better|(?:counts?|count) in your favou?r|(?:a )?(?:welcome|nice|great|valuable|useful) addition|(?:would|will|does|do)(?:n['’]t| not) hurt|never hurts|(?:considered|viewed|looked (?:up)?on|regarded|seen) favou?rably|(?<=\()(?:a )?plus(?=\))|not (?:mandatory|compulsory|a must)|(?:is|are|be|much|greatly) appreciated|(?:would|will) be (?:highly |much )?valued|(?:is|are) (?:highly |much )?valued|(?:would|will|wouldn['’]t|won['’]t) go amiss|added advantage|highly regarded|(?:a )?nice extra|extra credit|also value|optionally|(?:a |an )?(?:strong |slight |clear )?preference (?:for|towards?)|(?<=(?:^|,|\band|\bor)\s{0,3})(?:potentially|possibly)|(?:we|i)(?:'d| would) love|points for|desired(?=\s*(?:[.;,)]|$))|(?:particularly|especially|also) interested in (?:candidates|applicants|people|profiles|those|hearing from))\b/;
/**
 * "C++ is not required but would help", "…not essential, but welcome", "…not essential, it would be
 * a real plus": after the denial a preferred cue, or a plain word of welcome, says the skill is
 * optional.
 */
const NOT_REQUIRED_BUT_WELCOME = new RegExp(String.raw`^[^.;]{0,40}?\bnot (?:required|essential|necessary|needed|mandatory|compulsory|a requirement|a prerequisite|a must)(?:,? (?:but|though|yet)\b|,? (?=(?:it|that|this) (?:would|will|could|is)\b))[^.;]{0,40}?(?:${PREFERRED_CUES.source}|\b(?:helps|helpful|welcome|useful|nice|appreciated)\b)`);
/**
 * Where a clause that matters may start: a contrastive conjunction, a semicolon or colon, or a
 * comma followed by a new subject ("…, I never used…"). List commas and "and" keep one clause,
 * so "no experience with Java, Kotlin or Go" negates all three.
 */
const SUBJECT_PRONOUN = String.raw`(?:i|we|he|she|they|you|it)\b`;
const CLAUSE_BOUNDARY = new RegExp(String.raw`[;:]|\b(?:but|however|although|though|(?<!\bnot )yet|while|whereas|except)\b|(?:,|\s[—–-])\s*${SUBJECT_PRONOUN}`, 'i');
const NEW_CLAUSE_START = new RegExp(String.raw`^\s*(?:(?:but|however|although|though|yet|while|whereas|except)\b|${SUBJECT_PRONOUN})`, 'i');

/** "Zero" negates a skill right after it or after a word of knowing ("zero C++", "zero experience with C++"); "zero downtime with Kubernetes" is a result. */
const ZERO_KNOWLEDGE = /^zero\s+(?:(?:[\w-]+\s+)?(?:experience|exposure|knowledge|background)\s+(?:with|in|of)\s+)?$/;

/**
 * A refusal of what lacks the skill asks for it: "we will not consider applications without
 * Python", "candidates without a PhD cannot be interviewed" reads the other way and is not caught.
 */
const REFUSED_WITHOUT = /\b(?:not|never|no|cannot|can't|won't|don't|do not|unable to)\s+(?:[\w'-]+\s+){0,3}(?:consider|considered|accept|accepted|interview|interviewed|progress|shortlist|shortlisted|hire|hired|apply|applications?|candidates?|applicants?)\b[^.;:]{0,40}$/i;

/** "5+ years", "three years", "Four or more years", "two plus years", "3 or more yrs". */
const YEARS = new RegExp(YEARS_COUNT.source, 'gi');

const CORROBORATION_WORDS = new Set([
  'programming', 'program', 'programs', 'language', 'languages', 'code', 'coding', 'coded', 'script', 'scripts', 'scripting',
  'developer', 'developers', 'package', 'packages', 'library', 'libraries', 'stack', 'framework', 'frameworks', 'lang',
  'written', 'wrote', 'write', 'implemented', 'compiler', 'runtime', 'toolchain', 'codebase', 'sdk', 'api', 'apis',
]);
/**
 * A subject with an everyday sense named beside mathematics is the mathematical subject ("A-level
 * Mathematics including calculus"). Only for subjects (lexicon `sense: domain`), not weak tokens:
 * "Mathematics (C)" is a grade, not the C language.
 */
const SUBJECT_CORROBORATION_WORDS = new Set(['mathematics', 'maths', 'math', 'mathematical']);

/** Clause spans of a sentence: compromise's clauses, re-joined across list commas that start no new clause. */
function mergeClauses(sentence: string, raw: Span[]): Span[] {
  const merged: Span[] = [];
  for (const c of raw) {
    const last = merged[merged.length - 1];
    const text = sentence.slice(c.start, c.end);
    if (last && !NEW_CLAUSE_START.test(text) && /,\s*$/.test(sentence.slice(last.start, c.start))) last.end = c.end;
    else merged.push({ start: c.start, end: c.end });
  }
  return merged.length ? merged : [{ start: 0, end: sentence.length }];
}

function wordsBetween(text: string): number {
  return (text.match(/[\p{L}\p{N}+#]+/gu) ?? []).length;
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let found: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) found = m;
  return found;
}


/**
 * Any word that some modality rule starts from. A sentence without one needs no modality work:
 * checked once per sentence, it keeps the common case cheap.
 */
const ANY_CUE = /\b(?:read[- ]only|hobby|tinkered|tinkering|toyed|toying|messed|messing|played|playing|learnt|learned|picked|crash course|class|course|module|youtube|video|tutorials?|briefly|can read|can only read|nothing shipped|working towards?|studying for|halfway|half-way|partway|part-way|midway|in the middle of|searching|pursuing|obtain|secure|land|where i can|grow|growing|goal|career|no|not|never|rather than|instead of|zero|curious|list|radar|academic|university|school|weeks?|some|without|lacks?|lacking|neither|nor|none|unfamiliar|cannot|\w+n't|\w+['’]d (?:like|love)|yet to|outside (?:of )?my|rusty|minimal|school[- ]level|forgotten|last used|(?:my|a) (?:strength|strong)|(?:read|heard) about|basic|basics|beginner|elementary|introductory|familiar(?:ity)?|exposure|limited|currently|am|i'm|now|started|still|learning|interested|keen|hop(?:e|ing)|would|want|wanting|looking|seeking|aiming|eager|reading|teach|coach|train you|be trained|academy|programme|program|bootcamp|curriculum|onboarding|training|pick up|learn|theory|theoretical|coursework|plan|planning|planned|preparing|set to|booked|scheduled|starting|upcoming|in progress|ongoing|retraining|re-training|reskilling|re-skilling|upskilling|up-skilling|scope|passionate|fascinated|drawn|excited|open to (?:roles|positions|opportunities|jobs|work)|latest|lectures?|talks?|seminars?|webinars?|aspiring|intend|intending|i will|i'll|i’ll|i shall|i am going to|enrolled|signed up|registered for|next year|coming year|self-taught|self-study|self-studied|(?:move|moving|transition|transitioning|pivot|pivoting|switch|switching|break|breaking) into|dabbled|little|enough|expert|expertise|advanced|extensive|deep|proficient|proficiency|fluent|strong|mastery|seasoned|primary|novice|intermediate|none|team|teams|teammates?|team-mates?|co-?workers?|colleagues?|scientists?|engineers?|analysts?|researchers?|vendor|agency|partners?|contractors?|students?|interns?|mentees?|supervisees?|one of them|others|hours?|afternoons?|mornings?|evenings?|days?|weekends?|\w+-(?:hour|day)(?:-long)?)\b|\d\s*\+/i;
const YEARS_HINT = /\b(?:years?|yrs?|decades?)\b/i;

export interface SentenceCues {
  modality: boolean;
  years: boolean;
  /** A CV's writer denying the work in some clause (see deniedByWriterLater). */
  ownDenial: boolean;
}

export function sentenceCues(sentence: string): SentenceCues {
  const may = CONTEXT_GATE.scan(sentence);
  const finds = (pattern: RegExp): boolean => CONTEXT_GATE.test(may, pattern, sentence);
  const modality = CONTEXT_GATE.may(may, ANY_CUE) || finds(RATING_HINT) || finds(SCHOOL_QUALIFICATION_OPENS) || (finds(THREE_DIGITS) && finds(TEACHING_HINT));
  return { modality, years: finds(YEARS_HINT), ownDenial: modality && finds(WRITER_DENIES) };
}

export interface ModalityResult {
  modality: Modality;
  cue?: string;
}

/**
 * Skills tables and lists end a row with a level ("C++ | Evening course | Beginner",
 * "Deep learning — None"): on a short line, that level applies to the skills on it. A level in
 * parentheses ("Go (basic)") belongs to the item before it alone (see WEAK_AFTER).
 */
// "Learning" is a level only set off from the skill ("Kotlin — learning"): "… machine learning" ends a term.
const LEVEL_AT_LINE_END = /(?<!\()(?:\b(beginner|basic|novice|elementary|none|no|intermediate|advanced|expert|proficient)|(?<=[-—–:|,]\s*)(learning))\s*[-—–:|]*\s*$/i;
const LEVEL_MODALITY: Readonly<Record<string, Modality>> = {
  beginner: 'weak', basic: 'weak', novice: 'weak', elementary: 'weak', learning: 'weak', none: 'negated', no: 'negated',
  intermediate: 'normal', advanced: 'strong', expert: 'strong', proficient: 'strong',
};
const TABLE_ROW_MAX = 120;
/** A yes/no or a level written right after an item, then a separator and the next item. */
const OWN_LEVEL_THEN_ITEM = /^\s*[:\-–—]?\s*(?:yes|no|none|beginner|basic|novice|elementary|learning|intermediate|advanced|expert|proficient)\b\s*[,;•·]/i;

/** `may`: CONTEXT_GATE's bits for the sentence. */
function levelAtLineEnd(sentence: string, end: number, may: number): ModalityResult | null {
  const rating = ratingAfter(sentence, end);
  if (rating) return rating;
  if (sentence.length > TABLE_ROW_MAX || sentence.includes('\n') || !CONTEXT_GATE.may(may, LEVEL_AT_LINE_END)) return null;
  const level = LEVEL_AT_LINE_END.exec(sentence);
  if (!level || level.index < end) return null;
  // An item with a word of its own before the next item ("Python yes, C++ no") is not rated by the next item's level.
  if (OWN_LEVEL_THEN_ITEM.test(sentence.slice(end, level.index))) return null;
  const cue = level[1] ?? level[2] ?? '';
  return { modality: LEVEL_MODALITY[cue.toLowerCase()] ?? 'normal', cue };
}

/** A score out of five or ten ("2/5", "3 out of 10"), or a percentage bar's figure ("35%"). */
const SCORE = String.raw`(?:(\d{1,2})\s*(?:\/|out of)\s*(5|10)\b|(\d{1,3})\s*%)`;
/** A score that ends its line, or its item: a separator, or the next item's own score ("Python 5/5 SQL 4/5"). */
const RATING = new RegExp(String.raw`^[\s:|\-–—(]*${SCORE}\s*\)?(?:\s*$|\s*[|,;·•]|\s+(?=(?:[^\s\d]\S*\s+){1,3}(?:\d{1,2}\s*(?:\/|out of)\s*(?:5|10)\b|\d{1,3}\s*%)))`);
const RATING_HINT = /\d\s*(?:\/|out of)\s*(?:5|10)\b|\d\s*%/;

/**
 * A rating written right after a skill, with nothing but separators between them, as CV templates
 * print skill levels (dots and stars, "●●○○○", are written as their score by the text normaliser).
 * A low rating (two fifths or less) is a weak claim; a high one (four fifths or more) a strong one.
 * "Cut build times by 30%" has words between, so it is no rating.
 */
function ratingAfter(sentence: string, end: number): ModalityResult | null {
  const lineEnd = sentence.indexOf('\n', end);
  const rest = sentence.slice(end, lineEnd < 0 ? sentence.length : lineEnd);
  const m = RATING.exec(rest);
  if (!m) return null;
  const share = m[1] !== undefined ? Number(m[1]) / Number(m[2]) : Number(m[3]) / 100;
  if (!(share >= 0 && share <= 1)) return null;
  const cue = m[0].replace(/^[\s:|\-–—(]+|[\s|,;·•]+$/g, '');
  if (share <= 0.4) return { modality: 'weak', cue };
  return share >= 0.8 ? { modality: 'strong', cue } : { modality: 'normal', cue };
}

/**
 * Clause spans per sentence text. The analysis first notes which sentences need them
 * (`needsClauses`), then `fillClauses` splits them all in one compromise call.
 */
export type ClauseCache = Map<string, Span[]>;

export function fillClauses(sentences: Iterable<string>, cache: ClauseCache, nlp: NlpPort): void {
  const todo = [...new Set(sentences)].filter((s) => !cache.has(s));
  nlp.clauses(todo).forEach((raw, i) => {
    const sentence = todo[i];
    if (sentence !== undefined) cache.set(sentence, mergeClauses(sentence, raw));
  });
}

function clausesFrom(sentence: string, nlp: NlpPort, cache?: ClauseCache): Span[] {
  let clauses = cache?.get(sentence);
  if (!clauses) {
    clauses = mergeClauses(sentence, nlp.clauses([sentence])[0] ?? []);
    cache?.set(sentence, clauses);
  }
  return clauses;
}

interface Window {
  before: string;
  after: string;
  clauseStart: number;
}

interface WindowVerdict extends ModalityResult {
  /** Where the cue sits, relative to the window (before: index into `before`; after: into `after`). */
  side: 'before' | 'after';
  at: number;
}

/**
 * Whether a parenthesis that was open before the text closes within it: a negation inside an aside
 * ends with the aside ("join the Search team (not the NLP team) and work in Python").
 */
function closesParenthesis(text: string): boolean {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) return true;
  }
  return false;
}

/**
 * Job ads: a need stated for one skill and denied for the next by ellipsis, the denial ending the
 * sentence ("Python is required, but C++ is not.", "SQL is essential, Scala isn't"). A semicolon
 * ends the sentence, so the need before one is not read.
 */
const ELLIPTIC_DENIAL_AFTER = /^\s+(?:(?:is|are)\s+not|isn['’]t|aren['’]t)\s*[.!]?\s*$/i;
const NEED_WORD_BEFORE = /\b(?:required|needed|essential|necessary|mandatory|a must)\b/i;

/** Job ads: the skill set against the one asked for ("Python rather than C++", "Rust instead of C++"). */
const INSTEAD_OF_BEFORE = /\b(?:rather than|instead of)\s+(?:\S+\s+){0,2}$/i;

/**
 * Whether a negation read after the mention sits inside a parenthesis that opened after it and
 * names something of its own first: in "Python (C++ not needed)" the denial is C++'s.
 */
function insideOtherParenthesis(negation: string): boolean {
  const open = negation.lastIndexOf('(');
  return open >= 0 && negation.indexOf(')', open) < 0 && /\S/.test(negation.slice(open + 1).replace(/\b(?:is|are|was|were|not|isn['’]t|aren['’]t)\b[\s\S]*$/i, ''));
}

/**
 * Job ads: an item's own aside that it is "(not essential)" or "(not mandatory)" says the item is
 * optional, as "(optional)" does, not that the post does not want it (PREFERRED_CUES reads it).
 */
const OPTIONAL_ASIDE = /^\s*\(\s*(?:but\s+)?not\s+(?:essential|mandatory|compulsory|a must)\s*\)/i;

/**
 * Whether a preferred cue comes before the denial in a negation read after the mention ("Kubernetes
 * is a plus but not required"): the denial then says the skill is optional, not unwanted.
 */
function preferredBeforeDenial(negation: string): boolean {
  const denial = lastMatch(DENIAL_WORD, negation);
  return denial !== null && PREFERRED_CUES.test(negation.slice(0, denial.index));
}

/** Whether a negation cue found before the mention negates it, read from the cue to the mention. */
function negates(neg: RegExpExecArray, before: string): boolean {
  const fromCue = before.slice(neg.index);
  if (neg[0] === 'without' && REFUSED_WITHOUT.test(before.slice(0, neg.index))) return false;
  if (neg[0] === 'zero' && !ZERO_KNOWLEDGE.test(fromCue)) return false;
  return !NEGATION_EXCEPTIONS.test(fromCue) && !NEGATED_FAILURE.test(fromCue) && !NEGATED_AVERSION.test(fromCue) && !closesParenthesis(fromCue) && wordsBetween(before.slice(neg.index + neg[0].length)) <= NEGATION_WINDOW;
}

/** `may`: CONTEXT_GATE's bits for the sentence the window is cut from (its lower case). */
function judgeWindow(w: Window, sentence: string, start: number, end: number, kind: DocumentKind, may: number): WindowVerdict | null {
  const { before, after } = w;
  // A pattern none of whose literals the sentence holds finds nothing: it is not tried.
  const can = (pattern: RegExp): boolean => CONTEXT_GATE.may(may, pattern);
  const neg = can(NEGATION_BEFORE) ? lastMatch(NEGATION_BEFORE, before) : null;
  if (neg && negates(neg, before)) {
    return { modality: 'negated', cue: sentence.slice(w.clauseStart + neg.index, start).trim(), side: 'before', at: neg.index };
  }
  const negAfter = (kind === 'job' && CONTEXT_GATE.test(may, OPTIONAL_ASIDE, after)) || !can(NEGATION_AFTER) ? null : NEGATION_AFTER.exec(after);
  if (negAfter && !preferredBeforeDenial(negAfter[0]) && !NOT_REQUIRED_BUT_WELCOME.test(after) && !insideOtherParenthesis(negAfter[0])) return { modality: 'negated', cue: sentence.slice(end, end + negAfter[0].length).trim(), side: 'after', at: negAfter[0].length };
  if (kind === 'job') {
    const elliptic = can(ELLIPTIC_DENIAL_AFTER) ? ELLIPTIC_DENIAL_AFTER.exec(after) : null;
    if (elliptic && NEED_WORD_BEFORE.test(sentence.slice(0, start))) return { modality: 'negated', cue: sentence.slice(end, end + elliptic[0].length).trim(), side: 'after', at: elliptic[0].length };
    const instead = can(INSTEAD_OF_BEFORE) ? INSTEAD_OF_BEFORE.exec(before) : null;
    if (instead) return { modality: 'negated', cue: instead[0].trim(), side: 'before', at: instead.index };
    const taught = can(TAUGHT_ON_THE_JOB) ? lastMatch(TAUGHT_ON_THE_JOB, before) : null;
    if (taught && taughtReaches(before.slice(taught.index + taught[0].length))) return { modality: 'negated', cue: taught[0], side: 'before', at: taught.index };
  }
  if (kind === 'cv') {
    const reported = can(REPORTED_BEFORE) ? lastMatch(REPORTED_BEFORE, before) : null;
    // "Led a team that built…", "worked in a team that used…": the author was part of the work;
    // so was the writer of "my colleagues and I trained…", a subject shared with them.
    if (reported && !INVOLVED.test(before.slice(0, reported.index)) && !WRITER_AMONG_THEM.test(reported[0]) && !WRITER_DOES_IT.test(reported[0])) return { modality: 'reported', cue: reported[0], side: 'before', at: reported.index };
    const reportedAfter = can(REPORTED_AFTER) ? REPORTED_AFTER.exec(after) : null;
    if (reportedAfter) return { modality: 'reported', cue: reportedAfter[0].trim(), side: 'after', at: reportedAfter[0].length };
  }
  // Anchored at the sentence's start, the pattern fails at once on most sentences.
  const school = kind === 'cv' ? SCHOOL_QUALIFICATION_OPENS.exec(sentence) : null;
  if (school && school[0].length <= start) return { modality: 'weak', cue: school[0].trim(), side: 'before', at: 0 };
  // A course code has three digits or more: most windows have none, and the pattern is not tried.
  const code = kind === 'cv' && THREE_DIGITS.test(before) ? COURSE_CODE_RIGHT_BEFORE.exec(before) : null;
  const teaching = code ? lastMatch(TEACHING_ROLE, before.slice(0, code.index)) : null;
  if (teaching) return { modality: 'weak', cue: `${teaching[0]} … ${code?.[0].trim() ?? ''}`, side: 'before', at: teaching.index };
  const weak = can(WEAK_BEFORE) ? lastMatch(WEAK_BEFORE, before) : null;
  // A cue inside parentheses that close before the mention is its item's own ("Go (limited experience), Rust").
  if (weak && !closesParenthesis(before.slice(weak.index)) && wordsBetween(before.slice(weak.index + weak[0].length)) <= WEAK_WINDOW) return { modality: 'weak', cue: weak[0], side: 'before', at: weak.index };
  // Most mentions have no "about" after them: the farther cue is looked for only then.
  const weakAfter = (can(WEAK_AFTER) ? WEAK_AFTER.exec(after) : null) ?? (after.includes('about') ? READ_ABOUT_AFTER.exec(after) : null) ?? (can(WEAK_CELL_AFTER) ? WEAK_CELL_AFTER.exec(after) : null);
  if (weakAfter) return { modality: 'weak', cue: weakAfter[0].trim(), side: 'after', at: weakAfter[0].length };
  // Tutorials gone through, the skill named between ("went through the PyTorch tutorials"); written ones are no cue.
  const tutorial = CONTEXT_GATE.test(may, TUTORIAL_AFTER, after) ? TUTORIAL_TAKEN_BEFORE.exec(before) : null;
  if (tutorial) return { modality: 'weak', cue: `${tutorial[0].trim()} … tutorials`, side: 'before', at: tutorial.index };
  // The course word after the mention is looked for first: anchored at the mention, it fails fast.
  const course = can(COURSE_AFTER) ? COURSE_AFTER.exec(after) : null;
  const taking = course ? TAKING_BEFORE.exec(before) : null;
  if (taking && course) return { modality: 'weak', cue: `${taking[0].trim()} … ${course[0].trim()}`, side: 'before', at: taking.index };
  const strong = can(STRONG_BEFORE) ? lastMatch(STRONG_BEFORE, before) : null;
  if (strong && !closesParenthesis(before.slice(strong.index)) && wordsBetween(before.slice(strong.index + strong[0].length)) <= 4) return { modality: 'strong', cue: strong[0], side: 'before', at: strong.index };
  const strongAfter = (can(STRONG_AFTER) ? STRONG_AFTER.exec(after) : null) ?? (can(STRONG_CELL_AFTER) ? STRONG_CELL_AFTER.exec(after) : null);
  if (strongAfter) return { modality: 'strong', cue: strongAfter[0].trim(), side: 'after', at: strongAfter[0].length };
  return null;
}

/**
 * Negation, second-hand report, weak or strong modality of a mention within its sentence. Cue
 * lists find candidates over the whole sentence first; only when one is found does compromise
 * split the sentence into clauses, so that "I use Python but never used C++" negates C++ alone.
 */
/**
 * One analysis's verdicts on whole sentences, by sentence and mention: the pass that decides which
 * sentences need clauses and the pass that judges each mention read the same window. (One
 * document, so one kind.)
 */
export type VerdictCache = Map<string, VerdictEntry>;

/** A sentence's lower case, CONTEXT_GATE's bits for the sentence, and the verdicts on its mentions by their offsets. */
interface VerdictEntry {
  lower: string;
  may: number;
  verdicts: Map<number, WindowVerdict | null>;
}

/** The mention's window over its whole sentence and the verdict on it. */
function wholeVerdict(sentence: string, start: number, end: number, kind: DocumentKind, cache?: VerdictCache): { lower: string; may: number; whole: Window; verdict: WindowVerdict | null } {
  let entry = cache?.get(sentence);
  if (!entry) {
    const lower = sentence.toLowerCase();
    // The sentence as written: its windows' lower case holds no literal its scan misses (see foldCode).
    entry = { lower, may: CONTEXT_GATE.scan(sentence), verdicts: new Map() };
    cache?.set(sentence, entry);
  }
  const { lower, may } = entry;
  const whole: Window = { before: lower.slice(0, start), after: lower.slice(end), clauseStart: 0 };
  // Offsets within one sentence (at most MAX_SENTENCE characters) as one number.
  const key = start * 0x100000 + end;
  let verdict = entry.verdicts.get(key);
  if (verdict === undefined) {
    verdict = judgeWindow(whole, sentence, start, end, kind, may);
    entry.verdicts.set(key, verdict);
  }
  return { lower, may, whole, verdict };
}

/** Does judging this mention need the sentence's clauses? Only when a clause may end between cue and mention. */
export function needsClauses(sentence: string, start: number, end: number, kind: DocumentKind, verdicts?: VerdictCache): boolean {
  const { whole, verdict } = wholeVerdict(sentence, start, end, kind, verdicts);
  return verdict !== null && clauseMayEndBetween(whole, verdict);
}

/** The colon (or dash) right after a label: "Deep learning: none", "Computer vision — no experience". */
const LABEL_COLON = /^\s*[:—–]\s*/;
/** A level cue and its label's colon, at the start of what lies between it and the mention. */
const LEVEL_LABEL = /^[^:;,.]{1,40}?[:—–]\s*/;
const LEVEL_LABEL_WORDS = 2;
/** A longer label that ends in the preposition taking its items: "No experience with:", "Only basics in:". */
const LABEL_ENDS_IN_PREPOSITION = /\b(?:with|in|of|on|using)\s*[:—–]\s*$/;
const LABEL_WITH_PREPOSITION_WORDS = 5;
/** Nothing but a bullet between the start of the line and the cue. */
const LINE_START = /(?:^|\n)[\s\-•*·]*$/;

/**
 * Whether a clause may end between the cue and the mention, so that clause scoping could change the
 * verdict. A label's colon is no such end: in "Deep learning: none." the value after it is the label's.
 */
function clauseMayEndBetween(whole: Window, verdict: WindowVerdict): boolean {
  if (verdict.side === 'after') return CLAUSE_BOUNDARY.test(whole.after.slice(0, verdict.at).replace(LABEL_COLON, ''));
  const between = whole.before.slice(verdict.at);
  // A level written as the label of its line ("Beginner: C++, Rust"; "Some knowledge — Go"): its
  // colon opens the items it speaks for, unless a new subject follows it ("Never used Java – I write Python").
  const label = LEVEL_LABEL.exec(between);
  // The label is the level itself, a word or two ("Beginner:", "Some knowledge —"), or a few words
  // ending in the preposition that takes its items ("No experience with:"); "No C++ needed:" is a clause.
  const levelLabel = label !== null && (wordsBetween(label[0]) <= LEVEL_LABEL_WORDS || (wordsBetween(label[0]) <= LABEL_WITH_PREPOSITION_WORDS && LABEL_ENDS_IN_PREPOSITION.test(label[0])));
  const items = levelLabel && label !== null && LINE_START.test(whole.before.slice(0, verdict.at)) ? between.slice(label[0].length) : null;
  return CLAUSE_BOUNDARY.test(items !== null && !NEW_CLAUSE_START.test(items) ? items : between);
}

/**
 * A dash before a new subject starts a new clause ("never touched Java – I write Python daily"),
 * whichever dash is typed; the clause splitter knows only some of them.
 */
const DASH_BEFORE_SUBJECT = new RegExp(String.raw`\s[—–-]\s*(?=${SUBJECT_PRONOUN})`, 'g');

/** The clause around the mention, cut at a dash before a new subject on either side of it. */
function splitAtDashes(lower: string, clause: { start: number; end: number }, start: number, end: number): { start: number; end: number } {
  let from = clause.start;
  let to = clause.end;
  for (const m of matchesOf(DASH_BEFORE_SUBJECT, lower.slice(clause.start, clause.end))) {
    const at = clause.start + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end && at < to) to = at;
  }
  return { start: from, end: to };
}

export function modalityOf(sentence: string, start: number, end: number, kind: DocumentKind, nlp: NlpPort, cache?: ClauseCache, verdicts?: VerdictCache): ModalityResult {
  const { lower, may, whole, verdict } = wholeVerdict(sentence, start, end, kind, verdicts);
  const level = levelAtLineEnd(sentence, end, may);
  if (!verdict) return level ?? { modality: 'normal' };
  if (!clauseMayEndBetween(whole, verdict)) return { modality: verdict.modality, ...(verdict.cue ? { cue: verdict.cue } : {}) };
  const clauses = clausesFrom(sentence, nlp, cache);
  const clause = splitAtDashes(lower, clauses.find((c) => start >= c.start && start < c.end) ?? { start: 0, end: sentence.length }, start, end);
  const scoped: Window = { before: lower.slice(clause.start, start), after: lower.slice(end, Math.max(end, clause.end)), clauseStart: clause.start };
  const inClause = judgeWindow(scoped, sentence, start, end, kind, may);
  if (inClause) return { modality: inClause.modality, ...(inClause.cue ? { cue: inClause.cue } : {}) };
  return level ?? { modality: 'normal' };
}

/** Job ads that say what the job does not need: "…written in Java and Python, but you will not need to write them". */
const NOT_NEEDED = /\b(?:(?:will|do|does|would) not need|won't need|don't need|doesn't need|no need to|not (?:be )?(?:required|needed|necessary|expected)|(?:is|are) not part of)\b/i;

/**
 * A later clause that denies a need and names no skill of its own refers back to the skills
 * before it: in a job ad they are then not requirements.
 */
/** Could a later clause of this sentence deny a need? (Then its clauses are needed.) */
export function mayDenyNeed(sentence: string): boolean {
  return NOT_NEEDED.test(sentence);
}

/**
 * The first later clause of the sentence that matches `denial` and names no skill the mention does
 * not share, as its text: a denial that refers back to the mention. `later` holds the mentions after
 * this one, each with whether it names a skill the mention names too.
 */
function laterDenial(denial: RegExp, sentence: string, start: number, later: Array<{ start: number; sameSkill: boolean }>, nlp: NlpPort, cache?: ClauseCache): string | undefined {
  if (!denial.test(sentence)) return undefined;
  const clauses = clausesFrom(sentence, nlp, cache);
  const own = clauses.findIndex((c) => start >= c.start && start < c.end);
  for (const clause of clauses.slice(own + 1)) {
    const inClause = later.filter((m) => m.start >= clause.start && m.start < clause.end);
    if (denial.test(sentence.slice(clause.start, clause.end)) && inClause.every((m) => m.sameSkill)) return sentence.slice(clause.start, clause.end).trim();
  }
  return undefined;
}

/**
 * A need denied for a thing of its own, named after a determiner: a title ("you don't need to be a
 * researcher"), a level ("… to be an expert"), a degree ("you won't need a PhD"). It does not refer
 * back to the skills before it; "you won't need any of it" does.
 */
const OWN_OBJECT_DENIED = /\bneed\s+(?:to\s+(?:be|have|hold)\s+)?(?:a|an|the|any|your)\s+(?!(?:of\s+)?(?:it|them|this|these|those|that)\b)\w/i;

/** Job ads: a later clause that denies a need and names no skill of its own. */
export function deniedByLaterClause(sentence: string, start: number, mentionStarts: number[], nlp: NlpPort, cache?: ClauseCache): string | undefined {
  const denial = laterDenial(NOT_NEEDED, sentence, start, mentionStarts.filter((m) => m > start).map((m) => ({ start: m, sameSkill: false })), nlp, cache);
  if (denial === undefined || OWN_OBJECT_DENIED.test(denial)) return undefined;
  // "Experience with Rust is a plus, but not required": after a preferred cue the denial says the
  // skill is optional, which the cue already makes it, not that the post does not want it.
  const lower = sentence.toLowerCase();
  const at = lower.indexOf(denial.toLowerCase(), start);
  return PREFERRED_CUES.test(lower.slice(start, at < 0 ? undefined : at)) ? undefined : denial;
}

/** The writer of a CV saying, in a later clause, that they have not done it ("…, and I have not built neural models myself"). */
const WRITER_DENIES = /\b(?:i|we)\s+(?:have\s+(?:not|never)|haven't|had\s+not|hadn't|did\s+not|didn't|do\s+not|don't|never|would\s+not\s+claim|wouldn't\s+claim)\b|\bnone of (?:it|this|them)\b/i;

/** Could a later clause deny the writer's work with this mention? (Only then are the sentence's clauses needed.) */
export function mayBeDeniedLater(sentence: string, start: number): boolean {
  const rest = sentence.slice(start);
  const denial = WRITER_DENIES.exec(rest);
  return denial !== null && LATER_CLAUSE.test(rest.slice(0, denial.index));
}

/** Anything that can start a later clause: punctuation or a conjunction. */
const LATER_CLAUSE = /[;:,]|\b(?:but|however|although|though|yet|while|whereas|except|and|so)\b/i;

/**
 * CVs: a later clause in which the writer denies the work refers back to the mentions before it,
 * when it names no other skill ("Deep learning: we evaluated it, it did not beat the simpler
 * models, and I have not built neural models myself"). `later` holds the later mentions, each with
 * whether it evidences a skill the mention does.
 */
export function deniedByWriterLater(sentence: string, start: number, later: Array<{ start: number; sameSkill: boolean }>, nlp: NlpPort, cache?: ClauseCache): string | undefined {
  return laterDenial(WRITER_DENIES, sentence, start, later, nlp, cache);
}

/** The lower end of a range of years, just before the count: "3-5 years", "3 to 5 years". */
const RANGE_START = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|–|to)\s*$/i;

/**
 * "5+ years of Python", "Python (3 years)": years stated for a mention in the same clause. Years
 * before a mention go to the nearest skill after them only: in "4+ years of Python, deep
 * experience with PyTorch" PyTorch gets none.
 */
export function yearsOf(sentence: string, start: number, end: number, otherStarts: number[] = []): number | undefined {
  let best: { years: number; distance: number } | undefined;
  for (const m of matchesOf(YEARS, sentence)) {
    const at = m.index ?? 0;
    const stated = yearsStated(m);
    // A range ("3-5 years", "3 to 5 years") asks for its lower end.
    const range = RANGE_START.exec(sentence.slice(Math.max(0, at - 10), at));
    const low = range ? (WORD_NUMBERS[(range[1] ?? '').toLowerCase()] ?? Number(range[1])) : stated;
    const years = Math.min(low, stated);
    if (!Number.isFinite(years) || years <= 0 || years > 50) continue;
    const gap = at < start ? sentence.slice(at + m[0].length, start) : sentence.slice(end, at);
    if (/[.;]/.test(gap)) continue;
    if (at < start && otherStarts.some((o) => o > at && o < start)) continue;
    // "Python (5 years), SQL": years inside parentheses that close before the mention are the item's before it.
    if (at < start && closesParenthesis(gap)) continue;
    // "Python for 4 years, Go for 2 years": years that close another skill's item before a comma are that skill's.
    if (at < start && /,/.test(gap) && otherStarts.some((o) => o < at && wordsBetween(sentence.slice(o, at)) <= 3 && !/[,.;(]/.test(sentence.slice(o, at)))) continue;
    if (at > end && otherStarts.some((o) => o >= end && o < at)) continue;
    // "…in Python, and two years of Go": years followed by their own skill are that skill's.
    if (at > end && /[,(]/.test(gap) && otherStarts.some((o) => o >= at + m[0].length && wordsBetween(sentence.slice(at + m[0].length, o)) <= 2 && !/[,.;)]/.test(sentence.slice(at + m[0].length, o)))) continue;
    const distance = wordsBetween(gap);
    if (distance > (at < start ? 8 : 4)) continue;
    if (!best || distance < best.distance) best = { years, distance };
  }
  return best?.years;
}

/** Where a requirement's clause ends: a semicolon, a contrast, or a separator before a new label ("Python | SQL — Nice to have: C++"). */
const REQUIREMENT_CLAUSE_BREAK = /;|,\s*(?:but|while|whereas|and)\b|\s(?:but|while|whereas)\s|\s[—–|·•]\s+(?=[a-z][^:.;|·•—–]{1,38}:)/gi;

/** A level written in parentheses after an item: "(must)", "(required)", "(nice to have)", "(strongly preferred)". */
const PAREN_LEVEL = /\(\s*(?:(?:strongly|highly|very|really|much|absolutely)\s+)?(must|must[- ]have|required|essential|mandatory|nice[- ]to[- ]have|nice|a plus|preferred|optional|bonus|desirable)\s*\)/g;
const PAREN_PREFERRED = /^(?:nice[- ]to[- ]have|nice|a plus|preferred|optional|bonus|desirable)$/;

/**
 * For job ads: the section says required or preferred, and an inline cue in the mention's own
 * clause overrides ("Python is essential; Go would be a bonus": only Go is preferred).
 */
/**
 * "Helpful but not required", "preferred, though not essential": one cue of welcome, whose "but"
 * splits no clause. Its "but" is blanked where clause breaks are looked for.
 */
const WELCOME_BUT_NOT_NEEDED = /\b((?:helpful|useful|nice|welcome|preferred|desirable|beneficial|appreciated|ideal|valued|helps|a plus|an advantage|an asset|a bonus)\s*,?\s*)(but|though|yet)(?=\s+(?:(?:is|are|it's|it is)\s+)?not\s+(?:required|essential|necessary|needed|mandatory|compulsory|a requirement|a prerequisite|a must)\b)/gi;

/**
 * The clause tested last and whether it holds a preferred cue. The items of one list are judged
 * one after another and share their clause ("Python, SQL, Spark and Airflow are a plus"): the long
 * pattern reads it once, not once per item.
 */
let lastCueClause: string | undefined;
let lastClauseHasCue = false;

function hasPreferredCue(clause: string): boolean {
  if (clause !== lastCueClause) {
    lastClauseHasCue = PREFERRED_CUES.test(clause);
    lastCueClause = clause;
  }
  return lastClauseHasCue;
}

/** The same cue for a test, without the global flag's remembered position. */
const WELCOMED_NOT_NEEDED = new RegExp(WELCOME_BUT_NOT_NEEDED.source, 'i');

export function requirementOf(section: SectionKind | null, sentence: string, start = 0): Requirement {
  let from = 0;
  let to = sentence.length;
  const breaksIn = sentence.replace(WELCOME_BUT_NOT_NEEDED, (_whole: string, cue: string, conjunction: string) => `${cue}${' '.repeat(conjunction.length)}`);
  for (const m of matchesOf(REQUIREMENT_CLAUSE_BREAK, breaksIn)) {
    const at = m.index ?? 0;
    if (at < start) from = at + m[0].length;
    else if (at >= start) {
      to = at;
      break;
    }
  }
  if (NOT_REQUIRED_BUT_WELCOME.test(sentence.slice(start).toLowerCase())) return 'preferred';
  const clause = sentence.slice(from, to).toLowerCase();
  if (WELCOMED_NOT_NEEDED.test(clause)) return 'preferred';
  // Items that each carry their own level in parentheses ("Python (must), C++ (nice to have)"):
  // each item takes the level written after it.
  const levels = matchesOf(PAREN_LEVEL, clause);
  if (levels.length >= 2) {
    const own = levels.find((m) => (m.index ?? 0) >= start - from);
    if (own) return PAREN_PREFERRED.test(own[1] ?? '') ? 'preferred' : 'required';
  }
  const scoped = withoutOtherCueParentheses(clause, start - from);
  if (hasPreferredCue(scoped) && !onlyAnotherItemIsAPlus(scoped, start - from)) return 'preferred';
  return section === 'preferred' ? 'preferred' : 'required';
}

const PARENTHESES = /\(([^()]*)\)/g;

/**
 * The clause with every parenthesis blanked that names something of its own before a preferred
 * cue, when the mention is outside it: "a deep learning framework (PyTorch preferred)", "solid
 * statistics (NLP experience is a bonus)" prefer what is inside only. A parenthesis that opens with
 * the cue ("C++, Rust or Zig (nice to have, though we teach it)", "(a plus)") speaks for the line.
 */
function withoutOtherCueParentheses(clause: string, at: number): string {
  return clause.replace(PARENTHESES, (whole: string, inner: string, offset: number) => {
    if (at >= offset && at < offset + whole.length) return whole;
    const cue = PREFERRED_CUES.exec(inner);
    return cue && inner.slice(0, cue.index).trim() !== '' ? ' '.repeat(whole.length) : whole;
  });
}

/**
 * "Haskell a plus", "Zig a bonus", "Java optional": a bare cue after an item, with no verb ("is a plus" has one).
 * A cue in parentheses ("Kafka, Flink or Beam (nice to have)") closes the whole line, not one item.
 */
const BARE_ITEM_CUE = /(?<!\b(?:is|are|be|been|'s|’s|not)\s|\(\s*)\b(?:a plus|a bonus|an advantage|a nice[- ]to[- ]have|nice[- ]to[- ]have|optional)\b/g;

/**
 * "Docker, ideally Kubernetes", "strong Python and, ideally, some C++", "SQL and ideally C++",
 * "SQL and — ideally — C++", "1) Python 2) ideally C++", "Go, and possibly Rust": a cue that opens a later item (after a
 * comma, "and", "or", a dash, an inline bullet or an inline number),
 * set off by commas, dashes or parentheses or not, speaks for that item and the ones after it.
 * Followed by a preposition or a clause ("…, ideally from a trading environment", "…, ideally
 * with some Rust") it prefers that qualifier and what it names, not what the line asked for
 * before it: the skill is asked for, where it was learned is the wish.
 */
const LEADING_ITEM_CUE = /(?:,|\band\b|\bor\b|\s[—–•·]|\s\d{1,2}[.)])\s*(?:[—–(]\s*)?(?:ideally|preferably|optionally|potentially|possibly|even better)\b[,—–)]?/g;

/**
 * Whether every preferred cue of the clause belongs to comma-separated items other than the
 * mention's: a bare one ending an item ("Rust and C++, Haskell a plus": only Haskell is preferred)
 * or one opening a later item ("Docker, ideally Kubernetes": Docker stays required). A cue with a
 * verb ("Kubernetes, if you have it, is a plus") speaks for the subject across commas, as before.
 */
function onlyAnotherItemIsAPlus(clause: string, at: number): boolean {
  const bare = matchesOf(BARE_ITEM_CUE, clause);
  const leading = matchesOf(LEADING_ITEM_CUE, clause);
  if (bare.length === 0 && leading.length === 0) return false;
  // Any other cue in the clause (a verb-led one, or one before the first item) keeps the clause preferred.
  const withoutItemCues = clause.replace(BARE_ITEM_CUE, ' ').replace(LEADING_ITEM_CUE, ' ');
  if (PREFERRED_CUES.test(withoutItemCues)) return false;
  return (
    bare.every((cue) => {
      // An item ends at a comma, or opens a parenthesis of its own ("Python and SQL (C++ a plus)").
      const itemStart = Math.max(clause.lastIndexOf(',', cue.index ?? 0), clause.lastIndexOf('(', cue.index ?? 0)) + 1;
      // A cue that opens its item is a label for what follows it ("Nice to have - C++").
      if (/^[\s\-–—•*·]*$/.test(clause.slice(itemStart, cue.index ?? 0))) return at < (cue.index ?? 0);
      return at < itemStart || at > (cue.index ?? 0);
    }) && leading.every((cue) => at < (cue.index ?? 0))
  );
}

/** Phrase stems by word, per NLP port, kept across documents (perWord): a stem costs two patterns and the stemmer's lookup. */
const phraseStems = new WeakMap<NlpPort, Map<string, string>>();

/** Stems of the document's tokens, computed on first use and shared by every context check. */
export class TokenStems {
  private readonly stems: Array<string | undefined>;
  constructor(
    private readonly tokens: Token[],
    private readonly nlp: NlpPort,
  ) {
    this.stems = new Array(tokens.length);
  }
  at(k: number): string | undefined {
    const t = this.tokens[k];
    if (t?.type !== 'word') return undefined;
    let stem = this.stems[k];
    if (stem === undefined) {
      const { nlp } = this;
      const lower = t.lower;
      stem = perWord(phraseStems, nlp, lower, () => phraseStem(lower, nlp));
      this.stems[k] = stem;
    }
    return stem;
  }
}


/**
 * Words that may stand right before a field's name without making it a figure about something
 * ("knowledge of statistics", "strong statistics", "some statistics"); adjectives are known by
 * their endings instead (applied, Bayesian, classical, rigorous, descriptive, elementary).
 */
const FIELD_MODIFIERS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'with', 'for', 'to', 'at', 'by', 'from', 'into', 'via', 'through', 'than', 'as', 'about', 'without', 'plus',
  'some', 'any', 'more', 'most', 'strong', 'solid', 'sound', 'good', 'great', 'deep', 'firm', 'modern', 'high', 'higher',
  'my', 'our', 'your', 'their', 'his', 'her', 'its', 'both', 'also', 'especially', 'including', 'like', 'not', 'no',
  'is', 'are', 'was', 'were', 'be',
  // A verb that takes the field as its object, and the particle of one ("carry out", "pick up").
  'out', 'up', 'use', 'uses', 'using', 'apply', 'applies', 'applying', 'do', 'does', 'doing', 'know', 'knows', 'knowing', 'learn', 'learns', 'learning',
  'teach', 'teaches', 'teaching', 'study', 'studies', 'studying', 'love', 'loves', 'perform', 'performs', 'performing', 'conduct', 'conducts', 'conducting',
  'run', 'runs', 'running', 'need', 'needs', 'require', 'requires', 'involve', 'involves', 'involving', 'leverage', 'leverages', 'leveraging', 'bring', 'brings',
]);
const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ed|ian|ful|ar|ent|ant|ble|ist|ary|ory|ate|less|ish)$/;

/**
 * Whether the word right before the mention, in the same run of words, is a plain lower-case
 * noun: then "statistics" counts that noun's figures ("latency statistics") and is not the field.
 */
function afterPlainNoun(mention: Mention, tokens: Token[], view: SentenceView): boolean {
  if (!/^\p{Ll}/u.test(tokens[mention.firstToken]?.text ?? '')) return false;
  const k = mention.firstToken - 1;
  const previous = tokens[k];
  if (k < view.firstToken || previous?.type !== 'word' || previous.end !== (tokens[k + 1]?.start ?? 0) - 1) return false;
  if (!/^[a-z]+$/.test(previous.text)) return false;
  return !FIELD_MODIFIERS.has(previous.lower) && !ADJECTIVE_ENDING.test(previous.lower);
}

/**
 * Words after which a verb stands: "to", the modals, "help" ("helps build", "will build"). With the
 * start of a sentence or list item (an imperative bullet), they are a verb's place.
 */
const BEFORE_VERB = new Set(['to', 'can', 'could', 'will', 'would', 'shall', 'should', 'must', 'may', 'might', 'help', 'helps', 'helped', 'helping']);

/**
 * Whether a term whose first word is also a verb is read as that verb and its object: it stands in
 * a verb's place and the clause goes on after it with a word ("Build systems that raise alerts",
 * "able to build pipelines from scratch"). Followed by punctuation or nothing, it is a name in a
 * list or a heading ("Build systems: Bazel, CMake"); after any other word ("automated build
 * systems", "our build pipeline") it is the noun.
 */
function readAsVerb(mention: Mention, tokens: Token[], view: SentenceView): boolean {
  const next = tokens[mention.lastToken + 1];
  if (mention.lastToken + 1 > view.lastToken || next?.type !== 'word') return false;
  let k = mention.firstToken - 1;
  while (k >= view.firstToken && tokens[k]?.type !== 'word') k--;
  if (k < view.firstToken) return true;
  const previous = tokens[k];
  // Punctuation between the previous word and the term ("Duties: build systems that…") opens a clause.
  return (previous !== undefined && BEFORE_VERB.has(previous.lower)) || (k < mention.firstToken - 1 && tokens.slice(k + 1, mention.firstToken).some((t) => /^[:;•·▪]$/.test(t.text)));
}

/** How many words before a mention its `before` words are looked for. */
const BEFORE_WINDOW = 4;
/** Little words that do not use up that window: "analysed three years of the sensor data" is four words away. */
const WINDOW_FREE = new Set(['of', 'the', 'a', 'an', 'and', 'or']);

/** Whether the word token at k is one of the context words, as written or by its stem. */
function isContextWord(words: ReadonlySet<string>, tokens: Token[], k: number, stems: TokenStems): boolean {
  const t = tokens[k];
  if (t?.type !== 'word' || endsDateRange(tokens, k)) return false;
  if (words.has(t.lower)) return true;
  const stem = stems.at(k);
  if (stem === undefined || !words.has(stem)) return false;
  // An agent noun is not its verb: the stemmer takes "Transformers" to "transform",
  // "developers" to "develop" and "aggregators" to "aggregate", so such a word meets the context
  // only as written, one or many.
  if (AGENT_NOUN.test(t.lower) && !/(?:er|or)$/.test(stem)) {
    const one = t.lower.endsWith('s') ? t.lower.slice(0, -1) : t.lower;
    return words.has(one) || words.has(`${one}s`);
  }
  return true;
}

/** A word ending as an agent noun does ("transformer", "developers", "aggregators"). */
const AGENT_NOUN = /(?:er|or)s?$/;

/** The words and links of a date range still running (experience.ts), token by token. */
const OPEN_RANGE_END: ReadonlySet<string> = new Set(OPEN_RANGE_ENDS);
const RANGE_LINK = new Set(['-', '–', '—', 'to', 'until', 'till']);
const DATE_POINT = new RegExp(`^(?:(?:19|20)\\d\\d|${MONTH})$`);

/**
 * Whether token k ends a date range ("2021 – Present", "Sep 2020 to date"): there "present" is a
 * date, not the verb a context may ask for ("presented to the board").
 */
function endsDateRange(tokens: Token[], k: number): boolean {
  if (!OPEN_RANGE_END.has(tokens[k]?.lower ?? '')) return false;
  const link = tokens[k - 1];
  const point = tokens[k - 2];
  return link !== undefined && RANGE_LINK.has(link.lower) && point?.type === 'word' && DATE_POINT.test(point.lower);
}

/** Whether one of the words stands among the few words right before the mention, in its sentence. */
function wordJustBefore(words: ReadonlySet<string>, mention: Mention, tokens: Token[], view: SentenceView, stems: TokenStems): boolean {
  let seen = 0;
  for (let k = mention.firstToken - 1; k >= view.firstToken && seen < BEFORE_WINDOW; k--) {
    const t = tokens[k];
    if (t?.type !== 'word') continue;
    if (!WINDOW_FREE.has(t.lower)) seen++;
    if (isContextWord(words, tokens, k, stems)) return true;
  }
  return false;
}

/**
 * Prepositions that open a phrase of their own: people named after one of them are its object, not
 * the partner a term of joint work asks for ("with separate permissions for managers" names no one
 * worked with). "Of" is not one: "with a couple of designers" names them.
 */
const PARTNER_PHRASE_ENDS: ReadonlySet<string> = new Set(['for', 'to', 'from', 'by', 'on', 'in', 'at', 'into', 'about', 'over', 'under', 'via', 'through']);

/** Where the term's `after` words stand among the few words right after the mention, in its sentence. */
function afterWordsSoon(mention: Mention, tokens: Token[], view: SentenceView): number[] {
  const found: number[] = [];
  let seen = 0;
  const { term } = mention;
  for (let k = mention.lastToken + 1; k <= view.lastToken && seen < afterWindow(term); k++) {
    const word = tokens[k];
    if (word?.type !== 'word') continue;
    seen++;
    if (isAfterWord(term, tokens, k)) found.push(k);
    else if (term.afterPeople && PARTNER_PHRASE_ENDS.has(word.lower)) break;
  }
  return found;
}

/** Prepositions that name who work is done with ("with", "alongside", "among"). */
const JOINING_WORDS: ReadonlySet<string> = new Set(['with', 'alongside', 'among']);
const OWN_TEAM_DETERMINERS: ReadonlySet<string> = new Set(['the', 'our', 'your', 'my', 'his', 'her', 'their']);
const OWN_TEAM_NOUNS: ReadonlySet<string> = new Set(['team', 'teammates', 'team-mates', 'colleagues', 'peers', 'coworkers', 'co-workers']);
/** Words after "team" that make it a person or a group of its own: "the team lead", "team members" stay generic. */
const TEAM_ROLE_AFTER: ReadonlySet<string> = new Set(['lead', 'leads', 'leader', 'leaders', 'manager', 'managers', 'head', 'heads']);

/**
 * Whether a mention of work done with someone names no other role or group: only one's own team or
 * the people the work serves, by its own last word ("worked with", "with") or, for a term whose
 * `after` words say with whom ("collaborate … with"), by every such word found after it
 * ("collaborate with our team across regions" still names regions).
 */
function doneWithNoOtherRole(mention: Mention, tokens: Token[], view: SentenceView): boolean {
  const partnerAt = (k: number): boolean => ownTeamFollows(tokens, k, view.lastToken) || servedPartyFollows(tokens, k, view.lastToken);
  if (JOINING_WORDS.has(tokens[mention.lastToken]?.lower ?? '')) return partnerAt(mention.lastToken + 1);
  if (!mention.term.after) return false;
  const found = afterWordsSoon(mention, tokens, view);
  return found.length > 0 && found.every((k) => JOINING_WORDS.has(tokens[k]?.lower ?? '') && partnerAt(k + 1));
}

/** The people work is done for, not with: clients, customers, users, patients, and a course's or an event's participants. */
const SERVED_PARTIES: ReadonlySet<string> = new Set(['customers', 'clients', 'users', 'consumers', 'patients', 'shoppers', 'buyers', 'merchants', 'participants', 'attendees', 'delegates', 'trainees', 'learners']);
/** How many words (determiners, adjectives) may stand before the served party: "our largest enterprise customers". */
const SERVED_PARTY_WORDS = 4;

/**
 * Whether the words from k name, as the partner, only the people the work serves: "partner with our
 * customers to understand their problems", "work with enterprise clients". That is service, not work
 * done with other roles or teams; "with customers and the support team" still names a team.
 */
function servedPartyFollows(tokens: Token[], k: number, last: number): boolean {
  let seen = 0;
  for (let at = k; at <= last && seen < SERVED_PARTY_WORDS; at++) {
    const t = tokens[at];
    if (t?.type !== 'word') return false;
    if (SERVED_PARTIES.has(t.lower)) return !otherPeopleJoined(tokens, at + 1, last);
    if (isPeopleWord(t.lower)) return false;
    seen++;
  }
  return false;
}

/**
 * Whether the words from k name no one but the writer's or the candidate's own team: "the team",
 * "our team", "the rest of the team", "team members", "your colleagues". Work done with them is
 * the job itself, not collaboration with other roles or groups; "our data team", "the team lead"
 * and "the design team" name a group or a person of their own.
 */
function ownTeamFollows(tokens: Token[], k: number, last: number): boolean {
  const word = (at: number): string => (at <= last && tokens[at]?.type === 'word' ? (tokens[at]?.lower ?? '') : '');
  let at = k;
  if (word(at) === 'the' && word(at + 1) === 'rest' && word(at + 2) === 'of') at += 3;
  if (OWN_TEAM_DETERMINERS.has(word(at))) at++;
  if (!OWN_TEAM_NOUNS.has(word(at))) return false;
  if (TEAM_ROLE_AFTER.has(word(at + 1))) return false;
  at += TEAM_MEMBER_WORDS.has(word(at + 1)) ? 2 : 1;
  return !otherPeopleJoined(tokens, at, last);
}

/** Words after "team" that still name its members: "team members", "team member". */
const TEAM_MEMBER_WORDS: ReadonlySet<string> = new Set(['members', 'member']);
/** Words that join a second party to the first: "with the team and stakeholders", "colleagues, or partners". */
const PARTY_JOINERS: ReadonlySet<string> = new Set(['and', 'or', ',', '&', 'plus']);
/** How many words after the joiner may name the second party ("and our external partners"). */
const JOINED_PARTY_WORDS = 3;

/**
 * Whether, right after one's own team, a joiner adds people of another kind: "with team members and
 * stakeholders", "with the team, product managers and designers". Joined to a verb ("with the team
 * and ship features"), it adds no one.
 */
function otherPeopleJoined(tokens: Token[], k: number, last: number): boolean {
  if (k > last || !PARTY_JOINERS.has(tokens[k]?.lower ?? '')) return false;
  let seen = 0;
  for (let at = k + 1; at <= last && seen < JOINED_PARTY_WORDS; at++) {
    const t = tokens[at];
    if (t?.type !== 'word') continue;
    seen++;
    if (isPeopleWord(t.lower) && !OWN_TEAM_NOUNS.has(t.lower) && !TEAM_MEMBER_WORDS.has(t.lower)) return true;
  }
  return false;
}

/**
 * Whether the word right before the mention, in its sentence, is one of the words as written; an adverb
 * between them is stepped over, as the phrase walk steps over it ("communicated regularly with").
 */
function wordRightBefore(words: ReadonlySet<string>, mention: Mention, tokens: Token[], view: SentenceView): boolean {
  let k = mention.firstToken - 1;
  while (k >= view.firstToken && tokens[k]?.type === 'joiner') k--;
  const word = tokens[k]?.lower ?? '';
  if (k > view.firstToken && tokens[k]?.type === 'word' && ((word.length > 4 && word.endsWith('ly')) || word === 'well')) k--;
  if (k < view.firstToken) return false;
  // A hyphenated word ("start-up") is three tokens: word, joiner, word.
  const head = tokens[k - 2];
  if (k - 2 >= view.firstToken && tokens[k - 1]?.type === 'joiner' && tokens[k - 1]?.lower === '-' && head?.type === 'word' && words.has(`${head.lower}-${tokens[k]?.lower ?? ''}`)) return true;
  return tokens[k]?.type === 'word' && words.has(tokens[k]?.lower ?? '');
}

/** Whether the word right after the mention (past any joiner) is one of the words: what the mention only modifies. */
function wordJustAfter(words: ReadonlySet<string>, mention: Mention, tokens: Token[], view: SentenceView, stems: TokenStems): boolean {
  let k = mention.lastToken + 1;
  while (k <= view.lastToken && tokens[k]?.type === 'joiner') k++;
  return k <= view.lastToken && isContextWord(words, tokens, k, stems);
}

/** What links names in a row: "C++ and CUDA", "Go or Rust", "Python, SQL". */
const NAME_LINKS = new Set(['and', 'or', ',']);

/** A name written with a capital or a symbol: "Python", "NLP", "C++", "Node.js". */
function isWrittenName(token: Token | undefined): boolean {
  return token?.type === 'word' && (token.text !== token.lower || token.text.includes('+') || token.text.includes('#'));
}

/**
 * A word that must not follow the mention (lexicon `notFollowedBy`), right after it or after up to
 * three names between them: in "commercial Python experience" or "commercial C++ and CUDA
 * experience" the word after the names still says what the mention is (paid work, not the business
 * side).
 * Names count only in text not set in capitals, where a capital sets a name apart.
 */
function wordAfterNames(words: ReadonlySet<string>, mention: Mention, tokens: Token[], view: SentenceView, stems: TokenStems): boolean {
  if (wordJustAfter(words, mention, tokens, view, stems)) return true;
  const own = tokens[mention.firstToken];
  if (own === undefined || own.text === own.text.toUpperCase()) return false;
  let k = mention.lastToken + 1;
  for (let names = 0; names < 3; names++) {
    while (k <= view.lastToken && tokens[k]?.type === 'joiner') k++;
    if (k > view.lastToken || !isWrittenName(tokens[k])) return false;
    k++;
    while (k <= view.lastToken && (tokens[k]?.type === 'joiner' || NAME_LINKS.has(tokens[k]?.lower ?? ''))) k++;
    if (k <= view.lastToken && isContextWord(words, tokens, k, stems)) return true;
  }
  return false;
}

/**
 * The term's own context (lexicon `context`): where a verb's place makes it a verb and its object,
 * the words it needs just before it or must not have just after it, and the words required in its
 * sentence or excluded from it.
 */
export function contextVerdict(mention: Mention, tokens: Token[], view: SentenceView, stems: TokenStems): Judgement['rejected'] | undefined {
  const { require, exclude } = mention.term;
  if (mention.term.measurementAfterNoun && afterPlainNoun(mention, tokens, view)) return 'context-excluded';
  if (mention.term.verbFirst && readAsVerb(mention, tokens, view)) return 'context-excluded';
  if (mention.term.before && !wordJustBefore(mention.term.before, mention, tokens, view, stems) && !(mention.term.orFollowedBy && wordJustAfter(mention.term.orFollowedBy, mention, tokens, view, stems))) return 'context-missing';
  if (mention.term.notFollowedBy && wordAfterNames(mention.term.notFollowedBy, mention, tokens, view, stems)) return 'context-excluded';
  if (mention.term.after && afterWordsSoon(mention, tokens, view).length === 0) return 'context-missing';
  // Work done "with our team" is the job itself, and work done "with our customers" is service, not
  // collaboration with other roles or groups, whichever phrase says it ("worked with", "with",
  // "side by side with").
  if (mention.term.entry.skills.collaboration !== undefined && doneWithNoOtherRole(mention, tokens, view)) return 'context-missing';
  if (mention.term.notPrecededBy && wordRightBefore(mention.term.notPrecededBy, mention, tokens, view)) return 'context-excluded';
  if (!require && !exclude) return undefined;
  let required = !require;
  for (let k = view.firstToken; k <= view.lastToken; k++) {
    if (k >= mention.firstToken && k <= mention.lastToken) continue;
    const t = tokens[k];
    if (t?.type !== 'word') continue;
    if (exclude && isSentenceWord(exclude, tokens, k, stems)) return 'context-excluded';
    if (require && !required && (isSentenceWord(require, tokens, k, stems) || (mention.term.requirePeople && isPeopleWord(t.lower)))) required = true;
  }
  return required ? undefined : 'context-missing';
}

/** The hyphenated word that starts at token k ("fine-tuned", "pre-trained": word, joiner, word), or undefined. */
function hyphenatedAt(tokens: Token[], k: number): string | undefined {
  const next = tokens[k + 1];
  const after = tokens[k + 2];
  return next?.type === 'joiner' && next.lower === '-' && after?.type === 'word' ? `${tokens[k]?.lower ?? ''}-${after.lower}` : undefined;
}

/** A context word at token k, by stem or as written, or the hyphenated word it starts. */
function isSentenceWord(words: ReadonlySet<string>, tokens: Token[], k: number, stems: TokenStems): boolean {
  if (isContextWord(words, tokens, k, stems)) return true;
  const compound = hyphenatedAt(tokens, k);
  return compound !== undefined && words.has(compound);
}

/**
 * Whether one of the words stands in the mention's sentence, outside the mention, as written
 * (termSchema `strongerWith`): by stem, "researcher" would be "research".
 */
export function sentenceHasWord(words: ReadonlySet<string>, mention: Mention, tokens: Token[], view: SentenceView): boolean {
  for (let k = view.firstToken; k <= view.lastToken; k++) {
    if (k >= mention.firstToken && k <= mention.lastToken) continue;
    const t = tokens[k];
    if (t?.type !== 'word') continue;
    if (words.has(t.lower)) return true;
    const compound = hyphenatedAt(tokens, k);
    if (compound !== undefined && words.has(compound)) return true;
  }
  return false;
}

/** A term that has no everyday sense to set aside: no policy of sense or context of its own. */
export function isPlainTerm(term: Mention['term']): boolean {
  const e = term.entry;
  return !e.ambiguous && !e.sense && !e.context;
}

/**
 * A weak token (R, Go, Spark...) counts only with corroboration: a skills section, a list beside
 * another technology, or a programming word next to it ("programming in R", "R packages"). A
 * subject's name is also read in its technical sense beside another subject of the same field that
 * has no everyday sense ("linear algebra, probability and calculus"): `fieldOf` gives a skill's
 * field (its category in the role model).
 */
export function isCorroborated(mention: Mention, all: Mention[], tokens: Token[], view: SentenceView, section: SectionKind | null, fieldOf: (skill: string) => string | undefined): boolean {
  if (section === 'skills') return true;
  const subject = mention.term.entry.sense === 'domain' && !mention.term.entry.ambiguous;
  for (let k = Math.max(view.firstToken, mention.firstToken - 3); k <= Math.min(view.lastToken, mention.lastToken + 3); k++) {
    const t = tokens[k];
    if (t && (CORROBORATION_WORDS.has(t.lower) || (subject && SUBJECT_CORROBORATION_WORDS.has(t.lower)))) return true;
  }
  const fields = new Set(Object.keys(mention.term.entry.skills).map(fieldOf));
  const sameField = (other: Mention): boolean => isPlainTerm(other.term) && Object.keys(other.term.entry.skills).some((s) => fields.has(fieldOf(s)));
  return all.some(
    (other) =>
      other !== mention &&
      !other.term.entry.ambiguous &&
      other.firstToken >= view.firstToken &&
      other.lastToken <= view.lastToken &&
      Math.min(Math.abs(other.firstToken - mention.lastToken), Math.abs(mention.firstToken - other.lastToken)) <= 6 &&
      // The field test maps skills to categories: only for the few mentions near enough.
      (other.term.entry.kind === 'technology' || sameField(other)),
  );
}

/**
 * The patterns read on a whole sentence (sentenceCues, levelAtLineEnd) and, as windows, those
 * read in the words before or after a mention (judgeWindow), gated together on the sentence as
 * written: one scan serves them all. Defined last: every pattern is by then.
 */
export const CONTEXT_GATE = new LiteralGate(
  [ANY_CUE, RATING_HINT, SCHOOL_QUALIFICATION_OPENS, THREE_DIGITS, TEACHING_HINT, YEARS_HINT, WRITER_DENIES, LEVEL_AT_LINE_END],
  [
    NEGATION_BEFORE,
    NEGATION_AFTER,
    OPTIONAL_ASIDE,
    ELLIPTIC_DENIAL_AFTER,
    INSTEAD_OF_BEFORE,
    TAUGHT_ON_THE_JOB,
    REPORTED_BEFORE,
    REPORTED_AFTER,
    WEAK_BEFORE,
    WEAK_AFTER,
    WEAK_CELL_AFTER,
    TUTORIAL_AFTER,
    COURSE_AFTER,
    STRONG_BEFORE,
    STRONG_AFTER,
    STRONG_CELL_AFTER,
  ],
);
