/**
 * The OpenAPI 3.1 document, generated from the zod schemas of src/http/schemas.ts (zod's JSON Schema
 * output is JSON Schema 2020-12, OpenAPI 3.1's dialect). The table of operations below is the one
 * list of what each route takes and answers, statuses included; `npm run openapi` writes it to
 * docs/openapi.yaml, a test keeps that file in step and checks real answers of every route against it.
 */
import { z } from 'zod';
import { completedCallbackSchema, failedCallbackSchema } from '../app/callback-result';
import {
  analysisBodySchema,
  analysisStateSchema,
  analyzeJsonSchema,
  applicationCreatedSchema,
  auditPageSchema,
  CSV_COLUMNS,
  deliveriesSchema,
  errorEntrySchema,
  extractionSchema,
  lexiconResponseSchema,
  matchJsonSchema,
  matchSchema,
  problemSchema,
  roleResponseSchema,
  statusSchema,
  textDocumentSchema,
  webhookOutcomeSchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

/** Named schemas, shared by reference. */
const COMPONENTS: Record<string, z.ZodType> = {
  Problem: problemSchema,
  TextDocument: textDocumentSchema,
  Extraction: extractionSchema,
  Analysis: analysisBodySchema,
  Match: matchSchema,
  ApplicationCreated: applicationCreatedSchema,
  CallbackCompleted: completedCallbackSchema,
  CallbackFailed: failedCallbackSchema,
  WebhookOutcome: webhookOutcomeSchema,
  AuditPage: auditPageSchema,
  AnalysisState: analysisStateSchema,
  Deliveries: deliveriesSchema,
  Role: roleResponseSchema,
  Lexicon: lexiconResponseSchema,
  ErrorEntry: errorEntrySchema,
  Status: statusSchema,
};

const ref = (name: keyof typeof COMPONENTS): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const csv = (columns: readonly string[]) => ({ 'text/csv': { schema: { type: 'string', description: `CSV with a header line: ${columns.join(',')}` } } });

interface Operation {
  summary: string;
  /** Routes any client may call even when API keys are configured. */
  open?: boolean;
  /** Keyed but not rate-limited (a scraper polls it). */
  unlimited?: boolean;
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  /** Success answers: status → description and content. */
  ok: Record<string, { description: string; content?: JsonSchema }>;
  /** Problem answers: status → when. */
  problems: Record<string, string>;
}

const query = (name: string, schema: JsonSchema, description?: string): JsonSchema => ({ name, in: 'query', schema, ...(description ? { description } : {}) });
const pathParam = (name: string, schema: JsonSchema = { type: 'string' }): JsonSchema => ({ name, in: 'path', required: true, schema });
const idempotencyKey: JsonSchema = { name: 'Idempotency-Key', in: 'header', description: 'Replays the first answer for the same request; 409 for another request under the same key.', schema: { type: 'string', maxLength: 200 } };
const redact = query('redact', { enum: ['true', 'false'], default: 'false' }, 'true: also return the extracted text with personal data masked (redactedText).');

const UPLOAD_PROBLEMS = {
  '400': 'The body is malformed, a field is unknown or missing, or a parameter has a wrong value.',
  '413': 'The file or the request is larger than the limit.',
  '415': 'The Content-Type or the document format is not accepted.',
  '422': 'The document cannot be read (encrypted, scanned, corrupt, too complex).',
};

/** Every operation of the API, by path and method. */
const OPERATIONS: Record<string, Record<string, Operation>> = {
  '/healthz': { get: { summary: 'Liveness', open: true, ok: { '200': { description: 'Running', content: json(ref('Status')) } }, problems: {} } },
  '/readyz': {
    get: { summary: 'Readiness: the PDF workers are warm, the job store (SQLite or PostgreSQL) answers, and the service is not shutting down', open: true, ok: { '200': { description: 'Ready', content: json(ref('Status')) } }, problems: { '503': 'Starting, shutting down, or the database cannot be reached.' } },
  },
  '/metrics': {
    get: {
      summary: 'Prometheus metrics: requests by route and status with latency, document stages by format, the queue, callbacks, dead letters, the PDF pool; no document text, file names or personal data. Keyed like /v1 when API keys are set, never rate-limited; with METRICS_PORT it is served on that port instead, and not here.',
      unlimited: true,
      ok: { '200': { description: 'The Prometheus text format (version 0.0.4)', content: { 'text/plain': { schema: { type: 'string' } } } } },
      problems: {},
    },
  },
  '/openapi.yaml': { get: { summary: 'This document', open: true, ok: { '200': { description: 'OpenAPI 3.1', content: { 'application/yaml': { schema: { type: 'string' } } } } }, problems: {} } },
  '/': {
    get: {
      summary: 'The web page (candidate and recruiter views); nothing uploaded through it is stored',
      open: true,
      ok: { '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } } },
      problems: { '404': 'The page is not built (npm run build).' },
    },
  },
  '/v1/extract': {
    post: {
      summary: 'The extraction stage alone: text, sections and quality',
      requestBody: {
        content: {
          'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } },
          ...json(ref('TextDocument')),
        },
      },
      ok: { '200': { description: 'The extraction', content: json(ref('Extraction')) } },
      problems: UPLOAD_PROBLEMS,
    },
  },
  '/v1/analyze': {
    post: {
      summary: 'Coverage and gap scores of one CV or job ad against the role, with evidence',
      parameters: [
        query('include', { type: 'string', example: 'text,noun-phrases' }, 'Comma-separated: text (the extracted text the offsets index), noun-phrases (unmappedTerms with the noun phrases of long skills items).'),
        redact,
        idempotencyKey,
      ],
      requestBody: {
        content: {
          'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, kind: { enum: ['cv', 'job', 'auto'] } } } },
          ...json(z.toJSONSchema(analyzeJsonSchema, { io: 'input' }) as JsonSchema),
        },
      },
      ok: { '200': { description: 'The analysis', content: json(ref('Analysis')) } },
      problems: { ...UPLOAD_PROBLEMS, '409': 'The Idempotency-Key was used for another request.' },
    },
  },
  '/v1/match': {
    post: {
      summary: 'One job ad against 1 to 50 CVs, ranked and explained (CSV with Accept: text/csv)',
      parameters: [query('include', { enum: ['text'] }, 'text: the extracted texts (job.text, results[].text) that the evidence offsets index.'), redact, idempotencyKey],
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                job: { type: 'string', format: 'binary' },
                jobText: { type: 'string' },
                cv: { type: 'array', items: { type: 'string', format: 'binary' } },
                cvText: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          ...json(z.toJSONSchema(matchJsonSchema, { io: 'input' }) as JsonSchema),
        },
      },
      ok: { '200': { description: 'The ranking, best first; unreadable CVs last with their error', content: { ...json(ref('Match')), ...csv(CSV_COLUMNS.match) } } },
      problems: { ...UPLOAD_PROBLEMS, '409': 'The Idempotency-Key was used for another request.', '422': 'The job ad cannot be read (a CV that cannot be read gets its own entry instead).' },
    },
  },
  '/v1/webhooks/{source}': {
    post: {
      summary: 'Signed event from an applicant tracking system (source: standard or greenhouse)',
      open: true,
      parameters: [
        pathParam('source', { enum: ['standard', 'greenhouse'] }),
        { name: 'webhook-id', in: 'header', schema: { type: 'string' } },
        { name: 'webhook-timestamp', in: 'header', schema: { type: 'string' } },
        { name: 'webhook-signature', in: 'header', schema: { type: 'string', example: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' } },
        { name: 'Signature', in: 'header', description: 'Greenhouse: sha256 <hex HMAC>', schema: { type: 'string' } },
      ],
      requestBody: {
        content: {
          'application/json': {
            schema: ref('ApplicationCreated'),
            example: {
              type: 'application.created',
              data: {
                applicationId: 'app_123',
                candidateId: 'cand_9',
                jobId: 'job_7',
                job: { text: 'Requirements: 3+ years of Python, PyTorch, unit tests and code review.' },
                resume: { url: 'https://files.ats.example.com/r/abc.pdf', filename: 'cv.pdf' },
              },
            },
          },
        },
      },
      ok: {
        '202': { description: 'Accepted and queued', content: json(ref('WebhookOutcome')) },
        '200': { description: 'A redelivery (duplicate) or an event type that is not handled (ignored)', content: json(ref('WebhookOutcome')) },
      },
      problems: {
        '400': 'The body is not JSON or not an event of the documented shape.',
        '401': 'The signature is missing or wrong, or the timestamp is outside the replay window.',
        '404': 'This webhook source is not enabled.',
        '413': 'The body is larger than MAX_WEBHOOK_BYTES.',
        '503': 'The event could not be stored; retry after Retry-After.',
      },
    },
  },
  '/v1/analyses': {
    get: {
      summary: 'Audit export: every finished webhook analysis (ids from the ATS, versions, scores, requirements met), never CV text',
      parameters: [
        query('format', { enum: ['json', 'csv'], default: 'json' }),
        query('limit', { type: 'integer', minimum: 1, maximum: 10000, default: 10000 }),
        query('after', { type: 'string' }, 'The last analysis id of the previous page (the Link rel=next header gives the next page).'),
      ],
      ok: { '200': { description: 'One page of the export', content: { ...json(ref('AuditPage')), ...csv(CSV_COLUMNS.audit) } } },
      problems: { '400': 'A query parameter has a wrong value.' },
    },
  },
  '/v1/analyses/{id}': {
    get: { summary: "A webhook job's status and result (never the CV text)", parameters: [pathParam('id')], ok: { '200': { description: 'The state', content: json(ref('AnalysisState')) } }, problems: { '404': 'No analysis has this id.' } },
    delete: { summary: 'Erase the document and result; a tombstone keeps redeliveries out', parameters: [pathParam('id')], ok: { '204': { description: 'Erased' } }, problems: { '404': 'No analysis has this id.' } },
  },
  '/v1/deliveries': {
    get: {
      summary: 'Result callbacks, by status',
      parameters: [query('status', { enum: ['pending', 'delivered', 'failed'] })],
      ok: { '200': { description: 'The deliveries (500 at most)', content: json(ref('Deliveries')) } },
      problems: { '400': 'status has a wrong value.' },
    },
  },
  '/v1/deliveries/{id}/retry': {
    post: {
      summary: 'Send a dead-lettered callback again (and re-enable callbacks after a 410)',
      parameters: [pathParam('id')],
      ok: { '202': { description: 'Pending again', content: json(ref('Status')) } },
      problems: { '404': 'No failed delivery has this id.' },
    },
  },
  '/v1/roles/{id}': {
    get: { summary: 'The role model', parameters: [pathParam('id', { const: 'ml-engineer' })], ok: { '200': { description: 'Categories and skills with weights and rationales', content: json(ref('Role')) } }, problems: { '404': 'No role has this id.' } },
  },
  '/v1/lexicon': {
    get: {
      summary: 'The lexicon and its version',
      parameters: [query('skill', { type: 'string' }, 'Only the terms of this skill id.')],
      ok: { '200': { description: 'The terms', content: json(ref('Lexicon')) } },
      problems: { '400': 'skill is not a skill id of the role.' },
    },
  },
  '/v1/errors': { get: { summary: 'The error catalogue', ok: { '200': { description: 'Every code with its status, title and fix', content: json({ type: 'array', items: ref('ErrorEntry') }) } }, problems: {} } },
  '/v1/errors/{code}': {
    get: { summary: 'One error code', parameters: [pathParam('code')], ok: { '200': { description: "The code's status, title and fix", content: json(ref('ErrorEntry')) } }, problems: { '404': 'There is no such code.' } },
  },
};

/** Answers every keyed route can give, besides its own: no or a wrong key, and the rate limit. */
const KEYED_PROBLEMS = { '401': 'An API key is required (API_KEY_HASHES is set) and none or a wrong one was sent.', '429': 'Over the rate limit; retry after Retry-After.' };

function operation(op: Operation): JsonSchema {
  const keyed = op.unlimited ? { '401': KEYED_PROBLEMS['401'] } : KEYED_PROBLEMS;
  const problems = op.open ? op.problems : { ...op.problems, ...keyed };
  const responses: Record<string, JsonSchema> = {};
  for (const [status, ok] of Object.entries(op.ok)) responses[status] = { description: ok.description, ...(ok.content ? { content: ok.content } : {}) };
  for (const [status, when] of Object.entries(problems)) responses[status] = { description: when, content: { 'application/problem+json': { schema: ref('Problem') } } };
  return {
    summary: op.summary,
    ...(op.open ? { security: [] } : {}),
    ...(op.parameters ? { parameters: op.parameters } : {}),
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The document as an object. */
export function openApiDocument(version = '0.1.0'): JsonSchema {
  const schemas = Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })]));
  for (const s of Object.values(schemas)) delete (s as JsonSchema).$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'skillmatch',
      version,
      description:
        'Résumé and job-description skill matcher for the Machine Learning Engineer role. Errors are RFC 9457 problem documents (application/problem+json); GET /v1/errors lists every code. This document is generated from the service\'s schemas (npm run openapi).',
    },
    servers: [{ url: 'http://127.0.0.1:3000' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Needed on /v1 routes (but the webhooks) when API_KEY_HASHES is set.' } },
      schemas,
    },
    paths: Object.fromEntries(Object.entries(OPERATIONS).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(op)]))])),
    webhooks: {
      'analysis.completed': callbackWebhook('A webhook analysis finished: its result (scores, evidence positions; never CV text)', 'CallbackCompleted', {
        type: 'analysis.completed',
        ...CALLBACK_ENVELOPE,
        data: {
          applicationId: 'app_123', candidateId: 'cand_9', jobId: 'job_7', lexiconVersion: '1.1.0+9bf0b0fe',
          role: { id: 'ml-engineer', label: 'Machine Learning Engineer', version: '1.0.0' }, coverage: 0.42, gap: 0.58,
          skills: [{ id: 'python', present: true, strength: 1, years: 4, evidence: [{ term: 'python', start: 120, end: 126, section: 'experience', modality: 'normal', strength: 1 }] }],
          gaps: [{ id: 'cpp', reason: 'not-mentioned', advice: 'Name C++ work if you have done some.' }], warnings: [],
        },
      }),
      'analysis.failed': callbackWebhook('A webhook analysis failed for good: the reason', 'CallbackFailed', {
        type: 'analysis.failed',
        ...CALLBACK_ENVELOPE,
        data: { applicationId: 'app_123', candidateId: 'cand_9', jobId: 'job_7', analysisId: CALLBACK_ENVELOPE.analysisId, error: 'fetch-failed: The server answered 503.' },
      }),
    },
  };
}

/** Headers every callback carries (Standard Webhooks, signed with CALLBACK_SECRET). */
const CALLBACK_HEADERS = {
  'webhook-id': { description: 'The delivery id: the same on every retry of this callback, and `deliveryId` in the body.', schema: { type: 'string' } },
  'webhook-timestamp': { description: 'Unix time of this attempt, in seconds.', schema: { type: 'string' } },
  'webhook-signature': { description: 'v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the callback secret.', schema: { type: 'string' } },
};

/** The callbacks this service sends to CALLBACK_URL: OpenAPI 3.1's webhooks section. */
function callbackWebhook(summary: string, schema: string, example: Record<string, unknown>): JsonSchema {
  return {
    post: {
      summary,
      parameters: Object.entries(CALLBACK_HEADERS).map(([name, h]) => ({ name, in: 'header', required: true, ...h })),
      requestBody: { content: { 'application/json': { schema: ref(schema), example } } },
      responses: {
        '2XX': { description: 'Delivered: not sent again.' },
        '410': { description: 'Gone: callbacks are disabled until an operator retries a delivery (POST /v1/deliveries/{id}/retry).' },
        '429': { description: 'Sent again after Retry-After.' },
        '503': { description: 'Sent again after Retry-After.' },
        default: { description: 'Sent again along CALLBACK_SCHEDULE; after the last attempt, a dead letter (GET /v1/deliveries?status=failed).' },
      },
    },
  };
}

const CALLBACK_ENVELOPE = { timestamp: '2026-03-02T10:15:00.000Z', analysisId: '2b1f7c1e-8a57-4f5e-9a51-6b5d8d2c1f00', deliveryId: 'msg_4b0d2b8f-2f0e-4d8c-9f5e-1b7f5d0c9e11' };

let cached: string | undefined;

/**
 * The document as YAML, as served at /openapi.yaml and written to docs/openapi.yaml. The YAML
 * writer is loaded on the first request for it: the service has no other use for it.
 */
export function openApiYaml(): string {
  if (cached === undefined) {
    const { stringify } = require('yaml') as typeof import('yaml');
    cached = `# Generated from src/http/schemas.ts and src/http/openapi.ts by \`npm run openapi\`; do not edit.\n${stringify(openApiDocument(), { lineWidth: 0 })}`;
  }
  return cached;
}
