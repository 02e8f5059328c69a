#!/usr/bin/env node
// The skillmatch command. In a checkout with dev dependencies it runs the TypeScript sources
// (always current); in an installation without them, the compiled output.
const path = require('node:path');
let cli;
try {
  require.resolve('tsx/cjs');
  require('tsx/cjs');
  cli = require(path.join(__dirname, '..', 'src', 'main', 'cli.ts'));
} catch (error) {
  if (error && error.code !== 'MODULE_NOT_FOUND') throw error;
  cli = require(path.join(__dirname, '..', 'dist', 'src', 'main', 'cli.js'));
}
cli.run(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`skillmatch failed: ${error && error.message ? error.message : String(error)}\n`);
  process.exit(1);
});
