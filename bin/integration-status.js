#!/usr/bin/env node
// Runs the built command line (dist-cli/, made by `npm run build:cli`, which `npm ci` runs as `prepare`).
'use strict';

const path = require('path');

const built = path.join(__dirname, '..', 'dist-cli', 'integration-status.js');
let cli;
try {
  cli = require(built);
} catch (err) {
  if (!(err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(built))) throw err;
  // The same choice of language as the command line's own (src/cli/text.ts, chooseLang).
  const args = process.argv.slice(2);
  const asked = args
    .map((a, i) => (args[i - 1] === '--lang' ? a : a.startsWith('--lang=') ? a.slice(7) : undefined))
    .find((a) => a === 'da' || a === 'en');
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  const english = asked ? asked === 'en' : /^en(?:[_.@-]|$)/i.test(locale);
  process.stderr.write(
    english
      ? 'integration-status: the command line is not built: run npm ci (or npm run build:cli)\n'
      : 'integration-status: kommandolinjen er ikke bygget: kør npm ci (eller npm run build:cli)\n',
  );
  process.exit(2);
}

cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: never a stack trace for the user.
    process.stderr.write(`integration-status: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
