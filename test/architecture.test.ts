/** The core stays host-agnostic: nothing under src/core imports exceljs, Office.js, React or a host. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const FORBIDDEN = /^(exceljs|jszip|react|react-dom|@fluentui\/.*|@microsoft\/office-js|office-js|node:.*|fs|path)$|\/(hosts|cli|taskpane)(\/|$)/;

describe('src/core', () => {
  const core = path.join(__dirname, '..', 'src', 'core');

  it('imports nothing from exceljs, Office.js, React, Node or the hosts', () => {
    const offenders: string[] = [];
    for (const file of files(core)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (FORBIDDEN.test(spec)) offenders.push(`${path.relative(core, file)} imports ${spec}`);
      }
      if (/\b(Excel|Office)\.(run|context|onReady)\b/.test(source)) offenders.push(`${path.relative(core, file)} calls Office.js`);
    }
    expect(offenders).toEqual([]);
  });

  it('is found where the check looks (the check can fail)', () => {
    expect(files(core).length).toBeGreaterThan(5);
    expect(FORBIDDEN.test('exceljs')).toBe(true);
    expect(FORBIDDEN.test('../../hosts/xlsx/reader')).toBe(true);
    expect(FORBIDDEN.test('../domain')).toBe(false);
  });
});

describe('Excel.run', () => {
  it('is called only in src/hosts/office', () => {
    const src = path.join(__dirname, '..', 'src');
    const callers = files(src)
      .filter((f) => !f.startsWith(path.join(src, 'hosts', 'office')))
      .filter((f) => readFileSync(f, 'utf8').split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && /\bExcel\.(run|createWorkbook)\s*\(/.test(line)));
    expect(callers.map((f) => path.relative(src, f))).toEqual([]);
    expect(files(path.join(src, 'hosts', 'office')).some((f) => /\bExcel\.run\s*\(/.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
