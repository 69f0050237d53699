/**
 * The fast reader (no exceljs) gives exactly what the exceljs reader gives: every sheet's values and number
 * formats, the sheet list, the defined names, and what reading and checking a submission finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeDiagnostic } from '../../src/core/diagnostics';
import { checkPackage, unreadableDiagnostic } from '../../src/core/file/package';
import { readSubmission } from '../../src/core/parse/submission';
import { SHEET_LIMITS, SheetTooLargeError, type WorkbookReader } from '../../src/core/reader';
import { validate } from '../../src/core/validate/validate';
import { FastXlsxReader } from '../../src/hosts/xlsx/fastReader';
import { readSubmissionBytes, type FileReading } from '../../src/hosts/xlsx/files';
import { XlsxWorkbookReader } from '../../src/hosts/xlsx/reader';
import { badFiles } from '../corpus/badFiles';
import { validFill, workbookBytes } from '../helpers/workbook';

const root = path.join(__dirname, '..', '..');
const inflateRaw = (d: Uint8Array, size: number) => inflateRawSync(d, { maxOutputLength: Math.max(1, size + 1) });

async function snapshot(reader: WorkbookReader) {
  const sheets = await reader.listSheets();
  const values = [];
  for (const s of sheets) values.push(await reader.readSheet(s.name));
  return { sheets, names: await reader.definedNames(), values };
}

/** Both readers over the same bytes (the fast one with zlib and with jszip); exceljs's view is the reference. */
async function expectSameAsExcelJs(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const expected = await snapshot(await XlsxWorkbookReader.load(bytes));
  expect(await snapshot(await FastXlsxReader.load(bytes, { inflateRaw }))).toEqual(expected);
  expect(await snapshot(await FastXlsxReader.load(bytes))).toEqual(expected);
  // toEqual treats undefined and missing alike and NaN as NaN; make sure nothing hides in the shapes either
  expect(JSON.stringify(await snapshot(await FastXlsxReader.load(bytes, { inflateRaw })))).toBe(JSON.stringify(expected));
  return expected;
}

/** readSubmissionBytes as it was before the fast reader: checkPackage, then exceljs. */
async function naiveReading(bytes: Uint8Array): Promise<FileReading> {
  const check = checkPackage(bytes);
  if (!check.ok) return { status: 'unreadable', diagnostics: [unreadableDiagnostic(check.unreadable)] };
  let reader: XlsxWorkbookReader;
  try {
    reader = await XlsxWorkbookReader.load(bytes);
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
    return { status: 'unreadable', diagnostics: [makeDiagnostic('FILE_CORRUPT', { sheet: null, cell: null }, {}, detail)] };
  }
  try {
    return { status: 'read', result: await readSubmission(reader) };
  } catch (err) {
    // as readSubmissionBytes: a sheet too large to hold is refused with its own finding
    if (!(err instanceof SheetTooLargeError)) throw err;
    const params = { sheet: err.sheet, rows: err.rows, columns: err.columns, cell: err.cell, maxRows: SHEET_LIMITS.maxRows, maxCells: SHEET_LIMITS.maxCells };
    return { status: 'unreadable', diagnostics: [makeDiagnostic('FILE_SHEET_TOO_LARGE', { sheet: err.sheet, cell: null }, params, err.cell)] };
  }
}

async function expectSameReading(bytes: Uint8Array): Promise<FileReading> {
  const expected = await naiveReading(bytes);
  const got = await readSubmissionBytes(bytes);
  // Where a file cannot be read, each reader puts its own words in the finding's value; the finding is the same.
  const withoutWords = (r: FileReading) => (r.status === 'unreadable' ? { ...r, diagnostics: r.diagnostics.map(({ value: _v, ...d }) => d) } : r);
  expect(withoutWords(got)).toEqual(withoutWords(expected));
  if (expected.status === 'read' && got.status === 'read') expect(validate(got.result)).toEqual(validate(expected.result));
  return got;
}

const workbooks = [
  ...readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(root, 'examples', f)),
  ...readdirSync(path.join(root, 'test', 'fixtures'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(root, 'test', 'fixtures', f)),
];

describe('the fast reader reads every bundled workbook as exceljs does', () => {
  it('finds the workbooks', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(11);
  });

  it.each(workbooks.map((w) => [path.relative(root, w), w]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const snap = await expectSameAsExcelJs(bytes);
    expect(snap.values.some((s) => s.values.length > 0)).toBe(true);
    const reading = await expectSameReading(bytes);
    expect(reading.status).toBe('read');
  });
});

describe('the bad-file corpus', () => {
  it('gets the same findings through the fast reader as through exceljs', async () => {
    const files = await badFiles(path.join(root, 'examples', 'BUF-budgetredegoerelse-2011.xlsx'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const reading = await expectSameReading(f.bytes);
      expect(reading.status === 'unreadable' ? reading.diagnostics.map((d) => d.code) : ['read']).toEqual([f.code]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hand-made workbooks: what Excel, LibreOffice and other programs write, and what exceljs makes of it.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface RawSheet {
  name: string;
  state?: string;
  data: string;
  /** Anything after sheetData (mergeCells). */
  after?: string;
}

async function rawWorkbook(sheets: RawSheet[], opts: { names?: string; sst?: string[]; styles?: string; workbookPr?: string; compression?: 'DEFLATE' | 'STORE' } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS}>${opts.workbookPr ?? ''}<sheets>${sheetList}</sheets>${opts.names ? `<definedNames>${opts.names}</definedNames>` : ''}</workbook>`);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  if (opts.sst) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS} count="${opts.sst.length}">${opts.sst.join('')}</sst>`);
  zip.file(
    'xl/styles.xml',
    opts.styles ??
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/><numFmt numFmtId="165" formatCode="#,##0.0 &quot;kr.&quot;"/></numFmts>` +
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/><xf numFmtId="49"/><xf numFmtId="22"/><xf numFmtId="4"/></cellXfs>' +
        '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
  );
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0"?>\n<worksheet ${NS}><dimension ref="A1"/><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`));
  return zip.generateAsync({ type: 'uint8array', compression: opts.compression ?? 'DEFLATE' });
}

describe('cell values, formats and sheets written by hand', () => {
  it('converts values as exceljs does: shared and inline strings, rich text, booleans, errors, formulas and their cached results', async () => {
    const sst = [
      '<si><t>Lektiecafé &amp; "mere"</t></si>',
      '<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Fed </t></r><r><t>og normal</t></r></si>',
      '<si><t>linje 1_x000D_\r\nlinje 2</t><rPh sb="0" eb="1"><t>fonetisk</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t/></si>',
      '<si></si>',
      '<si><t>&#230;&#xF8;å &lt;tag&gt;</t></si>',
      '<si><r><t>uden format</t></r><r><rPr/></r></si>',
    ];
    const row1 = [
      ...sst.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`),
      '<c r="H1" t="inlineStr"><is><t>inline &amp;amp; tekst</t></is></c>',
      '<c r="I1" t="inlineStr"><is><r><t>rig</t></r><r><rPr><i/></rPr><t> inline</t></r></is></c>',
      '<c r="J1" t="str"><v>str &amp;amp; værdi</v></c>',
    ].join('');
    const row2 = [
      '<c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>',
      '<c r="C2" t="e"><v>#REF!</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="E2"><f>SUM(1,2)</f><v>3</v></c><c r="F2"><f>0*1</f><v>0</v></c><c r="G2" t="b"><f>1=2</f><v>0</v></c>',
      '<c r="H2" t="str"><f>""</f><v></v></c><c r="I2" t="str"><f>A1&amp;""</f><v>x &amp;lt; y</v></c><c r="J2"><f>NOW()</f></c>',
      '<c r="K2"><f t="shared" ref="K2:K3" si="0">E2*2</f><v>6</v></c>',
      '<c r="L2"><f t="array" ref="L2">SUM(E2:F2)</f><v>3</v></c>',
      '<c r="M2" s="4"><v>  1234567.5 </v></c><c r="N2" s="5"><v>12</v></c>',
    ].join('');
    const row3 = '<c r="K3"><f t="shared" si="0"/><v>12</v></c><c r="A3" s="7"/><c r="B3"/><c r="C3" s="0"/><c r="D3" t="n"><v>NaN</v></c><c r="E3" t="d"><v>2010-05-01</v></c>';
    const bytes = await rawWorkbook([{ name: 'Ark1', data: `<row r="1">${row1}</row><row r="2" spans="1:14">${row2}</row>\r\n<row r="3">${row3}</row>` }], { sst });
    const snap = await expectSameAsExcelJs(bytes);
    const [sheet] = snap.values;
    expect(sheet.values[0][1]).toBe('Fed og normal');
    expect(sheet.values[1][5]).toBe(0);
    expect(sheet.values[1][6]).toBe(false);
    expect(sheet.values[1][2]).toEqual({ error: '#REF!' });
    expect(sheet.numberFormats[1][12]).toBe('#,##0');
  });

  it('gives dates as serial numbers exactly as the exceljs reader does, in both date systems', async () => {
    const cells = (r: number) =>
      [
        `<c r="A${r}" s="1"><v>40299</v></c>`,
        `<c r="B${r}" s="2"><v>40299.75</v></c>`,
        `<c r="C${r}" s="2"><v>40299.123456789</v></c>`,
        `<c r="D${r}" s="1"><v>30</v></c>`,
        `<c r="E${r}" s="1"><v>60.5</v></c>`,
        `<c r="F${r}" s="6"><v>1</v></c>`,
        `<c r="G${r}" s="1"><f>TODAY()</f><v>40300</v></c>`,
        `<c r="H${r}" s="1" t="str"><f>"12"</f><v>12</v></c>`,
        `<c r="I${r}" s="1" t="b"><v>1</v></c>`,
        `<c r="J${r}" s="3"><v>40299</v></c>`,
        `<c r="K${r}" s="1"><v>-5</v></c>`,
      ].join('');
    const data = `<row r="1">${cells(1)}</row><row r="2">${cells(2)}</row>`;
    for (const workbookPr of ['', '<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>']) {
      const snap = await expectSameAsExcelJs(await rawWorkbook([{ name: 'Datoer', data }], { workbookPr }));
      expect(snap.values[0].numberFormats[0][0]).toBe('mm-dd-yy');
      expect(snap.values[0].numberFormats[0][1]).toBe('dd-mm-yyyy');
    }
  });

  it('keeps only the top-left value of merged cells, lists hidden sheets, and reads rows out of order', async () => {
    const data =
      '<row r="5"><c r="A5" t="inlineStr"><is><t>nederst</t></is></c></row>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>flettet</t></is></c><c r="B1" t="inlineStr"><is><t>skjult af fletning</t></is></c><c r="D1"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c><c s="3"/><c><v>4</v></c></row>' +
      '<row r="3"><c r="C3"><v>5</v></c><c r="C3"><v>6</v></c></row>';
    const bytes = await rawWorkbook(
      [
        { name: 'Flet', data, after: '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D1:D1"/></mergeCells>' },
        { name: 'Skjult', state: 'hidden', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Meget skjult', state: 'veryHidden', data: '' },
        { name: 'Synlig', state: 'visible', data: '<row r="2"><c r="B2" s="1"/></row>' },
      ],
      { compression: 'STORE' },
    );
    const snap = await expectSameAsExcelJs(bytes);
    expect(snap.sheets.map((s) => s.visible)).toEqual([true, false, false, true]);
    expect(snap.values[0].values[0][1]).toBeNull();
    expect(snap.values[0].values[2][2]).toBe(6);
    expect(snap.values[3].values).toEqual([]);
  });

  it('normalises defined names as exceljs does (several ranges, no $ signs, scoped, print areas, errors)', async () => {
    const names = [
      "<definedName name=\"IB_Omraade\">'Mål a-g'!$A$3:$F$10</definedName>",
      '<definedName name="IB_Celle">Forside!$C$4</definedName>',
      '<definedName name="IB_Flere">Forside!$A$1:$A$3,Forside!$B$1:$B$3,Forside!$D$5</definedName>',
      '<definedName name="IB_Relativ">Forside!A1:B2</definedName>',
      '<definedName name="IB_Fejl">#REF!</definedName>',
      '<definedName name="IB_Fejl2">Forside!#REF!</definedName>',
      '<definedName name="IB_Konstant">0.25</definedName>',
      '<definedName name="IB_Formel">OFFSET(Forside!$A$1,0,0,3,1)</definedName>',
      '<definedName name="_xlnm.Print_Area" localSheetId="0">Forside!$A$1:$F$40</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">\'Mål a-g\'!$1:$2</definedName>',
      '<definedName name="IB_Lokal" localSheetId="0">Forside!$B$2</definedName>',
      '<definedName name="IB_Lokal" localSheetId="1">\'Mål a-g\'!$C$3:$C$4</definedName>',
      "<definedName name=\"IB_Citat\">'Ark ''x'' 2'!$A$1:$B$2</definedName>",
      '<definedName name="IB_Omvendt">Forside!$C$9:$A$2</definedName>',
    ].join('');
    const bytes = await rawWorkbook(
      [
        { name: 'Forside', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Mål a-g', data: '' },
        { name: "Ark 'x' 2", data: '' },
      ],
      { names },
    );
    const snap = await expectSameAsExcelJs(bytes);
    expect(snap.names).toContainEqual({ name: 'IB_Omraade', sheet: 'Mål a-g', ref: 'A3:F10' });
    expect(snap.names.filter((n) => n.name === 'IB_Flere').length).toBeGreaterThan(1);
  });

  it('reads exceljs-written templates with the edits people make', async () => {
    const bytes = await workbookBytes(validFill(), (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet('Indsatser mål a-g')!;
      ws.getCell('A20').value = { richText: [{ text: 'Rig ' }, { text: 'tekst', font: { bold: true } }] };
      ws.getCell('H20').value = { formula: 'H5*0', result: 0 };
      ws.getCell('I20').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('J20').value = new Date(Date.UTC(2010, 4, 1));
      ws.getCell('K20').value = true;
      ws.getCell('B20').value = 'a\r\nb & <c>';
      ws.mergeCells('C20:D21');
      wb.getWorksheet('Skabeloninfo')!.state = 'veryHidden';
    });
    await expectSameAsExcelJs(bytes);
    await expectSameReading(bytes);
  });
});

describe('when the fast reader cannot read a file', () => {
  it('throws on damaged XML, and readSubmissionBytes reports the file as damaged, in the fast reader’s words', async () => {
    const good = await rawWorkbook([{ name: 'A', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    const broken = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(FastXlsxReader.load(broken, { inflateRaw })).rejects.toThrow(/unclosed tag/);
    const reading = await expectSameReading(broken);
    expect(reading).toEqual({ status: 'unreadable', diagnostics: [expect.objectContaining({ code: 'FILE_CORRUPT', value: expect.stringMatching(/unclosed tag/) })] });
  });
});

describe('reading one sheet of a large workbook (a previous consolidated workbook)', () => {
  it('unpacks and lists only the sheets asked for, with their own limits, and refuses a part over the size given', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(root, 'examples', 'SOF-budgetredegoerelse-2011.xlsx')));
    const full = await FastXlsxReader.load(bytes, { inflateRaw });
    const one = await FastXlsxReader.load(bytes, { inflateRaw, onlySheets: (name) => name === 'Tabel 1' });
    expect((await one.listSheets()).map((s) => s.name)).toEqual(['Tabel 1']);
    expect(await one.readSheet('Tabel 1')).toEqual(await full.readSheet('Tabel 1'));
    await expect(one.readSheet('Forside')).rejects.toThrow(/no sheet named Forside/);
    await expect(FastXlsxReader.load(bytes, { inflateRaw, onlySheets: (name) => name === 'Tabel 1', sheetLimits: { maxRows: 2, maxCells: 100 } }).then((r) => r.readSheet('Tabel 1'))).rejects.toBeInstanceOf(SheetTooLargeError);
    await expect(FastXlsxReader.load(bytes, { inflateRaw, maxPartBytes: 100 })).rejects.toThrow(/too large to read/);
  });
});
