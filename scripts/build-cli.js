#!/usr/bin/env node
/**
 * Builds the command line into dist-cli/ with esbuild: the command line itself (integration-status.js), the .xlsx
 * host it loads when a command needs files (xlsx-host.js: reader, writer, worker pool), the Word writer it loads only
 * when `consolidate` writes letters (docx-letter.js: the docx package) - both kept out of the first bundle so
 * `--version` and `--help` start fast - and the file-reading worker thread (checkWorker.js).
 * `npm ci` runs it (the `prepare` script) and so does jest before the tests (globalSetup), so bin/ never runs
 * stale code. Type checking is `npm run typecheck`'s job; this only translates and bundles (well under a second).
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist-cli');

/** What src/cli/main.ts imports lazily, and the separate bundle beside it that the import becomes in the build. */
const APART = new Map([
  ['./xlsxHost', './xlsx-host.js'],
  ['../hosts/docx/letter', './docx-letter.js'],
]);
const lazyApart = {
  name: 'lazy-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.importer === path.join(ROOT, 'src', 'cli', 'main.ts') && APART.has(args.path) ? { path: APART.get(args.path), external: true } : undefined,
    );
  },
};

async function buildCli() {
  const esbuild = require('esbuild');
  fs.rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      'integration-status': 'src/cli/main.ts',
      'xlsx-host': 'src/cli/xlsxHost.ts',
      'docx-letter': 'src/hosts/docx/letter.ts',
      checkWorker: 'src/hosts/xlsx/checkWorker.ts',
    },
    plugins: [lazyApart],
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // import('./xlsx-host.js') becomes require(): CommonJS all through, no ES module loader at start-up.
    supported: { 'dynamic-import': false },
    // tsx is only loaded when the product runs from its TypeScript source (tests, scripts).
    external: ['tsx'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

module.exports = buildCli;

if (require.main === module) {
  buildCli().catch((err) => {
    process.stderr.write(`build-cli: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
