import { failedResult, mergeMatches, rankResults } from '../core/5-match/match';
import type { Match, MatchResult } from '../core/5-match/schema';
import { ApiProblem, checkJobAd, postMatch, problemText, type DocumentInput } from './api';
import { byId, h } from './dom';
import { readDocumentInput, showError } from './inputs';
import { rankingTable } from './ranking';

/** CVs per request: small parts give real progress; the ranking is the same as in one request. */
const PART_SIZE = 5;

/** The recruiter view: one job ad, many CVs, a ranked table. */
export function setUpRecruiterView(onLexiconVersion: (version: string) => void): void {
  const form = byId<HTMLFormElement>('recruiter-form');
  const input = byId<HTMLInputElement>('recruiter-cv-files');
  const list = byId<HTMLUListElement>('recruiter-file-list');
  const progress = byId<HTMLProgressElement>('recruiter-progress');
  const status = byId('recruiter-status');
  const out = byId('recruiter-result');
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
  let chosen: File[] = [];

  const renderList = (): void => {
    list.replaceChildren(
      ...chosen.map((file, i) => {
        const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${file.name}` }, 'remove');
        remove.addEventListener('click', () => {
          chosen = chosen.filter((_, j) => j !== i);
          renderList();
        });
        return h('li', {}, file.name, ' ', remove);
      }),
    );
  };
  // Each choice or drop adds to the list (the same file twice is kept once).
  input.addEventListener('change', () => {
    const seen = new Set(chosen.map((f) => `${f.name}:${f.size}:${f.lastModified}`));
    chosen = [...chosen, ...[...(input.files ?? [])].filter((f) => !seen.has(`${f.name}:${f.size}:${f.lastModified}`))];
    input.value = '';
    renderList();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('recruiter-error', null);
    const job = readDocumentInput('recruiter-job-file', 'recruiter-job-text');
    if (!job || chosen.length === 0) {
      showError('recruiter-error', !job ? 'Add the job ad: choose a file or paste the text.' : 'Add at least one CV.');
      return;
    }
    const cvs = [...chosen];
    if (submit) submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    progress.hidden = false;
    progress.max = cvs.length;
    progress.value = 0;
    status.textContent = 'Reading the job ad…';
    try {
      await checkJobAd(job).catch((error: unknown) => {
        throw error instanceof ApiProblem ? new ApiProblem(error.status, error.code, `The job ad could not be read: ${error.title}`, error.detail, error.fix) : error;
      });
      const parts: Match[] = [];
      const failed: MatchResult[] = [];
      for (let at = 0; at < cvs.length; at += PART_SIZE) {
        const part = cvs.slice(at, at + PART_SIZE);
        status.textContent = `Analysing CVs: ${at} of ${cvs.length} done…`;
        await matchPart(job, part, parts, failed);
        progress.value = at + part.length;
      }
      const match = merged(parts, failed);
      if (!match) throw new ApiProblem(0, 'unknown', 'No CV could be read', failed.map((f) => `${f.filename}: ${f.error?.title ?? ''}`).join('; '));
      onLexiconVersion(match.lexiconVersion);
      out.replaceChildren(rankingTable(match));
      out.hidden = false;
      const unread = match.results.filter((r) => r.error).length;
      status.textContent = `Ranked ${cvs.length - unread} CVs${unread ? `; ${unread} could not be read (see the table)` : ''}.`;
    } catch (error) {
      status.textContent = '';
      showError('recruiter-error', error instanceof ApiProblem ? problemText(error) : 'Something went wrong in the page; reload it and try again.');
    } finally {
      progress.hidden = true;
      if (submit) submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}

/** One part of the batch; when the request as a whole is refused (a file too large...), each CV alone, so that only the bad one fails. */
async function matchPart(job: DocumentInput, part: File[], parts: Match[], failed: MatchResult[]): Promise<void> {
  try {
    parts.push(await postMatch(job, part.map((file) => ({ file }))));
    return;
  } catch (error) {
    const refused = error instanceof ApiProblem && error.status >= 400 && error.status < 500;
    if (!refused) throw error;
    if (part.length === 1) {
      failed.push(failedResult(part[0]?.name ?? 'file', { code: error.code, status: error.status, title: error.title, detail: error.detail, fix: error.fix }));
      return;
    }
  }
  for (const file of part) await matchPart(job, [file], parts, failed);
}

function merged(parts: Match[], failed: MatchResult[]): Match | undefined {
  if (parts.length === 0) return undefined;
  const match = mergeMatches(parts);
  return { ...match, results: rankResults([...match.results, ...failed]) };
}
