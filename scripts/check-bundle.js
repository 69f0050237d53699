#!/usr/bin/env node
/**
 * Builds the task pane as it ships (production, --env officejs=local so nothing remote is needed) into a temporary
 * folder and checks the output: the Content Security Policy, no inline script, office.js first and unchanged, the
 * .xlsx writer and the Excel code in lazy chunks, and the sizes against their budgets. Prints the sizes; exits 1 on
 * any problem. `npm run build:check`; CI runs it (it took ~50 s inside jest before).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');

/** Bytes. The pane starts with about 164 KB gzip of JavaScript besides office.js (React, Fluent UI, the app). */
const BUDGET = {
  /** Everything taskpane.html loads at start (vendor + app), gzip. */
  startupGzip: 200 * 1000,
  /** The app's own start-up chunk, uncompressed: React and Fluent UI belong in vendor.*.js. */
  appRaw: 50 * 1000,
  /** Any chunk loaded later (the file worker, the .xlsx writer, the Excel code), gzip. */
  lazyGzip: 60 * 1000,
  /** The Word writer for the letters to the committees (the docx package), gzip: loaded only when a letter is downloaded. */
  lettersGzip: 150 * 1000,
};

/** Chunks that must be loaded only when needed, never at start: [chunk name, what it is]. */
const LAZY = [
  ['render-xlsx', 'the .xlsx writer'],
  ['excel', 'the Office.js host'],
  ['filter-view', 'the Filtrér view with the consolidated layout'],
  ['integrationsstatus-files', 'the file-reading Web Worker'],
  ['letters-docx', 'the Word writer for the letters'],
];

/** The Word writer's package: the chunks holding it have the letters' budget. */
const LETTERS_PACKAGE = /[\\/]node_modules[\\/]docx[\\/]/;

/** Source folders whose modules must not be in a start-up chunk. */
const NOT_AT_STARTUP = [/[\\/]src[\\/]hosts[\\/]xlsx[\\/]write[\\/]/, /[\\/]src[\\/]hosts[\\/]office[\\/]/, /[\\/]src[\\/]hosts[\\/]docx[\\/]/, LETTERS_PACKAGE];

/** src of every <script> tag, quoted or not (the HTML is minified). */
function scriptSources(html) {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The Content Security Policy of the page, as directive → sources. */
function contentSecurityPolicy(html) {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  const content = meta && /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  if (!content) return undefined;
  const policy = new Map();
  for (const directive of (content[1] ?? content[2]).split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** What is wrong with the built taskpane.html (an empty list when nothing is). `local`: office.js from dist/office/. */
function htmlProblems(html, { local }) {
  const problems = [];
  if (!/<html\b[^>]*\slang=["']?da\b/i.test(html)) problems.push('taskpane.html: <html lang="da"> is missing');
  const csp = contentSecurityPolicy(html);
  if (!csp) {
    problems.push('taskpane.html: no Content-Security-Policy meta tag');
  } else {
    const want = (name, needed) => {
      const sources = csp.get(name) ?? [];
      for (const s of needed) if (!sources.includes(s)) problems.push(`CSP: ${name} lacks ${s} (has: ${sources.join(' ') || 'nothing'})`);
      return sources;
    };
    want('default-src', ["'self'"]);
    want('object-src', ["'none'"]);
    want('base-uri', ["'self'"]);
    want('worker-src', ["'self'"]);
    const scripts = want('script-src', ["'self'"]);
    for (const s of scripts) {
      if (/^'unsafe-|^\*$|^(?:data|blob|http|https):$/i.test(s)) problems.push(`CSP: script-src allows ${s}`);
      if (local && s !== "'self'") problems.push(`CSP: script-src names ${s} in a local build`);
    }
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\ssrc=/i.test(m[1]) || m[2].trim()) problems.push(`taskpane.html: inline script ${JSON.stringify(m[0].slice(0, 80))}`);
  }
  const handler = /<[a-z][^>]*\s(on[a-z]+)\s*=/i.exec(html);
  if (handler) problems.push(`taskpane.html: inline event handler ${handler[1]}`);
  if (/javascript:/i.test(html)) problems.push('taskpane.html: a javascript: URL');
  const sources = scriptSources(html);
  const officeJs = local ? 'office/office.js' : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  if (sources[0] !== officeJs) problems.push(`taskpane.html: the first script is ${sources[0]}, not ${officeJs}`);
  for (const name of ['taskpane', 'vendor']) {
    if (!sources.some((s) => new RegExp(`^${name}\\.[0-9a-f]{8,}\\.js$`).test(s))) problems.push(`taskpane.html: no ${name}.[hash].js script`);
  }
  if (local && /(?:https?:)?\/\/[a-z0-9]/i.test(html)) problems.push('taskpane.html: a remote host in a local build');
  return problems;
}

/** What is over budget, from [{ file, gzip, raw, startup, letters }]. */
function sizeProblems(assets, budget = BUDGET) {
  const problems = [];
  const startup = assets.filter((a) => a.startup).reduce((sum, a) => sum + a.gzip, 0);
  if (startup > budget.startupGzip) problems.push(`start-up JavaScript is ${startup} bytes gzip; the budget is ${budget.startupGzip}`);
  for (const a of assets) {
    if (a.startup && /^taskpane\./.test(a.file) && a.raw > budget.appRaw) problems.push(`${a.file} is ${a.raw} bytes; the budget for the app's own start-up code is ${budget.appRaw}`);
    const letters = a.letters === true;
    const lazyBudget = letters ? budget.lettersGzip : budget.lazyGzip;
    if (!a.startup && a.gzip > lazyBudget) problems.push(`${a.file} is ${a.gzip} bytes gzip; the budget for ${letters ? 'the letters chunk' : 'a lazy chunk'} is ${lazyBudget}`);
  }
  return problems;
}

function runWebpack(config) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => (err || closeErr || !stats ? reject(err ?? closeErr ?? new Error('webpack returned no stats')) : resolve(stats)));
    });
  });
}

const sameBytes = (a, b) => fs.readFileSync(a).equals(fs.readFileSync(b));

async function checkBundle() {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'integrationsstatus-build-'));
  try {
    const config = await makeConfig({ officejs: 'local' }, { mode: 'production' });
    config.output = { ...config.output, path: outDir };
    const stats = await runWebpack(config);
    const json = stats.toJson({ all: false, errors: true, warnings: true, entrypoints: true });
    const problems = [...(json.errors ?? []).map((e) => `webpack: ${e.message}`), ...(json.warnings ?? []).map((w) => `webpack warning: ${w.message}`)];
    if (problems.length) return { problems, assets: [] };

    const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
    problems.push(...htmlProblems(html, { local: true }));
    for (const src of scriptSources(html)) if (!fs.existsSync(path.join(outDir, src))) problems.push(`taskpane.html loads ${src}, which is not in the build`);

    // Start-up chunks are what the entry point loads; everything else is lazy. Modules are read from the compilation:
    // a concatenated module holds the modules it was made of.
    const startupFiles = new Set((json.entrypoints.taskpane.assets ?? []).map((a) => a.name).filter((f) => f.endsWith('.js')));
    const { compilation } = stats;
    let seen = 0;
    const letterFiles = new Set();
    for (const chunk of compilation.chunks) {
      const modules = compilation.chunkGraph.getChunkModules(chunk).flatMap((m) => (m.modules ? [...m.modules] : [m]));
      if (chunk.name === 'letters-docx' || modules.some((m) => LETTERS_PACKAGE.test(m.nameForCondition?.() ?? ''))) for (const f of chunk.files) letterFiles.add(f);
      for (const [name, what] of LAZY) if (chunk.name === name && chunk.canBeInitial()) problems.push(`${what} (${name}) is loaded at start`);
      if (!chunk.canBeInitial()) continue;
      for (const id of modules.map((m) => m.nameForCondition?.()).filter(Boolean)) {
        seen++;
        if (NOT_AT_STARTUP.some((re) => re.test(id))) problems.push(`${path.relative(ROOT, id)} is in the start-up chunk ${[...chunk.files].join(', ')}`);
      }
    }
    // The check above must have seen the modules, or it would pass on nothing.
    if (seen === 0) problems.push('no modules found in the start-up chunks');
    const names = [...compilation.chunks].map((c) => c.name);
    for (const [name, what] of LAZY) if (!names.includes(name)) problems.push(`no lazy chunk ${name} (${what})`);

    // office.js as Microsoft ships it; the manifest and the icons as they are in the repository.
    const officeDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    for (const file of ['office.js', 'o15apptofilemappingtable.js']) {
      if (!sameBytes(path.join(outDir, 'office', file), path.join(officeDist, file))) problems.push(`office/${file} differs from @microsoft/office-js`);
    }
    if (!sameBytes(path.join(outDir, 'manifest.xml'), path.join(ROOT, 'manifest.xml'))) problems.push('manifest.xml is not copied unchanged');
    for (const size of [16, 32, 64, 80, 128]) {
      const icon = `assets/icon-${size}.png`;
      if (!fs.existsSync(path.join(outDir, icon)) || !sameBytes(path.join(outDir, icon), path.join(ROOT, icon))) problems.push(`${icon} is not copied unchanged`);
    }

    const assets = fs
      .readdirSync(outDir)
      .filter((f) => f.endsWith('.js'))
      .map((file) => {
        const bytes = fs.readFileSync(path.join(outDir, file));
        return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, startup: startupFiles.has(file), letters: letterFiles.has(file) };
      })
      .sort((a, b) => Number(b.startup) - Number(a.startup) || b.gzip - a.gzip);
    problems.push(...sizeProblems(assets));
    return { problems, assets };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const { problems, assets } = await checkBundle();
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  for (const a of assets) process.stdout.write(`${a.startup ? 'start-up' : 'lazy    '}  ${kb(a.gzip).padStart(9)} gzip  ${kb(a.raw).padStart(9)}  ${a.file}\n`);
  const startup = assets.filter((a) => a.startup).reduce((sum, a) => sum + a.gzip, 0);
  if (assets.length) process.stdout.write(`start-up total ${kb(startup)} gzip (budget ${kb(BUDGET.startupGzip)}); built and checked in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  for (const p of problems) process.stderr.write(`build:check: ${p}\n`);
  process.stdout.write(problems.length ? `build:check: ${problems.length} problem(s)\n` : 'build:check: ok\n');
  process.exitCode = problems.length ? 1 : 0;
}

module.exports = { htmlProblems, sizeProblems, contentSecurityPolicy, scriptSources, BUDGET };

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`build:check: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
