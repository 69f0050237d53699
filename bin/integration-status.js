#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx compiles on the fly), so it works right after `npm ci`.
require('tsx/cjs/api').register();
require('../src/cli/main.ts').main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: never a stack trace for the user.
    process.stderr.write(`integration-status: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
