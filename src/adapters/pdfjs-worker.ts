import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * pdf.js, as pdf-parse ships it, with one lookup made fast. To read a CFF font (Typst and many
 * LaTeX PDFs embed them) pdf.js looks each glyph name up in the font's string table with
 * Array.indexOf, through the 391 standard strings first: thousands of glyphs times hundreds of
 * comparisons, 30% of the time it takes to read a Typst CV (a CPU profile of the benchmark's
 * slowest file). The same module is loaded here with that lookup done through a Map built on first
 * use, which returns what indexOf returns (the first index of a string, or -1).
 *
 * The module is pdf-parse's own file, changed in memory and imported from a data: URL (nothing is
 * written to disk), and handed to pdf.js as `globalThis.pdfjsWorker`, which pdf.js uses in place of
 * loading its worker file. If pdf-parse's file no longer holds the code this expects, or the
 * import fails, pdf.js loads its own file as before: slower, never different.
 */
const INDEXOF_LOOKUP = 'getSID(e){let t=Ma.indexOf(e);if(-1!==t)return t;t=this.strings.indexOf(e);return-1!==t?t+Da:-1}';
const MAP_LOOKUP =
  'getSID(e){const s=Ma.__sidIndex??=new Map(Ma.map((v,i)=>[v,i]).reverse());let t=s.get(e);if(void 0!==t)return t;' +
  'if(this.__sidArr!==this.strings){this.__sidArr=this.strings;this.__sidMap=new Map();this.__sidLen=0}' +
  'const m=this.__sidMap;for(;this.__sidLen<this.strings.length;this.__sidLen++){const v=this.strings[this.__sidLen];m.has(v)||m.set(v,this.__sidLen)}' +
  't=m.get(e);return void 0!==t?t+Da:-1}';

/** The worker module's source with the lookup replaced, or null when the expected code is not there exactly once. */
export function patchedWorkerSource(source: string): string | null {
  const at = source.indexOf(INDEXOF_LOOKUP);
  if (at < 0 || source.indexOf(INDEXOF_LOOKUP, at + 1) >= 0) return null;
  return source.slice(0, at) + MAP_LOOKUP + source.slice(at + INDEXOF_LOOKUP.length);
}

interface PdfJsGlobal {
  pdfjsWorker?: unknown;
}

let loading: Promise<boolean> | undefined;

/** Installs the faster module for this thread once; resolves to whether it is in use. */
export function usePatchedPdfJsWorker(): Promise<boolean> {
  loading ??= (async () => {
    const global = globalThis as PdfJsGlobal;
    if (global.pdfjsWorker) return false;
    try {
      const file = path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs');
      const patched = patchedWorkerSource(readFileSync(file, 'utf8'));
      if (!patched) return false;
      // sourceURL: stack traces name the module instead of quoting its 2 MB data: URL.
      const named = `${patched}\n//# sourceURL=pdf.worker.indexed-lookup.mjs\n`;
      const module = (await import(`data:text/javascript;base64,${Buffer.from(named).toString('base64')}`)) as { WorkerMessageHandler?: unknown };
      if (!module.WorkerMessageHandler) return false;
      global.pdfjsWorker = module;
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}
