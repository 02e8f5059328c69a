/** `npm run lexicon:check [-- <lexicon dir>]`: see src/tools/lexicon-check.ts. */
import { lexiconCheck } from '../src/tools/lexicon-check';

process.exitCode = lexiconCheck(process.argv[2], (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
