/**
 * Words that name people or a group, for terms whose context is "who with" (`@people`): groups
 * (team, department, colleagues, stakeholders…) and plural nouns of people by their ending (linguists,
 * physicians, specialists), less the words with those endings that name things (agents, variants,
 * events). Endings in -ers and -ors are left out: they name things as often
 * (servers, containers, vectors). Clients, customers and users are whom the work serves, not roles
 * or teams it is done with, so they are left out too.
 */
const GROUP_WORDS = new Set(['team', 'teams', 'group', 'groups', 'department', 'departments', 'squad', 'squads', 'colleagues', 'partners', 'stakeholders', 'staff', 'crew', 'crews', 'community', 'faculty', 'peers', 'members', 'experts', 'specialists', 'committee', 'committees', 'council', 'executives', 'directors']);
/** Plural nouns with those endings that name things, not people (software agents, test variants, events). */
const NOT_PEOPLE = new Set(['agents', 'assistants', 'variants', 'invariants', 'constants', 'tenants', 'events', 'contents', 'intents', 'patents', 'currents', 'descendants', 'quadrants', 'accents', 'extents', 'tangents', 'solvents', 'reagents', 'precedents', 'incidents', 'accidents', 'talents', 'restaurants', 'plants', 'grants', 'implants', 'pendants', 'percents', 'fragments', 'pollutants', 'contaminants', 'determinants', 'constituents', 'antecedents', 'exponents', 'indents', 'rodents']);
export function isPeopleWord(word: string): boolean {
  return GROUP_WORDS.has(word) || (word.length >= 6 && /(?:ists|ians|ants|ents)$/.test(word) && !/(?:ments|ients|nents)$/.test(word) && !NOT_PEOPLE.has(word));
}
