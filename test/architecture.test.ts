/**
 * The layers hold by the compiler: src/core is a TypeScript project of its own (src/core/tsconfig.json, checked by
 * `npm run typecheck`) without Node, DOM, jest or Office.js types and without access to packages or other folders.
 * This test holds that configuration to its promise; and only the Office host calls Excel.run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const src = path.join(__dirname, '..', 'src');
const core = path.join(src, 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The diagnostics of the core project's compiler options for one file placed in src/core. */
function compileInCore(source: string, alongside: string[] = []): string[] {
  const configPath = path.join(core, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, core);
  const file = path.join(core, 'architecture-probe.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const program = ts.createProgram([file, ...alongside.map((f) => path.join(core, f))], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src/core as its own TypeScript project', () => {
  it('knows no host: Buffer, process, document, Excel, Office and jest are unknown names', () => {
    const errors = compileInCore(
      ['Buffer.from("x")', 'process.env', 'document.title', 'Excel.run', 'Office.onReady', 'expect(1)', 'setTimeout'].map((e, i) => `export const v${i} = ${e};`).join('\n'),
    );
    for (const name of ['Buffer', 'process', 'document', 'Excel', 'Office', 'expect', 'setTimeout']) expect(errors).toContainEqual(expect.stringContaining(`Cannot find name '${name}'`));
  });

  it('imports nothing from a package or from outside src/core', () => {
    const specs = ['exceljs', 'react', 'jszip', 'node:fs', 'fs', '../hosts/xlsx/bytes', '../taskpane/actions', '../cli/main'];
    const errors = compileInCore(specs.map((s, i) => `import * as m${i} from '${s}';\nexport const u${i} = m${i};`).join('\n'));
    for (const s of specs) expect(errors).toContainEqual(expect.stringContaining(`Cannot find module '${s}'`));
  });

  it('compiles what the core may use (the probe is not vacuous)', () => {
    expect(compileInCore("import { cellRef } from './cells';\nexport const a = cellRef(1, 1) + new Map<string, number>().size + [1].at(0)!;", ['cells.ts'])).toEqual([]);
  });
});

describe('Excel.run', () => {
  it('is called only in src/hosts/office', () => {
    const callers = files(src)
      .filter((f) => !f.startsWith(path.join(src, 'hosts', 'office')))
      .filter((f) => readFileSync(f, 'utf8').split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && /\bExcel\.(run|createWorkbook)\s*\(/.test(line)));
    expect(callers.map((f) => path.relative(src, f))).toEqual([]);
    expect(files(path.join(src, 'hosts', 'office')).some((f) => /\bExcel\.run\s*\(/.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
