import { LiteralGate } from '../0-base/literal-gate';
import type { SectionKind } from '../1-text/schema';
import type { DocumentKind } from './schema';

/**
 * Whose skill a mention is. A CV evidences what its writer did and a job ad what the post needs;
 * a mention that names other people (colleagues, another team, the company's products, the fields
 * of a degree) evidences neither. Each rule reads the mention's own sentence and names its cue.
 * docs/analysis.md ("Whose mention it is") lists them with examples.
 */
export interface Voice {
  /** The rule that found the mention second-hand. */
  rule: 'organisation-name' | 'sold' | 'around-the-work' | 'plural-profession' | 'team-name' | 'done-by-others' | 'other-subject' | 'attended' | 'degree-field' | 'company-voice' | 'employment-terms' | 'hired-for' | 'company-described';
  cue: string;
}

/** Words that end an organisation's name ("Transformer Media Ltd", "the Central Statistics Office"). */
const ORGANISATION_SUFFIXES = String.raw`Ltd|Limited|Inc|LLC|LLP|GmbH|plc|PLC|Corp|Corporation|AG|S\.?A|B\.?V|Pty|Holdings|Media|Group|Office|Bureau|Agency|Authority|Foundation`;
/** Public bodies named before their field: "Office for National Statistics", "Bureau of Labor Statistics". */
const PUBLIC_BODIES = String.raw`Office|Bureau|Agency|Ministry|Authority|Commission`;
/** A mention inside an organisation's name: "Transformer Media Ltd", "Python Software Inc", "Statistics Office". */
const ORGANISATION_AFTER = new RegExp(String.raw`^(?:\s+[\p{Lu}&][\p{L}&.-]*){0,2}\s+(?:${ORGANISATION_SUFFIXES})\b\.?`, 'u');
/**
 * A mention inside a public body's name that comes before it: "Office for National Statistics",
 * "Bureau of Labor Statistics". (A university's "Department of Statistics" is left alone: studying
 * or working there says something of the person.)
 */
const ORGANISATION_BEFORE = new RegExp(String.raw`\b(?:${PUBLIC_BODIES})\s+(?:for|of)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}&-]*\s+){0,2}$`, 'u');
/** Academic units named before their field: "School of Physics and Astronomy", "Department of Statistics". */
const ACADEMIC_UNITS = String.raw`School|Department|Dept\.?|Faculty|Institute|Centre|Center|Division`;
/**
 * Job ads: a field in the name of the employer's academic unit ("School of Physics and Astronomy,
 * University of Northmoor") says where the post sits, not what it asks. (In a CV the same name says
 * what the person studied or worked in, and is left alone, as above.)
 */
const ACADEMIC_UNIT_BEFORE = new RegExp(String.raw`\b(?:${ACADEMIC_UNITS})\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}&-]*\s+(?:(?:and|&)\s+)?){0,3}$`, 'u');

/** Head nouns of professions: in the plural they name other people ("the desk is mostly physicists"). */
const PROFESSIONS = 'engineers|scientists|analysts|developers|statisticians|physicists|mathematicians|researchers|economists|technicians|specialists|practitioners|architects|actuaries|accountants|clinicians|radiologists';
const PROFESSION_PLURAL = new RegExp(String.raw`\b(?:${PROFESSIONS})$`, 'i');

/** Words for a team or group of people, a lab among them. */
const TEAM_WORDS = 'team|teams|group|groups|department|squad|unit|guild|chapter|lab|labs|laboratory|laboratories';
/**
 * A mention that is the name of a team or group: "the computer vision team", "our NLP group", and
 * one of several teams named before one plural team word, joined by "and" or "or" ("the hardware,
 * acoustics and firmware teams"). A title before an employer ("Engineer, Wensum Insurance Group")
 * names one group, in the singular.
 */
const NOT_A_NAME_WORD = String.raw`(?!(?:the|a|an|our|their|my|your|his|her|its|with|for|to|in|on|such|as|like|including)\b)[\p{L}\d+#.-]+`;
const JOINED_NAME = String.raw`(?:\s*,\s*${NOT_A_NAME_WORD}(?:\s+${NOT_A_NAME_WORD})?){0,2}\s*(?:\band\b|\bor\b|&)\s*${NOT_A_NAME_WORD}(?:\s+${NOT_A_NAME_WORD})?`;
/** Team words in the plural, before a list of the teams' names or a clause about them. */
const PLURAL_TEAM_WORDS = 'teams|groups|departments|squads|labs';
const TEAM_AFTER = new RegExp(String.raw`^[\s-]*(?:${TEAM_WORDS})\b|^${JOINED_NAME}[\s-]+(?:teams|groups|departments|squads)\b`, 'iu');
/**
 * Teams named in a parenthesis after the plural word, the mention among them: "engineers from
 * different teams (e.g., Computer Vision, Perception, platform)", "the groups (NLP and speech)".
 */
const TEAMS_LISTED_BEFORE = new RegExp(String.raw`\b(?:${PLURAL_TEAM_WORDS})\s*\(\s*(?:(?:e\.g\.|i\.e\.|such as|including|like|for example|for instance|incl\.)\s*,?\s*)?(?:[\p{L}\d+#.-]+(?:\s+[\p{L}\d+#.-]+)?\s*(?:,|\band\b|\bor\b|&|\/)\s*){0,5}$`, 'iu');

/**
 * CVs: a mention that names other people by their profession ("supported the NLP researchers") or
 * a company by its field ("managed the office of a computer vision start-up"). Leading them or
 * founding it still counts (LEADS_OR_FOUNDED); working for them does not.
 */
const PROFESSION_AFTER = new RegExp(String.raw`^[\s-]*(?:${PROFESSIONS})\b`, 'i');
const COMPANY_AFTER = /^[\s-]*(?:start-?ups?|company|companies|firm|firms|agency|agencies|vendor|vendors)\b/i;
const LEADS_OR_FOUNDED = /\b(?:led|lead|leading|managed|managing|headed|heading|ran|running|founded|co-founded|cofounded|started|built|grew|owned|one of|among)\s+(?:\S+\s+){0,3}$/i;

/** Reporting to someone by a title that names a field: "reports to the Head of Computer Vision", "reporting into our VP of NLP". */
const HEAD_OF_BEFORE = /\breport(?:s|ed|ing)?\s+(?:directly\s+)?(?:in)?to\s+(?:the|our|a|their)?\s*(?:(?:global|group|senior|principal)\s+)?(?:head|director|vp|vice president|chief|lead|manager)\s+(?:of|for)\s+$/i;

/** Job ads: words before a plural profession that make its people the ones sought or led ("we are looking for NLP engineers", "join as one of our NLP engineers", "manage our NLP engineers"). */
const SOUGHT_BEFORE = /\b(?:looking for|seeking|hiring|hire|recruiting|join|joining|become|becoming|as an?|as one of|experienced|senior|junior|principal|staff|talented|skilled|manage|lead|head|mentor|coach|grow)\s+(?:\S+\s+){0,3}$/i;

/** Words that say how a team is made up, not its field: "cross-functional teams" is working across functions. */
const TEAM_KIND = /^(?:cross[- ]?functional|multi[- ]?disciplinary|inter[- ]?disciplinary|cross[- ]disciplinary|cross[- ]team|agile|distributed|remote|global|international|diverse)$/i;

/** A mention that ends in a preposition is a verb phrase ("work with"), not a team's name. */
const LINKING_END = /\b(?:with|to|for|across|alongside|among|between|within)$/i;

/**
 * Words before a team phrase that show the writer took part in the team's work. A passive "built
 * by" names the team as the one that did the work, so it shows no part in it.
 */
const INVOLVED = /\b(?:led|lead|leading|managed|managing|ran|running|headed|heading|joined|join|joining|worked in|worked on|work in|working in|working on|part of|member of|within|coached|founded|built|formed|grew|in|on|for|with)(?!\s+by\b)\s+(?:\S+\s+){0,3}$/i;

/**
 * Job ads: the candidate working with a team ("you will work with the university's Research
 * Software Engineering group") works beside it, not in its field; a CV writer's "with" is read as
 * taking part.
 */
const ALONGSIDE_BEFORE = /\b(?:with|alongside)\s+(?:\S+\s+){0,3}$/i;

/**
 * A discipline named as the people worked with ("partner with data science, product and
 * engineering", "a cross-functional team spanning design, data science and product management",
 * "worked closely with data science on the churn model", "interface with sales and DevOps for
 * reports"): it stands for its people, as "the data
 * science team" does. Only a discipline's name, after a verb of working together and any other
 * disciplines listed before it, with the list going on or a purpose after it; "experience working
 * with data science tools" and "comfortable working with data science" are the skill itself.
 */
const DISCIPLINE_NAME = /^(?:data science|data engineering|data analytics|analytics|product management|project management|programme management|program management|software engineering|machine learning|business intelligence|ux research|user research|marketing|finance|devops|sales|security)$/i;
/** Up to five other disciplines listed before the mention, one or two words each: "design, data science and ". */
const DISCIPLINES_LISTED = String.raw`(?:[\w-]+(?:\s+[\w-]+)?\s*(?:,|\band\b|\bor\b|&|\/)\s*){0,5}$`;
const PARTNERED_BEFORE = new RegExp(String.raw`\b(?:(?:work(?:s|ed|ing)?|collaborat(?:e|es|ed|ing)|partner(?:s|ed|ing)?|team(?:s|ed|ing)? up|liais(?:e|es|ed|ing)|interfac(?:e|es|ed|ing)|sync(?:s|ed|ing)?|coordinat(?:e|es|ed|ing)|align(?:s|ed|ing)?)(?:\s+[\w-]+ly)?\s+(?:with|alongside|across)|spanning|alongside)\s+(?:(?:the|our|your|their|both)\s+)?${DISCIPLINES_LISTED}`, 'i');
/** People named by their functions, then the functions listed: "teammates from other functions such as product management", "stakeholders including product and science". */
const PARTNERS_INCLUDING_BEFORE = new RegExp(String.raw`\b(?:teams|teammates|colleagues|functions|partners|stakeholders|disciplines|experts|peers)\s+(?:(?:from|in|across)\s+(?:other\s+)?[\w-]+\s+)?(?:such as|including|like|e\.g\.,?|spanning|across)\s+(?:(?:the|our)\s+)?${DISCIPLINES_LISTED}`, 'i');
const USING_BEFORE = /\b(?:experience[ds]?|familiar(?:ity)?|comfortable|proficien(?:t|cy)|knowledge|skilled|expertise|background|years?)\s+(?:[\w-]+\s+){0,2}(?:work(?:s|ed|ing)?)\s+with\s+[^,;]*$/i;
const DISCIPLINE_LIST_GOES_ON = /^\s*(?:$|[,;.):&/]|(?:and|or|to|on|for|in|teams?|partners|colleagues|functions|orgs?|groups|stakeholders|leads|leaders)\b)/i;

function disciplineWorkedWith(mention: string, before: string, after: string): RegExpExecArray | null {
  if (!DISCIPLINE_NAME.test(mention) || !DISCIPLINE_LIST_GOES_ON.test(after)) return null;
  const partnered = PARTNERED_BEFORE.exec(before) ?? PARTNERS_INCLUDING_BEFORE.exec(before);
  return partnered && !USING_BEFORE.test(before) ? partnered : null;
}

/** Another party as the agent of a passive: "by the platform team", "by an external vendor". */
const AGENT = String.raw`(?:the|a|an|our|their|its|another|other|a separate|separate|external|outside)?\s*(?:[\w-]+\s+){0,3}(?:team|teams|group|department|vendor|vendors|partner|partners|colleagues|others|contractors?|agency|third[- ]part(?:y|ies)|specialists)\b`;
const DONE_BY = new RegExp(String.raw`\b(?:built|developed|trained|implemented|created|written|designed|done|delivered|owned|maintained|handled|made|provided|supplied|applied|run|operated|managed)\s+by\s+${AGENT}`, 'i');
/** A thing said to come from another party: "the image embeddings we used came from the vision team". */
const CAME_FROM = new RegExp(String.raw`\b(?:came|come|comes|coming)\s+from\s+${AGENT}`, 'i');
/** The passive's verb before the mention and its agent after: "written in C++ by an external vendor". */
const PASSIVE_BEFORE = /\b(?:built|developed|trained|implemented|created|written|designed|done|delivered|maintained|made)\s+(?:in|with|using|on)\s+(?:\S+\s+){0,2}$/i;
const BY_AGENT_AFTER = new RegExp(String.raw`^\s*(?:[\w+#-]+\s+){0,3}?by\s+${AGENT}`, 'i');
const BOUGHT_IN = /\b(?:is|are|was|were)\s+(?:bought in|outsourced|licensed from|provided by a vendor)\b/i;

/** Where a clause's subject may start: the sentence or a bullet, a semicolon, colon or parenthesis, a comma, a conjunction, or a relative "which" or "whom" ("the GPUs on which the research group trained…"). */
const CLAUSE_OPENING = String.raw`(?:^[-•*·]?|[;:(]|,\s+|\b(?:and|but|while|whereas|which|whom)\s+)\s*`;
/** The company's possessive: "our platform", "the company's engine". */
const COMPANY_POSSESSIVE = String.raw`(?:our|the company's|the company’s)\s+`;

/** Verbs of doing that a subject other than the writer (CV) or the candidate (job ad) may carry out. */
const OTHER_VERBS = String.raw`built|build|builds|prototype|prototypes|prototyped|design|designs|designed|used|use|uses|fit|fits|fitted|developed|develops|trained|train|trains|fine-tuned|fine-tune|fine-tunes|applied|apply|applies|owned|own|owns|ran|run|runs|wrote|write|writes|maintained|maintain|maintains|implemented|implement|implements|created|create|creates|shipped|ship|ships|handled|handle|handles|did|do|does|publish|publishes|published|research|researches|researched|(?:focus|focuses|focused|works|work|worked) on|specialises in|specializes in|specialise in|specialize in|(?:take|takes|took) care of|(?:look|looks|looked) after`;
/** Adverbs between such a subject and its verb ("already uses", "mostly trains"). */
const SUBJECT_ADVERB = String.raw`(?:(?:\w+ly|already|also|still|now)\s+)?`;
/**
 * Nouns of another party: a group, a vendor or partners, colleagues, members or employees ("a team
 * member applied…", "our employees use…"), or people by their profession.
 */
const OTHER_PARTY = String.raw`team|teams|group|department|colleagues|vendor|partners?|members?|employees?|${PROFESSIONS}`;
/** Where another party sits, after its noun: "colleagues in the imaging lab", "the engineers on the platform team". */
const PARTY_PLACE = String.raw`(?:\s+(?:in|on|at|from)\s+(?:the|our|their|a|an)\s+(?:[\w-]+\s+){0,2}[\w-]+)?`;
/**
 * Another party as the subject of the mention's clause: "they train in PyTorch", "a separate team
 * applies NLP", "our analysts take care of the statistics", "colleagues in the imaging lab trained
 * the models", "my supervisor works on reinforcement learning". Bare nouns open it only when they
 * can only be other people (colleagues, teammates; the writer's manager, supervisor, mentor…):
 * "Led team that trained…" is the writer's own team.
 */
const OTHER_SUBJECT = new RegExp(
  String.raw`${CLAUSE_OPENING}(?:they|he|she|(?:(?:the|our|their|a|an|another|other|a separate|separate)\s+(?:[\w-]+\s+){0,3}(?:${OTHER_PARTY})|(?:my\s+)?(?:colleagues|teammates|co-?workers)|my\s+(?:[\w-]+\s+)?(?:manager|supervisor|advisor|adviser|boss|mentor|lead|director|professor))${PARTY_PLACE})\s+(?:(?:that|who|which)\s+)?${SUBJECT_ADVERB}(?:${OTHER_VERBS})\b`,
  'gi',
);
/**
 * Another party described by a clause set off with a comma, wherever it stands: "worked alongside
 * the vision group, who owned the image models", "supported the research team, which trains the
 * speech models". The comma makes the clause say what that party does; leading or founding it
 * keeps the work the writer's (LEADS_OR_FOUNDED).
 */
const PARTY_WHO = new RegExp(
  String.raw`\b(?:the|our|their|a|an|another|other|separate)\s+(?:[\w-]+\s+){0,3}(?:${OTHER_PARTY})${PARTY_PLACE},\s+(?:who|which)\s+${SUBJECT_ADVERB}(?:${OTHER_VERBS})\b`,
  'gi',
);
/**
 * People named in the plural with what they do after "who", comma or not: "supported the
 * physicists and meteorologists who run the weather models", "worked beside analysts who build the
 * churn models". "Who" names people, so any plural before it does, "-ers" ones too
 * (oceanographers). A singular ("an engineer who builds models") can be the writer and is left
 * alone, and so is "those of us who build".
 */
const PEOPLE_WHO = new RegExp(String.raw`\b([\p{L}-]+s)\s+who\s+${SUBJECT_ADVERB}(?:${OTHER_VERBS})\b`, 'giu');
const WRITER_AMONG: ReadonlySet<string> = new Set(['us', 'ourselves', 'yourselves']);
/** The quick test before TEAMS_THAT_DO is tried: a plural team word and a relative word after it. */
const TEAM_RELATIVE = new RegExp(String.raw`\b(?:${PLURAL_TEAM_WORDS})\s+(?:that|which|who)\b`, 'i');
/**
 * Teams described by what they are doing, after "that", "which" or "who": "support data science
 * teams that are utilizing ML to predict customer intent", "groups which train the speech models".
 * Joining or working in or with such teams (INVOLVED) keeps the work the writer's or the post's.
 */
const TEAMS_THAT_DO = new RegExp(String.raw`\b(?:teams|groups|departments|squads|labs)\s+(?:that|which|who)\s+(?:are\s+|is\s+)?${SUBJECT_ADVERB}(?:${OTHER_VERBS}|using|utili[sz]ing|leveraging|building|training|developing|running|applying|deploying)\b`, 'gi');
/**
 * CVs: another party's own thing, named by a possessive right before the mention or before the
 * parenthesis it stands in: "deployed the data science team's fraud models (LightGBM)", "packaged
 * a colleague's BERT classifier". The thing is theirs; the writer's work on it shows the skill only
 * when the writer's verb reworks it (WORKED_ON_THEIRS).
 */
const OTHERS_THING = new RegExp(
  String.raw`\b(?:the|our|their|a|an|another|other|separate|my)\s+(?:(?:[\w-]+\s+){1,3}(?:team|teams|group|department)|(?:[\w-]+\s+){0,3}(?:vendor|partners?|${PROFESSIONS}|colleague|colleagues|teammates?|co-?workers?|manager|supervisor|advisor|clients?|customers?))['’]s?\s+(?:[\w-]+\s+){0,3}(?:\([^()]{0,60})?$`,
  'i',
);
// The quick tests before a longer pattern is tried on the words before a mention (an apostrophe,
// "who", a relative word, a possessive, "culture"), made once: a literal in a function is a new
// object at every call.
const APOSTROPHE = /['’]/;
const WHO = /\bwho\b/i;
const RELATIVE_WORD = /\b(?:that|which|who)\b/i;
const POSSESSIVE_S = /['’]s\s/;
const CULTURE = /\bculture\b/i;
/** The writer's verb that reworks the thing itself, right before it: "retrained the team's models". */
const WORKED_ON_THEIRS = /\b(?:re-?trained|trained|fine-tuned|tuned|improved|rewrote|refactored|optimi[sz]ed|debugged|extended|redesigned|re-?implemented|ported|sped up|speeded up|re-?built|rebuilt|worked on|working on|contributed to|helped with|helped|led|part of|joined)\s+$/i;
/** A mention that is a phrase of working with someone ("with the design team", "working alongside the product team"): the writer's own doing, whatever the work. */
const WITH_SOMEONE = /\b(?:with|alongside)\b|^(?:for|to)\b/i;
/** A course named after the possessive ("the department's computer vision module"): taken, not another party's work. */
const THEIR_COURSE_AFTER = /^\s+(?:modules?|courses?|class(?:es)?|seminars?|lectures?|programmes?)\b/i;
/** A team named as the owner of a thing: "the data science team's models". */
const TEAM_POSSESSIVE_AFTER = /^[\s-]*(?:team|teams|group|groups|department|squad|unit)['’]s?\s/i;
/**
 * Job ads: a group described by what it has already made, "join the team that built our NLP
 * search", "you'll work beside the researchers who trained our speech models". The making is done
 * and theirs; the candidate joins or works beside them, unless the post leads them (LEADS_OR_FOUNDED).
 */
const PARTY_THAT_MADE = /\b(?:the|a|our)\s+(?:[\w-]+\s+){0,3}(?:team|teams|group|squad|lab|people|engineers|researchers|scientists)\s+(?:that|which|who)\s+(?:(?:\w+ly|already|first|originally)\s+)?(?:built|created|developed|designed|shipped|launched|wrote|trained|pioneered|invented|made)\b[^.;]*$/i;
/** A comma that closes such a clause, the sentence going on with a preposition or the writer: "…, which builds models, with dashboards". */
const RELATIVE_CLAUSE_CLOSED = /,\s*(?:with|for|to|in|on|at|by|from|then|and then|i|we|you)\b/i;
/**
 * CVs: an organisation's own doing in a relative clause: "joined a fintech start-up that grew
 * revenue tenfold", "worked for a company that builds drones". Joining it is not doing its work;
 * founding or running it is ("founded a start-up that sold…", see LEADS_OR_FOUNDED).
 */
const ORGANISATION_DOES = /\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:company|companies|start-?ups?|scale-?ups?|firms?|employer|business|organi[sz]ations?|agency|agencies|vendors?|clients?|customers?|banks?|retailers?|insurers?|providers?|consultancy|consultancies)\s+(?:that|which)\s+/gi;
/** Where such a clause ends before the mention: punctuation, or the writer speaking again. */
const ORGANISATION_CLAUSE_END = /[.;,:]|\b(?:where|when|I|me|my|us|we)\b/;
/**
 * An organisation's own things in a relative clause: "a company whose product does facial
 * recognition", "a client whose platform runs on Kafka". What they do is theirs, not the writer's.
 * ("whose" is among the subject hint's words, so the sentences that hold it are read for it.)
 */
const WHOSE_THING = /\bwhose\s+(?:[\w-]+\s+){0,2}?(?:products?|platforms?|apps?|software|services?|customers|clients|business|mission|technology|tools?|solutions?)\b/gi;
/**
 * Job ads: the company's own things as the subject ("our platform already uses computer vision",
 * "our engine runs on C++"): what they use describes the company, not what the post asks.
 */
const COMPANY_THING_SUBJECT = new RegExp(
  String.raw`${CLAUSE_OPENING}${COMPANY_POSSESSIVE}(?:[\w-]+\s+){0,2}(?:platform|platforms|product|products|app|apps|engine|engines|system|systems|stack|service|services|tools|software|infrastructure)\s+(?:(?:that|which)\s+)?${SUBJECT_ADVERB}(?:${OTHER_VERBS}|relies on|rely on|is built on|are built on|is powered by|are powered by)\b`,
  'gi',
);
/**
 * The same for any thing of the company's that is said to rest on something or to be something
 * ("our fraud detection uses gradient boosting", "our culture is built on teamwork", "the company's
 * flagship product is a deep learning model"), unless the subject is the person sought ("our ideal
 * candidate is a statistician").
 */
const COMPANY_THING_BUILT_ON = new RegExp(
  String.raw`${CLAUSE_OPENING}${COMPANY_POSSESSIVE}((?:[\w-]+\s+){1,3}?)(?:uses|use|relies on|rely on|runs on|run on|is built on|are built on|is based on|are based on|is powered by|are powered by|is built with|are built with|is written in|are written in|works with|work with|works in|work in|is an?|are)\b`,
  'gi',
);
/**
 * Job ads: a sentence that opens with a name's own thing at work ("Brightloop's recommendation
 * engine serves 12M shoppers", "Kestrel's fraud models score every payment") describes the
 * company as "our engine serves" does. A verb of such work must follow: "Google's TensorFlow is a
 * plus" asks for the tool.
 */
const NAMED_THING_OPENS = /^[-•*·]?\s*[\p{Lu}][\p{L}\p{N}&.-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.-]*){0,2}['’]s\s+(?:[\p{L}-]+\s+)?$/u;
const THING_AT_WORK_AFTER = /^(?:\s+[\p{L}-]+)?\s+(?:(?:now|already|also|still)\s+)?(?:serves?|powers?|runs?|handles?|process(?:es)?|reach(?:es)?|drives?|supports?|answers?|flags?|scores?|reads?|predicts?|recommends?|ranks?|routes?|detects?|match(?:es)?|personali[sz]es?|generates?|protects?|screens?|translates?|transcribes?|helps?|inspects?|checks?|monitors?|classif(?:y|ies)|analy[sz]es?|sorts?|spots?|counts?|tracks?|catch(?:es)?|reviews?|prices?|forecasts?|decides?|approves?|understands?|recogni[sz]es?|identif(?:y|ies)|optimi[sz]es?|plans?|schedules?|finds?)\b/u;
const THE_PERSON_SOUGHT = /\b(?:candidates?|applicants?|hires?|person|people|engineers?|scientists?|developers?|colleagues?|teammates?|members?|roles?|positions?|you)\b/i;

function companyThingBuiltOn(before: string): RegExpExecArray | null {
  const found = nearestCue(COMPANY_THING_BUILT_ON, before, (gap) => !OTHER_CLAUSE_END.test(gap));
  return found && !THE_PERSON_SOUGHT.test(found[1] ?? '') ? found : null;
}

/**
 * Job ads: the items of an organisation's list of values or principles ("our cultural principles
 * (Focus on Customer Success, Build for the Long Term…)", "Our values: Ownership, Customer
 * Obsession, Experimentation") are its creed, not the post's asks. The values are the organisation's
 * ("our", "core", "cultural", a name's): "software engineering principles: testing, code review"
 * asks for both. The list opens with a colon, a dash or a parenthesis after the word and runs to the
 * mention without a full stop or closing bracket.
 */
const CREED_WORDS = String.raw`values|principles|tenets|ethos|creed`;
/** A word for an organisation's creed anywhere in a line or sentence: the cheap test before VALUES_LIST_BEFORE, and a list lead-in's mark. */
const CREED_WORD = new RegExp(String.raw`\b(?:${CREED_WORDS})\b`, 'i');
const VALUES_LIST_BEFORE = new RegExp(String.raw`\b(?:our|company|core|cultural|culture|leadership|operating|guiding|\p{L}+['’]s)\s+(?:[\p{L}-]+\s+)?(?:${CREED_WORDS})\s*(?:\(|:|—|–|-\s)[^.;:()]*$`, 'iu');

/**
 * Job ads: the company's culture and what it encourages ("we have built a culture that encourages
 * rapid career development and countless opportunities to experiment", "our culture of
 * experimentation"): how the place works, not an ask. The culture must be the company's ("we",
 * "our"); "you will build a culture that encourages experimentation" is a duty.
 */
const OUR_CULTURE_BEFORE = /\b(?:we|we've|we’ve|our)\b(?:\s+[\p{L}-]+){0,8}?\s+culture\s+(?:(?:that|which|where)\s+(?:[\p{L}-]+\s+)?(?:encourages|values|promotes|rewards|celebrates|fosters|supports|embraces|prizes|welcomes|offers|gives|means)|of)\b[^.;]*$/iu;

/** Where another subject's clause ends before the mention: a full stop or semicolon, or a comma before the candidate or writer speaks ("…, you will build"). */
const OTHER_CLAUSE_END = /[.;]|,\s*(?:you|you'll|you’ll|we|i|your)\b/i;

/**
 * CVs: work around a technical thing that is not the thing itself, named by a role of sales,
 * marketing, law, the office, accounts or customer support, or by a task of user documentation,
 * press releases, buying, copywriting or manual testing ("legal counsel for a facial recognition
 * provider", "wrote user documentation for the company's PyTorch models", "procured GPUs for the
 * deep learning team"). Bare domain words are not cues: "sales forecasting with gradient boosting"
 * and "support ticket classification with BERT" are the writer's models. Read as HIRING is: a cue
 * before the mention in its clause, with no verb of the writer's own technical doing between.
 */
const SUPPORTING_ROLE = String.raw`sales (?:engineer|manager|representative|rep|executive|lead|director)s?|salesperson|marketing (?:manager|lead|executive|assistant|director|coordinator)s?|marketers?|legal counsel|counsel|lawyers?|paralegal|solicitor|office (?:manager|administrator)|account (?:manager|executive)s?|(?:customer )?support (?:agent|representative|specialist)s?|(?:it|desktop|technical) support|help ?desk|copywriter|receptionist|qa tester|manual tester`;
const SUPPORTING_TASK = String.raw`user documentation|user guides?|press releases?|procured|purchased|proofread(?:ing)?|manual (?:qa|testing)|prds?|product requirements? (?:docs?|documents?)|product specs?|user stories`;
/**
 * The role is the writer's only where a title stands: at the clause's opening or after "as", with
 * at most two words of rank before it ("Legal counsel for…", "Enterprise Account Executive —…",
 * "worked as an office manager at…"); "helped the sales director" names someone else.
 */
const AROUND_THE_WORK = new RegExp(String.raw`(?<=(?:^|[;:(|—–]|\bas(?:\s+an?)?)\s*)(?:(?:senior|junior|lead|principal|chief|head|enterprise|regional|global|technical|associate|assistant|freelance|in-house|trainee|graduate)\s+){0,2}(?:${SUPPORTING_ROLE})\b|\b(?:${SUPPORTING_TASK})\b`, 'gi');
/** Selling a product is not building it: "sold the company's NLP APIs to banks". */
const SOLD = /\b(?:sell|sells|sold|selling|resell|resold|reselling|pitched|pitching)\b/gi;

/**
 * A CV writer who recruits: "recruited NLP engineers", "hiring for roles in computer vision",
 * "placed 40 ML engineers (PyTorch, NLP)", "filled 30 roles in NLP" (filling posts, not gaps in data). The skills named are the hires', not the writer's: a
 * hiring verb before the mention, a word for people or posts in the same clause, and no verb of
 * the writer's own doing in between ("hired two engineers and built the NLP pipeline" is hers).
 */
const HIRING = /\b(?:recruit(?:ed|ing|s)?|hir(?:ed|ing|es|e)|sourc(?:ed|ing|es|e)|plac(?:ed|ing)|headhunt(?:ed|ing|s)?|staff(?:ed|ing)|talent (?:pipelines?|pools?)|interview(?:ed|ing)|screen(?:ed|ing)|fill(?:ed|ing|s)?(?=\s+(?:\S+\s+){0,2}(?:roles?|positions?|posts?|vacanc(?:y|ies)|openings?|reqs|requisitions?|seats|headcount)\b))\b/gi;
const PEOPLE_OR_POSTS = /\b(?:engineers?|researchers?|scientists?|specialists?|developers?|analysts?|candidates?|hires|roles?|positions?|vacanc(?:y|ies)|openings?|talent|profiles?|experts?|people|professionals?)\b/i;
/**
 * A job ad's word for posts other than the one advertised: a recruiter's "I also recruit for NLP and
 * data engineering roles", "we're also hiring", "other open positions", "we also have an urgent project
 * for a backend developer", "Also, we have many projects for full-stack developers". The skills named after it
 * are those posts', not this one's. "You will also hire…" is a duty of the post, so the speaker is
 * the writer ("I", "we") or the posts are called other.
 */
const OTHER_POSTS = /\b(?:(?:i|we)(?:['’](?:m|re))?\s+(?:am\s+|are\s+)?also\s+(?:recruit(?:ing)?|hir(?:e|ing)|have\s+(?:\w+\s+){0,4}(?:roles?|openings?|positions?|vacanc(?:y|ies)|projects?\s+for))|also,?\s+(?:i|we)\s+have\s+(?:\w+\s+){0,5}(?:roles|openings|positions|vacancies|projects\s+for)|other\s+(?:open\s+)?(?:roles|openings|positions|vacancies|jobs|requisitions))\b/gi;
/** How many words after its cue a sentence about other posts may still be naming their skills. */
const OTHER_POSTS_REACH = 20;
/**
 * An open welcome to people of every field ("engineers who bring fresh ideas from all areas,
 * including information retrieval, security, natural language processing…; the list goes on"):
 * the fields listed show the breadth of the organisation's work, not what this post asks.
 */
const FIELDS_WELCOMED = /\b(?:ideas|people|engineers|candidates|applicants|talent|perspectives)\s+from\s+(?:all|any|every|many|diverse|different|a\s+(?:wide|broad)\s+range\s+of)\s+(?:areas?|fields?|disciplines?|domains?|backgrounds?)\b/gi;
/** How many words after its cue such a list may still be naming fields. */
const FIELDS_WELCOMED_REACH = 25;
const OWN_DOING = /\b(?:built|build|developed|develop|trained|train|designed|design|implemented|implement|wrote|write|shipped|ship|used|use|deployed|deploy|created|create|led|analysed|analyzed|applied|apply|fine-tuned)\b/i;

/** Hearing about a skill is not having it: talks, tutorials, lectures and audited courses. */
const ATTENDED = /\b(?:attended|attending|audited|auditing|watched|went to|listened to|sat in on|shadowed|shadowing)\b/gi;
const ATTENDED_AFTER = /^[^.;]{0,40}\((?:lectures? only|audited|no assignments|attended)[^)]*\)/i;
/** Auditing is attending only for a course: "audited the deep learning course", not "auditing code in Java and Python". */
const AUDITED = /^audit/i;
const TAUGHT_THING = /\b(?:courses?|class(?:es)?|modules?|lectures?|seminars?|moocs?|workshops?|tutorials?|lessons?)\b/i;
/** A clause joined after the attended thing, or a verb of the writer's own doing: ", and", ", then". */
const CLAUSE_OF_OWN = new RegExp(String.raw`,\s*(?:and|then|before)\s|${OWN_DOING.source}`, 'i');

/** Fields of a degree named in a job ad ("a degree in Computer Science, Statistics, Physics or similar", "a 2:1 in a STEM subject, such as physics or mathematics"). */
const DEGREE_WORDS = String.raw`\b(?:degree|degrees|bachelor'?s?|master'?s?|ph\.?\s?d\.?|doctorate|msc|bsc|b\.sc|m\.sc|ms|bs|ma|ba|b\.\s?[sa]\.?|m\.\s?[sa]\.?|diploma|studies|academic (?:achievements?|background|record|results)|graduate|undergraduate|postgraduate|2[:.][12]|first[- ]class|upper[- ]second|(?:stem|quantitative|numerate|scientific|technical|relevant|related) subjects?|(?:stem|quantitative|numerate|scientific) (?:field|discipline)s?)(?!\w)`;
/** Degree words and what brings their fields: "a degree in", "a STEM subject (e.g.", "Degree:", or a verb of study ("studied", "majored in"). */
const DEGREE_BEFORE = new RegExp(String.raw`(?:${DEGREE_WORDS}(?:\s+\(?[\w.'’+-]+\)?){0,4}(?:,?\s+\(?(?:in|of|covering|such as|e\.g\.|like|including)|\s*:)|\b(?:studied|majored in|graduated in))(?!\w)`, 'gi');
/** The mention named as the field itself: "a BA in a relevant software engineering field". */
const FIELD_WORD_AFTER = /^\s+(?:field|fields|discipline|disciplines|subject|subjects)\b/i;
/** A single field given as an example right before the mention: "a STEM subject (e.g. physics)". */
const EXAMPLE_RIGHT_BEFORE = /(?:\be\.g\.|\bsuch as|\bfor example)\s*$/i;
const LIST_AROUND = /^[^.;:]{0,3}(?:,|\bor\b|\band\b|\/)|(?:,|\bor\b|\band\b|\/)\s*$/i;

/**
 * Whether the words from "a degree in" up to the mention are a list of fields ("mathematics,
 * physics, statistics or"): short items, none of them a phrase of its own ("fluency in Python").
 */
function inFieldList(degreePhrase: string): boolean {
  // "a Master's with 3+ years of experience, in physics, statistics or…": the experience asked
  // beside the degree is not one of its fields.
  // "a degree in a quantitative subject (e.g. statistics, physics…)", "…such as statistics or
  // physics", "…in a quantitative discipline (Computer Science, Statistics…": the fields are listed
  // after the example marker or the parenthesis.
  // "…, or equivalent industry experience": the alternative to the degree is no field either.
  // A PDF wraps the phrase over lines: one space stands for any white space between its words.
  const list = degreePhrase
    .replace(/\s+/g, ' ')
    .replace(/,?\s*(?:or\s+)?(?:an?\s+)?equivalent\s+(?:[\w-]+\s+){0,2}experience\b/gi, '')
    .replace(/\bwith\s+[^,;.]{0,40}?\bexperience\b,?/i, '')
    .replace(/^.*?\b(?:in|of|covering)\b/i, '')
    .replace(/^.*(?:\be\.g\.|\bsuch as\b|\bfor example\b|\bincluding\b|\blike\b)/i, '')
    // "…in a quantitative discipline (Computer Science, Statistics, …": the parenthesis lists them.
    .replace(/^.*\b(?:disciplines?|fields?|subjects?|areas?)\s*\(/i, '');
  return list.split(/,|\bor\b|\band\b|\//i).every((item) => item.trim().split(/\s+/).filter(Boolean).length <= 4 && !/\b(?:in|with|of|using|experience|knowledge|fluency|skills?|years?)\b/i.test(item));
}

/** A degree's letters right before its field's name: "MSc Data Science", "BSc (Hons) Physics". */
const DEGREE_LETTERS_BEFORE = /\b(?:MSc|BSc|MA|BA|MEng|BEng|MPhil|MRes|PhD|M\.Sc\.?|B\.Sc\.?|MS|BS)(?:\s+\(Hons\))?\s+$/;
/** A degree named in the mention itself: "PhD in physics", "MSc in statistics". */
const DEGREE_AT_START = new RegExp(String.raw`^${DEGREE_WORDS}(?:\s+\(?[\w.'’+-]+\)?){0,4}?\s+(?:in|of)\b`, 'i');

/** Whether a list of fields follows the mention in its clause ("…, applied mathematics or a related field"). */
function fieldsFollow(after: string): boolean {
  const clause = after.split(/[.;]/)[0] ?? '';
  return LIST_AROUND.test(clause.slice(0, 8)) && inFieldList(`in ${clause}`);
}

/**
 * The nearest match of a cue before the mention, when what lies between them passes `between`.
 * (Each pattern finds its cue; the distance is checked once, not by the pattern at every position.)
 */
function nearestCue(re: RegExp, before: string, between: (gap: string) => boolean): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  re.lastIndex = 0;
  return last && between(before.slice(last.index + last[0].length)) ? last : null;
}
const words = (text: string): number => (text.match(/\S+/g) ?? []).length;

/** The company speaking of itself: first person plural with no word to the candidate. */
/**
 * A job ad's terms of employment: pay (a sales role's incentive pay and quota too), benefits, leave and equal-opportunity statements, and where
 * and when the work is done (office days, hybrid and relocation policy, visas). What
 * such a sentence names ("business requirements" that set a pay band, a "data science" team's
 * stipend) is the employer's offer or policy, not what the post asks of the candidate.
 */
const EMPLOYMENT_TERMS = new RegExp(
  [
    String.raw`pay (?:range|band|scale)s?|salary (?:range|band)s?|base salary|incentive (?:pay|compensation|target|plan)s?|commission (?:plan|structure|rate)s?|sales (?:incentive|compensation) plans?|quota attainment|compensation (?:package|range)s?|benefits package|401\(k\)|paid time off|parental leave|health insurance|stock options|equal opportunity|equal employment|without regard to`,
    // The employer's commitment to diversity and inclusion, asked of every employee alike.
    String.raw`(?:support|supports|supporting|promote|promotes|promoting|value|values|valuing|champion|champions|foster|fosters|fostering|celebrate|celebrates|celebrating|embrace|embraces|embracing)\s+(?:\w+\s+){0,2}diversity|diversity,?\s+equity,?\s+(?:and|&)\s+inclusion|workforce diversity|inclusive (?:workplace|work environment|hiring)`,
    // Where and when the work is done: office days, hybrid and relocation policy, visas.
    String.raw`(?:\d|one|two|three|four|five) days? (?:a|per|each) week (?:in|at|from) (?:the|our|an?) (?:\w+ )?office|(?:in|at|from) (?:the|our) (?:\w+ )?office (?:\d|one|two|three|four|five) days?|hybrid (?:working|work|schedule|model|arrangement|policy)|flexible (?:working )?hours|flexible working|flexi-?time|flex-?time|office attendance|relocation (?:package|support|assistance|allowance)|visa sponsorship|sponsor (?:a )?(?:work )?visas?|right to work in`,
    // How candidates are selected: what the interview holds asks for nothing beyond the post's requirements.
    // Two steps may share the one process ("the application and hiring process", "an interview or onboarding process").
    String.raw`(?:interview|hiring|recruitment|selection|application)(?: (?:and|or|&) (?:interview|hiring|recruitment|selection|application|screening|assessment|onboarding))? (?:process|stages?|loop|rounds?)|(?:the|our|each|every|final) interviews? (?:includes?|consists?|involves?)`,
    // Learning offered as a benefit: budgets, tickets, study time, reading groups.
    String.raw`(?:learning|training|education|conference|development|learning and development|l&d) (?:budget|allowance|stipend)s?|(?:free|paid) (?:conference )?tickets|conference tickets|reading groups?|journal clubs?|(?:get|have|given|dedicated|protected) (?:\w+ ){0,3}time (?:\w+ ){0,3}to (?:learn|study|explore)|(?:study|learning|hack) (?:days?|weeks?|fridays?)`,
  ]
    .map((alternatives) => `\\b(?:${alternatives})\\b`)
    .join('|'),
  'i',
);

/**
 * Job ads: a sentence that describes an organisation by what it is ("Brightlane is a growing fintech
 * company with healthy revenue", "Founded in 2016, Tallow Health is the leading provider of vision
 * software", after at most a short opening phrase), or by who founded or backs it. Its words say
 * what the company is or sells, not what the post asks, wherever the sentence stands; a sentence
 * that also speaks to the candidate ("…where you will build") is not one.
 */
const COMPANY_DESCRIBED = new RegExp(
  String.raw`^[-•*·]?\s*(?:[^,.;:]{1,40},\s*)?(?:we|[\p{Lu}][\p{L}\d&.'’-]*(?:\s+[\p{Lu}][\p{L}\d&.'’-]*){0,3})\s+(?:is|are|was|has been|has become)\s+(?:[\p{L}\d'’-]+\s+){0,6}?(?:company|companies|start-?ups?|scale-?ups?|business|firm|provider|leader|pioneer|platform|marketplace|lab|laboratory|organi[sz]ation|maker|manufacturer|agency|consultancy|studio|bank|insurer|retailer|fintech|one of)\b` +
    // Or by who founded or backs it: "Founded by two speech researchers from Cambridge".
    String.raw`|^[-•*·]?\s*(?:founded|co-founded|cofounded|started|established|set up|backed|funded) by\b`,
  'iu',
);
const NOT_A_NAME = /^[-•*·]?\s*(?:it|this|that|these|those|you|your|our|the role|the position|the team|this role|the ideal|the successful)\b/i;

/**
 * The company saying what it works with ("Across our services we mostly use Kotlin and Python", "we
 * rely on Spark"): the tools of the house, named in a sentence that asks nothing of the candidate.
 */
const WE_USE = /\bwe\s+(?:(?:\w+ly|also|still|now)\s+)?(?:use|rely on|run|work (?:in|with)|build (?:with|in|on)|are using|have used|standardi[sz]ed on|write (?:in|everything in))\b/gi;

/**
 * A sentence that opens with the company as its subject, "we" or its own people ("Our squads
 * hand over releases against tight deadlines every week", "We ship to production every day"): said
 * to no one, it tells how the company works, wherever it stands, as "we use…" does (WE_USE).
 * Sentences that ask ("We're looking for…", "We expect…", "We value…") speak to the candidate and
 * are read by their own words (ADDRESSES_CANDIDATE); a list item opening so ("- We train speech
 * models for brokers") is a duty, as any item is.
 */
const OUR_SUBJECT_OPENS = /^(\s*(?:we|our\s+(?:[\p{L}-]+\s+){0,2}?(?:teams?|people|engineers|scientists|squads?|staff|company|organi[sz]ation)))\s+(?!will\b|would\b|could\b|should\b|may\b|might\b)[\p{L}’']+/iu;

/** The company's possessive right before the mention, with at most one word between ("our priorities", "our first prototype"). */
const OUR_RIGHT_BEFORE = /\b(?:our|ours)\s+(?:[\p{L}-]+\s+)?$/iu;

/**
 * What a company sells or the market it is in, right after a mention, reached through a word of
 * place or purpose: "the billing backend for our speech product", "the pipelines behind our NLP
 * solutions". The hire works around the offer, not in its field. "Development of our machine
 * learning solutions" is the offer itself being built, and a platform, codebase or stack is where
 * the hire works: neither is here.
 */
const OFFER_REACHED_BEFORE = /\b(?:for|behind|around|across|into|powering|serving)\s+(?:our|the company[’']s)\s+(?:[\p{L}-]+\s+)?$/iu;
const COMPANY_OFFER_AFTER = /^[\s-]*(?:products?|solutions?|offerings?|business|markets?)\b(?![\s-]+(?:team|teams|group|groups|squad|manager|managers|owner|owners|designer|designers|lead|leads|analyst|analysts|engineers?)\b)/i;
const LIST_ITEM_START = /^\s*[-•*·▪►»~>]\s/;
/** Sections whose lines are duties or requirements. */
const DUTY_SECTIONS: ReadonlySet<SectionKind> = new Set(['responsibilities', 'requirements', 'preferred', 'about-role']);
/**
 * A duty written as an order, as the items of a list of duties are even where a PDF dropped their
 * bullets ("Develop and improve our fraud models"): a verb of work opening the sentence.
 */
const DUTY_OPENING = /^\s*(?:build|develop|design|own|lead|improve|maintain|deploy|write|work|partner|collaborate|create|run|drive|ship|support|help|define|implement|optimi[sz]e|scale|monitor|research|train|evaluate|analy[sz]e|contribute|take|keep|set up|establish|mentor|manage|extend|integrate|automate|investigate|prototype|test|review|deliver|operate|migrate|refactor|productioni[sz]e|architect|evolve|shape|apply|explore|identify|translate|communicate|present|collect|clean|prepare|fine-tune|debug|profile|benchmark|document|port|upgrade|expand|tune|rebuild|re-architect|modernise|modernize|harden)\b/i;

const COMPANY_VOICE = /\b(?:we|we're|we’ve|we've|our|ours|us)\b/i;
/**
 * A sentence that opens with a name and says what it does or is, in the present: "Heronsgate builds
 * voice assistants for banks", "Tallow & Finch runs the largest marketplace…", also after a word
 * of its founding or of the time ("Founded in 2011, Heronsgate partners with six banks") or a noun
 * phrase about it ("A leader in freight software since 2009, Heronsgate builds…"). Before a job ad's
 * first heading that name is the company introducing itself, as in its own voice.
 */
const NAMED_SUBJECT = /^[-•*·]?\s*(?:(?:(?:Founded|Established|Launched|Headquartered|Based)\s+in\s+[^,.]{1,40}|(?:Since|In)\s+\d{4}|Today|(?:An?|The)\s+[^,.]{1,60}),\s+)?(?!(?:It|This|That|These|Those|There|Here|You|Your|We|Our|They|Their|He|She|I|What|Who|Why|How|If|When|As|In|At|On|With|For|From|Each|Every|All|Any|Some|A|An|The|Nothing|Everything|Everyone)\b)(?:[\p{Lu}][\p{L}\p{N}'’.-]*\s+(?:&\s+)?){1,3}(?:builds|makes|helps|provides|offers|sells|develops|creates|designs|runs|operates|serves|powers|enables|delivers|connects|brings|gives|lets|uses|relies on|partners with|works with|supports|employs|increases|improves|reduces|lowers|accelerates|automates|transforms|empowers|combines|leverages|is|has|was|started|began)\b/u;
/** Words that speak to the candidate or ask something of them. */
const ASKS_OF_CANDIDATE_WORDS = String.raw`you|your|you'll|you’ll|you're|you’re|candidate|candidates|applicant|applicants|the role|this role|the position|this position|the post|this post|the successful|looking for|seeking|required|requirements?|must|should|need|experience (?:with|in|of)`;
const ASKS_OF_CANDIDATE = new RegExp(String.raw`\b(?:${ASKS_OF_CANDIDATE_WORDS})\b`, 'i');
/** The same, and words of hiring and wanting: in the company's own voice they too turn to the candidate ("we hire", "we value"); in a description of the company "every new hire makes a difference" is its growth. */
const ADDRESSES_CANDIDATE = new RegExp(String.raw`\b(?:${ASKS_OF_CANDIDATE_WORDS}|expect|want|ask|value|hire|hiring)\b`, 'i');

/** Whether a job ad's sentence speaks to the candidate or asks something of them. */
export function speaksToCandidate(sentence: string): boolean {
  return ADDRESSES_CANDIDATE.test(sentence);
}

/**
 * Which rules a sentence can trigger at all, found once per sentence by the word each rule starts
 * from. Most sentences have none of them, and then no rule runs for the mentions in them.
 */
export interface VoiceHints {
  /** VOICE_GATE's bits for the sentence: which of its patterns may match the sentence or a part of it. */
  may: number;
  organisation: boolean;
  /** A job ad's sentence naming an academic unit ("School of …", "Department of …"). */
  academicUnit: boolean;
  team: boolean;
  doneBy: boolean;
  subject: boolean;
  /** A CV's sentence with a relative clause that may belong to an organisation ("a start-up that sells…"). */
  relative: boolean;
  /** A job ad's sentence that may have the company's own things as a subject ("our platform uses"). */
  companyThing: boolean;
  attended: boolean;
  sold: boolean;
  /** A CV's sentence naming work around a technical thing (AROUND_THE_WORK). */
  aroundTheWork: boolean;
  hiring: boolean;
  /** A job ad's sentence naming posts other than the one advertised (OTHER_POSTS). */
  otherPosts: boolean;
  /** A job ad's sentence welcoming people of every field (FIELDS_WELCOMED). */
  fieldsWelcomed: boolean;
  degree: boolean;
  /** A job ad's sentence in the company's voice that says nothing to the candidate. */
  company: boolean;
  /** A job ad's sentence that opens with a name saying what it does, and says nothing to the candidate. */
  companyNamed: boolean;
  /** A job ad's sentence about pay, benefits or equal opportunity. */
  employmentTerms: boolean;
  /** A job ad's sentence that may list the organisation's values (VALUES_LIST_BEFORE). */
  values: boolean;
  /** A job ad's sentence that describes an organisation by what it is, saying nothing to the candidate. */
  companyDescribed: boolean;
}

const HINT = {
  organisation: new RegExp(String.raw`\b(?:${ORGANISATION_SUFFIXES}|${PUBLIC_BODIES})\b`),
  academicUnit: new RegExp(String.raw`\b(?:${ACADEMIC_UNITS})\b`),
  team: new RegExp(String.raw`\b(?:${TEAM_WORDS})\b`, 'i'),
  doneBy: /\bby\b|\b(?:bought in|outsourced|licensed from|came from|comes? from)\b/i,
  subject: new RegExp(String.raw`\b(?:they|he|she|team|teams|group|department|colleagues|teammates|co-?workers|members?|employees?|whose|vendor|partners?|manager|supervisor|advisor|adviser|boss|mentor|lead|director|professor|${PROFESSIONS})\b`, 'i'),
  relative: /\b(?:that|which)\b/i,
  companyThing: /\bour\b|\bcompany[’']s\b/i,
  attended: new RegExp(`${ATTENDED.source}|${ATTENDED_AFTER.source.replace('^[^.;]{0,40}', '')}`, 'i'),
  sold: new RegExp(SOLD.source, 'i'),
  aroundTheWork: new RegExp(String.raw`\b(?:${SUPPORTING_ROLE}|${SUPPORTING_TASK})\b`, 'i'),
  hiring: new RegExp(HIRING.source, 'i'),
  otherPosts: new RegExp(OTHER_POSTS.source, 'i'),
  fieldsWelcomed: new RegExp(FIELDS_WELCOMED.source, 'i'),
  degree: new RegExp(String.raw`${DEGREE_WORDS}|\b(?:studied|majored|graduated)\b`, 'i'),
} as const;

export function voiceHints(sentence: string, kind: DocumentKind): VoiceHints {
  const may = VOICE_GATE.scan(sentence);
  // A pattern none of whose literals the sentence holds finds nothing: it is not tried.
  const finds = (pattern: RegExp): boolean => VOICE_GATE.test(may, pattern, sentence);
  return {
    may,
    organisation: finds(HINT.organisation),
    academicUnit: kind === 'job' && finds(HINT.academicUnit),
    team: finds(HINT.team),
    doneBy: finds(HINT.doneBy),
    subject: finds(HINT.subject),
    relative: kind === 'cv' && finds(HINT.relative),
    companyThing: kind === 'job' && finds(HINT.companyThing),
    attended: finds(HINT.attended),
    sold: finds(HINT.sold),
    aroundTheWork: kind === 'cv' && finds(HINT.aroundTheWork),
    hiring: kind === 'cv' && finds(HINT.hiring) && finds(PEOPLE_OR_POSTS),
    otherPosts: kind === 'job' && finds(HINT.otherPosts),
    fieldsWelcomed: kind === 'job' && finds(HINT.fieldsWelcomed),
    degree: kind === 'job' && finds(HINT.degree),
    company: kind === 'job' && finds(COMPANY_VOICE) && !finds(ADDRESSES_CANDIDATE),
    companyNamed: kind === 'job' && finds(NAMED_SUBJECT) && !finds(ADDRESSES_CANDIDATE),
    employmentTerms: kind === 'job' && finds(EMPLOYMENT_TERMS),
    values: kind === 'job' && finds(CREED_WORD),
    companyDescribed: kind === 'job' && finds(COMPANY_DESCRIBED) && !finds(NOT_A_NAME) && !finds(ASKS_OF_CANDIDATE),
  };
}

/** Whether a list's lead-in line introduces roles the writer recruits for ("Roles I hire for"). */
export function isHiringLeadIn(leadIn: string): boolean {
  return HINT.hiring.test(leadIn) && PEOPLE_OR_POSTS.test(leadIn);
}

/**
 * A job ad's list introduced as what the team has already done ("Some recent team accomplishments
 * include:", "What we've shipped lately", "Past projects") or what the team is made of ("The team
 * combines:", "Our data team has:"): its items are the team's record and make-up, not what the post
 * asks. A lead-in that speaks to the candidate ("What you will achieve") is the post's.
 */
const TEAM_RECORD_LEAD_IN = /\b(?:accomplishments|achievements|wins|milestones|track record)\b|\b(?:recent|past|previous)\s+(?:[\w-]+\s+)?(?:projects|work|launches)\b|\b(?:we(?:'ve|’ve| have)?|our team(?: has)?|the team(?: has)?)\s+(?:recently\s+|already\s+)?(?:built|shipped|launched|delivered|achieved)\b|\b(?:the|our)\s+(?:[\w-]+\s+)?team\s+(?:combines|has|brings|includes|consists of|is made up of)\b/i;
const SPEAKS_TO_YOU = /\b(?:you|your|you'll|you’ll|will)\b/i;

/** Whether a job ad's list lead-in introduces the team's past work or make-up (TEAM_RECORD_LEAD_IN) or the organisation's values ("built on values:", "Our core values"). */
export function isTeamOrCreedLeadIn(leadIn: string): boolean {
  return (TEAM_RECORD_LEAD_IN.test(leadIn) || CREED_WORD.test(leadIn)) && !SPEAKS_TO_YOU.test(leadIn);
}

/** Rules that read back from the mention look no further than this many characters. */
const LOOK_BACK = 160;

export interface VoiceInput {
  sentence: string;
  /** The mention's offsets in the sentence. */
  start: number;
  end: number;
  kind: DocumentKind;
  section: SectionKind | null;
  /** Whether the mention stands before the document's first heading that names a section (and the document has one). */
  inIntro: boolean;
  /** voiceHints(sentence, kind), computed once per sentence by the caller. */
  hints: VoiceHints;
  /** In a CV, the lead-in of the list the mention stands in when it introduces roles the writer recruits for (isHiringLeadIn). */
  hiringLeadIn?: string | null;
  /** In a job ad, the lead-in of the list the mention stands in when it introduces the team's record or the company's creed (isTeamOrCreedLeadIn). */
  teamOrCreedLeadIn?: string | null;
  /** A job ad written by an agency for its client (speaksForClient): "they" there is the employer. */
  forClient?: boolean;
  /** A job ad's names for its employer (employerNames), lower case: a mention written as one is the company. */
  employers?: ReadonlySet<string>;
}

/**
 * A recruiter writing for a client ("my client, a drone company…", "one of our clients", "on behalf
 * of our client"): in such an ad "they" is the employer, and "they use YOLO-style detectors" names
 * the post's tools as "we use" would.
 */
const FOR_CLIENT = /\b(?:my|our)\s+client\b|\bone\s+of\s+(?:my|our)\s+clients\b|\bon\s+behalf\s+of\s+(?:my|our|a|the)\s+client\b/i;
/**
 * Job ads: the employer's own name, as the ad writes it where the company introduces itself:
 * "About Hugging Face", "Why Databricks?", "Life at Qlik", "Join Snowflake", "At Weights & Biases,
 * we…". A term written as that name is the company ("At Hugging Face, we're on a journey…"), not a
 * tool the post asks for; companies are often named after what they make.
 */
const EMPLOYER_NAME = String.raw`[\p{Lu}][\p{L}\p{N}&.'’-]*(?:[ \t]+(?:&[ \t]+)?[\p{Lu}][\p{L}\p{N}&.'’-]*){0,3}`;
const EMPLOYER_INTRODUCED = new RegExp(String.raw`(?:^|\n)[ \t#*_]*(?:About|Why|Life at|Working at|Join|More about)[ \t]+(${EMPLOYER_NAME})|\bAt\s+(${EMPLOYER_NAME}),\s+(?:we|our|you)\b|\bjoin(?:ing)?\s+(${EMPLOYER_NAME})\s+(?:as|and|to|in|at|on)\b`, 'gu');
/** Words a capitalised "name" after those cues may be instead: "About Us", "Join The Team", "Why You'll Love…". */
const NOT_AN_EMPLOYER = /^(?:us|the|this|our|you|your|we|it|me|a|an|what|how|why|team|for)\b/i;

export function employerNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(EMPLOYER_INTRODUCED)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').replace(/['’]s$/, '').replace(/[.?!:]+$/, '').trim();
    if (name && !NOT_AN_EMPLOYER.test(name)) names.add(name.toLowerCase());
  }
  return names;
}

export function speaksForClient(text: string): boolean {
  return FOR_CLIENT.test(text);
}
/** The employer's "they" opening another-party cue. */
const THEY_OPENS = /^\W*(?:and|but|while|whereas|which|whom)?\s*they\b/i;

/** The second-hand reading of a mention, or null when it is the writer's (CV) or the post's (job ad). */
export function secondHand({ sentence, start, end, kind, section, inIntro, hints, hiringLeadIn, teamOrCreedLeadIn, forClient, employers }: VoiceInput): Voice | null {
  // The employer's own name ("At Hugging Face, we…") is the company, wherever it stands.
  if (employers && employers.size > 0) {
    const written = sentence.slice(start, end);
    if (employers.has(written.replace(/['’]s$/, '').toLowerCase())) return { rule: 'organisation-name', cue: written };
  }
  if (hints.employmentTerms) return { rule: 'employment-terms', cue: EMPLOYMENT_TERMS.exec(sentence)?.[0] ?? '' };
  if (hints.companyDescribed) return { rule: 'company-described', cue: COMPANY_DESCRIBED.exec(sentence)?.[0].trim().slice(0, 80) ?? '' };
  const mention = sentence.slice(start, end);
  const before = sentence.slice(Math.max(0, start - LOOK_BACK), start);
  const after = sentence.slice(end, end + LOOK_BACK);
  const organisation = hints.organisation && /^[\p{Lu}]/u.test(mention) ? ORGANISATION_AFTER.exec(after) : null;
  if (organisation) return { rule: 'organisation-name', cue: `${mention}${organisation[0]}` };
  // Joining or working in such a body's unit ("joined the Office of Data Science") is taking part in it.
  const body = hints.organisation && /^[\p{Lu}]/u.test(mention) ? ORGANISATION_BEFORE.exec(before) : null;
  if (body && !INVOLVED.test(before.slice(0, body.index))) return { rule: 'organisation-name', cue: `${body[0]}${mention}` };
  // "Report to the Head of Computer Vision": the field of the person reported to, by title.
  const can = (pattern: RegExp): boolean => VOICE_GATE.may(hints.may, pattern);
  const head = VOICE_GATE.test(hints.may, OF_AT_END, before) ? HEAD_OF_BEFORE.exec(before) : null;
  if (head) return { rule: 'other-subject', cue: `${head[0]}${mention}`.trim().slice(0, 80) };
  const plural = mention.endsWith('s') ? PROFESSION_PLURAL.exec(mention) : null;
  if (plural) return { rule: 'plural-profession', cue: plural[0] };
  // "the computer vision team" names a team; "work with teams" is the writer's own doing.
  const takesPart = VOICE_GATE.test(hints.may, INVOLVED, before) && !(kind === 'job' && ALONGSIDE_BEFORE.test(before));
  // Working for a team is taking part in its work; working on "the data science team's models" is not.
  const ownedByTeam = kind === 'cv' && VOICE_GATE.test(hints.may, TEAM_POSSESSIVE_AFTER, after) && !LEADS_OR_FOUNDED.test(before);
  if (hints.team && TEAM_AFTER.test(after) && !TEAM_KIND.test(mention) && (!takesPart || ownedByTeam) && !LINKING_END.test(mention)) return { rule: 'team-name', cue: `${mention}${TEAM_AFTER.exec(after)?.[0] ?? ''}`.trim() };
  const listed = hints.team && before.includes('(') ? TEAMS_LISTED_BEFORE.exec(before) : null;
  if (listed && !/\)/.test(before.slice(listed.index))) return { rule: 'team-name', cue: `${listed[0]}${mention}`.trim().slice(0, 80) };
  const partnered = disciplineWorkedWith(mention, before, after);
  if (partnered) return { rule: 'team-name', cue: `${partnered[0]}${mention}`.trim().slice(0, 80) };
  if (kind === 'job') {
    const unit = hints.academicUnit && /^[\p{Lu}]/u.test(mention) ? ACADEMIC_UNIT_BEFORE.exec(before) : null;
    if (unit) return { rule: 'organisation-name', cue: `${unit[0]}${mention}` };
    const made = RELATIVE_WORD.test(before) ? PARTY_THAT_MADE.exec(before) : null;
    if (made && !LEADS_OR_FOUNDED.test(before.slice(0, made.index))) return { rule: 'done-by-others', cue: made[0].trim().slice(0, 80) };
    const named = POSSESSIVE_S.test(before) && !ADDRESSES_CANDIDATE.test(sentence) ? NAMED_THING_OPENS.exec(before) : null;
    if (named && THING_AT_WORK_AFTER.test(after)) return { rule: 'company-voice', cue: `${named[0]}${mention}`.trim().slice(0, 80) };
  }
  if (kind === 'cv') {
    // Most mentions have no possessive before them: the pattern is tried only when one may be there.
    const theirs = APOSTROPHE.test(before) ? OTHERS_THING.exec(before) : null;
    // "with the engineering manager" after "the team's roadmap" is the writer's doing, and "the department's computer vision module" a course.
    if (theirs && !WORKED_ON_THEIRS.test(before.slice(0, theirs.index)) && !WITH_SOMEONE.test(mention) && !THEIR_COURSE_AFTER.test(after)) return { rule: 'done-by-others', cue: theirs[0].trim().slice(0, 80) };
    const people = can(PROFESSION_AFTER) ? PROFESSION_AFTER.exec(after) : null;
    const company = people || !can(COMPANY_AFTER) ? null : COMPANY_AFTER.exec(after);
    const named = people ?? company;
    if (named && !LEADS_OR_FOUNDED.test(before) && !LINKING_END.test(mention)) return { rule: people ? 'plural-profession' : 'organisation-name', cue: `${mention}${named[0]}`.trim() };
  } else {
    // A job ad's people named by their profession ("you will support our computer vision
    // researchers") are the candidate's colleagues, unless they are the people sought or led.
    const people = can(PROFESSION_AFTER) ? PROFESSION_AFTER.exec(after) : null;
    if (people && !LEADS_OR_FOUNDED.test(before) && !SOUGHT_BEFORE.test(before) && !LINKING_END.test(mention)) return { rule: 'plural-profession', cue: `${mention}${people[0]}`.trim() };
  }
  if (hints.doneBy) {
    const clauseAfter = after.split(/[;.]/)[0] ?? '';
    const doneBy = DONE_BY.exec(clauseAfter) ?? CAME_FROM.exec(clauseAfter) ?? BOUGHT_IN.exec(clauseAfter) ?? (PASSIVE_BEFORE.test(before) ? BY_AGENT_AFTER.exec(clauseAfter) : null);
    if (doneBy) return { rule: 'done-by-others', cue: doneBy[0] };
  }
  const other = hints.subject ? nearestCue(OTHER_SUBJECT, before, (gap) => !OTHER_CLAUSE_END.test(gap)) : null;
  const employerSpeaks = other !== null && kind === 'job' && forClient === true && THEY_OPENS.test(other[0]);
  if (other && !employerSpeaks && !(kind === 'cv' && INVOLVED.test(before.slice(0, other.index + 1)))) return { rule: 'other-subject', cue: before.slice(other.index).trim().slice(0, 80) };
  const party = hints.subject ? nearestCue(PARTY_WHO, before, (gap) => !OTHER_CLAUSE_END.test(gap) && !RELATIVE_CLAUSE_CLOSED.test(gap)) : null;
  if (party && !LEADS_OR_FOUNDED.test(before.slice(0, party.index))) return { rule: 'other-subject', cue: before.slice(party.index).trim().slice(0, 80) };
  const people = WHO.test(before) ? nearestCue(PEOPLE_WHO, before, (gap) => !OTHER_CLAUSE_END.test(gap) && !RELATIVE_CLAUSE_CLOSED.test(gap)) : null;
  if (people?.[1] && !WRITER_AMONG.has(people[1].toLowerCase()) && !LEADS_OR_FOUNDED.test(before.slice(0, people.index))) {
    return { rule: 'other-subject', cue: before.slice(people.index).trim().slice(0, 80) };
  }
  const teamsDo = hints.team && TEAM_RELATIVE.test(before) ? nearestCue(TEAMS_THAT_DO, before, (gap) => !OTHER_CLAUSE_END.test(gap) && !RELATIVE_CLAUSE_CLOSED.test(gap)) : null;
  if (teamsDo && !INVOLVED.test(before.slice(0, teamsDo.index)) && !LEADS_OR_FOUNDED.test(before.slice(0, teamsDo.index))) {
    return { rule: 'other-subject', cue: before.slice(teamsDo.index).trim().slice(0, 80) };
  }
  const whose = hints.subject ? nearestCue(WHOSE_THING, before, (gap) => !OTHER_CLAUSE_END.test(gap) && !/,/.test(gap)) : null;
  if (whose) return { rule: 'other-subject', cue: before.slice(whose.index).trim().slice(0, 80) };
  const organisationDoes = hints.relative ? nearestCue(ORGANISATION_DOES, before, (gap) => !ORGANISATION_CLAUSE_END.test(gap)) : null;
  if (organisationDoes && !LEADS_OR_FOUNDED.test(before.slice(0, organisationDoes.index))) return { rule: 'other-subject', cue: before.slice(organisationDoes.index).trim().slice(0, 80) };
  const thing = hints.companyThing ? (nearestCue(COMPANY_THING_SUBJECT, before, (gap) => !OTHER_CLAUSE_END.test(gap)) ?? companyThingBuiltOn(before)) : null;
  if (thing) return { rule: 'company-voice', cue: before.slice(thing.index).trim().slice(0, 80) };
  const offer = hints.companyThing ? OFFER_REACHED_BEFORE.exec(before) : null;
  if (offer && COMPANY_OFFER_AFTER.test(after)) return { rule: 'company-voice', cue: `${offer[0]}${mention}${COMPANY_OFFER_AFTER.exec(after)?.[0] ?? ''}`.trim() };
  const sold = hints.sold ? nearestCue(SOLD, before, (gap) => words(gap) <= 5) : null;
  if (sold) return { rule: 'sold', cue: before.slice(sold.index).trim().slice(0, 80) };
  const around = hints.aroundTheWork && !WITH_SOMEONE.test(mention) ? nearestCue(AROUND_THE_WORK, before, (gap) => words(gap) <= 10 && !/[.;]/.test(gap) && !OWN_DOING.test(gap)) : null;
  if (around) return { rule: 'around-the-work', cue: before.slice(around.index).trim().slice(0, 80) };
  if (hints.otherPosts) {
    const other = nearestCue(OTHER_POSTS, before, (gap) => words(gap) <= OTHER_POSTS_REACH && !/[.;]/.test(gap));
    if (other) return { rule: 'hired-for', cue: before.slice(other.index).trim().slice(0, 80) };
  }
  if (hints.fieldsWelcomed) {
    const welcomed = nearestCue(FIELDS_WELCOMED, before, (gap) => words(gap) <= FIELDS_WELCOMED_REACH && !/[.;]/.test(gap));
    if (welcomed) return { rule: 'company-voice', cue: before.slice(welcomed.index).trim().slice(0, 80) };
  }
  if (hints.hiring) {
    const clauseEnd = after.search(/[.;]/);
    const clauseAfter = clauseEnd < 0 ? after : after.slice(0, clauseEnd);
    const hired = nearestCue(HIRING, before, (gap) => words(gap) <= 12 && !/[.;]/.test(gap) && !OWN_DOING.test(gap));
    if (hired && PEOPLE_OR_POSTS.test(`${before.slice(hired.index)}${mention}${clauseAfter}`)) return { rule: 'hired-for', cue: before.slice(hired.index).trim().slice(0, 80) };
  }
  // A CV's list introduced as the roles the writer recruits for ("Roles I hire for"): its items
  // name other people's skills, each item as much as a sentence that says so.
  if (kind === 'cv' && hiringLeadIn) return { rule: 'hired-for', cue: hiringLeadIn.slice(0, 80) };
  if (kind === 'job' && teamOrCreedLeadIn) return { rule: 'done-by-others', cue: teamOrCreedLeadIn.slice(0, 80) };
  const culture = kind === 'job' && CULTURE.test(before) ? OUR_CULTURE_BEFORE.exec(before) : null;
  if (culture) return { rule: 'company-voice', cue: culture[0].trim().slice(0, 80) };
  const creed = hints.values ? VALUES_LIST_BEFORE.exec(before) : null;
  if (creed) return { rule: 'company-voice', cue: creed[0].trim().slice(0, 80) };
  // What was attended is the verb's object: a clause of the writer's own after it ("watched users,
  // and iterated", "shadowed the nurses, then built…") is work done.
  const heard = hints.attended ? nearestCue(ATTENDED, before, (gap) => words(gap) <= 8 && !CLAUSE_OF_OWN.test(gap)) : null;
  const attended = (heard && !(AUDITED.test(heard[0]) && !TAUGHT_THING.test(sentence)) ? heard : null) ?? (hints.attended ? ATTENDED_AFTER.exec(after) : null);
  if (attended) return { rule: 'attended', cue: (attended.input === before ? before.slice(attended.index) : attended[0]).trim().slice(0, 80) };
  if (hints.degree) {
    const degree = nearestCue(DEGREE_BEFORE, before, (gap) => gap.length <= 120 && !/[.;:]/.test(gap.replace(/\b(?:e\.g|i\.e)\./gi, '')));
    if (degree && inFieldList(`${degree[0]}${before.slice(degree.index + degree[0].length)}`) && (LIST_AROUND.test(after.slice(0, 8)) || LIST_AROUND.test(before.slice(-6)) || EXAMPLE_RIGHT_BEFORE.test(before) || FIELD_WORD_AFTER.test(after))) return { rule: 'degree-field', cue: before.slice(degree.index).trim().slice(0, 80) };
    // A term that holds the degree itself ("a PhD in physics, applied mathematics or a related field").
    if (DEGREE_AT_START.test(mention) && fieldsFollow(after)) return { rule: 'degree-field', cue: mention };
    // A degree's name, its field written right after the letters: "our MSc Data Science programme", "a BSc Physics".
    const named = /^[\p{Lu}]/u.test(mention) ? DEGREE_LETTERS_BEFORE.exec(before) : null;
    if (named) return { rule: 'degree-field', cue: `${named[0].trim()} ${mention}` };
  }
  // Anywhere in a job ad, a sentence that says nothing to the candidate and names the company's own
  // thing ("we doubled our revenue", "our priorities change weekly", "our first prototype") speaks of
  // the company's state, not of what the post asks. A list item is a duty or a requirement even
  // without "you" ("- Build the bridge between our C++ engine and the training stack"), and so is
  // an order under a heading of duties or requirements, its bullet lost or never typed.
  if (hints.company && !LIST_ITEM_START.test(sentence) && !(DUTY_SECTIONS.has(section ?? 'unknown') && DUTY_OPENING.test(sentence)) && OUR_RIGHT_BEFORE.test(before)) return { rule: 'company-voice', cue: OUR_RIGHT_BEFORE.exec(before)?.[0].trim() ?? '' };
  const used = hints.company ? nearestCue(WE_USE, before, (gap) => !OTHER_CLAUSE_END.test(gap)) : null;
  if (used) return { rule: 'company-voice', cue: before.slice(used.index).trim().slice(0, 80) };
  const opened = hints.company && !LIST_ITEM_START.test(sentence) ? OUR_SUBJECT_OPENS.exec(sentence) : null;
  // The mention comes after the subject; it may be the verb itself ("We prototype every feature").
  if (opened && (opened[1]?.length ?? 0) < start) return { rule: 'company-voice', cue: opened[0].trim().slice(0, 80) };
  // Before its first heading, a job ad usually introduces the company: there a sentence in the
  // company's voice, or one that opens with its name saying what it does, that says nothing to the
  // candidate describes the company, not the post.
  // Under a heading about the role, a prose sentence in the company's voice that says nothing to the
  // candidate ("At Tallow, we bring NLP and vision models to lending") sets the scene the same way;
  // the role's own duties there are list items or orders, or speak to the candidate.
  const sceneSetting = section === 'about-role' && !LIST_ITEM_START.test(sentence) && !DUTY_OPENING.test(sentence);
  if ((hints.company || hints.companyNamed) && ((inIntro && (section === null || section === 'unknown')) || sceneSetting)) return { rule: 'company-voice', cue: (COMPANY_VOICE.exec(sentence) ?? NAMED_SUBJECT.exec(sentence))?.[0].trim().slice(0, 80) ?? '' };
  return null;
}

/** A title's "of" right before the mention ("the Head of …"), where HEAD_OF_BEFORE is looked for. */
const OF_AT_END = /\bof\s+$/i;

/**
 * The patterns voiceHints reads on a sentence, and (as windows) those secondHand reads on every
 * mention's words before and after it, gated together on the sentence as written (LiteralGate).
 * Defined last: every pattern is by then.
 */
export const VOICE_GATE = new LiteralGate([
  ...Object.values(HINT),
  PEOPLE_OR_POSTS,
  COMPANY_VOICE,
  ADDRESSES_CANDIDATE,
  NAMED_SUBJECT,
  EMPLOYMENT_TERMS,
  CREED_WORD,
  COMPANY_DESCRIBED,
  NOT_A_NAME,
  ASKS_OF_CANDIDATE,
], [
  OF_AT_END,
  INVOLVED,
  TEAM_POSSESSIVE_AFTER,
  PROFESSION_AFTER,
  COMPANY_AFTER,
]);
