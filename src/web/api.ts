import type { Match } from '../core/5-match/schema';

/** An answer of the API that is not a success: the problem document's code, title, detail and fix. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fix = '',
  ) {
    super(`${title}: ${detail}`);
  }
}

/** A problem as one paragraph: what went wrong, the detail, then what to do about it. */
export function problemText(problem: { title: string; detail: string; fix?: string | undefined }): string {
  const sentence = (s: string): string => (s && !/[.!?]$/.test(s) ? `${s}.` : s);
  return [sentence(problem.title), sentence(problem.detail), problem.fix ? `What to do: ${sentence(problem.fix)}` : ''].filter(Boolean).join(' ');
}

/** A document as the user gave it: a chosen file, or pasted text. */
export type DocumentInput = { file: File } | { text: string };

async function problemOf(res: Response): Promise<ApiProblem> {
  try {
    const body = (await res.json()) as { code?: string; title?: string; detail?: string; fix?: string };
    return new ApiProblem(res.status, body.code ?? 'unknown', body.title ?? `Error ${res.status}`, body.detail ?? '', body.fix ?? '');
  } catch {
    return new ApiProblem(res.status, 'unknown', `Error ${res.status}`, 'The service gave an answer the page could not read.');
  }
}

/** The API key typed in the page's settings, if any. */
function apiKey(): string {
  return (document.getElementById('api-key') as HTMLInputElement | null)?.value.trim() ?? '';
}

async function post(url: string, form: FormData, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers, ...(signal ? { signal } : {}) });
  } catch {
    throw new ApiProblem(0, 'network', 'The service could not be reached', 'Check that it is running, then try again.');
  }
  if (res.status === 401) {
    (document.getElementById('api-key-settings') as HTMLDetailsElement | null)?.setAttribute('open', '');
    const problem = await problemOf(res);
    throw new ApiProblem(401, problem.code, key ? 'The API key was refused' : 'This service needs an API key', 'Enter it under “API key” at the bottom of the page, then try again.');
  }
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** POST /v1/match with the extracted texts, so that the page can show the evidence in place. */
export async function postMatch(job: DocumentInput, cvs: DocumentInput[], signal?: AbortSignal): Promise<Match> {
  const form = new FormData();
  if ('file' in job) form.append('job', job.file, job.file.name);
  else form.append('jobText', job.text);
  for (const cv of cvs) {
    if ('file' in cv) form.append('cv', cv.file, cv.file.name);
    else form.append('cvText', cv.text);
  }
  const res = await post('/v1/match?include=text', form, signal);
  return (await res.json()) as Match;
}

/** POST /v1/analyze for a job ad alone: checks it can be read before a batch is sent in parts. */
export async function checkJobAd(job: DocumentInput, signal?: AbortSignal): Promise<void> {
  const form = new FormData();
  form.append('kind', 'job');
  if ('file' in job) form.append('file', job.file, job.file.name);
  else form.append('file', new Blob([job.text], { type: 'text/plain' }), 'job.txt');
  await post('/v1/analyze', form, signal);
}
