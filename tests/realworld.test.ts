import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../src/core/1-text/schema';
import { createTestService, hasShared, SHARED, type TestService } from './helpers';

/**
 * Real CVs made by public templates and tools (../shared/realworld, beside the checkout). A plain
 * clone has no such folder: the suite is skipped, and the quirks it covers are also tested on
 * minimal strings in tests/unit/normalise.test.ts.
 */
const REALWORLD = path.join(SHARED, 'realworld');
const describeShared = hasShared ? describe : describe.skip;

describeShared('real-world CVs from public templates and tools', () => {
  let svc: TestService;
  const results = new Map<string, Extraction>();
  const files = hasShared ? readdirSync(REALWORLD).filter((f) => /\.(pdf|docx|html)$/.test(f)) : [];

  beforeAll(async () => {
    svc = createTestService();
    for (const file of files) {
      results.set(file, await svc.services.extractor.extract(readFileSync(path.join(REALWORLD, file)), { filename: file }));
    }
  }, 120_000);
  afterAll(() => svc?.close());

  const get = (file: string): Extraction => {
    const doc = results.get(file);
    if (!doc) throw new Error(`${file} was not extracted`);
    return doc;
  };

  it('every document extracts to clean, readable text with sections', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const doc = get(file);
      const summary = { file, quality: doc.quality.status };
      expect(summary).toEqual({ file, quality: 'ok' });
      expect(doc.text.length).toBeGreaterThan(1000);
      // No icon glyphs, control characters, soft hyphens, ligatures or replacement characters.
      expect({ file, bad: doc.text.match(/[\uE000-\uF8FF\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\uFB00-\uFB06\uFFFD]/gu) }).toEqual({ file, bad: null });
      expect({ file, hyphenBreaks: doc.text.match(/\p{Ll}-\n\p{Ll}+/gu) }).toEqual({ file, hyphenBreaks: null });
      expect(doc.sections.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('Word on macOS (every space TAB+CR+NBSP, hyphen+soft hyphen+U+2010): words and hyphens intact', () => {
    const doc = get('openresume-example_laverne_word-quartz.pdf');
    expect(doc.text).toContain('To obtain an on-campus position serving my fellow students');
    expect(doc.text).toContain('(909) 555-5555');
    expect(doc.text).not.toMatch(/\w--\w/);
  });

  it('Typst with U+00AD at line-end hyphenation and ligatures kept: words joined and expanded', () => {
    expect(get('rendercv_classic_john-doe_typst.pdf').text).not.toContain('\u00AD');
    expect(get('nnjr_jake-ryan_typst.pdf').text).toContain('Artificial Intelligence Research Assistant');
  });

  it('a hidden ATS keyword line (Typst, brilliant-CV) is not read, and is reported', () => {
    const doc = get('brilliant-cv_typst.pdf');
    expect(doc.text).not.toContain('Data Analyst GCP Python SQL Tableau');
    expect(doc.quality.warnings.map((w) => w.code)).toContain('hidden-text');
  });

  it('HTML with the e-mail address written as character entities is decoded', () => {
    expect(get('resume-md_richard-hendricks.html').text).toMatch(/[\w.]+@[\w.]+/);
  });

  it('HTML built from class-named divs only (no h1-h6) still yields its sections', () => {
    const kinds = get('jsonresume-theme-actual_richard-hendriks.html').sections.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['experience', 'skills', 'education']));
  });

  it('DOCX states its page count; the Word PDF and DOCX of one template read alike', () => {
    expect(get('word365-template_resume.docx').pages).toBe(1);
    const pdfSections = get('word365-template_resume.pdf').sections.map((s) => s.kind);
    expect(get('word365-template_resume.docx').sections.map((s) => s.kind)).toEqual(pdfSections);
  });

  it('sidebar layouts keep each block together (Chromium, pdfTeX)', () => {
    const gengar = get('reactive-resume_gengar_chromium.pdf').text;
    expect(gengar).toContain('John Doe');
    expect(gengar).toMatch(/Web Technologies\nAdvanced\nHTML5, JavaScript, PHP, Python/);
    const altacv = get('altacv_sample_pdflatex.pdf').text;
    expect(altacv).not.toMatch(/\\fa[A-Z]/);
  });
});
