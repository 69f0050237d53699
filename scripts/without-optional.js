#!/usr/bin/env node
/**
 * Removes from node_modules the project's optional dependencies and every package only they brought, as npm does
 * on a machine where one of them fails to install (office-addin-debugging's keytar needs libsecret and a compiler).
 * CI runs the checks after this, so a package our code or tests load but only an optional tree supplies fails CI
 * instead of a newcomer's first `npm test`.
 *
 *   node scripts/without-optional.js            remove them (after `npm ci`)
 *   node scripts/without-optional.js --list     only print what would be removed
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const packages = lock.packages;
const root = packages[''];

/** Where Node finds `name` when required from the package at `from` (a lockfile location such as node_modules/a). */
function resolve(from, name) {
  for (let dir = from; ; ) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

/** Every package reachable from the root's required (not optional) dependencies, through all kinds of edges. */
function reachable() {
  const seen = new Set();
  const queue = Object.keys({ ...root.dependencies, ...root.devDependencies }).map((n) => resolve('', n));
  while (queue.length) {
    const at = queue.pop();
    if (!at || seen.has(at)) continue;
    seen.add(at);
    const p = packages[at];
    // A package's own optional dependencies (esbuild's and unrs-resolver's native builds) are needed: keep them.
    for (const n of Object.keys({ ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies })) queue.push(resolve(at, n));
  }
  return seen;
}

const keep = reachable();
const drop = Object.keys(packages).filter((at) => at !== '' && !keep.has(at) && !packages[at].inBundle);

if (process.argv.includes('--list')) {
  process.stdout.write(`${drop.join('\n')}\n`);
} else {
  let removed = 0;
  // Deepest first, so a nested package is not counted after its parent took it along.
  for (const at of [...drop].sort((a, b) => b.length - a.length)) {
    const dir = path.join(ROOT, at);
    if (fs.existsSync(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    }
  }
  // Commands in node_modules/.bin that pointed into what was removed.
  const bin = path.join(ROOT, 'node_modules', '.bin');
  for (const name of fs.existsSync(bin) ? fs.readdirSync(bin) : []) {
    if (!fs.existsSync(path.join(bin, name))) fs.rmSync(path.join(bin, name), { force: true });
  }
  const names = Object.keys(root.optionalDependencies ?? {}).join(', ');
  process.stdout.write(`without-optional: ${drop.length} packages in the lockfile come only with ${names}; ${removed} were installed and are removed\n`);
}
