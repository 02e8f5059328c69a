/**
 * `npm run explain -- <file> [--kind cv|job] [--skill id]`: every stage for one document: the
 * extracted text and sections, each mention with the rule that matched and the verdict on it,
 * and the scores. Runs the core in-process; no server needed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { isSkillmatchError } from '../src/core/errors';
import { createServices } from '../src/services';

function usage(): never {
  process.stderr.write('usage: npm run explain -- <file> [--kind cv|job|auto] [--skill <skill id>] [--no-text]\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--kind', '--skill'].includes(args[i - 1] ?? ''));
  if (!file) usage();
  const kindArg = args[args.indexOf('--kind') + 1];
  const kind = args.includes('--kind') ? kindArg : 'auto';
  if (kind !== 'cv' && kind !== 'job' && kind !== 'auto') usage();
  const skill = args.includes('--skill') ? args[args.indexOf('--skill') + 1] : undefined;
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', PDF_WORKERS: '1' }));
  try {
    const { extraction, analysis, trace } = await services.analyzer.analyze(readFileSync(file), { filename: path.basename(file) }, kind);
    const out = (s = ''): boolean => process.stdout.write(`${s}\n`);
    out(`== 1. Extraction: ${extraction.format}, ${extraction.pages ?? '-'} page(s), ${extraction.chars} chars, quality ${extraction.quality.status}`);
    for (const w of extraction.quality.warnings) out(`   warning ${w.code}: ${w.message}`);
    if (!args.includes('--no-text')) out(extraction.text.replace(/^/gm, '   | '));
    out(`\n== 2. Sections`);
    for (const s of extraction.sections) out(`   ${s.kind.padEnd(16)} "${s.title}" [${s.start}, ${s.end})`);
    out(`\n== 3. Mentions (${trace.tokens} tokens, ${trace.sentences} sentences; lexicon ${analysis.lexiconVersion})`);
    for (const t of trace.mentions) {
      if (skill && !(skill in t.mention.term.entry.skills)) continue;
      const j = t.judgement;
      const verdict = j.accepted ? `${j.modality}${j.cue ? ` ("${j.cue}")` : ''}${j.years ? `, ${j.years} years` : ''}${j.requirement ? `, ${j.requirement}` : ''}` : `REJECTED: ${j.rejected}`;
      const skills = Object.entries(t.mention.term.entry.skills).map(([k, v]) => `${k} ${v}`).join(', ');
      out(`   @${t.mention.start} "${extraction.text.slice(t.mention.start, t.mention.end)}" -> ${t.mention.term.entry.id} [${t.mention.rule}] {${skills}} in ${t.section ?? '-'}: ${verdict}`);
    }
    out(`\n== 4. Scores: ${analysis.kind} (confidence ${analysis.kindConfidence}), coverage ${analysis.coverage}, gap ${analysis.gap}`);
    for (const c of analysis.categories) out(`   ${c.id.padEnd(18)} weight ${c.weight}  coverage ${c.coverage}`);
    for (const s of analysis.skills) {
      if (skill && s.id !== skill) continue;
      out(`   ${s.present ? '✓' : ' '} ${s.id.padEnd(22)} strength ${s.strength.toFixed(2)}${s.requirement ? ` ${s.requirement}` : ''}${s.years !== null ? ` ${s.years}y` : ''}  (${s.evidence.length} evidence)`);
    }
    out(`\n== 5. Gaps`);
    for (const g of analysis.gaps) out(`   ${g.id.padEnd(22)} ${g.reason}: ${g.detail}`);
    out(`\n== Unmapped terms: ${analysis.unmappedTerms.join(', ') || '(none)'}`);
  } catch (error) {
    if (isSkillmatchError(error)) {
      process.stderr.write(`${error.code}: ${error.detail}\n`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await services.close();
  }
}

void main();
