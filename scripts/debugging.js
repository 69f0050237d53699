#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: office-addin-debugging sideloads the add-in into desktop Excel, which exists on Windows
 * and macOS only. Elsewhere, or where that optional dependency did not install, this says so and what to do instead.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const action = process.argv[2] === 'stop' ? 'stop' : 'start';
const WEB = 'Use Excel on the web instead: npm run dev-server, then upload manifest.xml (README.md, "The task pane").';

function fail(message) {
  process.stderr.write(`npm ${action}: ${message}\n`);
  process.exit(1);
}

if (process.platform !== 'win32' && process.platform !== 'darwin') fail(`there is no desktop Excel on ${process.platform}. ${WEB}`);

let manifestPath;
try {
  manifestPath = require.resolve('office-addin-debugging/package.json');
} catch {
  fail(`office-addin-debugging is not installed (an optional dependency; on this machine it did not install). ${WEB}`);
}
const pkg = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['office-addin-debugging'];
const result = spawnSync(process.execPath, [path.join(path.dirname(manifestPath), bin), action, 'manifest.xml'], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
