/**
 * Every package the project's code, tests, scripts and configuration load is declared in package.json, so a fresh
 * `npm ci` brings it (and not only because something else happened to bring it along). Packages that a declared
 * package loads without declaring it are caught by CI instead: it runs the checks after removing the optional
 * dependency tree (scripts/without-optional.js), as a machine without libsecret ends up.
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }));
const builtin = new Set(builtinModules);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : files(p);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [p] : [];
  });
}

/** The package a module specifier names ('@scope/name/sub' → '@scope/name'), or undefined for a relative path. */
function packageOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function loadedBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|[\s;(])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|[\s;(])import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\b(?:require|require\.resolve|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/@jest-environment\s+([\w-]+)/g),
  ].map((m) => m[1]);
  return specifiers.map((s) => (/^[\w-]+$/.test(s) && text.includes(`@jest-environment ${s}`) ? `jest-environment-${s}` : s)).flatMap((s) => packageOf(s) ?? []);
}

describe('package.json', () => {
  it('declares every package that the code, tests, scripts and configuration load', () => {
    const sources = [
      ...['src', 'test', 'scripts', 'bin'].flatMap((d) => files(path.join(ROOT, d))),
      ...readdirSync(ROOT).filter((f) => /\.(?:[cm]?js)$/.test(f)).map((f) => path.join(ROOT, f)),
    ];
    const undeclared = new Map<string, string>();
    for (const file of sources) {
      for (const name of loadedBy(file)) {
        if (!declared.has(name) && !builtin.has(name) && !undeclared.has(name)) undeclared.set(name, path.relative(ROOT, file));
      }
    }
    // The scan must see the imports at all.
    expect(sources.flatMap(loadedBy)).toEqual(expect.arrayContaining(['commander', 'react', 'webpack', 'jest-environment-jsdom']));
    expect(Object.fromEntries(undeclared)).toEqual({});
  });

  it('declares the tools its scripts run and jest loads', () => {
    const jest = readFileSync(path.join(ROOT, 'jest.config.js'), 'utf8');
    for (const m of jest.matchAll(/['"](ts-jest|babel-jest|jest-environment-[\w-]+)['"]/g)) expect(declared).toContain(m[1]);
    const bins = new Map<string, string>();
    for (const name of declared) {
      try {
        const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf8')) as { bin?: string | Record<string, string> };
        const bin = typeof manifest.bin === 'string' ? { [name.replace(/^@[^/]+\//, '')]: manifest.bin } : (manifest.bin ?? {});
        for (const command of Object.keys(bin)) bins.set(command, name);
      } catch {
        // An optional dependency that did not install: its command is checked by name below.
      }
    }
    const commands = Object.values(pkg.scripts).flatMap((script) => script.split(/&&|\|\||;/).map((part) => part.trim().split(/\s+/)[0]));
    const unknown = commands.filter((c) => !['node', 'npm', 'npx'].includes(c) && !bins.has(c) && !declared.has(c));
    expect(unknown).toEqual([]);
  });

  it('keeps tsx for development only: the command line runs built JavaScript', () => {
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(readFileSync(path.join(ROOT, pkg.bin['integration-status']), 'utf8')).not.toMatch(/tsx/);
    expect(pkg.scripts.prepare).toMatch(/build-cli/);
  });
});
