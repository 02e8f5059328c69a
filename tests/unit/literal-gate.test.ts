/**
 * Literal gates (src/core/0-base/literal-gate.ts): the literals a pattern cannot match without,
 * read from its source; one scan of a text for a group's literals; and, for the analysis's own
 * gates, the promise that makes them safe: a pattern that matches a sentence (or a window cut
 * from it at a word's edge) is never gated off it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LiteralGate, requiredLiterals, type Literal } from '../../src/core/0-base/literal-gate';
import { CONTEXT_GATE } from '../../src/core/4-analyze/context';
import { VOICE_GATE } from '../../src/core/4-analyze/voice';
import { splitSentences } from '../../src/core/1-text/sentences';
import { tokenize } from '../../src/core/1-text/tokenize';

const textsOf = (literals: Literal[] | null): string[] | null => (literals === null ? null : literals.map((l) => l.text).sort());

describe('requiredLiterals', () => {
  it('takes the words of an alternation, an optional last letter left off', () => {
    expect(textsOf(requiredLiterals(/\b(?:seldom|hardly|rarely|scarcely)\b|\blacks?\b/))).toEqual(['hardly', 'lack', 'rarely', 'scarcely', 'seldom']);
  });

  it('puts the word boundaries the pattern sets around a literal with it', () => {
    expect(requiredLiterals(/\bseldom\b/)).toEqual([{ text: 'seldom', boundaryBefore: true, boundaryAfter: true }]);
    // The optional "s" may stand between the word and its boundary.
    expect(requiredLiterals(/\bpitfalls?\b/)).toEqual([{ text: 'pitfall', boundaryBefore: true, boundaryAfter: false }]);
    // A group's boundaries go to the literals that open or close it.
    expect(requiredLiterals(/\b(?:seldom|rarely)\b/)).toEqual([
      { text: 'seldom', boundaryBefore: true, boundaryAfter: true },
      { text: 'rarely', boundaryBefore: true, boundaryAfter: true },
    ]);
    // A literal space is part of the literal; the boundary after it is the pattern's.
    expect(requiredLiterals(/\b(?:mostly|largely) remote\b/)).toEqual([{ text: ' remote', boundaryBefore: false, boundaryAfter: true }]);
  });

  it('keeps the most selective of a sequence’s requirements', () => {
    expect(textsOf(requiredLiterals(/\d+\s*(?:fortnights?|wks?)\b/))).toEqual(['fortnight', 'wk']);
    expect(textsOf(requiredLiterals(/(?:an?|one) (?:semester|term)-long/))).toEqual(['-long']);
  });

  it('reads lookarounds and anchors as reading no characters, and folds case', () => {
    expect(textsOf(requiredLiterals(/(?<=\()Optional(?=\))/))).toEqual(['optional']);
    expect(textsOf(requiredLiterals(/^\s*N\/A$/))).toEqual(['n/a']);
    expect(textsOf(requiredLiterals(/GmbH|S\.A\./))).toEqual(['gmbh', 's.a.']);
  });

  it('requires nothing of a pattern that can match without a literal', () => {
    for (const pattern of [/\d{4}/, /grey|\w+/, /(?:quite )?/, /z*/, /[aeiou]{2}/]) expect(requiredLiterals(pattern)).toBeNull();
  });

  it('gives no requirement for syntax it does not follow, so the pattern is always tried', () => {
    expect(requiredLiterals(/(ab)\1/)).toBeNull();
    expect(requiredLiterals(/\u2019s\b/)).toBeNull();
    // Under the v flag a class may nest and subtract: read wrongly, it would gate wrongly.
    expect(requiredLiterals(new RegExp('[\\p{L}--[a-z]]ovo', 'v'))).toBeNull();
  });

  it('carries no outer boundary into a group that may repeat', () => {
    expect(requiredLiterals(/\b(?:la)+\b/)).toEqual([{ text: 'la', boundaryBefore: false, boundaryAfter: false }]);
  });
});

describe('LiteralGate', () => {
  const SELDOM = /\bseldom\b/i;
  const QUARTERS = /\bquarters?\b/i;
  const FOUR_DIGITS = /\d{4}/;
  const CREW_AFTER = /^\s*crew\b/i;
  const gate = new LiteralGate([SELDOM, QUARTERS, FOUR_DIGITS], [CREW_AFTER]);

  it('says which patterns may match a text', () => {
    const bits = gate.scan('Two quarters on the billing service');
    expect(gate.may(bits, QUARTERS)).toBe(true);
    expect(gate.may(bits, SELDOM)).toBe(false);
    // No literal to require: always tried.
    expect(gate.may(bits, FOUR_DIGITS)).toBe(true);
  });

  it('tries a pattern on a text only where the bits of its scan let it', () => {
    const bits = gate.scan('Two quarters on the billing service');
    expect(gate.test(bits, QUARTERS, 'two quarters')).toBe(true);
    expect(gate.test(bits, QUARTERS, 'no such word')).toBe(false);
    // Gated off by the scan: the pattern is not tried, whatever text is handed in.
    expect(gate.test(bits, SELDOM, 'seldom')).toBe(false);
    // A pattern the gate does not hold is always tried.
    expect(gate.test(bits, /billing/, 'billing')).toBe(true);
  });

  it('reads letters in any case', () => {
    expect(gate.may(gate.scan('I SELDOM deploy on Fridays'), SELDOM)).toBe(true);
  });

  it('keeps a pattern off a word that only holds its literal, when the pattern needs the boundaries', () => {
    expect(gate.may(gate.scan('headquarters in Leeds'), QUARTERS)).toBe(false);
    // The optional "s" leaves the end open: "quartered" may still be tried, in vain.
    expect(gate.may(gate.scan('quartered in Leeds'), QUARTERS)).toBe(true);
  });

  it('goes on checking a literal’s boundaries for a pattern not yet found, after another with the same literal is', () => {
    const OPENS_WITH_OPS = /\bops/i;
    const ENDS_WITH_OPS = /ops\b/i;
    const both = new LiteralGate([OPENS_WITH_OPS, ENDS_WITH_OPS]);
    // "opsx" lets the first through, not the second; "devops" later lets the second through.
    const bits = both.scan('opsx rota for the devops');
    expect(both.may(bits, OPENS_WITH_OPS)).toBe(true);
    expect(both.may(bits, ENDS_WITH_OPS)).toBe(true);
    expect(both.may(both.scan('opsx rota'), ENDS_WITH_OPS)).toBe(false);
    // A literal whose boundaries fail where it first stands is still found where they hold.
    expect(gate.may(gate.scan('headquarters moved; two quarters later'), QUARTERS)).toBe(true);
  });

  it('reads a window pattern’s literal without its boundaries: a cut may make one', () => {
    // "… the screwcrew" cut before "crew" gives a window that opens with it.
    const bits = gate.scan('with the screwcrew');
    expect(gate.may(bits, CREW_AFTER)).toBe(true);
    expect(CREW_AFTER.test('crew')).toBe(true);
  });

  it('reads a sentence so that its scan serves its lower case', () => {
    // "İ" lower-cases to "i" and a combining dot: a window of the lower case may end at the "i".
    const DOTTED = /aydi$/;
    const sentence = 'HAYDİ gidelim';
    expect(DOTTED.test(sentence.toLowerCase().slice(0, 5))).toBe(true);
    const dotted = new LiteralGate([], [DOTTED]);
    expect(dotted.may(dotted.scan(sentence), DOTTED)).toBe(true);
  });

  it('folds as a case-insensitive Unicode pattern matches', () => {
    const LONG_S = /\bsql\b/iu;
    const longS = 'written in \u017fql';
    expect(LONG_S.test(longS)).toBe(true);
    const unicode = new LiteralGate([LONG_S]);
    expect(unicode.may(unicode.scan(longS), LONG_S)).toBe(true);
    const KELVIN = /\bkafka\b/iu;
    const kelvin = 'streams on \u212aafka';
    expect(KELVIN.test(kelvin)).toBe(true);
    const k = new LiteralGate([KELVIN]);
    expect(k.may(k.scan(kelvin), KELVIN)).toBe(true);
  });

  it('lets through any pattern it does not hold', () => {
    expect(gate.may(0, /anything/)).toBe(true);
  });

  it('holds at most 30 patterns', () => {
    expect(() => new LiteralGate(Array.from({ length: 31 }, (_, k) => new RegExp(`word${k}`)))).toThrow(RangeError);
  });
});

/** Text files to read sentences from: the fixtures, and the development sets when they are here. */
function sampleTexts(): string[] {
  const root = path.join(__dirname, '..', '..');
  const files = ['plain-cv.txt', 'cv.md', 'ml-engineer-job.md', 'cv-page.html'].map((f) => path.join(root, 'fixtures', f));
  const shared = path.join(root, '..', 'shared', 'eval');
  if (existsSync(shared)) {
    for (const set of readdirSync(shared)) {
      const dir = path.join(shared, set);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) if (/\.(?:txt|md|html)$/.test(f)) files.push(path.join(dir, f));
    }
  }
  return files.map((f) => readFileSync(f, 'utf8'));
}

describe('the analysis’s gates keep no pattern from a sentence it matches', () => {
  const sentences = sampleTexts().flatMap((text) => splitSentences(text).map((s) => text.slice(s.start, s.end).replace(/\n/g, ' ')));

  // The rules scan a sentence as written; its windows are cut from it and from its lower case.
  const windowsOf = (text: string): string[] => {
    const edges = [0, text.length, ...tokenize(text).flatMap((t) => [t.start, t.end])];
    return [text, ...edges.map((e) => text.slice(0, e)), ...edges.map((e) => text.slice(e))];
  };

  it.each([
    ['sentence cues and mention windows', CONTEXT_GATE],
    ['voice', VOICE_GATE],
  ])('%s', (_name, gate) => {
    let matched = 0;
    const missed: string[] = [];
    for (const sentence of sentences) {
      const bits = gate.scan(sentence);
      const windows = [...windowsOf(sentence), ...windowsOf(sentence.toLowerCase())];
      const check = (pattern: RegExp, texts: string[]): void => {
        for (const text of texts) {
          pattern.lastIndex = 0;
          if (!pattern.test(text)) continue;
          matched++;
          if (!gate.may(bits, pattern)) missed.push(`/${pattern.source.slice(0, 40)}…/ on "${text.slice(0, 60)}"`);
        }
        pattern.lastIndex = 0;
      };
      for (const pattern of gate.wholePatterns) check(pattern, [sentence]);
      for (const pattern of gate.windowPatterns) check(pattern, windows);
    }
    expect(missed).toEqual([]);
    // Not vacuous: the sentences do match the patterns, many times.
    expect(matched).toBeGreaterThan(20);
  });
});
