/**
 * The `skillmatch` command: the core in-process, no server needed.
 *   skillmatch analyze [--kind cv|job|auto] [--json|--csv] <file>...
 *   skillmatch match --job <file> [--json|--csv] <cv files or folders>...
 *   skillmatch lexicon check [<lexicon dir>]
 *   skillmatch explain [--kind cv|job|auto] [--skill id] [--no-text] <file>
 *   skillmatch serve
 * Exit codes: 0 success, 1 some files failed (each reported on stderr), 2 bad usage, 130 stopped by Ctrl-C.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analysisBody } from '../app/analyze-document';
import { matchUploads, problemEntry, type DocumentUpload } from '../app/match-batch';
import { streamMatches } from '../app/match-stream';
import { SkillmatchError } from '../core/0-base/errors';
import type { Analyzer } from '../app/ports';
import { kindRequestSchema, type KindRequest } from '../core/4-analyze/schema';
import { csvCell, matchToCsv } from '../core/5-match/match';
import type { Match, MatchResult } from '../core/5-match/schema';
import { explainDocument } from './explain';

/** What the commands need, wired by the composition root (src/main/cli.ts). */
export interface CliDeps {
  /** The pipeline in this process, for one command; closed when the command ends. */
  openAnalyzer(): { analyzer: Analyzer; close(): Promise<void> };
  /** `skillmatch serve`: the HTTP service, as npm start. */
  serve(): Promise<void>;
  /** `skillmatch lexicon check [dir]`: the exit code. */
  checkLexicon(dir: string | undefined, out: (line: string) => void, err: (line: string) => void): number;
}

const USAGE = `usage:
  skillmatch analyze [--kind cv|job|auto] [--json | --csv] <file>...
  skillmatch match --job <file> [--json | --csv] <cv file or folder>...
  skillmatch match --job <file> --jsonl [--out <file> [--resume]] [--concurrency <n>] <cv folder>...
  skillmatch lexicon check [<lexicon dir>]
  skillmatch explain [--kind cv|job|auto] [--skill <id>] [--no-text] <file>
  skillmatch serve`;

/** The options of each command: the parser refuses others, and the help text names them all (tested). */
export const COMMAND_FLAGS = {
  analyze: { valued: ['--kind'], switches: ['--json', '--csv'] },
  match: { valued: ['--job', '--out', '--concurrency'], switches: ['--json', '--csv', '--jsonl', '--resume'] },
  explain: { valued: ['--kind', '--skill'], switches: ['--no-text'] },
} as const satisfies Record<string, { valued: readonly string[]; switches: readonly string[] }>;

export const HELP = `skillmatch: résumé and job-ad skill matching for the Machine Learning Engineer role,
in-process (no server needed).

${USAGE.replace(/^usage:\n/, 'Usage:\n')}
  skillmatch --help

Commands:
  analyze <file>...      Coverage of the role for each CV or job ad (PDF, DOCX, text, Markdown, HTML).
  match --job <file> <cv file or folder>...
                         Ranks the CVs against the job ad, best first; folders are read for documents.
  explain <file>         Every stage for one document: text, sections, mentions, context, scores.
  lexicon check [<dir>]  Validates the lexicon (default: lexicon/) and says how to fix what is wrong.
  serve                  Starts the HTTP service, as npm start (settings from the environment).

Options:
  --job <file>           match: the job ad to rank against (required).
  --kind cv|job|auto     analyze, explain: what the document is (default auto: detected).
  --json                 analyze, match: the API's JSON instead of a table, with filenames as given.
  --csv                  analyze, match: CSV instead of a table (one row per file).
  --jsonl                match: one JSON line per CV, written as each is matched (unranked: sort by
                         "score"); for folders of thousands, in flat memory.
  --out <file>           match --jsonl: append the lines to this file instead of stdout.
  --resume               match --jsonl --out: skip the CVs already in the file (after Ctrl-C).
  --concurrency <n>      match --jsonl: CVs analysed at once (default 4).
  --skill <id>           explain: show only this skill's mentions and score (ids: see GET /v1/lexicon).
  --no-text              explain: leave out the extracted text.
  -h, --help             This help.

Output goes to stdout; problems, and a progress bar for more than three files on a terminal, to stderr.
Ctrl-C during match --jsonl lets the CVs in progress finish and keeps every line written whole.
Exit codes: 0 success; 1 some files failed (each reported on stderr, the rest processed); 2 bad usage;
130 stopped by Ctrl-C (match --jsonl).`;

const DOCUMENT_EXTENSIONS = /\.(pdf|docx|txt|text|md|markdown|html?|xhtml|png|jpe?g|tiff?)$/i;
const EXTENSIONS_SAID = '.pdf, .docx, .txt, .md, .html, and scans as .png, .jpg, .tif';

class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (for the progress bar). */
  tty: boolean;
  /** Registers what to do on Ctrl-C (SIGINT) while a long command runs; returns how to unregister it. */
  onInterrupt?(handler: () => void): () => void;
}

interface Parsed {
  flags: Map<string, string | true>;
  positional: string[];
}

function parseArgs(args: string[], valued: string[]): Parsed {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      if (valued.includes(a)) {
        const value = args[++i];
        if (value === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(a, value);
      } else flags.set(a, true);
    } else positional.push(a);
  }
  return { flags, positional };
}

function kindOf(flags: Parsed['flags']): KindRequest {
  const kind = kindRequestSchema.safeParse(flags.get('--kind') ?? 'auto');
  if (!kind.success) throw new UsageError(`--kind takes ${kindRequestSchema.options.join(', ')}`);
  return kind.data;
}

function format(flags: Parsed['flags']): 'table' | 'json' | 'csv' {
  if (flags.has('--json') && flags.has('--csv')) throw new UsageError('choose --json or --csv');
  return flags.has('--json') ? 'json' : flags.has('--csv') ? 'csv' : 'table';
}

function checkFlags(flags: Parsed['flags'], known: string[]): void {
  for (const f of flags.keys()) if (!known.includes(f)) throw new UsageError(`unknown option ${f}`);
}

function commandArgs(command: keyof typeof COMMAND_FLAGS, args: string[]): Parsed {
  const { valued, switches } = COMMAND_FLAGS[command];
  const parsed = parseArgs(args, [...valued]);
  checkFlags(parsed.flags, [...valued, ...switches]);
  return parsed;
}

/** Files as given, with folders expanded to the documents inside them (sorted); a folder with none is a usage error. */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let inside: string[] | undefined;
    try {
      if (statSync(p).isDirectory()) inside = readdirSync(p).filter((f) => DOCUMENT_EXTENSIONS.test(f)).sort().map((f) => path.join(p, f));
    } catch {
      /* a missing path is reported when it is read */
    }
    if (inside?.length === 0) throw new UsageError(`the folder ${p} holds no documents (${EXTENSIONS_SAID})`);
    return inside ?? [p];
  });
}

function progress(io: Io, total: number): ((done: number) => void) | undefined {
  if (total <= 3 || !io.tty) return undefined;
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** A file name in a column: long paths keep their end (the file's own name), not their shared start. */
function padPath(file: string, width: number): string {
  return file.length > width ? `…${file.slice(file.length - width + 1)}` : file.padEnd(width);
}

async function analyze(analyzer: Analyzer, args: string[], io: Io): Promise<number> {
  const { flags, positional } = commandArgs('analyze', args);
  const kind = kindOf(flags);
  const how = format(flags);
  const files = expand(positional);
  if (files.length === 0) throw new UsageError('name at least one file');
  const tick = progress(io, files.length);
  let failed = 0;
  const results: Array<Record<string, unknown>> = [];
  for (const [i, file] of files.entries()) {
    try {
      // As POST /v1/analyze answers by default (explain shows the noun phrases too).
      const { extraction, analysis } = await analyzer.analyze(readFileSync(file), { filename: file }, kind, { unmappedNounPhrases: false });
      results.push(analysisBody(extraction, analysis));
    } catch (error) {
      failed++;
      const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? { code: 'not-found', status: 404, title: 'No such file', detail: `${file} does not exist.` } : problemEntry(error);
      io.err(`${file}: ${problem.code}: ${problem.detail}\n`);
      results.push({ filename: file, error: problem });
    }
    tick?.(i + 1);
  }
  if (how === 'json') io.out(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  else if (how === 'csv') {
    const rows = results.map((r) => {
      const a = r as { filename: string; kind?: string; coverage?: number; gap?: number; skills?: Array<{ id: string; present: boolean }>; error?: { code: string; detail: string } };
      return [a.filename, a.kind ?? '', a.coverage?.toFixed(3) ?? '', a.gap?.toFixed(3) ?? '', (a.skills ?? []).filter((s) => s.present).map((s) => s.id).join(';'), a.error ? `${a.error.code}: ${a.error.detail}` : '']
        .map(csvCell)
        .join(',');
    });
    io.out(`filename,kind,coverage,gap,present,error\r\n${rows.map((r) => `${r}\r\n`).join('')}`);
  } else {
    io.out(`${padPath('file', 34)} ${pad('kind', 5)} ${pad('coverage', 9)} skills shown\n`);
    for (const r of results) {
      const a = r as { filename: string; kind?: string; coverage?: number; skills?: Array<{ id: string; present: boolean }>; error?: { code: string } };
      if (a.error) io.out(`${padPath(a.filename, 34)} error: ${a.error.code}\n`);
      else io.out(`${padPath(a.filename, 34)} ${pad(a.kind ?? '', 5)} ${pad((a.coverage ?? 0).toFixed(2), 9)} ${(a.skills ?? []).filter((s) => s.present).map((s) => s.id).join(', ')}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function readUpload(file: string): DocumentUpload {
  return { bytes: readFileSync(file), filename: file, mimeType: null };
}

/** The job ad of --job, read, and the CV files named (folders expanded). */
function jobAndCvFiles(flags: Parsed['flags'], positional: string[]): { jobAd: DocumentUpload; files: string[] } {
  const jobFile = flags.get('--job');
  if (typeof jobFile !== 'string') throw new UsageError('name the job ad with --job <file>');
  let jobAd: DocumentUpload;
  try {
    jobAd = readUpload(jobFile);
  } catch {
    throw new UsageError(`cannot read the job ad ${jobFile}`);
  }
  const files = expand(positional);
  if (files.length === 0) throw new UsageError('name at least one CV file or folder');
  return { jobAd, files };
}

async function match(analyzer: Analyzer, args: string[], io: Io): Promise<number> {
  const { flags, positional } = commandArgs('match', args);
  if (flags.has('--jsonl')) return matchStreamed(analyzer, flags, positional, io);
  for (const f of ['--out', '--resume', '--concurrency']) if (flags.has(f)) throw new UsageError(`${f} goes with --jsonl`);
  const how = format(flags);
  const { jobAd, files } = jobAndCvFiles(flags, positional);
  const cvs: DocumentUpload[] = [];
  const missing: string[] = [];
  for (const f of files) {
    try {
      cvs.push(readUpload(f));
    } catch {
      missing.push(f);
      io.err(`${f}: not-found: the file cannot be read\n`);
    }
  }
  const tick = progress(io, cvs.length);
  const result = await matchUploads(analyzer, jobAd, cvs, { onProgress: (done) => tick?.(done) });
  for (const r of result.results) if (r.error) io.err(`${r.filename}: ${r.error.code}: ${r.error.detail}\n`);
  if (how === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (how === 'csv') io.out(matchToCsv(result));
  else printRanking(result, io);
  return result.results.some((r) => r.error) || missing.length ? 1 : 0;
}

/**
 * The file names already written to a JSONL output, and its length up to the last whole line: a
 * line cut short (the process killed while writing) is dropped, and that CV is matched again.
 */
function alreadyWritten(file: string): { names: Set<string>; wholeBytes: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { names: new Set(), wholeBytes: 0 };
  }
  const names = new Set<string>();
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    try {
      const line = JSON.parse(text.slice(at, end)) as { filename?: unknown };
      if (typeof line.filename === 'string') names.add(line.filename);
    } catch {
      break; // not a line this command wrote: keep what came before it
    }
    at = end + 1;
  }
  return { names, wholeBytes: Buffer.byteLength(text.slice(0, at)) };
}

/** A result as a JSONL line: the job ad's evidence is the same on every line, so it is left out. */
function withoutJobEvidence(result: MatchResult): Omit<MatchResult, 'requirements'> & { requirements: Array<Omit<MatchResult['requirements'][number], 'jobEvidence'>> } {
  return { ...result, requirements: result.requirements.map(({ jobEvidence: _sameOnEveryLine, ...requirement }) => requirement) };
}

async function matchStreamed(analyzer: Analyzer, flags: Parsed['flags'], positional: string[], io: Io): Promise<number> {
  if (flags.has('--json') || flags.has('--csv')) throw new UsageError('choose one of --json, --csv and --jsonl');
  const out = flags.get('--out');
  if (flags.has('--resume') && typeof out !== 'string') throw new UsageError('--resume needs --out <file>: it reads the lines already there');
  const concurrencyFlag = flags.get('--concurrency') ?? '4';
  const concurrency = typeof concurrencyFlag === 'string' && /^\d+$/.test(concurrencyFlag) ? Number(concurrencyFlag) : NaN;
  if (!(concurrency >= 1 && concurrency <= 64)) throw new UsageError('--concurrency takes a whole number from 1 to 64');
  const { jobAd, files } = jobAndCvFiles(flags, positional);

  let skip = new Set<string>();
  let fd: number | undefined;
  if (typeof out === 'string') {
    if (flags.has('--resume')) {
      const written = alreadyWritten(out);
      skip = written.names;
      if (existsSync(out)) truncateSync(out, written.wholeBytes);
    } else if (existsSync(out) && statSync(out).size > 0) {
      throw new UsageError(`${out} already holds results: add --resume to go on from them, or name another file`);
    }
    fd = openSync(out, 'a');
  }
  const todo = files.filter((f) => !skip.has(f));
  if (skip.size > 0) io.err(`resuming: ${files.length - todo.length} of ${files.length} CVs already in ${String(out)}\n`);

  let interrupted = false;
  const release = io.onInterrupt?.(() => {
    interrupted = true;
    io.err('\nstopping: the CVs in progress finish and are written; run again with --resume to go on\n');
  });
  const tick = progress(io, todo.length);
  try {
    const summary = await streamMatches(
      analyzer,
      jobAd,
      todo,
      async (name) => {
        try {
          return await readFile(name);
        } catch {
          throw new SkillmatchError('not-found', `${name} cannot be read.`);
        }
      },
      {
        concurrency,
        stopped: () => interrupted,
        onResult(result, done) {
          // One write a line: a line is in the file whole or not at all.
          const line = `${JSON.stringify(withoutJobEvidence(result))}\n`;
          if (fd !== undefined) writeSync(fd, line);
          else io.out(line);
          if (result.error) io.err(`${result.filename}: ${result.error.code}: ${result.error.detail}\n`);
          tick?.(done);
        },
      },
    );
    io.err(`${summary.done} CVs matched${summary.failed ? `, ${summary.failed} could not be read` : ''}${summary.stopped ? `; stopped with ${todo.length - summary.done} to go (--resume goes on)` : ''}\n`);
    if (summary.stopped) return 130;
    return summary.failed > 0 ? 1 : 0;
  } finally {
    release?.();
    if (fd !== undefined) closeSync(fd);
  }
}

function printRanking(result: Match, io: Io): void {
  io.out(`${pad('rank', 5)} ${padPath('file', 34)} ${pad('score', 6)} met / asked  missing\n`);
  for (const r of result.results) {
    if (r.error) {
      io.out(`${pad('-', 5)} ${padPath(r.filename, 34)} error: ${r.error.code}\n`);
      continue;
    }
    const met = r.requirements.filter((q) => q.status === 'met').length;
    io.out(`${pad(String(r.rank), 5)} ${padPath(r.filename, 34)} ${pad((r.score ?? 0).toFixed(3), 6)} ${pad(`${met} / ${r.requirements.length}`, 12)} ${r.gaps.map((g) => g.skill).join(', ')}\n`);
  }
}

/** Runs one command; returns the exit code (-1: still running, as `serve`). */
export async function runCommand(argv: string[], io: Io, deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || ['-h', '--help', 'help'].includes(command) || rest.includes('--help') || rest.includes('-h')) {
    if (command === undefined) {
      io.err(`skillmatch: name a command\n${USAGE}\n`);
      return 2;
    }
    io.out(`${HELP}\n`);
    return 0;
  }
  try {
    if (command === 'serve') {
      await deps.serve();
      return -1; // keeps running
    }
    if (command === 'lexicon') {
      if (rest[0] !== 'check') throw new UsageError('skillmatch lexicon check [<lexicon dir>]');
      return deps.checkLexicon(rest[1], (l) => io.out(`${l}\n`), (l) => io.err(`${l}\n`));
    }
    if (!['analyze', 'match', 'explain'].includes(command ?? '')) throw new UsageError(command ? `unknown command ${command}` : 'name a command');
    const { analyzer, close } = deps.openAnalyzer();
    try {
      if (command === 'analyze') return await analyze(analyzer, rest, io);
      if (command === 'match') return await match(analyzer, rest, io);
      const { flags, positional } = commandArgs('explain', rest);
      const file = positional[0];
      if (!file || positional.length > 1) throw new UsageError('name one file to explain');
      const skill = flags.get('--skill');
      if (typeof skill === 'string' && !analyzer.lexicon.skills.has(skill)) {
        throw new UsageError(`--skill takes a skill id of the role: ${[...analyzer.lexicon.skills.keys()].join(', ')}`);
      }
      try {
        await explainDocument(analyzer, readFileSync(file), path.basename(file), { kind: kindOf(flags), skill: typeof skill === 'string' ? skill : undefined, showText: !flags.has('--no-text') }, (l) => io.out(`${l}\n`));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? { code: 'not-found', detail: `${file} does not exist.` } : problemEntry(error);
        io.err(`${file}: ${problem.code}: ${problem.detail}\n`);
        return 1;
      }
      return 0;
    } finally {
      await close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`skillmatch: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
