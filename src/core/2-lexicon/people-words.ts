/**
 * Words that name people or a group, for terms whose context is "who with" (`@people`): groups
 * (team, department, colleagues, stakeholders…) and plural nouns of people by their ending (linguists,
 * physicians, specialists), less the words with those endings that name things (agents, variants,
 * events). Endings in -ers and -ors are left out: they name things as often
 * (servers, containers, vectors). Clients, customers and users are whom the work serves, not roles
 * or teams it is done with, so they are left out too.
 */
const GROUP_WORDS = new Set(['team', 'teams', 'group', 'groups', 'department', 'departments', 'squad', 'squads', 'colleagues', 'partners', 'stakeholders', 'staff', 'crew', 'crews', 'community', 'faculty', 'peers', 'members', 'experts', 'specialists', 'committee', 'committees', 'council', 'executives', 'directors', 'consortium', 'consortia', 'teammates', 'coworkers', 'co-workers', 'leadership']);
/** Plural nouns with those endings that name things, not people (software agents, test variants, events). */
const NOT_PEOPLE = new Set(['agents', 'assistants', 'variants', 'invariants', 'constants', 'tenants', 'events', 'contents', 'intents', 'patents', 'currents', 'descendants', 'quadrants', 'accents', 'extents', 'tangents', 'solvents', 'reagents', 'precedents', 'incidents', 'accidents', 'talents', 'restaurants', 'plants', 'grants', 'implants', 'pendants', 'percents', 'fragments', 'pollutants', 'contaminants', 'determinants', 'constituents', 'antecedents', 'exponents', 'indents', 'rodents']);
/**
 * Roles whose nouns end in -er, -or or -ive, named one by one since those endings name things as
 * often (servers, vectors, drives): the people a CV works with or an ad's post works beside. "Leads"
 * are people in "tech leads" and "product leads" (a salesman's leads are rarely worked with).
 */
const ROLE_NOUNS = new Set(['engineers', 'developers', 'designers', 'researchers', 'managers', 'leaders', 'leads', 'owners', 'founders', 'officers', 'supervisors', 'directors', 'advisors', 'advisers', 'auditors', 'inspectors', 'surveyors', 'controllers', 'coordinators', 'administrators', 'operators', 'planners', 'buyers', 'traders', 'underwriters', 'brokers', 'lawyers', 'teachers', 'doctors', 'nurses', 'marketers', 'recruiters', 'executives', 'editors', 'writers', 'reporters', 'photographers', 'farmers', 'growers', 'drivers', 'dispatchers', 'producers', 'curators', 'moderators', 'reviewers', 'labellers', 'labelers', 'annotators', 'translators', 'interpreters', 'volunteers', 'caseworkers', 'caregivers', 'carers', 'pharmacists', 'investigators', 'counsellors', 'counselors', 'regulators', 'collaborators', 'contributors', 'maintainers', 'merchandisers', 'salespeople', 'sellers']);
/** The endings of plural nouns of people ("linguists", "physicians", "consultants", "residents"), and those of things among them ("instruments", "ingredients", "components"). */
const PEOPLE_ENDING = /(?:ists|ians|ants|ents)$/;
const THINGS_ENDING = /(?:ments|ients|nents)$/;
export function isPeopleWord(word: string): boolean {
  return GROUP_WORDS.has(word) || ROLE_NOUNS.has(word) || (word.length >= 6 && PEOPLE_ENDING.test(word) && !THINGS_ENDING.test(word) && !NOT_PEOPLE.has(word));
}
