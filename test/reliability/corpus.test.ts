/**
 * The hostile and broken workbook corpus: each case has the finding (or "unreadable" reason) it must get, and
 * goes the way a real file goes (readSubmissionBytes, then validate), so it covers whichever reader is in use.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { diagnosticMessage, type Diagnostic } from '../../src/core/diagnostics';
import { isDateFormat } from '../../src/core/parse/values';
import { statusOf, validate } from '../../src/core/validate/validate';
import { readSubmissionBytes, type FileReading } from '../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { badFiles, hostileWorkbooks, INJECTIONS, withPart, type BadFile, type HostileWorkbook } from '../corpus/badFiles';
import { runCli } from '../helpers/cli';
import { validFill, workbookBytes } from '../helpers/workbook';

const example = path.join(__dirname, '..', '..', 'examples', 'BUF-budgetredegoerelse-2011.xlsx');
const exampleBytes = new Uint8Array(readFileSync(example));
const line = (d: Diagnostic) => `${d.code} ${d.sheet ?? ''}${d.cell ? `!${d.cell}` : ''}`.trim();

async function findingsOf(bytes: Uint8Array): Promise<{ reading: FileReading; diagnostics: Diagnostic[] }> {
  const reading = await readSubmissionBytes(bytes);
  return { reading, diagnostics: reading.status === 'read' ? validate(reading.result) : reading.diagnostics };
}

let unreadable: BadFile[];
let hostile: HostileWorkbook[];
beforeAll(async () => {
  unreadable = await badFiles(example);
  hostile = await hostileWorkbooks(workbookBytes, validFill);
}, 120_000);

describe('files refused before or while reading, each with its reason', () => {
  const cases: [string, string][] = [
    ['zipbombe.xlsx', 'ZIP_RATIO'],
    ['paastaaet-stor.xlsx', 'ZIP_PART_TOO_LARGE'],
    ['million-raekker.xlsx', 'ZIP_SHEET_TOO_LARGE'],
    ['store-tekster.xlsx', 'ZIP_SHEET_TOO_LARGE'],
    ['fjern-celle.xlsx', 'FILE_SHEET_TOO_LARGE'],
    ['nederste-raekke.xlsx', 'FILE_SHEET_TOO_LARGE'],
    ['forkert-stoerrelse.xlsx', 'FILE_CORRUPT'],
    ['brev.xlsx', 'FILE_DOCX'],
    ['regneark.xlsx', 'FILE_ODS'],
    ['med-adgangskode.xlsx', 'FILE_ENCRYPTED'],
    ['halv.xlsx', 'FILE_TRUNCATED'],
  ];
  it.each(cases)('%s is unreadable: %s', async (name, code) => {
    const file = unreadable.find((f) => f.name === name)!;
    const { reading, diagnostics } = await findingsOf(file.bytes);
    expect(reading.status).toBe('unreadable');
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    expect(diagnosticMessage(diagnostics[0], 'en')).not.toMatch(/\{|undefined/);
  }, 10_000);

  it('says which sheet is too large, how large, and the limit', async () => {
    const { diagnostics } = await findingsOf(unreadable.find((f) => f.name === 'fjern-celle.xlsx')!.bytes);
    expect(diagnosticMessage(diagnostics[0], 'en')).toBe(
      'The sheet Skabeloninfo uses 1.048.576 rows and 16.384 columns (up to cell XFD1048576); the limit is 50.000 rows and 2.000.000 cells. ' +
        'Delete the unused rows and columns below and to the right of the tables, save and send it again.',
    );
    const big = await findingsOf(unreadable.find((f) => f.name === 'million-raekker.xlsx')!.bytes);
    expect(diagnosticMessage(big.diagnostics[0], 'en')).toMatch(/^The sheet part xl\/worksheets\/sheet3\.xml is [\d,]+ MB uncompressed; the limit for a sheet’s contents is 32 MB\./);
  });
});

describe('hostile and broken workbooks from the template', () => {
  const names = ['formelfejl.xlsx', 'flettede-celler.xlsx', 'skjult.xlsx', 'omdoebt-ark.xlsx', 'slettet-ark.xlsx', 'anden-version.xlsx', 'lang-tekst.xlsx', 'injektion.xlsx', 'dato-som-beloeb.xlsx', 'negative-og-nan.xlsx'];
  it('covers every case', () => expect(hostile.map((h) => h.name)).toEqual(names));

  it.each(names)('%s gets exactly its findings', async (name) => {
    const h = hostile.find((x) => x.name === name)!;
    const { reading, diagnostics } = await findingsOf(h.bytes);
    expect(reading.status).toBe('read');
    const got = diagnostics.map(line);
    expect(got).toEqual(expect.arrayContaining(h.expect));
    if (h.onlyThese) expect(diagnostics.filter((d) => d.severity === 'error').map(line).sort()).toEqual(h.expect.filter((e) => !e.startsWith('AREA_FOUND')).sort());
  }, 10_000);

  it('reads hidden sheets and hidden rows like visible ones', async () => {
    const { reading } = await findingsOf(hostile.find((h) => h.name === 'skjult.xlsx')!.bytes);
    if (reading.status !== 'read') throw new Error('not read');
    expect(reading.result.submission.policyInitiatives.map((i) => i.name)).toEqual(['Lektiecafé', 'Skjult indsats']);
    expect(reading.result.submission.otherInitiatives.map((i) => i.name)).toEqual(['Ligebehandling']);
  });

  it('keeps text over 32.767 characters in full', async () => {
    const { reading } = await findingsOf(hostile.find((h) => h.name === 'lang-tekst.xlsx')!.bytes);
    if (reading.status !== 'read') throw new Error('not read');
    expect(reading.result.submission.cover.contact).toBe('Æ'.repeat(40_000));
    expect(reading.result.submission.policyInitiatives[0].activity).toBe('Lang tekst. '.repeat(3_000).trim());
  });

  it('reads injection strings as the text typed, and the consolidated workbook holds them as text, not formulas', async () => {
    const h = hostile.find((x) => x.name === 'injektion.xlsx')!;
    const { reading, diagnostics } = await findingsOf(h.bytes);
    if (reading.status !== 'read') throw new Error('not read');
    const s = reading.result.submission;
    expect(s.cover.contact).toBe(INJECTIONS[0]);
    expect(s.policyInitiatives[0].name).toBe(`${INJECTIONS[3]} name`);
    expect(s.policyInitiatives[0].activity).toBe(`${INJECTIONS[5].trim()} activity`); // a leading tab is trimmed like any space
    expect(s.projects[0].fund).toBe(INJECTIONS[5].trim());
    const c = consolidate([{ file: { name: 'injektion.xlsx', size: h.bytes.length, sha256: 'x' }, status: statusOf(diagnostics, false), diagnostics, submission: s }], {
      generatedAt: '2010-06-01T12:00:00Z',
      productVersion: 'test',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderPlanToBuffer(buildConsolidatedPlan(c))) as unknown as ArrayBuffer);
    const texts: string[] = [];
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && /HYPERLINK|cmd|SUM\(A1:A9\)/.test(String(cell.formula))) formulas++;
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(texts).toEqual(expect.arrayContaining([`${INJECTIONS[3]} name`, `${INJECTIONS[4].trim()} projekt`]));
  });

  it('reports a date typed where an amount belongs, instead of reading its serial number as kroner', async () => {
    const { reading, diagnostics } = await findingsOf(hostile.find((h) => h.name === 'dato-som-beloeb.xlsx')!.bytes);
    if (reading.status !== 'read') throw new Error('not read');
    expect(reading.result.submission.policyInitiatives[0].economy[0]).toEqual({ year: 2011, amount: null });
    expect(diagnostics.find((d) => d.code === 'NOT_A_NUMBER')!.value).toBe('15. maj 2010');
    expect(isDateFormat('dd-mm-yyyy')).toBe(true);
    expect(isDateFormat('[$-406]d. mmmm yyyy;@')).toBe(true);
    expect(['General', '#,##0', '#,##0.0#', '#,##0 "kr."', '#,##0.0,, "mio. kr."', '0%', '[Red]#,##0', '@'].filter(isDateFormat)).toEqual([]);
  });
});

describe('zip-level tricks on a real submission', () => {
  it('reads a workbook with whole-column and whole-sheet data validations and conditional formats (no hang)', async () => {
    const rule = '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation>' +
      '<dataValidation type="whole" sqref="B:B C1:C1048576"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>';
    const cf = '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>';
    let bytes: Uint8Array = exampleBytes;
    for (const sheet of ['sheet3', 'sheet4', 'sheet6']) {
      bytes = await withPart(bytes, `xl/worksheets/${sheet}.xml`, (x) => x.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, '').replace('</sheetData>', `</sheetData>${cf}${rule}`));
    }
    const plain = await findingsOf(exampleBytes);
    const { reading, diagnostics } = await findingsOf(bytes);
    expect(reading.status).toBe('read');
    expect(diagnostics.map(line)).toEqual(plain.diagnostics.map(line));
  }, 10_000);

  it('does not expand entities: a billion-laughs DOCTYPE is refused or read without expansion, and no external entity is fetched', async () => {
    const laughs = '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const bytes = await withPart(exampleBytes, 'xl/sharedStrings.xml', (x) => x.replace(/(<\?xml[^>]*\?>)/, `$1${laughs}`).replace(/<t>([^<]*)<\/t>/, '<t>&h;&x;$1</t>'));
    const rss = process.memoryUsage().rss;
    const { reading, diagnostics } = await findingsOf(bytes);
    expect(process.memoryUsage().rss - rss).toBeLessThan(500 * 1024 * 1024);
    if (reading.status === 'unreadable') expect(diagnostics.map((d) => d.code)).toEqual(['FILE_CORRUPT']);
    else expect(JSON.stringify(reading.result.submission)).not.toMatch(/root:|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/);
  }, 10_000);

  it('never uses zip entry names as paths: entries named ../ or absolute are not written anywhere', async () => {
    const tag = `pwned-${process.pid}-${Date.now()}`;
    const JSZip = (await import('jszip')).default;
    const z = await JSZip.loadAsync(exampleBytes);
    z.file(`../../../../../../tmp/${tag}.txt`, 'x');
    z.file(`/tmp/${tag}-abs.txt`, 'x');
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { reading } = await findingsOf(bytes);
    expect(reading.status).toBe('read');
    expect(existsSync(path.join(tmpdir(), `${tag}.txt`)) || existsSync(`/tmp/${tag}-abs.txt`)).toBe(false);
  });
});

describe('non-ASCII file names', () => {
  it('validates and names a file called with Danish letters, spaces and an emoji, and leaves it unchanged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ikke-ascii-'));
    const file = path.join(dir, 'Søren Ærø – budget 2011 🙂.xlsx');
    writeFileSync(file, hostile.find((h) => h.name === 'omdoebt-ark.xlsx')!.bytes);
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    const run = await runCli('validate', dir, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([['Søren Ærø – budget 2011 🙂.xlsx', 'valid']]);
    expect(out.files[0].diagnostics.map((d: Diagnostic) => line(d))).toEqual(['AREA_FOUND_BY_LABELS Indsatser ÆØÅ 2011 🙂!A4']);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(hash);
    expect(readdirSync(dir)).toEqual(['Søren Ærø – budget 2011 🙂.xlsx']);
  });
});

describe('source hygiene', () => {
  it('has no eval or new Function in src/', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const files = walk(path.join(__dirname, '..', '..', 'src'));
    expect(files.length).toBeGreaterThan(20);
    const hits = files.filter((f) => /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});
