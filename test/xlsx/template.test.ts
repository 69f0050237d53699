/** The blank template: what administration staff get, and what the reader recognises. */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import { SHEET_NAMES, TABLE_AREAS, TABLE1, COVER, INFO, TEMPLATE_VERSION, expandColumns } from '../../src/core/template/definition';
import { runCli } from '../helpers/cli';

async function makeTemplate(...args: string[]): Promise<Uint8Array> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'template-')), 'skabelon.xlsx');
  const run = await runCli('template', ...args, '--out', out);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return new Uint8Array(readFileSync(out));
}

/** The sheet XML of each sheet, by name, read straight from the zip (a second reader beside exceljs). */
async function sheetXml(bytes: Uint8Array): Promise<{ workbook: string; sheets: Record<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets: Record<string, string> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    sheets[m[1].replace(/&amp;/g, '&')] = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  }
  return { workbook, sheets };
}

describe('the blank template', () => {
  it('is recognised, with the options given and nothing wrong in it', async () => {
    const bytes = await makeTemplate('--administration', 'SOF', '--first-year', '2012', '--unit', 'mio');
    const { submission, diagnostics } = await parseXlsx(bytes);
    expect(diagnostics).toEqual([]);
    expect(submission.template).toEqual({ id: 'kk-integration-budget', version: TEMPLATE_VERSION });
    expect(submission.cover).toMatchObject({ administration: 'SOF', firstYear: 2012, unit: 'mkr', deadline: '2011-05-15', statusYear: 2010, contact: null });
    expect(submission.years).toEqual([2012, 2013, 2014, 2015]);
    expect(submission.table1.years).toEqual([2012, 2013, 2014, 2015]);
    expect(submission.goals.map((g) => g.goal)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(submission.goals.every((g) => g.relevant === null)).toBe(true);
    expect(submission.policyInitiatives).toEqual([]);
    expect(submission.otherInitiatives).toEqual([]);
    expect(submission.projects).toEqual([]);
  });

  it('has the sheets in order, the info sheet hidden, and a defined name for every area', async () => {
    const { workbook, sheets } = await sheetXml(await makeTemplate('--first-year', '2011'));
    expect(Object.keys(sheets)).toEqual(Object.values(SHEET_NAMES));
    expect(workbook).toMatch(new RegExp(`<sheet [^>]*name="${INFO.sheet}"[^>]*state="hidden"`));
    const names = [...workbook.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]+)</g)].map((m) => m[1]);
    for (const n of [...TABLE_AREAS.map((a) => a.definedName), TABLE1.definedName, INFO.definedName, ...COVER.fields.map((f) => f.definedName)]) {
      expect(names).toContain(n);
    }
  });

  it('writes the definition’s header labels, dropdowns, frozen headers and locked formulas', async () => {
    const bytes = await makeTemplate('--first-year', '2011');
    const { sheets } = await sheetXml(bytes);
    const strings = await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string');
    const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const area of TABLE_AREAS) {
      for (const c of expandColumns(area, [2011, 2012, 2013, 2014])) expect(strings).toContain(`<t>${xmlText(c.label)}</t>`);
    }
    const policy = sheets[SHEET_NAMES.policy];
    expect(policy).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    expect(policy).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(policy).toMatch(/<f>IF\(COUNT\(H5:K5\)=0,(?:&quot;|")(?:&quot;|"),SUM\(H5:K5\)\)<\/f>/);
    expect(sheets[SHEET_NAMES.goals]).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>Skabeloninfo!\$E\$2:\$E\$3<\/formula1>/);
    expect(sheets[SHEET_NAMES.cover]).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>Skabeloninfo!\$D\$2:\$D\$8<\/formula1>/);
    expect(sheets[SHEET_NAMES.projects]).toMatch(/<formula1>Skabeloninfo!\$G\$2:\$G\$4<\/formula1>/);
    expect(sheets[SHEET_NAMES.table1]).toMatch(/<f>SUM\(B5:B7\)<\/f>/);
  });

  it('keeps Table 1 as formulas, every cell of it locked', async () => {
    const bytes = await makeTemplate('--first-year', '2011');
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.split('<cellXfs')[1].split('</cellXfs>')[0].matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const { sheets } = await sheetXml(bytes);
    const t1 = sheets[SHEET_NAMES.table1];
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(t1)![1]);
    const unlocked = (ref: string) => /locked="0"/.test(xfs[styleOf(ref)]);
    expect(t1).toContain(`<c r="B5" s="${styleOf('B5')}"><f>SUM('Indsatser mål a-g'!$H$5:$H$1048576)</f><v>0</v></c>`);
    expect(t1).toContain(`<f>SUM('Monitorerede projekter'!$H$5:$H$1048576)</f>`);
    for (const ref of ['B5', 'E7', 'F5', 'B8']) expect(unlocked(ref)).toBe(false);
    const policy = sheets[SHEET_NAMES.policy];
    const policyStyle = Number(/<c r="H5"[^>]* s="(\d+)"/.exec(policy)![1]);
    expect(xfs[policyStyle]).toMatch(/locked="0"/);
  });
});
