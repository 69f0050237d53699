/**
 * The reader against exceljs, an independent reader: every sheet's values and number formats, the sheet list and
 * the defined names must be the same, except for the deliberate differences listed in DIFFERENCES (documented in
 * SECURITY.md, "The reader's contract"). Each test names the differences it expects and must meet each of them, so
 * the list cannot grow stale or hide a new difference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, WorkbookReader } from '../../src/core/reader';
import { loadWorkbookBytes } from '../../src/hosts/xlsx/bytes';
import { NODE_IO } from '../../src/hosts/xlsx/files';
import { BUILTIN_FORMATS } from '../../src/hosts/xlsx/read/styles';
import { XlsxWorkbookReader } from '../helpers/exceljsReader';
import { spreadsheet } from '../helpers/packages';
import { validFill, workbookBytes } from '../helpers/workbook';

const root = path.join(__dirname, '..', '..');

interface CellDiff {
  sheet: string;
  ref: string;
  ours: CellValue | undefined;
  theirs: CellValue | undefined;
  ourFormat: string;
  theirFormat: string;
}

const builtinCodes = new Set(BUILTIN_FORMATS.values());
const isNum = (v: unknown): v is number => typeof v === 'number';

/** The deliberate differences from exceljs, each with the cells it explains: a cell's value, its number format, or both. */
const DIFFERENCES: Record<string, { in: 'value' | 'format' | 'both'; explains: (d: CellDiff) => boolean }> = {
  /** Number format codes as the file writes them (exceljs drops backslashes: dd\-mm\-yyyy). */
  'format-code-as-written': { in: 'format', explains: (d) => d.ourFormat.replace(/\\(.)/g, '$1') === d.theirFormat },
  /** Built-in formats by the codes of ECMA-376 18.8.30 (exceljs's table differs for a few ids, e.g. 22). */
  'builtin-format-codes': { in: 'format', explains: (d) => builtinCodes.has(d.ourFormat) },
  /** A date-formatted serial below 61 is not shifted (exceljs makes it one day less; time-only values negative). */
  'serial-below-61': { in: 'value', explains: (d) => isNum(d.ours) && isNum(d.theirs) && d.ours < 61 && Math.abs(d.theirs - (d.ours - 1)) < 1e-9 },
  /** Serials keep their full precision (exceljs rounds dates to the millisecond through a JavaScript Date). */
  'serial-full-precision': { in: 'value', explains: (d) => isNum(d.ours) && isNum(d.theirs) && d.ours !== d.theirs && Math.abs(d.ours - d.theirs) < 1e-8 },
  /** date1904="true" is the 1904 system as "1" is (exceljs knows only "1"): serials 1462 days apart. */
  'date1904-true': { in: 'value', explains: (d) => isNum(d.ours) && isNum(d.theirs) && Math.abs(d.ours - d.theirs - 1462) < 1e-6 },
  /** A 1904-system serial below 61 moves into the 1900 system like any other (exceljs leaves it there, one day less). */
  'date1904-below-61': { in: 'value', explains: (d) => isNum(d.ours) && isNum(d.theirs) && d.theirs < 61 && Math.abs(d.ours - (d.theirs + 1 + 1462)) < 1e-9 },
  /** A time-only or elapsed-time value is not moved between the date systems. */
  'time-not-shifted': { in: 'value', explains: (d) => isNum(d.ours) && isNum(d.theirs) && d.ours < 1462 && Math.abs(d.theirs - d.ours - 1462) < 1e-6 },
  /** A t="d" cell (ISO 8601 date) is its serial, shown with a date format (exceljs: a wrong number or NaN). */
  'iso-date-cell': { in: 'both', explains: (d) => isNum(d.ours) && d.ourFormat.startsWith('yyyy-mm-dd') },
  /** An empty shared string (<si></si>) is "" (exceljs: "[object Object]"). */
  'empty-shared-string': { in: 'value', explains: (d) => d.ours === '' && d.theirs === '[object Object]' },
  /** Text of t="str" cells is decoded once, as XML says (exceljs decodes its entities a second time). */
  'text-decoded-once': { in: 'value', explains: (d) => typeof d.ours === 'string' && typeof d.theirs === 'string' && d.ours.includes('&') && !d.theirs.includes('&lt;') },
  /** A formula's text, error or boolean result in a date-formatted cell stays text, error or boolean (exceljs: a number). */
  'text-in-date-cell': { in: 'value', explains: (d) => !isNum(d.ours) && d.ours !== null && d.ours !== undefined && isNum(d.theirs) },
  /** A number cell whose <v> is not a number keeps its text (exceljs: NaN). */
  'unparsable-number': { in: 'value', explains: (d) => typeof d.ours === 'string' && Number.isNaN(d.theirs) },
};
type DifferenceId = keyof typeof DIFFERENCES | 'defined-name-areas';

async function snapshot(reader: WorkbookReader) {
  const sheets = (await reader.listSheets()).map((s) => ({ name: s.name, visible: s.visible }));
  const values = [];
  for (const s of sheets) values.push(await reader.readSheet(s.name));
  return { sheets, names: await reader.definedNames(), values };
}

/** The reader and exceljs over the same bytes; every difference must be one of `allowed`, and each allowed one must occur. */
async function expectSameAsExcelJs(bytes: Uint8Array, allowed: DifferenceId[] = []): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const theirs = await snapshot(await XlsxWorkbookReader.load(bytes));
  const ours = await snapshot(await loadWorkbookBytes(bytes, NODE_IO.inflateRaw, NODE_IO.crc32));
  expect(ours.sheets).toEqual(theirs.sheets);
  const used = new Set<DifferenceId>();
  const unexplained: CellDiff[] = [];
  ours.values.forEach((sheet, i) => {
    const other = theirs.values[i];
    const at = (s: typeof sheet, r: number, c: number) => ({ v: s.values[r - s.top]?.[c - s.left], f: s.numberFormats[r - s.top]?.[c - s.left] ?? 'General' });
    const bottom = Math.max(sheet.top + sheet.values.length, other.top + other.values.length);
    const right = Math.max(sheet.left + (sheet.values[0]?.length ?? 0), other.left + (other.values[0]?.length ?? 0));
    for (let r = Math.min(sheet.top, other.top); r < bottom; r++) {
      for (let c = Math.min(sheet.left, other.left); c < right; c++) {
        const a = at(sheet, r, c);
        const b = at(other, r, c);
        const sameValue = JSON.stringify(a.v ?? null) === JSON.stringify(b.v ?? null);
        const sameFormat = a.v === undefined || a.v === null || a.f === b.f;
        if (sameValue && sameFormat) continue;
        const d: CellDiff = { sheet: sheet.name, ref: `R${r}C${c}`, ours: a.v, theirs: b.v, ourFormat: a.f, theirFormat: b.f };
        const explain = (what: 'value' | 'format') => allowed.find((x) => x !== 'defined-name-areas' && (DIFFERENCES[x].in === what || DIFFERENCES[x].in === 'both') && DIFFERENCES[x].explains(d));
        const byValue = sameValue ? undefined : explain('value');
        const byFormat = sameFormat ? undefined : explain('format');
        if ((!sameValue && !byValue) || (!sameFormat && !byFormat)) unexplained.push(d);
        for (const id of [byValue, byFormat]) if (id) used.add(id);
      }
    }
  });
  expect(unexplained).toEqual([]);
  if (JSON.stringify(ours.names) !== JSON.stringify(theirs.names)) {
    expect(allowed).toContain('defined-name-areas');
    used.add('defined-name-areas');
  }
  expect([...used].sort()).toEqual([...allowed].sort());
  return ours;
}

const workbooks = [
  ...readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(root, 'examples', f)),
  ...readdirSync(path.join(root, 'test', 'fixtures'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(root, 'test', 'fixtures', f)),
];

describe('the reader reads every bundled workbook as exceljs does', () => {
  it('finds the workbooks', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(11);
  });

  it.each(workbooks.map((w) => [path.relative(root, w), w]))('%s', async (name, file) => {
    // LibreOffice writes its date formats with escapes (dd\-mm\-yyyy), which exceljs drops.
    const snap = await expectSameAsExcelJs(new Uint8Array(readFileSync(file)), name.includes('libreoffice') ? ['format-code-as-written'] : []);
    expect(snap.values.some((s) => s.values.length > 0)).toBe(true);
  });
});

describe('cell values, formats and sheets written by hand', () => {
  it('strings, booleans, errors, formulas and their cached results', async () => {
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
    const bytes = spreadsheet([{ name: 'Ark1', data: `<row r="1">${row1}</row><row r="2" spans="1:14">${row2}</row>\r\n<row r="3">${row3}</row>` }], { sst });
    const snap = await expectSameAsExcelJs(bytes, ['empty-shared-string', 'text-decoded-once', 'unparsable-number', 'iso-date-cell']);
    const [sheet] = snap.values;
    expect(sheet.values[0][1]).toBe('Fed og normal');
    expect(sheet.values[0][2]).toBe('linje 1\r\nlinje 2');
    expect(sheet.values[0][4]).toBe('');
    expect(sheet.values[0][9]).toBe('str &amp; værdi');
    expect(sheet.values[1][5]).toBe(0);
    expect(sheet.values[1][6]).toBe(false);
    expect(sheet.values[1][2]).toEqual({ error: '#REF!' });
    expect(sheet.values[1][8]).toBe('x &lt; y');
    expect(sheet.numberFormats[1][12]).toBe('#,##0');
    expect(sheet.values[2][3]).toBe('NaN');
    expect(sheet.values[2][4]).toBe(40299);
  });

  it('dates as serial numbers in both date systems', async () => {
    const cells = (r: number) =>
      [
        `<c r="A${r}" s="1"><v>40299</v></c>`,
        `<c r="B${r}" s="2"><v>40299.75</v></c>`,
        `<c r="C${r}" s="2"><v>40299.123456789</v></c>`,
        `<c r="D${r}" s="1"><v>30</v></c>`,
        `<c r="E${r}" s="1"><v>60.5</v></c>`,
        `<c r="F${r}" s="11"><v>0.5</v></c>`,
        `<c r="G${r}" s="1"><f>TODAY()</f><v>40300</v></c>`,
        `<c r="H${r}" s="1" t="str"><f>"12"</f><v>12</v></c>`,
        `<c r="I${r}" s="1" t="b"><v>1</v></c>`,
        `<c r="J${r}" s="3"><v>40299</v></c>`,
        `<c r="K${r}" s="8"><v>1.5</v></c>`,
        `<c r="L${r}" s="6"><v>40299.5</v></c>`,
      ].join('');
    const data = `<row r="1">${cells(1)}</row><row r="2">${cells(2)}</row>`;
    const in1900 = await expectSameAsExcelJs(spreadsheet([{ name: 'Datoer', data }]), ['format-code-as-written', 'builtin-format-codes', 'serial-below-61', 'serial-full-precision', 'text-in-date-cell']);
    expect(in1900.values[0].values[0]).toEqual([40299, 40299.75, 40299.123456789, 30, 60.5, 0.5, 40300, '12', true, 40299, 1.5, 40299.5]);
    const in1904 = await expectSameAsExcelJs(spreadsheet([{ name: 'Datoer', data }], { workbookPr: '<workbookPr date1904="1"/>' }), ['format-code-as-written', 'builtin-format-codes', 'serial-full-precision', 'time-not-shifted', 'text-in-date-cell']);
    expect(in1904.values[0].values[0]).toEqual([41761, 41761.75, 41761.123456789, 1492, 1522.5, 0.5, 41762, '12', true, 40299, 1.5, 41761.5]);
    const inTrue = await expectSameAsExcelJs(spreadsheet([{ name: 'Datoer', data }], { workbookPr: '<workbookPr date1904="true"/>' }), ['format-code-as-written', 'builtin-format-codes', 'date1904-true', 'date1904-below-61', 'serial-below-61', 'text-in-date-cell']);
    expect(inTrue.values[0].values[0]).toEqual(in1904.values[0].values[0]);
  });

  it('keeps only the top-left value of merged cells, lists hidden sheets, and reads rows out of order', async () => {
    const data =
      '<row r="5"><c r="A5" t="inlineStr"><is><t>nederst</t></is></c></row>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>flettet</t></is></c><c r="B1" t="inlineStr"><is><t>skjult af fletning</t></is></c><c r="D1"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c><c s="3"/><c><v>4</v></c></row>' +
      '<row r="3"><c r="C3"><v>5</v></c><c r="C3"><v>6</v></c></row>';
    const bytes = spreadsheet(
      [
        { name: 'Flet', data, after: '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D1:D1"/></mergeCells>' },
        { name: 'Skjult', state: 'hidden', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Meget skjult', state: 'veryHidden', data: '' },
        { name: 'Synlig', state: 'visible', data: '<row r="2"><c r="B2" s="1"/></row>' },
      ],
      { store: true },
    );
    const snap = await expectSameAsExcelJs(bytes);
    expect(snap.sheets.map((s) => s.visible)).toEqual([true, false, false, true]);
    expect(snap.values[0].values[0][1]).toBeNull();
    expect(snap.values[0].values[2][2]).toBe(6);
    expect(snap.values[3].values).toEqual([]);
  });

  it('defined names: one area each as written (exceljs regroups several areas into rectangles)', async () => {
    const names = [
      "<definedName name=\"IB_Omraade\">'Mål a-g'!$A$3:$F$10</definedName>",
      '<definedName name="IB_Celle">Forside!$C$4</definedName>',
      '<definedName name="IB_Flere">Forside!$A$1:$A$3,Forside!$B$1:$B$3,Forside!$D$5</definedName>',
      '<definedName name="IB_Relativ">Forside!A1:B2</definedName>',
      '<definedName name="IB_Fejl">#REF!</definedName>',
      '<definedName name="IB_Konstant">0.25</definedName>',
      '<definedName name="IB_Formel">OFFSET(Forside!$A$1,0,0,3,1)</definedName>',
      "<definedName name=\"IB_Citat\">'Ark ''x'' 2'!$A$1:$B$2</definedName>",
      '<definedName name="IB_Omvendt">Forside!$C$9:$A$2</definedName>',
    ].join('');
    const bytes = spreadsheet(
      [
        { name: 'Forside', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Mål a-g', data: '' },
        { name: "Ark 'x' 2", data: '' },
      ],
      { names },
    );
    const snap = await expectSameAsExcelJs(bytes, ['defined-name-areas']);
    expect(snap.names).toEqual([
      { name: 'IB_Omraade', sheet: 'Mål a-g', ref: 'A3:F10' },
      { name: 'IB_Celle', sheet: 'Forside', ref: 'C4' },
      { name: 'IB_Flere', sheet: 'Forside', ref: 'A1:A3' },
      { name: 'IB_Flere', sheet: 'Forside', ref: 'B1:B3' },
      { name: 'IB_Flere', sheet: 'Forside', ref: 'D5' },
      { name: 'IB_Relativ', sheet: 'Forside', ref: 'A1:B2' },
      { name: 'IB_Citat', sheet: "Ark 'x' 2", ref: 'A1:B2' },
      { name: 'IB_Omvendt', sheet: 'Forside', ref: 'A2:C9' },
    ]);
  });

  it('exceljs-written templates with the edits people make', async () => {
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
  });
});
