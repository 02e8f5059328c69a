/**
 * The closed set of error codes the service can produce. Every code has its HTTP status, a title
 * and a fix hint here, in one table; docs/errors.md is kept in step with it by a test. The core
 * never speaks HTTP itself: the status is data for the edges (the API, the batch entries, the CLI).
 */
export const errorCatalogue = {
  'bad-request': {
    status: 400,
    title: 'The request is malformed',
    fix: 'Check the request against the API section of the README.',
  },
  'missing-file': {
    status: 400,
    title: 'No document was sent',
    fix: 'Send the document as multipart/form-data in a field named "file", or JSON {"text": "..."}.',
  },
  'too-many-files': {
    status: 400,
    title: 'More than one file was sent',
    fix: 'Send one file in each field the endpoint takes once (for /v1/analyze and /v1/extract: "file"; for /v1/match: "job").',
  },
  'unexpected-field': {
    status: 400,
    title: 'The request has a field this endpoint does not take',
    fix: 'Use the field names the endpoint documents: "file" for /v1/analyze and /v1/extract; "job", "jobText", "cv" and "cvText" for /v1/match.',
  },
  'malformed-multipart': {
    status: 400,
    title: 'The multipart body could not be parsed',
    fix: 'Let your HTTP client build the multipart body and boundary (curl -F file=@cv.pdf).',
  },
  'invalid-json': {
    status: 400,
    title: 'The JSON body could not be parsed',
    fix: 'Send valid UTF-8 JSON with Content-Type: application/json.',
  },
  'invalid-body': {
    status: 400,
    title: 'The JSON body does not match the expected shape',
    fix: 'Send {"text": "<document text>", "filename": "<optional name>"}; the detail names the wrong field.',
  },
  'invalid-parameter': {
    status: 400,
    title: 'A field or query parameter has an invalid value',
    fix: 'Use one of the values the detail lists.',
  },
  unauthorized: {
    status: 401,
    title: 'An API key is required',
    fix: 'Send Authorization: Bearer <your API key>; ask the operator for a key.',
  },
  'invalid-signature': {
    status: 401,
    title: 'The webhook signature is missing or wrong',
    fix: 'Sign the raw body with the secret configured for this source (Standard Webhooks or Greenhouse scheme).',
  },
  'stale-webhook': {
    status: 401,
    title: 'The webhook timestamp is outside the replay window',
    fix: 'Send webhook-timestamp as the current Unix time in seconds; check the sender clock (window: 5 minutes).',
  },
  'idempotency-conflict': {
    status: 409,
    title: 'The Idempotency-Key was used for another request',
    fix: 'Use a new Idempotency-Key for a different request; reuse a key only to retry the same request.',
  },
  'file-too-large': {
    status: 413,
    title: 'The file is larger than the upload limit',
    fix: 'Send a smaller file (the limit is in the detail), or raise MAX_FILE_BYTES on a self-hosted service.',
  },
  'body-too-large': {
    status: 413,
    title: 'The request body is larger than the limit',
    fix: 'Send less text in one request (the limit is in the detail).',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'The request Content-Type is not accepted here',
    fix: 'Use multipart/form-data or application/json.',
  },
  'unsupported-format': {
    status: 415,
    title: 'The document format is not supported',
    fix: 'Send a PDF, DOCX, plain text (UTF-8 or UTF-16 with BOM), Markdown or HTML file.',
  },
  'empty-document': {
    status: 422,
    title: 'The document is empty',
    fix: 'Check that the file was saved completely and holds text.',
  },
  'pdf-encrypted': {
    status: 422,
    title: 'The PDF is encrypted',
    fix: 'Remove the password or encryption (e.g. print it to a new PDF) and send it again.',
  },
  'document-encrypted': {
    status: 422,
    title: 'The document is password-protected',
    fix: 'Remove the password (save a copy without protection) and send it again.',
  },
  'no-text-layer': {
    status: 422,
    title: 'The document has no readable text',
    fix: 'The pages are images and OCR found no readable text on them (or OCR is off on this service): send a sharper scan (300 dpi, upright, in focus), or export the document from its source (the word processor or the job board) as PDF or DOCX, or paste its text.',
  },
  'garbled-text-layer': {
    status: 422,
    title: 'The PDF text layer cannot be read as text',
    fix: 'The fonts carry no usable character map. Export the PDF again from its source, or send DOCX.',
  },
  'unreadable-document': {
    status: 422,
    title: 'The document is corrupt or truncated',
    fix: 'Open the file on your machine to check it, then export or save it again.',
  },
  'archive-too-large': {
    status: 422,
    title: 'The DOCX archive inflates beyond the safety limits',
    fix: 'Remove embedded media or save the document again; the limits are in the detail.',
  },
  'extraction-timeout': {
    status: 422,
    title: 'Reading the document took too long',
    fix: 'The document is unusually complex. Simplify it or export it again, then retry.',
  },
  'document-too-complex': {
    status: 422,
    title: 'Reading the document needs more memory than allowed',
    fix: 'The document is unusually heavy (huge images or fonts). Export a lighter version and retry.',
  },
  'not-found': {
    status: 404,
    title: 'No such resource',
    fix: 'Check the URL against the API section of the README.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'The method is not allowed on this resource',
    fix: 'Check the HTTP method against the API section of the README.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    fix: 'Wait the seconds given in Retry-After, then retry; spread requests out, or ask the operator for a higher limit.',
  },
  'service-unavailable': {
    status: 503,
    title: 'The service cannot take this request now',
    fix: 'Retry after the time given in Retry-After.',
  },
  internal: {
    status: 500,
    title: 'An internal error occurred',
    fix: 'Retry; if it persists, report the request id from the X-Request-Id header.',
  },
} as const satisfies Record<string, { status: number; title: string; fix: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The HTTP status of a code, from the catalogue. */
export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

/** The one error type of the service: a code from the catalogue plus a human-readable detail. */
export class SkillmatchError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  /** Extra, safe-to-return fields (limits, counts); never document text. */
  readonly extra: Readonly<Record<string, string | number | boolean>>;
  /**
   * The fix hint for this occurrence when the catalogue's general one would mislead (the field names
   * of the endpoint at hand, a job ad rather than a CV); otherwise the catalogue's.
   */
  readonly fix: string;

  constructor(code: ErrorCode, detail: string, extra: Record<string, string | number | boolean> = {}, fix?: string) {
    super(`${code}: ${detail}`);
    this.name = 'SkillmatchError';
    this.code = code;
    this.detail = detail;
    this.extra = extra;
    this.fix = fix ?? errorCatalogue[code].fix;
  }

  get title(): string {
    return errorCatalogue[this.code].title;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export function isSkillmatchError(value: unknown): value is SkillmatchError {
  return value instanceof SkillmatchError;
}
