import { problemText } from './api';
import type { Evidence } from '../core/4-analyze/schema';
import type { Match, MatchResult, RequirementMatch, RequirementStatus, TermMatch } from '../core/5-match/schema';
import { categoryChart } from './chart';
import { REQUIRED_FACTOR, ROLE_SHARE } from '../core/5-match/match';
import { h, percent } from './dom';
import { statusBadge } from './status';


/** A term of the ad in the CV, with the symbol and the word (shown like a met requirement, a relative like a partial one). */
const TERM_TEXT: Readonly<Record<TermMatch['status'], { text: string; look: RequirementStatus }>> = {
  shown: { text: '✓ shown', look: 'met' },
  related: { text: '≈ related', look: 'partial' },
  missing: { text: '✗ missing', look: 'missing' },
};

/** The ad's terms, each shown in the CV, covered by a related tool, or missing. */
function termList(terms: TermMatch[]): HTMLElement {
  return h(
    'ul',
    { class: 'terms' },
    ...terms.map((t) =>
      h(
        'li',
        { 'data-term': t.term, 'data-status': t.status },
        h('span', { class: `badge status-${TERM_TEXT[t.status].look}` }, TERM_TEXT[t.status].text),
        ' ',
        h('strong', {}, t.label),
        ` (${t.requirement})`,
        t.related ? `: the CV shows ${t.related.label}, from the same family (${t.related.family})` : '',
      ),
    ),
  );
}

/** The text with the given evidence spans marked; overlapping spans keep the first. */
export function highlighted(text: string, evidence: Evidence[]): { fragment: DocumentFragment; marks: HTMLElement[] } {
  const fragment = document.createDocumentFragment();
  const marks: HTMLElement[] = [];
  let at = 0;
  for (const e of [...evidence].sort((a, b) => a.start - b.start)) {
    if (e.start < at || e.end > text.length || e.end <= e.start) continue;
    fragment.append(text.slice(at, e.start));
    const title = (e.cue ? `${e.modality}: ${e.cue}` : e.modality) + (e.ocrConfidence !== undefined ? ` (${ocrNote(e.ocrConfidence)})` : '');
    const mark = h('mark', { class: `ev modality-${e.modality}${lowOcr(e) ? ' ocr-low' : ''}`, title }, text.slice(e.start, e.end));
    marks.push(mark);
    fragment.append(mark);
    at = e.end;
  }
  fragment.append(text.slice(at));
  return { fragment, marks };
}

/** Below this OCR confidence a mention may be misread (the service's own threshold for a low-quality scan). */
const LOW_OCR = 70;
const lowOcr = (e: Evidence): boolean => e.ocrConfidence !== undefined && e.ocrConfidence < LOW_OCR;
const ocrNote = (confidence: number): string => `read by OCR, confidence ${Math.round(confidence)}%${confidence < LOW_OCR ? ': check the scan' : ''}`;

/** One sentence with the mention marked: the evidence as a quote. */
function quote(e: Evidence, where: string): HTMLElement {
  const at = e.sentence.indexOf(e.text);
  const sentence =
    at < 0
      ? [e.sentence]
      : [e.sentence.slice(0, at), h('mark', { class: `ev modality-${e.modality}` }, e.text), e.sentence.slice(at + e.text.length)];
  const note = e.modality === 'normal' || e.modality === 'strong' ? '' : ` (${e.modality}${e.cue ? `: “${e.cue}”` : ''})`;
  const ocr = e.ocrConfidence === undefined ? [] : [' ', h('span', { class: `ocr-note${lowOcr(e) ? ' ocr-low' : ''}` }, `(${ocrNote(e.ocrConfidence)})`)];
  return h('li', {}, h('span', { class: 'where' }, where), h('q', {}, ...sentence), note, ...ocr);
}

function whyPanel(req: RequirementMatch): HTMLElement {
  const years = req.yearsRequired !== undefined ? `, ${req.yearsRequired}+ years` : '';
  return h(
    'div',
    { class: 'why' },
    h('h4', {}, req.label, ' ', statusBadge(req.status)),
    h('p', {}, `The job ad asks for it (${req.requirement}${years}). ${req.reason}`),
    h('ul', { class: 'quotes' }, ...req.jobEvidence.slice(0, 2).map((e) => quote(e, 'Job ad')), ...req.cvEvidence.slice(0, 3).map((e) => quote(e, 'CV'))),
  );
}

/**
 * One CV against the job ad: score, role coverage, a chart per category, every requirement with
 * its status, the evidence highlighted in the CV text (click a requirement), gaps and warnings.
 */
export function explanation(match: Match, result: MatchResult): HTMLElement {
  if (result.error) {
    return h('div', { class: 'explanation' }, h('p', { class: 'error' }, problemText(result.error)));
  }
  const met = result.requirements.filter((r) => r.status === 'met').length;
  const docPane = h('pre', { class: 'doc', tabindex: 0, 'aria-label': `Text of ${result.filename}` });
  const why = h('div', { class: 'why-box', 'aria-live': 'polite' });
  const buttons: HTMLButtonElement[] = [];

  const select = (req: RequirementMatch, button: HTMLButtonElement): void => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
    why.replaceChildren(whyPanel(req));
    if (result.text === undefined) {
      docPane.hidden = true;
      return;
    }
    const { fragment, marks } = highlighted(result.text, req.cvEvidence);
    docPane.replaceChildren(fragment);
    const first = marks[0];
    if (first) {
      first.classList.add('current');
      // Scroll the text pane only, not the page (the pane is the marks' offset parent); after layout.
      requestAnimationFrame(() => {
        docPane.scrollTop = Math.max(0, first.offsetTop - docPane.clientHeight / 3);
      });
    }
  };

  const items = result.requirements.map((req) => {
    const button = h(
      'button',
      { type: 'button', class: 'req', 'aria-pressed': 'false', 'data-skill': req.skill, 'data-status': req.status },
      statusBadge(req.status),
      h('span', { class: 'req-label' }, req.label),
      h('span', { class: 'req-kind' }, req.requirement),
    );
    button.addEventListener('click', () => select(req, button));
    buttons.push(button);
    return h('li', {}, button);
  });

  const gaps = [
    ...result.gaps.map((g) => h('li', {}, statusBadge(g.status), ' ', h('strong', {}, g.label), ` (${g.requirement}): `, g.advice)),
    ...result.termGaps.map((g) => h('li', { 'data-term': g.term }, h('span', { class: `badge status-${TERM_TEXT[g.status].look}` }, TERM_TEXT[g.status].text), ' ', g.advice)),
  ];
  const terms = [...result.requirements.flatMap((q) => q.terms), ...result.otherTerms];
  const termGroups = (
    [
      ['shown', 'Shown in the CV'],
      ['related', 'Covered by a related tool'],
      ['missing', 'Missing'],
    ] as const
  )
    .map(([status, title]) => ({ status, title, list: terms.filter((t) => t.status === status) }))
    .filter((g) => g.list.length > 0)
    .map((g) => h('div', { class: 'term-group', 'data-group': g.status }, h('h4', {}, `${g.title} (${g.list.length})`), termList(g.list)));
  const extras = result.extras.map((x) => x.label).join(', ');
  // A swapped document (a job ad sent as the CV, or a CV as the job ad) is said first, plainly.
  const swapped = [...match.job.warnings, ...result.warnings].filter((w) => w.code === 'kind-mismatch');
  const root = h(
    'div',
    { class: 'explanation' },
    ...swapped.map((w) => h('p', { class: 'notice', role: 'alert' }, w.message)),
    h(
      'div',
      { class: 'summary' },
      h('p', { class: 'score' }, h('span', { class: 'score-value', 'data-score': String(result.score ?? '') }, percent(result.score ?? 0)), ' match with this job ad'),
      h('p', { class: 'facts' }, `Requirements met: ${met} of ${result.requirements.length} · Role coverage: ${percent(result.roleCoverage ?? 0)} · Job ad: ${match.job.filename ?? 'pasted text'}`),
      h('p', { class: 'score-note' }, `The match score is ${percent(1 - ROLE_SHARE)} the job ad's requirements (each weighted by the role model, required ones ×${REQUIRED_FACTOR}, partly met ones counting half) and ${percent(ROLE_SHARE)} the CV's coverage of the whole role; the chart shows that role coverage, not the match.`),
      categoryChart(result.categories, `Role coverage of ${result.filename} per category`),
    ),
    result.requirements.length === 0 ? h('p', {}, 'The job ad names none of the role’s skills, so the score is the CV’s coverage of the role.') : null,
    h(
      'div',
      { class: 'columns' },
      h('div', {}, h('h3', {}, 'Requirements'), h('ul', { class: 'requirements' }, ...items)),
      h('div', { class: 'evidence-pane' }, h('h3', {}, 'Evidence'), why, docPane),
    ),
    terms.length ? h('div', { class: 'ad-terms' }, h('h3', {}, 'The terms the job ad names'), ...termGroups) : null,
    gaps.length ? h('div', {}, h('h3', {}, 'Gaps, and what would show the skill'), h('ul', { class: 'gaps' }, ...gaps)) : null,
    extras ? h('p', { class: 'extras' }, h('strong', {}, 'Also in the CV: '), extras) : null,
    result.warnings.length ? h('div', {}, h('h3', {}, 'Warnings'), h('ul', { class: 'warnings' }, ...result.warnings.map((w) => h('li', {}, w.message)))) : null,
  );
  // Open on the first requirement that has evidence in the CV, else the first one.
  const start = result.requirements.findIndex((r) => r.cvEvidence.length > 0);
  const index = start >= 0 ? start : 0;
  const firstReq = result.requirements[index];
  const firstButton = buttons[index];
  if (firstReq && firstButton) select(firstReq, firstButton);
  else docPane.replaceChildren(result.text ?? '');
  return root;
}
