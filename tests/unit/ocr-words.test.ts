import { alignOcrWords, confidenceOver, countWords, type OcrWord } from '../../src/core/1-text/ocr-words';

/** OCR words from a line of text, each with the confidence given (or 90). */
const read = (line: string, confidences: Record<string, number> = {}): OcrWord[] => line.split(/\s+/).filter(Boolean).map((text) => ({ text, confidence: confidences[text] ?? 90 }));

describe('placing OCR words in the extracted text', () => {
  it('each word gets its place and its confidence, punctuation aside', () => {
    const text = 'Wrote Go services; tuned Redis caches.';
    const spans = alignOcrWords(text, [{ words: read('Wrote Go services; tuned Redis caches.', { 'Redis': 41 }), wordsBefore: 0 }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Wrote', 'Go', 'services', 'tuned', 'Redis', 'caches']);
    expect(confidenceOver(spans, text.indexOf('Redis'), text.indexOf('Redis') + 5)).toBe(41);
  });

  it('a word broken at a line end and joined by normalisation takes the lower confidence of its pieces', () => {
    const text = 'Led the migration of reporting dashboards.';
    const spans = alignOcrWords(text, [{ words: read('Led the mi- gration of reporting dashboards.', { 'mi-': 80, gration: 55 }), wordsBefore: 0 }]);
    const at = text.indexOf('migration');
    expect(confidenceOver(spans, at, at + 'migration'.length)).toBe(55);
  });

  it('words the normalisation dropped are skipped without losing the rest', () => {
    const text = 'Skills Terraform and Ansible';
    const spans = alignOcrWords(text, [{ words: read('Skills ☎ ® Terraform and Ansible', { Ansible: 62 }), wordsBefore: 0 }]);
    const at = text.indexOf('Ansible');
    expect(confidenceOver(spans, at, at + 7)).toBe(62);
    expect(spans).toHaveLength(4);
  });

  it('a scanned page after a text page is placed after it, even where both hold the same words', () => {
    const textPage = 'Experience with Kafka streams and Kafka connectors.';
    const text = `${textPage}\n\nKafka administration and Kafka security.`;
    const spans = alignOcrWords(text, [{ words: read('Kafka administration and Kafka security.', { Kafka: 50 }), wordsBefore: countWords(textPage) }]);
    // No span falls on the text page, whose words share "Kafka" and "and" with the scan.
    expect(spans.every((s) => s.start > textPage.length)).toBe(true);
    expect(spans).toHaveLength(5);
  });

  it('a mention over text OCR did not read has no confidence', () => {
    const text = 'Typed page. Scanned: Haskell';
    const spans = alignOcrWords(text, [{ words: read('Scanned: Haskell'), wordsBefore: 2 }]);
    expect(confidenceOver(spans, 0, 5)).toBeUndefined();
    expect(confidenceOver(spans, text.indexOf('Haskell'), text.length)).toBe(90);
  });
});
