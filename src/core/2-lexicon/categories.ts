/** The role category whose skills are ways of working (time, business, ideas, people), not techniques. */
export const SOFT_SKILLS = 'soft-skills';
