/**
 * The closed set of error codes the service can produce. Every code has a title and a fix
 * hint here; the HTTP status for each code lives at the edge (src/http/problem.ts), and
 * docs/errors.md is kept in step with this table by a test.
 */
export const errorCatalogue = {
  'bad-request': {
    title: 'The request is malformed',
    fix: 'Check the request against the API section of the README.',
  },
  'missing-file': {
    title: 'No document was sent',
    fix: 'Send the document as multipart/form-data in a field named "file", or JSON {"text": "..."}.',
  },
  'too-many-files': {
    title: 'More than one file was sent',
    fix: 'Send exactly one file in the "file" field.',
  },
  'unexpected-field': {
    title: 'The request has a field this endpoint does not take',
    fix: 'Use the field names documented for the endpoint (for /v1/extract: "file").',
  },
  'malformed-multipart': {
    title: 'The multipart body could not be parsed',
    fix: 'Let your HTTP client build the multipart body and boundary (curl -F file=@cv.pdf).',
  },
  'invalid-json': {
    title: 'The JSON body could not be parsed',
    fix: 'Send valid UTF-8 JSON with Content-Type: application/json.',
  },
  'invalid-body': {
    title: 'The JSON body does not match the expected shape',
    fix: 'Send {"text": "<document text>", "filename": "<optional name>"}; the detail names the wrong field.',
  },
  'invalid-parameter': {
    title: 'A field or query parameter has an invalid value',
    fix: 'Use one of the values the detail lists.',
  },
  unauthorized: {
    title: 'An API key is required',
    fix: 'Send Authorization: Bearer <your API key>; ask the operator for a key.',
  },
  'invalid-signature': {
    title: 'The webhook signature is missing or wrong',
    fix: 'Sign the raw body with the secret configured for this source (Standard Webhooks or Greenhouse scheme).',
  },
  'stale-webhook': {
    title: 'The webhook timestamp is outside the replay window',
    fix: 'Send webhook-timestamp as the current Unix time in seconds; check the sender clock (window: 5 minutes).',
  },
  'idempotency-conflict': {
    title: 'The Idempotency-Key was used for another request',
    fix: 'Use a new Idempotency-Key for a different request; reuse a key only to retry the same request.',
  },
  'file-too-large': {
    title: 'The file is larger than the upload limit',
    fix: 'Send a smaller file (the limit is in the detail), or raise MAX_FILE_BYTES on a self-hosted service.',
  },
  'body-too-large': {
    title: 'The request body is larger than the limit',
    fix: 'Send less text in one request (the limit is in the detail).',
  },
  'unsupported-media-type': {
    title: 'The request Content-Type is not accepted here',
    fix: 'Use multipart/form-data or application/json.',
  },
  'unsupported-format': {
    title: 'The document format is not supported',
    fix: 'Send a PDF, DOCX, plain text (UTF-8 or UTF-16 with BOM), Markdown or HTML file.',
  },
  'empty-document': {
    title: 'The document is empty',
    fix: 'Check that the file was saved completely and holds text.',
  },
  'pdf-encrypted': {
    title: 'The PDF is encrypted',
    fix: 'Remove the password or encryption (e.g. print it to a new PDF) and send it again.',
  },
  'document-encrypted': {
    title: 'The document is password-protected',
    fix: 'Remove the password (save a copy without protection) and send it again.',
  },
  'no-text-layer': {
    title: 'The PDF has no text layer',
    fix: 'The PDF holds only images (a scan). OCR is not supported yet: export the CV from its source as PDF or DOCX.',
  },
  'garbled-text-layer': {
    title: 'The PDF text layer cannot be read as text',
    fix: 'The fonts carry no usable character map. Export the PDF again from its source, or send DOCX.',
  },
  'unreadable-document': {
    title: 'The document is corrupt or truncated',
    fix: 'Open the file on your machine to check it, then export or save it again.',
  },
  'archive-too-large': {
    title: 'The DOCX archive inflates beyond the safety limits',
    fix: 'Remove embedded media or save the document again; the limits are in the detail.',
  },
  'extraction-timeout': {
    title: 'Reading the document took too long',
    fix: 'The document is unusually complex. Simplify it or export it again, then retry.',
  },
  'document-too-complex': {
    title: 'Reading the document needs more memory than allowed',
    fix: 'The document is unusually heavy (huge images or fonts). Export a lighter version and retry.',
  },
  'not-found': {
    title: 'No such resource',
    fix: 'Check the URL against the API section of the README.',
  },
  'method-not-allowed': {
    title: 'The method is not allowed on this resource',
    fix: 'Check the HTTP method against the API section of the README.',
  },
  'rate-limited': {
    title: 'Too many requests',
    fix: 'Wait the seconds given in Retry-After, then retry; spread requests out, or ask the operator for a higher limit.',
  },
  'service-unavailable': {
    title: 'The service cannot take this request now',
    fix: 'Retry after the time given in Retry-After.',
  },
  internal: {
    title: 'An internal error occurred',
    fix: 'Retry; if it persists, report the request id from the X-Request-Id header.',
  },
} as const satisfies Record<string, { title: string; fix: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The one error type of the service: a code from the catalogue plus a human-readable detail. */
export class SkillmatchError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  /** Extra, safe-to-return fields (limits, counts); never document text. */
  readonly extra: Readonly<Record<string, string | number | boolean>>;

  constructor(code: ErrorCode, detail: string, extra: Record<string, string | number | boolean> = {}) {
    super(`${code}: ${detail}`);
    this.name = 'SkillmatchError';
    this.code = code;
    this.detail = detail;
    this.extra = extra;
  }
}

export function isSkillmatchError(value: unknown): value is SkillmatchError {
  return value instanceof SkillmatchError;
}
