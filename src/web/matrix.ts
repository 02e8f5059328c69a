import type { JobRequirement, Match, MatchResult, RequirementStatus, TermMatch } from '../core/5-match/schema';
import { h, percent } from './dom';
import { STATUS_TEXT, statusBadge } from './status';

/** What the recruiter narrows the CVs to: a requirement in a given status, and a term of the ad the CV shows. */
export interface RequirementFilter {
  skill: string;
  /** `met`, `partial`, `missing` (missing or negated), or `any`. */
  status: 'met' | 'partial' | 'missing' | 'any';
  /** A term of the ad the CV must show (`shown`), or '' for any. */
  term: string;
}

const statusOf = (r: MatchResult, skill: string): RequirementStatus | undefined => r.requirements.find((q) => q.skill === skill)?.status;
const termsOf = (r: MatchResult): TermMatch[] => [...r.requirements.flatMap((q) => q.terms), ...r.otherTerms];

/** Does the CV pass the requirement and term filters? A CV that could not be read passes only when no filter is set. */
export function passesFilter(r: MatchResult, filter: RequirementFilter): boolean {
  if (filter.skill && filter.status !== 'any') {
    const status = statusOf(r, filter.skill);
    if (status === undefined) return false;
    if (filter.status === 'missing' ? status !== 'missing' && status !== 'negated' : status !== filter.status) return false;
  }
  if (filter.term && !termsOf(r).some((t) => t.term === filter.term && t.status === 'shown')) return false;
  return true;
}

/** The ad's terms, once each, in the order the ad's requirements list them. */
export function adTermsOf(match: Match): Array<{ term: string; label: string }> {
  const seen = new Map<string, string>();
  for (const t of [...match.job.requirements.flatMap((r) => r.terms), ...match.job.otherTerms]) if (!seen.has(t.term)) seen.set(t.term, t.label);
  return [...seen].map(([term, label]) => ({ term, label }));
}

function requirementHeader(req: JobRequirement): HTMLElement {
  return h(
    'th',
    { scope: 'col', 'data-skill': req.skill, 'data-requirement': req.requirement },
    req.label,
    h('span', { class: `req-kind kind-${req.requirement}` }, req.requirement === 'required' ? 'required' : 'preferred'),
  );
}

function statusCell(r: MatchResult, req: JobRequirement): HTMLElement {
  if (r.error) return h('td', { class: 'cell', 'data-skill': req.skill }, '–');
  const status = statusOf(r, req.skill) ?? 'missing';
  return h('td', { class: `cell status-${status}`, 'data-skill': req.skill, 'data-status': status }, STATUS_TEXT[status]);
}

/**
 * The skills matrix: a row per CV (in the order given), a column per requirement of the ad, each
 * cell the status with its symbol and word. A checkbox per row picks up to `maxPicked` CVs to compare.
 */
export function skillMatrix(match: Match, rows: MatchResult[], picked: ReadonlySet<string>, maxPicked: number, onPick: (file: string, on: boolean) => void): HTMLElement {
  const reqs = match.job.requirements;
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Compare'), h('th', { scope: 'col' }, 'CV'), h('th', { scope: 'col', class: 'num' }, 'Score'), ...reqs.map(requirementHeader));
  const body = h(
    'tbody',
    {},
    ...rows.map((r) => {
      const on = picked.has(r.filename);
      const box = h('input', {
        type: 'checkbox',
        class: 'compare-pick',
        'data-file': r.filename,
        'aria-label': `Compare ${r.filename}`,
        checked: on,
        disabled: Boolean(r.error) || (!on && picked.size >= maxPicked),
      });
      box.addEventListener('change', () => onPick(r.filename, box.checked));
      return h(
        'tr',
        { 'data-file': r.filename, class: r.error ? 'failed' : '' },
        h('td', {}, box),
        h('th', { scope: 'row' }, r.filename),
        h('td', { class: 'num' }, r.score === null ? '–' : percent(r.score)),
        ...reqs.map((req) => statusCell(r, req)),
      );
    }),
  );
  return h(
    'table',
    { class: 'matrix' },
    h('caption', {}, 'Skills matrix: each CV against each requirement of the ad'),
    h('thead', {}, head),
    body,
  );
}

function termSummary(r: MatchResult, status: TermMatch['status']): string {
  const terms = termsOf(r).filter((t) => t.status === status);
  if (terms.length === 0) return '–';
  return terms.map((t) => (t.related ? `${t.label} (via ${t.related.label})` : t.label)).join(', ');
}

/** Two or three CVs side by side: score, role coverage, every requirement, the ad's terms and the gaps. */
export function comparison(match: Match, picked: MatchResult[]): HTMLElement {
  const row = (label: string, cell: (r: MatchResult) => Node | string, attrs: Record<string, string> = {}): HTMLElement =>
    h('tr', attrs, h('th', { scope: 'row' }, label), ...picked.map((r) => h('td', {}, cell(r))));
  return h(
    'section',
    { id: 'compare', 'aria-label': 'Comparison' },
    h('h3', {}, `Comparing ${picked.length} CVs`),
    h(
      'table',
      { class: 'compare' },
      h('thead', {}, h('tr', {}, h('td', {}), ...picked.map((r) => h('th', { scope: 'col', 'data-file': r.filename }, r.filename)))),
      h(
        'tbody',
        {},
        row('Rank', (r) => (r.rank === null ? '–' : String(r.rank))),
        row('Match score', (r) => (r.score === null ? '–' : percent(r.score))),
        row('Role coverage', (r) => (r.roleCoverage === null ? '–' : percent(r.roleCoverage))),
        ...match.job.requirements.map((req) =>
          row(
            `${req.label} (${req.requirement})`,
            (r) => {
              return statusBadge(statusOf(r, req.skill) ?? 'missing');
            },
            { 'data-skill': req.skill },
          ),
        ),
        row('Terms shown', (r) => termSummary(r, 'shown')),
        row('Terms by a related tool', (r) => termSummary(r, 'related')),
        row('Terms missing', (r) => termSummary(r, 'missing')),
        row('Gaps', (r) => (r.gaps.length ? r.gaps.map((g) => g.label).join(', ') : '–')),
      ),
    ),
  );
}
