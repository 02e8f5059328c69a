import { ApiProblem, postMatch, problemText } from './api';
import { byId } from './dom';
import { explanation } from './explain';
import { readDocumentInput, showError } from './inputs';

/** The candidate view: one CV against one job ad, explained. */
export function setUpCandidateView(onLexiconVersion: (version: string) => void): void {
  const form = byId<HTMLFormElement>('candidate-form');
  const status = byId('candidate-status');
  const out = byId('candidate-result');
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('candidate-error', null);
    const job = readDocumentInput('candidate-job-file', 'candidate-job-text');
    const cv = readDocumentInput('candidate-cv-file', 'candidate-cv-text');
    if (!job || !cv) {
      showError('candidate-error', `Add ${!job && !cv ? 'a job ad and a CV' : !job ? 'a job ad' : 'a CV'}: choose a file or paste the text.`);
      return;
    }
    if (submit) submit.disabled = true;
    status.textContent = 'Analysing…';
    form.setAttribute('aria-busy', 'true');
    try {
      const match = await postMatch(job, [cv]);
      onLexiconVersion(match.lexiconVersion);
      const result = match.results[0];
      if (!result) throw new ApiProblem(0, 'unknown', 'No result', 'The service returned no result for the CV.');
      if (result.error) {
        out.hidden = true;
        showError('candidate-error', `The CV could not be read. ${problemText(result.error)}`);
        status.textContent = '';
        return;
      }
      out.replaceChildren(explanation(match, result));
      out.hidden = false;
      status.textContent = 'Done.';
    } catch (error) {
      out.hidden = true;
      status.textContent = '';
      showError('candidate-error', error instanceof ApiProblem ? problemText(error) : 'Something went wrong in the page; reload it and try again.');
    } finally {
      if (submit) submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}
