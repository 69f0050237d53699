/**
 * No prototype from file data: `__proto__`, `constructor`, `prototype` and `toString` go through every name-keyed
 * path of a real submission (sheet names, defined names including '__proto__'!$A$1, relationship ids, style
 * names, shared strings used as colours, goals, units and contacts, an entity named &constructor;). The command
 * line and the task pane's worker must read it, consolidate it and write a workbook that openpyxl and the reader
 * open, with Object.prototype untouched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSubmissionBytes } from '../../src/hosts/xlsx/files';
import { withOpenpyxl } from '../helpers/openpyxl';
import { runCli } from '../helpers/cli';
import { buildZip, mapParts, partsOf, readParts, type ZipItem } from '../helpers/packages';

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString'];
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const example = path.join(__dirname, '..', '..', 'examples', 'BUF-budgetredegoerelse-2011.xlsx');

/** The BUF example with the names in every place a name can be. */
function hostile(): Uint8Array {
  const items: ZipItem[] = mapParts(partsOf(example), (xml, name) => {
    switch (name) {
      case 'xl/workbook.xml':
        return xml
          .replace('</sheets>', `${NAMES.map((n, i) => `<sheet name="${n}" sheetId="${20 + i}" r:id="${n}"/>`).join('')}</sheets>`)
          .replace(
            '</definedNames>',
            `<definedName name="__proto__">'__proto__'!$A$1</definedName><definedName name="constructor">constructor!$A$1:$B$2,'__proto__'!$A$1</definedName>` +
              `<definedName name="toString">toString!$A$1</definedName><definedName name="prototype" localSheetId="0">prototype!$A$1</definedName></definedNames>`,
          );
      case 'xl/_rels/workbook.xml.rels':
        return xml.replace('</Relationships>', `${NAMES.map((n, i) => `<Relationship Id="${n}" Type="${REL}/worksheet" Target="worksheets/sheet${20 + i}.xml"/>`).join('')}</Relationships>`);
      case 'xl/sharedStrings.xml':
        // colours, a goal, the contact and the unit
        return xml.replace('<t>grøn</t>', '<t>constructor</t>').replace('<t>gul</t>', '<t>__proto__</t>').replace('<t>b, e</t>', '<t>prototype</t>').replace('<t>Else Sommer</t>', '<t>toString</t>').replace('<t>kr.</t>', '<t>hasOwnProperty</t>');
      case 'xl/styles.xml':
        return xml.replace(/<cellStyles count="\d+">/, (m) => `${m}<cellStyle name="__proto__" xfId="0"/><cellStyle name="constructor" xfId="0"/>`);
      default:
        return xml;
    }
  });
  const sheets = NAMES.map((n, i) => ({
    name: `xl/worksheets/sheet${20 + i}.xml`,
    data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${NAMES.map((t, c) => `<c r="${'ABCD'[c]}1" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row></sheetData></worksheet>`,
  }));
  return buildZip([...items, ...sheets]);
}

function prototypeIsClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf'].sort(),
  );
  expect(({} as Record<string, unknown>)[1]).toBeUndefined();
  expect(Object.keys({})).toEqual([]);
}

/** The consolidated workbook is well-formed: no NUL, no "[object Object]", and the reader reads every sheet. */
async function expectValidOutput(bytes: Uint8Array, file: string) {
  for (const part of readParts(bytes)) {
    expect(String(part.data)).not.toMatch(/\u0000|\[object Object\]|function Object/);
  }
  const reading = await readSubmissionBytes(bytes);
  // (a consolidated workbook is no submission: it is read without a finding about its package)
  if (reading.status === 'unreadable') expect(reading.diagnostics.map((d) => d.code)).not.toContain('FILE_CORRUPT');
  return file;
}

describe('names from the file never reach a prototype', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prototype-'));
    file = path.join(dir, 'proto.xlsx');
    writeFileSync(file, hostile());
  });

  it('is read and validated: the names are text, the colours and units they replace are reported', async () => {
    const run = await runCli('validate', file, '--json', '--lang', 'en');
    prototypeIsClean();
    const report = JSON.parse(run.stdout) as { files: { status: string; diagnostics: { code: string; value: string | null }[] }[] };
    expect(report.files[0].status).toBe('invalid');
    const found = report.files[0].diagnostics.map((d) => `${d.code} ${d.value}`);
    expect(found).toEqual(expect.arrayContaining(['PROJ_COLOUR_INVALID constructor', 'PROJ_COLOUR_INVALID __proto__', 'INIT_GOAL_INVALID prototype', 'COVER_UNIT_UNKNOWN hasOwnProperty']));
  });

  withOpenpyxl('is consolidated by the command line into a workbook openpyxl opens', async () => {
    const out = path.join(dir, 'samlet.xlsx');
    const run = await runCli('consolidate', file, path.join(__dirname, '..', '..', 'examples', 'SOF-budgetredegoerelse-2011.xlsx'), '--out', out);
    expect(run.stderr).toBe('');
    prototypeIsClean();
    await expectValidOutput(new Uint8Array(readFileSync(out)), out);
    const sheets = JSON.parse(execFileSync('/usr/bin/python3', ['-c', 'import json,sys,openpyxl; wb=openpyxl.load_workbook(sys.argv[1]); print(json.dumps([ws.title for ws in wb.worksheets]))', out], { encoding: 'utf8' }));
    expect(sheets.length).toBeGreaterThan(2);
  });

  it('refuses an entity named &constructor; instead of resolving it to a built-in', async () => {
    const items = mapParts(partsOf(example), (xml, name) => (name === 'xl/sharedStrings.xml' ? xml.replace('<t>Else Sommer</t>', '<t>&constructor;&toString;</t>') : xml));
    const reading = await readSubmissionBytes(buildZip(items));
    expect(reading).toMatchObject({ status: 'unreadable', diagnostics: [{ code: 'FILE_CORRUPT', value: expect.stringMatching(/undefined entity &constructor;/) }] });
    prototypeIsClean();
  });

  withOpenpyxl('goes through the task pane’s worker: read, consolidate, render', async () => {
    type Response = { type: string; job: number; [k: string]: unknown };
    const responses: Response[] = [];
    const scope = { postMessage: (m: Response) => responses.push(m), onmessage: null as null | ((e: { data: unknown }) => void) };
    (globalThis as unknown as { self: unknown }).self = scope;
    await jest.isolateModulesAsync(async () => {
      await import('../../src/taskpane/worker');
    });
    const send = async (data: Record<string, unknown>, type: string) => {
      scope.onmessage!({ data });
      for (let i = 0; i < 200 && !responses.some((r) => r.type === type && r.job === data.job); i++) await new Promise((r) => setTimeout(r, 25));
      return responses.find((r) => r.type === type && r.job === data.job)!;
    };
    const files = [new File([hostile() as Uint8Array<ArrayBuffer>], 'proto.xlsx'), new File([readFileSync(example)], 'BUF.xlsx')];
    const read = await send({ type: 'read', job: 1, files }, 'read-done');
    const results = read.results as { id: string; status: string }[];
    expect(results.map((r) => r.status)).toEqual(['invalid', 'valid']);
    const consolidated = await send({ type: 'consolidate', job: 2, ids: results.map((r) => r.id), strict: false, usePrevious: false, lang: 'da', generatedAt: '2010-06-01T00:00:00Z' }, 'consolidate-done');
    const rendered = await send({ type: 'render', job: 3, plan: (consolidated.result as { plan: unknown }).plan }, 'render-done');
    expect(responses.filter((r) => r.type === 'error')).toEqual([]);
    prototypeIsClean();
    const out = path.join(dir, 'fra-ruden.xlsx');
    writeFileSync(out, rendered.bytes as Uint8Array);
    await expectValidOutput(rendered.bytes as Uint8Array, out);
    execFileSync('/usr/bin/python3', ['-c', 'import sys,openpyxl; openpyxl.load_workbook(sys.argv[1])', out]);
  });
});
