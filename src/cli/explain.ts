import type { Analyzer } from '../app/ports';
import type { KindRequest } from '../core/4-analyze/schema';

export interface ExplainOptions {
  kind: KindRequest;
  skill?: string | undefined;
  showText: boolean;
}

/** Prints every stage for one document: text, sections, mentions with their verdicts, scores, gaps. */
export async function explainDocument(analyzer: Analyzer, bytes: Uint8Array, filename: string, options: ExplainOptions, write: (line: string) => void): Promise<void> {
  const out = (s = ''): void => write(s);
  const { kind, skill } = options;
  const { extraction, analysis, trace } = await analyzer.analyze(bytes, { filename }, kind, { trace: true });
  // Asked for, the trace is always there: the analysis ran in this thread.
  if (!trace) throw new Error('the analyzer returned no trace');
  out(`== 1. Extraction: ${extraction.format}, ${extraction.pages ?? '-'} page(s), ${extraction.chars} chars, quality ${extraction.quality.status}`);
  for (const w of extraction.quality.warnings) out(`   warning ${w.code}: ${w.message}`);
  if (options.showText) out(extraction.text.replace(/^/gm, '   | '));
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
}
