/**
 * Builds the web page into dist/web (or the folder given): one bundled, minified script made by
 * esbuild from src/web, the HTML and the stylesheet. Nothing is fetched at run time.
 *   tsx scripts/build-web.ts [out dir]
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../src/main/paths';

const SOURCE = path.join(ROOT, 'src', 'web');
export const DEFAULT_WEB_OUT = path.join(ROOT, 'dist', 'web');

export async function buildWeb(outDir: string = DEFAULT_WEB_OUT): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(SOURCE, 'main.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    tsconfig: path.join(SOURCE, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(path.join(SOURCE, file), path.join(outDir, file));
}

if (require.main === module) {
  buildWeb(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
