/**
 * The worksheet reader's own pass over the rows (the shapes writers use) against the general scanner: the same
 * cells, formats and errors for every sheet of the examples, the fixtures and hand-made parts. A comment before
 * sheetData sends a part to the general scanner alone (the reader takes no rows by its pass then), and a comment
 * changes nothing a sheet holds, so the two readings of one part can be compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SHEET_LIMITS } from '../../src/core/reader';
import { ReadBudget } from '../../src/hosts/xlsx/read/budget';
import { DEFAULT_LIMITS } from '../../src/hosts/xlsx/read/package';
import { decodeXml } from '../../src/hosts/xlsx/read/xml';
import { parseWorksheet, type CellFormat } from '../../src/hosts/xlsx/read/worksheet';
import { readZipDirectory, u16 } from '../../src/hosts/xlsx/read/zip';
import { EXAMPLES_DIR } from '../helpers/examples';

const FORMATS: CellFormat[] = [
  { code: 'General', kind: undefined },
  { code: '#,##0', kind: undefined },
  { code: 'dd-mm-yyyy', kind: 'date' },
];
const STRINGS = ['nul', 'en', 'to & tre', ''];

function read(xml: string, date1904 = false) {
  try {
    return parseWorksheet(xml, {
      name: 'Ark',
      strings: () => STRINGS,
      format: (s) => FORMATS[s] ?? FORMATS[0],
      date1904,
      limits: SHEET_LIMITS,
      budget: new ReadBudget(DEFAULT_LIMITS),
    });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The same part read by the general scanner alone: a comment right before the worksheet element. */
function generalOnly(xml: string): string {
  const root = xml.search(/<(\w+:)?worksheet[\s>]/);
  return root < 0 ? `<!---->${xml}` : `${xml.slice(0, root)}<!---->${xml.slice(root)}`;
}

const expectSame = (xml: string) => {
  const general = read(generalOnly(xml));
  expect(read(xml)).toEqual(general);
  return general;
};

/** Every worksheet part of an .xlsx file, as text. */
function sheetParts(file: string): [string, string][] {
  const bytes = new Uint8Array(readFileSync(file));
  const out: [string, string][] = [];
  for (const e of readZipDirectory(bytes) ?? []) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const start = e.localOffset + 30 + u16(bytes, e.localOffset + 26) + u16(bytes, e.localOffset + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    out.push([e.name, decodeXml(e.method === 8 ? inflateRawSync(data) : data)]);
  }
  return out;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const files = [
  ...readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(EXAMPLES_DIR, f)),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(FIXTURES, f)),
];

const ROOT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
const sheet = (rows: string, after = '') => `${ROOT}<sheetData>${rows}</sheetData>${after}</worksheet>`;

describe('the rows pass gives what the general scanner gives', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s: every sheet', (_name, file) => {
    const parts = sheetParts(file);
    expect(parts.length).toBeGreaterThan(0);
    for (const [, xml] of parts) expectSame(xml);
  });

  it.each([
    ['numbers, shared strings, booleans, errors, text results, dates', '<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>1234.5</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="F2" s="2"><v>40000</v></c></row>'],
    ['rows and cells without r follow the previous', '<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row><c s="1"><v>2</v></c></row><row r="7"><c><v>3</v></c><c r="E7"><v>4</v></c><c><v>5</v></c></row>'],
    ['self-closing rows and styled blank cells, white space between', '<row r="1"/>\n  <row r="2">\n    <c r="A2" s="1"/>\n    <c r="B2" s="1"></c>\n    <c r="C2"><v>9</v></c>\n  </row>\n'],
    ['empty, split and repeated values', '<row r="1"><c r="A1"><v></v></c><c r="B1"><v>1</v><v>2</v></c><c r="C1" t="str"><v/></c></row>'],
    ['formulas without results, self-closing and shared', '<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1"><f t="shared" ref="B1:B3" si="0"/><v>3</v></c></row>'],
    ['formulas without their result (computed or reported by the core), an empty text result kept', '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v></v></c><c r="B1"><f>B2&amp;"x"</f></c><c r="C1" t="str"><f>IF(1,"","")</f><v></v></c><c r="D1"><f t="shared" ref="D1:D2" si="0"/></c><c r="E1"><f> 1+1 </f><f>+2</f></c></row>'],
    ['duplicate attributes: the first counts', '<row r="1"><c r="A1" r="B1" t="s" t="n"><v>1</v></c></row>'],
    ['a cell given twice keeps the later value', '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>'],
    ['inline strings and rich text (left to the general scanner)', '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></is></c><c r="B1"><v>2</v></c></row>'],
    ['an entity in an attribute, single quotes, spaces around =', `<row r="1"><c r="A&#49;"><v>1</v></c></row><row r='2'><c r="A2"><v>2</v></c></row><row r = "3"><c r="A3"><v>3</v></c></row>`],
    ['CDATA and a comment among the rows', '<row r="1"><c r="A1"><v><![CDATA[5]]></v></c></row><!-- x --><row r="2"><c r="A2"><v>6</v></c></row>'],
    ['text and unknown elements inside rows and cells', '<row r="1">junk<c r="A1">7<v>8</v></c><extLst><ext/></extLst></row><row r="2"><c r="A2"><v>9</v><extLst/></c></row>'],
    ['a namespace declared inside the rows', '<row r="1" xmlns="urn:other"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" xmlns:y="urn:y"><v>2</v></c></row>'],
    ['values with line ends and tabs in attributes', '<row r="1"><c r="A1" t="s\n"><v>1\r\n</v></c><c r="B1" s="\t1"><v>2</v></c></row>'],
    ['merged cells after the rows', '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'],
    ['a cell outside a row (not a cell)', '<c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c></row>'],
    ['a second sheetData', '<row r="1"><c r="A1"><v>1</v></c></row>', '<sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData>'],
  ])('%s', (_name, rows, after = '') => {
    const got = expectSame(sheet(rows, after));
    expect('error' in got).toBe(false);
  });

  it('formulas written without a result are handed on with their text', () => {
    const got = expectSame(sheet('<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v></v></c><c r="B1"><f>B2&amp;"x"</f></c><c r="C1" t="str"><f>IF(1,"","")</f><v></v></c><c r="D1"><v>4</v></c></row>'));
    expect(got).toMatchObject({ uncalculated: [{ row: 1, col: 1, formula: 'SUM(B1:C1)' }, { row: 1, col: 2, formula: 'B2&"x"' }] });
  });

  it('a prefixed sheet and one in no namespace', () => {
    const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(expectSame(prefixed)).toMatchObject({ values: [[1]] });
    expect(expectSame('<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>')).toMatchObject({ values: [[2]] });
    // Rows in a namespace the reader does not know are not cells.
    expect(expectSame('<worksheet xmlns="urn:other"><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>')).toMatchObject({ values: [] });
  });

  it('a sheetData that is not the sheet’s own: nested, hidden in an attribute or a comment', () => {
    expect(expectSame(`${ROOT}<extLst><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></extLst></worksheet>`)).toMatchObject({ values: [] });
    const inAttribute = `${ROOT.replace('<worksheet ', '<worksheet a="<sheetData>" ')}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    expectSame(inAttribute);
    const tricked = `${ROOT.replace('<worksheet ', '<worksheet a="<sheetData><row r=&quot;1&quot;/></sheetData>" ')}<sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    expectSame(tricked);
    expectSame(`${ROOT}<!-- <sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData> --><sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`);
  });

  it.each([
    ['a cell reference that is no cell', '<row r="1"><c r="1A"><v>1</v></c></row>'],
    ['a row number that is no row', '<row r="0"><c><v>1</v></c></row>'],
    ['a shared string the workbook does not have', '<row r="1"><c r="A1" t="s"><v>99</v></c></row>'],
    ['an unknown cell type', '<row r="1"><c r="A1" t="x"><v>1</v></c></row>'],
    ['an undefined entity in a value', '<row r="1"><c r="A1"><v>&e;</v></c></row>'],
    ['an unclosed cell', '<row r="1"><c r="A1"><v>1</v></row>'],
    ['"<" inside a value', '<row r="1"><c r="A1"><v>1<2</v></c></row>'],
  ])('%s: the same error as the general scanner', (_name, rows) => {
    const got = expectSame(sheet(rows));
    expect(got).toHaveProperty('error');
  });

  it('a damaged part after the rows: the general scanner’s error', () => {
    const got = expectSame(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B1"></mergeCells>'));
    expect(got).toHaveProperty('error');
  });

  it('dates in a 1904 workbook', () => {
    const xml = sheet('<row r="1"><c r="A1" s="2"><v>100</v></c><c r="B1" t="d"><v>2011-05-15</v></c></row>');
    expect(read(xml, true)).toEqual(read(generalOnly(xml), true));
  });
});
