/**
 * The hostile inputs: what each sends, and the answer it must get. docs/hostile-inputs.md lists
 * the same table (a test keeps the two in step).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentXml, makeDocx, paragraphs } from '../../scripts/make-docx';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { pngBomb } from '../support/make-image';
import { contentPdf, emptyPagePdf, flateBombPdf, loopingPageTreePdf, textPdf, toUnicodeRangePdf } from '../support/make-pdf';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const CANARY = '/tmp/skillmatch-font-canary';
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

export interface HostileCase {
  id: string;
  input: string;
  /** The HTTP status, and the problem code when the answer is an error. */
  status: number;
  code?: string;
  send(base: string): Promise<Answer>;
  /** More to check in the answer than the status and code. */
  also?(answer: Answer): void;
}

async function answer(res: Response): Promise<Answer> {
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function upload(route: string, parts: Array<{ field: string; bytes?: Buffer; filename?: string; value?: string }>): (base: string) => Promise<Answer> {
  return async (base) => {
    const form = new FormData();
    for (const p of parts) {
      if (p.bytes) form.append(p.field, new Blob([new Uint8Array(p.bytes)]), p.filename ?? 'file');
      else form.append(p.field, p.value ?? '');
    }
    return answer(await fetch(`${base}${route}`, { method: 'POST', body: form }));
  };
}

const analyzeFile = (bytes: Buffer, filename: string) => upload('/v1/analyze', [{ field: 'file', bytes, filename }]);
const extractFile = (bytes: Buffer, filename: string) => upload('/v1/extract', [{ field: 'file', bytes, filename }]);
const raw = (route: string, body: Buffer | string, headers: Record<string, string>, method = 'POST') => async (base: string) =>
  answer(await fetch(`${base}${route}`, { method, body: method === 'GET' || body.length === 0 ? undefined : typeof body === 'string' ? body : new Uint8Array(body), headers }));

const json = (a: Answer): { text?: string; quality?: { warnings: Array<{ code: string; message?: string }> }; skills?: Array<{ id: string; present: boolean }> } => JSON.parse(a.body);
const warningCodes = (a: Answer): string[] => (json(a).quality?.warnings ?? []).map((w) => w.code);
function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const LOL = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

function webhook(timestamp: number, sign: boolean) {
  return async (base: string) => {
    const body = JSON.stringify({ type: 'application.created', data: { applicationId: 'a1', jobId: 'j1', resume: { base64: Buffer.from('Python').toString('base64'), filename: 'cv.txt' } } });
    const id = `msg_${timestamp}`;
    const signature = sign ? signStandardWebhook(WEBHOOK_SECRET, id, timestamp, body) : 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    return raw('/v1/webhooks/standard', body, { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature })(base);
  };
}

/** A webhook with the given body, signed correctly and stamped now. */
function signedWebhook(body: string) {
  return async (base: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const id = `msg_signed_${timestamp}_${body.length}`;
    return raw('/v1/webhooks/standard', body, { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signStandardWebhook(WEBHOOK_SECRET, id, timestamp, body) })(base);
  };
}

const CV_TEXT = 'Experience\nBuilt PyTorch models in Python and C++ for five years.\n\nSkills\nPython, statistics, linear algebra';

export const HOSTILE_CASES: HostileCase[] = [
  { id: 'empty-body', input: 'POST /v1/analyze with no body at all', status: 400, code: 'missing-file', send: raw('/v1/analyze', '', {}) },
  { id: 'zero-byte-file', input: 'a 0-byte file', status: 422, code: 'empty-document', send: analyzeFile(Buffer.alloc(0), 'cv.txt') },
  { id: 'two-files-one-field', input: 'two files in the "file" field', status: 400, code: 'too-many-files', send: upload('/v1/analyze', [{ field: 'file', bytes: Buffer.from(CV_TEXT), filename: 'a.txt' }, { field: 'file', bytes: Buffer.from(CV_TEXT), filename: 'b.txt' }]) },
  { id: 'unknown-field', input: 'an extra text field "evil"', status: 400, code: 'unexpected-field', send: upload('/v1/analyze', [{ field: 'evil', value: 'x' }, { field: 'file', bytes: Buffer.from(CV_TEXT), filename: 'a.txt' }]) },
  { id: 'wrong-field-name', input: 'the file in a field named "document"', status: 400, code: 'unexpected-field', send: upload('/v1/analyze', [{ field: 'document', bytes: Buffer.from(CV_TEXT), filename: 'a.txt' }]) },
  { id: 'malformed-boundary', input: 'multipart with a boundary that never appears', status: 400, code: 'malformed-multipart', send: raw('/v1/analyze', '--nope\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nPython\r\n--nope--\r\n', { 'content-type': 'multipart/form-data; boundary=other' }) },
  { id: 'json-too-large', input: 'a 200 kB JSON body (limit 64 kB)', status: 413, code: 'body-too-large', send: raw('/v1/analyze', JSON.stringify({ text: 'Python '.repeat(30_000) }), { 'content-type': 'application/json' }) },
  { id: 'invalid-json', input: 'JSON that does not parse', status: 400, code: 'invalid-json', send: raw('/v1/analyze', '{"text": "Python",', { 'content-type': 'application/json' }) },
  { id: 'json-wrong-shape', input: 'JSON without "text"', status: 400, code: 'invalid-body', send: raw('/v1/analyze', '{"txt": "Python"}', { 'content-type': 'application/json' }) },
  { id: 'wrong-content-type', input: 'a text/plain body', status: 415, code: 'unsupported-media-type', send: raw('/v1/analyze', CV_TEXT, { 'content-type': 'text/plain' }) },
  { id: 'non-utf8-text', input: 'Latin-1 text named .txt', status: 415, code: 'unsupported-format', send: analyzeFile(Buffer.from('Compétences: Python, réseaux de neurones, C++.', 'latin1'), 'cv.txt') },
  { id: 'utf16-bom', input: 'UTF-16 text with a byte-order mark', status: 200, send: analyzeFile(fixture('utf16-cv.txt'), 'cv.txt') },
  { id: 'rtl-mixed-scripts', input: 'Arabic, Hebrew and English mixed', status: 200, send: analyzeFile(Buffer.from('مهارات: Python و C++\nכישורים: PyTorch, NLP\nSkills: statistics'), 'cv.txt'), also: (a) => expectThat((json(a).skills ?? []).some((s) => s.id === 'python' && s.present), 'Python found among the scripts') },
  { id: 'emoji', input: 'emoji and joiners among the words', status: 200, send: analyzeFile(Buffer.from('🚀 Skills 🧠: Python 🐍, PyTorch 🔥, C++ ⚙️ — 5+ years 👩‍💻'), 'cv.txt') },
  { id: 'one-megabyte-line', input: 'one 1 MB line of skill words', status: 200, send: analyzeFile(Buffer.from(`Skills: ${'Python PyTorch C++ statistics '.repeat(35_000)}`), 'cv.txt'), also: (a) => expectThat(warningCodes(a).includes('content-truncated'), 'the text beyond 300,000 characters is reported as not read') },
  { id: 'binary-as-txt', input: 'binary garbage named .txt', status: 415, code: 'unsupported-format', send: analyzeFile(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), 'cv.txt') },
  { id: 'nul-bytes', input: 'text with NUL bytes', status: 415, code: 'unsupported-format', send: analyzeFile(Buffer.from('Skills\nPython\u0000 and C++\u0000\u0000 daily.'), 'cv.txt') },
  { id: 'pdf-encrypted', input: 'an encrypted PDF (qpdf)', status: 422, code: 'pdf-encrypted', send: analyzeFile(fixture('encrypted.pdf'), 'cv.pdf') },
  { id: 'pdf-image-only', input: 'a scanned PDF with no text on its page (OCR reads nothing)', status: 422, code: 'no-text-layer', send: analyzeFile(fixture('blank-scan.pdf'), 'cv.pdf') },
  { id: 'pdf-truncated', input: 'a PDF cut in half', status: 422, code: 'unreadable-document', send: analyzeFile(fixture('truncated.pdf'), 'cv.pdf') },
  { id: 'pdf-500-pages', input: 'a 500-page PDF', status: 200, send: analyzeFile(textPdf(500, (p) => [`Page ${p + 1}`, 'Built PyTorch models in Python.']), 'cv.pdf'), also: (a) => expectThat(warningCodes(a).includes('pages-truncated'), 'pages beyond the cap are reported') },
  {
    id: 'pdf-flate-bomb',
    input: 'a 200 kB PDF whose page content holds a stream that inflates to 200 MB',
    status: 200,
    send: analyzeFile(flateBombPdf(200, ['Skills: Python and PyTorch daily for years.']), 'cv.pdf'),
    also: (a) => expectThat((json(a).skills ?? []).some((s) => s.id === 'python' && s.present), 'the page text beside the bomb is read'),
  },
  {
    id: 'pdf-cmap-range-bomb',
    input: "a font whose ToUnicode map declares one range of 8 million character codes (pdf.js lists every entry at once; a fuzzed PDF of this kind aborted the process)",
    status: 200,
    send: analyzeFile(toUnicodeRangePdf(8_000_000, ['Skills: Python and PyTorch daily for years.']), 'cv.pdf'),
    also: (a) => expectThat((json(a).skills ?? []).some((s) => s.id === 'python' && s.present), 'the page text is read without the range'),
  },
  {
    id: 'pdf-hidden-text-odd-spelling',
    input: 'white keywords under a visible line, the white fill written in ways pdf.js reads and a plain scan of the content would not (a NUL byte before the operator, in a content stream labelled as an image)',
    status: 200,
    send: extractFile(contentPdf([{ content: 'BT /F1 11 Tf 72 720 Td (Built PyTorch models in Python.) Tj ET 1\x00g BT /F1 11 Tf 72 700 Td (Kubernetes Terraform Spark) Tj ET', dict: ' /Subtype /Image', deflate: true }]), 'cv.pdf'),
    also: (a) => expectThat((json(a).text ?? '').includes('PyTorch') && !(json(a).text ?? '').includes('Kubernetes') && warningCodes(a).includes('hidden-text'), 'the white line is not read, and is reported'),
  },
  {
    id: 'pdf-invisible-keywords',
    input: 'keywords drawn invisible (text rendering mode 3) under a visible line, on no picture',
    status: 200,
    send: extractFile(contentPdf([{ content: 'BT /F1 11 Tf 72 720 Td (Built PyTorch models in Python.) Tj ET 3 Tr BT /F1 11 Tf 72 700 Td (Kubernetes Terraform Spark) Tj ET' }]), 'cv.pdf'),
    also: (a) => expectThat((json(a).text ?? '').includes('PyTorch') && !(json(a).text ?? '').includes('Kubernetes') && (json(a).quality?.warnings ?? []).some((w) => w.code === 'hidden-text' && / invisible characters/.test(w.message ?? '')), 'the invisible line is not read, and is reported as invisible'),
  },
  {
    id: 'pdf-white-outline-keywords',
    input: 'keywords outlined in white (text rendering mode 1, a white stroke, the fill left black) under a visible line, on no background',
    status: 200,
    send: extractFile(contentPdf([{ content: 'BT /F1 11 Tf 72 720 Td (Built PyTorch models in Python.) Tj ET 1 1 1 RG 1 Tr BT /F1 11 Tf 72 700 Td (Kubernetes Terraform Spark) Tj ET' }]), 'cv.pdf'),
    also: (a) => expectThat((json(a).text ?? '').includes('PyTorch') && !(json(a).text ?? '').includes('Kubernetes') && warningCodes(a).includes('hidden-text'), 'the white outlines are not read, and are reported'),
  },
  {
    id: 'pdf-dark-box-painted-over',
    input: 'white keywords on a dark box that is painted over in white before them, under a visible line',
    status: 200,
    send: extractFile(contentPdf([{ content: 'BT /F1 11 Tf 72 720 Td (Built PyTorch models in Python.) Tj ET 0.1 g 60 690 300 25 re f 1 g 60 690 300 25 re f BT /F1 11 Tf 72 700 Td (Kubernetes Terraform Spark) Tj ET' }]), 'cv.pdf'),
    also: (a) => expectThat((json(a).text ?? '').includes('PyTorch') && !(json(a).text ?? '').includes('Kubernetes') && warningCodes(a).includes('hidden-text'), 'the white line is not read, and is reported'),
  },
  { id: 'pdf-page-tree-loop', input: 'a PDF whose page tree contains itself', status: 422, code: 'unreadable-document', send: analyzeFile(loopingPageTreePdf(), 'cv.pdf') },
  { id: 'pdf-javascript-action', input: 'a PDF with a JavaScript OpenAction', status: 200, send: analyzeFile(textPdf(1, () => ['Skills: Python, PyTorch and C++ daily for years.'], '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>'), 'cv.pdf') },
  {
    id: 'pdf-font-canary-cve-2024-4367',
    input: 'a font whose FontMatrix carries code that would write a canary file (CVE-2024-4367)',
    status: 200,
    send: analyzeFile(textPdf(1, () => ['Skills: Python, PyTorch and C++ daily for years.'], '', `/FontMatrix [1 0 0 1 0 (0\\); require\\('fs'\\).writeFileSync\\('${CANARY}', '1'\\); //)]`), 'cv.pdf'),
  },
  { id: 'docx-zip-bomb-lying-sizes', input: 'a DOCX zip bomb whose headers under-state the sizes', status: 422, code: 'archive-too-large', send: analyzeFile(fixture('zip-bomb-lying.docx'), 'cv.docx') },
  { id: 'docx-zip-bomb', input: 'a DOCX that inflates to gigabytes', status: 422, code: 'archive-too-large', send: analyzeFile(fixture('zip-bomb.docx'), 'cv.docx') },
  { id: 'docx-nested-zip', input: 'a DOCX carrying a zip bomb as an embedded file', status: 200, send: analyzeFile(makeDocx(documentXml(paragraphs(['Skills', 'Python and PyTorch.'])), [{ name: 'word/embeddings/inner.zip', data: fixture('zip-bomb.docx') }]), 'cv.docx') },
  { id: 'docx-billion-laughs', input: 'a DOCX whose XML declares nested entities (billion laughs)', status: 422, code: 'unreadable-document', send: analyzeFile(makeDocx(documentXml('<w:p><w:r><w:t>Python &lol9;</w:t></w:r></w:p>', LOL)), 'cv.docx') },
  {
    id: 'docx-external-entity',
    input: 'a DOCX whose XML pulls in file:///etc/passwd (XXE)',
    status: 422,
    code: 'unreadable-document',
    send: analyzeFile(makeDocx(documentXml('<w:p><w:r><w:t>Python &xxe;</w:t></w:r></w:p>', '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), 'cv.docx'),
    also: (a) => expectThat(!a.body.includes('root:'), 'no file content in the answer'),
  },
  { id: 'docm-macros', input: 'a macro-enabled .docm', status: 415, code: 'unsupported-format', send: analyzeFile(fixture('macro.docm'), 'cv.docm') },
  { id: 'docx-password', input: 'a password-protected Word file (OLE container with EncryptedPackage)', status: 422, code: 'document-encrypted', send: analyzeFile(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]), 'cv.docx') },
  { id: 'legacy-doc', input: 'a legacy Word .doc', status: 415, code: 'unsupported-format', send: analyzeFile(fixture('legacy-word.doc'), 'cv.doc') },
  { id: 'image-bomb-png', input: 'a 30,000 × 30,000 PNG of a few hundred bytes (900 megapixels decoded)', status: 422, code: 'document-too-complex', send: analyzeFile(pngBomb(30_000, 30_000), 'cv.png') },
  { id: 'pdf-page-bomb', input: 'an image-only PDF page 200 pt wide and 200,000 pt long (rendered for OCR: billions of pixels)', status: 422, code: 'document-too-complex', send: analyzeFile(emptyPagePdf(200, 200_000), 'cv.pdf') },
  { id: 'image-named-pdf', input: 'a PNG named .pdf, without text (read as an image by OCR)', status: 422, code: 'no-text-layer', send: analyzeFile(fixture('photo-named.pdf'), 'cv.pdf') },
  { id: 'docx-named-pdf', input: 'a DOCX named .pdf', status: 200, send: analyzeFile(fixture('libreoffice-cv.docx'), 'cv.pdf'), also: (a) => expectThat(warningCodes(a).includes('format-mismatch'), 'the mismatch is reported') },
  { id: 'polyglot-pdf-zip', input: 'a PDF with a DOCX appended (PDF/ZIP polyglot)', status: 200, send: analyzeFile(Buffer.concat([fixture('libreoffice-cv.pdf'), fixture('libreoffice-cv.docx')]), 'cv.pdf') },
  {
    id: 'html-scripts',
    input: 'HTML with scripts and styles that name skills',
    status: 200,
    send: extractFile(Buffer.from('<html><body><script>document.write("Kubernetes")</script><style>.k{content:"Kubernetes"}</style><p>Skills: Python and C++.</p></body></html>'), 'cv.html'),
    also: (a) => expectThat(!(json(a).text ?? '').includes('Kubernetes') && (json(a).text ?? '').includes('Python'), 'script and style text is not read'),
  },
  { id: 'html-10000-nested', input: 'HTML nested 10,000 elements deep', status: 422, code: 'document-too-complex', send: analyzeFile(Buffer.from(`<html><body>${'<div>'.repeat(10_000)}Skills: Python.${'</div>'.repeat(10_000)}</body></html>`), 'cv.html') },
  { id: 'backtracking-bait', input: '150 kB of "C++" with no space, long runs of joiners, digits and dashes', status: 200, send: analyzeFile(Buffer.from(`${'C++'.repeat(50_000)}\n${'A/B/'.repeat(30_000)}\n${'1 2 3 '.repeat(30_000)}years\n${'- '.repeat(50_000)}Python`), 'cv.txt') },
  { id: 'method-not-allowed', input: 'PUT /v1/analyze', status: 405, code: 'method-not-allowed', send: raw('/v1/analyze', CV_TEXT, { 'content-type': 'text/plain' }, 'PUT') },
  { id: 'unknown-route', input: 'GET /v1/../../etc/passwd', status: 404, code: 'not-found', send: raw('/v1/%2e%2e/%2e%2e/etc/passwd', '', {}, 'GET') },
  { id: 'too-many-cvs', input: '51 CVs in one /v1/match', status: 400, code: 'too-many-files', send: upload('/v1/match', [{ field: 'jobText', value: 'Requirements: Python.' }, ...Array.from({ length: 51 }, (_, i) => ({ field: 'cv', bytes: Buffer.from(CV_TEXT), filename: `cv${i}.txt` }))]) },
  { id: 'webhook-bad-signature', input: 'a webhook with a forged signature', status: 401, code: 'invalid-signature', send: webhook(Math.floor(Date.now() / 1000), false) },
  { id: 'webhook-clock-skew', input: 'a correctly signed webhook stamped 10 minutes ago', status: 401, code: 'stale-webhook', send: webhook(Math.floor(Date.now() / 1000) - 600, true) },
  { id: 'webhook-unsigned-large', input: 'an unsigned 900 kB webhook body', status: 401, code: 'invalid-signature', send: raw('/v1/webhooks/standard', Buffer.alloc(900 * 1024, 0x20), { 'content-type': 'application/json' }) },
  { id: 'webhook-deep-json', input: 'a correctly signed webhook nested 200,000 arrays deep', status: 400, code: 'invalid-body', send: signedWebhook(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) },
  { id: 'mixed-case-path', input: 'GET /V1/lexicon (another spelling of a /v1 route)', status: 404, code: 'not-found', send: raw('/V1/lexicon', '', {}, 'GET') },
  { id: 'encoded-path', input: 'GET /%761/lexicon (the "v" percent-encoded)', status: 404, code: 'not-found', send: raw('/%761/lexicon', '', {}, 'GET') },
];
