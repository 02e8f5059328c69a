import { matchToCsv } from '../core/5-match/match';
import type { Match, MatchResult } from '../core/5-match/schema';
import { h, percent } from './dom';
import { explanation } from './explain';
import { adTermsOf, comparison, passesFilter, skillMatrix, type RequirementFilter } from './matrix';

/** How many CVs the comparison shows side by side. */
const MAX_COMPARED = 3;

type SortKey = 'rank' | 'filename' | 'score' | 'met' | 'warnings';
const COLUMNS: Array<{ key: SortKey | null; label: string }> = [
  { key: 'rank', label: 'Rank' },
  { key: 'filename', label: 'File' },
  { key: 'score', label: 'Score' },
  { key: 'met', label: 'Requirements met' },
  { key: null, label: 'Top gaps' },
  { key: 'warnings', label: 'Warnings' },
];

const metCount = (r: MatchResult): number => r.requirements.filter((q) => q.status === 'met').length;
const warningCount = (r: MatchResult): number => r.warnings.length + (r.error ? 1 : 0);

function sortValue(r: MatchResult, key: SortKey): number | string {
  switch (key) {
    case 'rank':
      return r.rank ?? Number.MAX_SAFE_INTEGER;
    case 'filename':
      return r.filename;
    case 'score':
      return r.score ?? -1;
    case 'met':
      return metCount(r);
    case 'warnings':
      return warningCount(r);
  }
}

function compare(a: MatchResult, b: MatchResult, key: SortKey, ascending: boolean): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  // Ties keep the ranking's order.
  return (ascending ? order : -order) || (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
}

/** Offers text as a file download, made in the page (nothing is sent again). */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The ranked table and the skills matrix: sorts by any column, filters by text, minimum score, a
 * requirement's status and a term of the ad, opens each row's explanation, compares two or three
 * CVs side by side, and prints as a report.
 */
export function rankingTable(match: Match): HTMLElement {
  let sortKey: SortKey = 'rank';
  let ascending = true;
  const open = new Set<MatchResult>();
  const picked = new Set<string>();
  const requirementFilter = h(
    'select',
    { id: 'filter-requirement' },
    h('option', { value: '' }, 'any requirement'),
    ...match.job.requirements.map((q) => h('option', { value: q.skill }, `${q.label} (${q.requirement})`)),
  );
  const statusFilter = h(
    'select',
    { id: 'filter-status' },
    ...(['met', 'partial', 'missing', 'any'] as const).map((v) => h('option', { value: v }, v === 'any' ? 'any status' : v)),
  );
  const termFilter = h(
    'select',
    { id: 'filter-term' },
    h('option', { value: '' }, 'any term'),
    ...adTermsOf(match).map((t) => h('option', { value: t.term }, `shows ${t.label}`)),
  );
  const requirementFilterValue = (): RequirementFilter => ({
    skill: requirementFilter.value,
    status: statusFilter.value as RequirementFilter['status'],
    term: termFilter.value,
  });
  const matrixBox = h('div', { class: 'matrix-box' });
  const compareBox = h('div', { class: 'compare-box' });
  const filter = h('input', { type: 'search', id: 'ranking-filter', placeholder: 'file name, or a skill the CV shows' });
  const minScore = h(
    'select',
    { id: 'ranking-min-score' },
    ...[0, 0.25, 0.5, 0.75].map((v) => h('option', { value: String(v) }, v === 0 ? 'any' : `${percent(v)} or more`)),
  );
  const count = h('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
  const table = h('table', { class: 'ranking' });

  const visible = (r: MatchResult): boolean => {
    const q = filter.value.trim().toLowerCase();
    // A skill filter keeps the CVs that show the skill (a requirement met, or a skill beyond the
    // ad's), by its name or its id: "nlp" and "Natural language processing" alike.
    const shown = [...r.requirements.filter((x) => x.status === 'met'), ...r.extras].flatMap((x) => [x.label, x.skill]);
    const words = [r.filename, ...shown].join(' ').toLowerCase();
    return (
      (!q || words.includes(q)) &&
      (r.score ?? 0) >= Number(minScore.value) - 1e-9 &&
      (r.score !== null || Number(minScore.value) === 0) &&
      passesFilter(r, requirementFilterValue())
    );
  };

  const render = (): void => {
    const head = h(
      'tr',
      {},
      ...COLUMNS.map((c) => {
        if (!c.key) return h('th', { scope: 'col' }, c.label);
        const key = c.key;
        const active = key === sortKey;
        const button = h('button', { type: 'button', class: 'sort', 'data-sort': key }, c.label, active ? (ascending ? ' ▲' : ' ▼') : '');
        button.addEventListener('click', () => {
          ascending = key === sortKey ? !ascending : key === 'filename' || key === 'rank';
          sortKey = key;
          render();
        });
        return h('th', { scope: 'col', 'aria-sort': active ? (ascending ? 'ascending' : 'descending') : 'none' }, button);
      }),
    );
    const rows = match.results.filter(visible).sort((a, b) => compare(a, b, sortKey, ascending));
    const body = h('tbody', {});
    for (const r of rows) {
      const toggle = h('button', { type: 'button', class: 'open', 'aria-expanded': String(open.has(r)) }, r.filename);
      toggle.addEventListener('click', () => {
        if (open.has(r)) open.delete(r);
        else open.add(r);
        render();
      });
      const gaps = r.gaps.slice(0, 3).map((g) => g.label).join(', ');
      const warnings = r.error ? `${r.error.title}` : r.warnings.map((w) => w.message).join(' ');
      body.append(
        h(
          'tr',
          { class: r.error ? 'failed' : '', 'data-file': r.filename },
          h('td', { class: 'num' }, r.rank === null ? '–' : String(r.rank)),
          h('th', { scope: 'row' }, toggle),
          h('td', { class: 'num' }, r.score === null ? '–' : percent(r.score)),
          h('td', { class: 'num' }, r.error ? '–' : `${metCount(r)} of ${r.requirements.length}`),
          h('td', {}, gaps),
          h('td', { class: 'warn' }, warnings),
        ),
      );
      if (open.has(r)) body.append(h('tr', { class: 'details' }, h('td', { colspan: COLUMNS.length }, explanation(match, r))));
    }
    count.textContent = `${rows.length} of ${match.results.length} CVs shown`;
    table.replaceChildren(h('caption', {}, `Ranking against ${match.job.filename ?? 'the pasted job ad'}`), h('thead', {}, head), body);
    const ranked = match.results.filter(visible);
    matrixBox.replaceChildren(
      skillMatrix(match, ranked, picked, MAX_COMPARED, (file, on) => {
        if (on) picked.add(file);
        else picked.delete(file);
        render();
      }),
    );
    const chosen = match.results.filter((r) => picked.has(r.filename));
    compareBox.replaceChildren(
      chosen.length >= 2 ? comparison(match, chosen) : h('p', { class: 'hint' }, `Tick two or three CVs in the matrix to compare them side by side (${chosen.length} ticked).`),
    );
  };

  filter.addEventListener('input', render);
  minScore.addEventListener('change', render);
  for (const select of [requirementFilter, statusFilter, termFilter]) select.addEventListener('change', render);
  const print = h('button', { type: 'button', id: 'print-report' }, 'Print report');
  print.addEventListener('click', () => window.print());
  const csv = h('button', { type: 'button', id: 'download-csv' }, 'Download CSV');
  csv.addEventListener('click', () => download('ranking.csv', matchToCsv(match), 'text/csv'));
  render();
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'ranking-filter' }, 'Filter'),
      filter,
      h('label', { for: 'ranking-min-score' }, 'Score'),
      minScore,
      h('label', { for: 'filter-requirement' }, 'Requirement'),
      requirementFilter,
      h('label', { for: 'filter-status', class: 'visually-hidden' }, 'Status'),
      statusFilter,
      h('label', { for: 'filter-term', class: 'visually-hidden' }, 'Term'),
      termFilter,
      count,
      csv,
      print,
    ),
    table,
    matrixBox,
    compareBox,
  );
}
