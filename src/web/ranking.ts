import { matchToCsv } from '../core/5-match/match';
import type { Match, MatchResult } from '../core/5-match/schema';
import { h, percent } from './dom';
import { explanation } from './explain';

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

/** The ranked table: sorts by any column, filters by text and minimum score, opens each row's explanation. */
export function rankingTable(match: Match): HTMLElement {
  let sortKey: SortKey = 'rank';
  let ascending = true;
  const open = new Set<MatchResult>();
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
    return (!q || words.includes(q)) && (r.score ?? 0) >= Number(minScore.value) - 1e-9 && (r.score !== null || Number(minScore.value) === 0);
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
  };

  filter.addEventListener('input', render);
  minScore.addEventListener('change', render);
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
      count,
      csv,
    ),
    table,
  );
}
