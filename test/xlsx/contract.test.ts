/**
 * The reader's contract (SECURITY.md): packages as other writers make them read as the originals do; cell values
 * by the spec; zip entries that could mean two things refused; one budget per workbook. The files are real
 * workbooks (the examples, LibreOffice's and openpyxl's fixtures) changed the way other writers' files differ, or
 * small packages written part by part (test/helpers/packages.ts).
 */
import path from 'node:path';
import { validate } from '../../src/core/validate/validate';
import {
  buildZip,
  dropImpliedReferences,
  mapParts,
  movePart,
  partsOf,
  prefixSpreadsheetMl,
  renameRelationshipPrefix,
  spreadsheet,
  spreadsheetParts,
  toStrict,
  utf16,
  type ZipItem,
} from '../helpers/packages';
import { cell, DEFAULT_LIMITS, readSubmissionBytes, readWorkbook } from '../helpers/readerUnderTest';

const root = path.join(__dirname, '..', '..');
const REAL = ['examples/SOF-budgetredegoerelse-2011.xlsx', 'test/fixtures/sof-libreoffice.xlsx', 'test/fixtures/kff-openpyxl-filled.xlsx'];

/** What validate says about a file: its status, the typed submission and every finding. */
async function outcome(bytes: Uint8Array) {
  const reading = await readSubmissionBytes(bytes);
  if (reading.status === 'unreadable') return { status: reading.status, codes: reading.diagnostics.map((d) => `${d.code} ${d.value ?? ''}`) };
  return { status: reading.status, submission: reading.result.submission, findings: validate(reading.result) };
}

const edit = (items: ZipItem[], name: string, change: (xml: string) => string | Uint8Array) => mapParts(items, (xml, n) => (n === name ? change(xml) : xml));

/** The ways other writers' packages differ from ours, each applied to a real workbook's parts. */
const VARIANTS: [string, (items: ZipItem[]) => ZipItem[]][] = [
  ['SpreadsheetML with the prefix x: in every part (OpenXML SDK, ClosedXML)', (items) => mapParts(items, (xml) => prefixSpreadsheetMl(xml, 'x'))],
  ['the shared strings with the prefix ns2:', (items) => edit(items, 'xl/sharedStrings.xml', (xml) => prefixSpreadsheetMl(xml, 'ns2'))],
  ['strict Open XML (ISO 29500) namespaces and relationship types, elements prefixed', (items) => mapParts(items, (xml) => prefixSpreadsheetMl(toStrict(xml), 's'))],
  ['the sheets’ r:id under another prefix', (items) => edit(items, 'xl/workbook.xml', (xml) => renameRelationshipPrefix(xml, 'rel'))],
  ['the workbook part under another name, found through _rels/.rels', (items) => movePart(items, 'xl/workbook.xml', 'xl/Arbejdsbog.xml')],
  ['sheets named sheet.xml, Sheet Bob.xml (Numbers, Google Sheets)', (items) => movePart(movePart(items, 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet.xml'), 'xl/worksheets/sheet3.xml', 'xl/Ark/Sheet Bob.xml')],
  ['the shared strings as xl/SharedStrings.xml', (items) => movePart(items, 'xl/sharedStrings.xml', 'xl/SharedStrings.xml')],
  ['UTF-16 parts, little- and big-endian', (items) => mapParts(items, (xml, name) => (/workbook\.xml$|sharedStrings/.test(name) ? utf16(xml, 'le') : /worksheets/.test(name) ? utf16(xml, 'be') : xml))],
  ['rows and cells without r where they follow on', (items) => mapParts(items, (xml, name) => (/worksheets\/sheet\d+\.xml$/.test(name) ? dropImpliedReferences(xml) : xml))],
  ['text in CDATA sections', (items) => edit(items, 'xl/sharedStrings.xml', (xml) => xml.replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (_, a: string | undefined, t: string) => `<t${a ?? ''}><![CDATA[${t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')}]]></t>`))],
  ['a rich-text run after plain text in a shared string', (items) => edit(items, 'xl/sharedStrings.xml', (xml) => xml.replace(/<si>(<t[^>]*>[^<]+<\/t>)<\/si>/g, '<si>$1<r><rPr><b/></rPr><t></t></r></si>'))],
];

describe('packages as other writers make them read as the original', () => {
  const applied = new Set<string>();
  it.each(REAL)('%s', async (file) => {
    const items = partsOf(path.join(root, file));
    const original = await outcome(buildZip(items));
    expect(original.status).not.toBe('unreadable');
    for (const [what, change] of VARIANTS) {
      const changed = change(items);
      // (openpyxl writes no shared strings, so some variants change nothing in its file)
      if (JSON.stringify(changed) === JSON.stringify(items)) continue;
      applied.add(what);
      expect({ what, ...(await outcome(buildZip(changed))) }).toEqual({ what, ...original });
    }
  }, 60_000);

  it('tried every variant on some file', () => {
    expect([...applied].sort()).toEqual(VARIANTS.map(([what]) => what).sort());
  });
});

describe('cell values by the spec', () => {
  const sheet = (data: string, opts: Parameters<typeof spreadsheet>[1] = {}) => readWorkbook(spreadsheet([{ name: 'Ark', data: `<row r="1">${data}</row>` }], opts));

  it('keeps serials below 61 as they are: a time of day, the first days of 1900, the fictitious 29 February', async () => {
    const r = await sheet('<c r="A1" s="11"><v>0.5</v></c><c r="B1" s="1"><v>30</v></c><c r="C1" s="1"><v>60</v></c><c r="D1" s="1"><v>61</v></c><c r="E1" s="8"><v>1.25</v></c>');
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((ref) => cell(r, 'Ark', ref).value)).toEqual([0.5, 30, 60, 61, 1.25]);
  });

  it('reads the 1904 date system whichever way it is spelt, moving dates (not times) into the 1900 system', async () => {
    for (const spelling of ['1', 'true', ' true ']) {
      const r = await sheet('<c r="A1" s="2"><v>38000</v></c><c r="B1" s="11"><v>0.5</v></c><c r="C1" s="9"><v>38000</v></c><c r="D1" s="10"><v>0.25</v></c><c r="E1"><v>38000</v></c>', {
        workbookPr: `<workbookPr date1904="${spelling}"/>`,
      });
      expect([cell(r, 'Ark', 'A1').value, cell(r, 'Ark', 'B1').value, cell(r, 'Ark', 'C1').value, cell(r, 'Ark', 'D1').value, cell(r, 'Ark', 'E1').value]).toEqual([39462, 0.5, 39462, 0.25, 38000]);
    }
  });

  it('reads t="d" cells (ISO 8601) as dates, with a date format where the style has none', async () => {
    const r = await sheet('<c r="A1" t="d"><v>2010-05-15</v></c><c r="B1" t="d"><v>2010-05-15T12:00:00Z</v></c><c r="C1" t="d" s="2"><v>1900-02-15</v></c><c r="D1" t="d"><v>ikke en dato</v></c>');
    expect(cell(r, 'Ark', 'A1')).toEqual({ value: 40313, format: 'yyyy-mm-dd' });
    expect(cell(r, 'Ark', 'B1')).toEqual({ value: 40313.5, format: 'yyyy-mm-dd hh:mm:ss' });
    expect(cell(r, 'Ark', 'C1')).toEqual({ value: 46, format: 'dd\\-mm\\-yyyy' });
    expect(cell(r, 'Ark', 'D1').value).toBe('ikke en dato');
  });

  it('gives a formula’s text, error or boolean in a date-formatted cell as text, error or boolean, never NaN', async () => {
    const r = await sheet('<c r="A1" s="2" t="str"><f>"I gang"</f><v>I gang</v></c><c r="B1" s="2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" s="2" t="b"><v>1</v></c><c r="D1" s="2"><v>NaN</v></c>');
    expect(['A1', 'B1', 'C1', 'D1'].map((ref) => cell(r, 'Ark', ref).value)).toEqual(['I gang', { error: '#DIV/0!' }, true, 'NaN']);
  });

  it('reads empty shared strings as "", rich runs after plain text, and CDATA in shared and inline strings', async () => {
    const sst = ['<si></si>', '<si/>', '<si><t>Plan</t><r><rPr><b/></rPr><t>lagt</t></r></si>', '<si><t><![CDATA[a < b & c]]></t></si>'];
    const r = await sheet(`${sst.map((_, i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}<c r="E1" t="inlineStr"><is><t><![CDATA[<i>]]> og <![CDATA[&]]></t></is></c>`, { sst });
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((ref) => cell(r, 'Ark', ref).value)).toEqual(['', '', 'Planlagt', 'a < b & c', '<i> og &']);
  });

  it('places rows and cells without r after the previous one (a first cell without r in column A)', async () => {
    const r = await readWorkbook(spreadsheet([{ name: 'Ark', data: '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row>' }]));
    expect(['A1', 'B1', 'C2', 'D2', 'A5', 'A6'].map((ref) => cell(r, 'Ark', ref).value)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('recognises every date and time format: elapsed [h]:mm, upper-case codes, built-in ids', async () => {
    const r = await sheet('<c r="A1" s="8"><v>40000</v></c><c r="B1" s="9"><v>40000</v></c><c r="C1" s="6"><v>40000</v></c>', { workbookPr: '<workbookPr date1904="1"/>' });
    // DD.MM.YYYY and m/d/yy h:mm show dates (moved to the 1900 system); [h]:mm is a duration (kept).
    expect(['A1', 'B1', 'C1'].map((ref) => cell(r, 'Ark', ref).value)).toEqual([40000, 41462, 41462]);
  });

  it('resolves no entity but the five of XML, and refuses a DTD (nothing is expanded or fetched)', async () => {
    for (const text of ['&constructor;', '&toString;', '&e;']) {
      expect(await sheet(`<c r="A1" t="inlineStr"><is><t>${text}</t></is></c>`)).toMatchObject({ status: 'unreadable', code: 'FILE_CORRUPT' });
    }
    const items = spreadsheetParts([{ name: 'Ark', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>' }]);
    const withDtd = edit(items, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet'));
    expect(await readWorkbook(buildZip(withDtd))).toMatchObject({ status: 'unreadable', code: 'FILE_CORRUPT', value: expect.stringMatching(/DTD/) });
  });
});

describe('zip entries that could mean two things', () => {
  const base = spreadsheetParts([{ name: 'Ark', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
  const sheetPart = base.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  const other = { ...sheetPart, data: String(sheetPart.data).replace('<v>1</v>', '<v>2</v>') };

  it('reads the package itself', async () => {
    expect(cell(await readWorkbook(buildZip(base)), 'Ark', 'A1').value).toBe(1);
  });

  it.each([
    ['the same name twice', 'xl/worksheets/sheet1.xml'],
    ['a name differing only in case', 'xl/Worksheets/Sheet1.xml'],
    ['a name with a leading /', '/xl/worksheets/sheet1.xml'],
  ])('refuses %s', async (_what, name) => {
    expect(await readWorkbook(buildZip([...base, { ...other, name }]))).toMatchObject({ status: 'unreadable', code: 'ZIP_DUPLICATE_PART' });
  });

  it('refuses a local header that names another part than the directory', async () => {
    const items = base.map((p) => (p === sheetPart ? { ...p, localName: 'xl/worksheets/sheet2.xml' } : p));
    expect(await readWorkbook(buildZip(items))).toMatchObject({ status: 'unreadable', code: 'ZIP_INCONSISTENT' });
  });

  it('refuses two entries that share one stream', async () => {
    const at = base.indexOf(sheetPart);
    const items = [...base, { name: 'xl/worksheets/sheet2.xml', data: '', sameDataAs: at }];
    expect(await readWorkbook(buildZip(items))).toMatchObject({ status: 'unreadable', code: 'ZIP_INCONSISTENT' });
  });

  it('checks the CRC-32 of what it reads', async () => {
    const items = base.map((p) => (p === sheetPart ? { ...p, crc: 12345 } : p));
    expect(await readWorkbook(buildZip(items))).toMatchObject({ status: 'unreadable', code: 'FILE_CORRUPT', value: expect.stringMatching(/CRC-32/) });
  });

  it('applies the size limits to a part however its name is written (a leading /)', async () => {
    const big = `<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(10_000)}</row>`;
    const items = spreadsheetParts([{ name: 'Ark', data: big }]).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, name: '/xl/worksheets/sheet1.xml' } : p));
    const limits = { ...DEFAULT_LIMITS, maxSheetPartBytes: 100_000 };
    expect(await readWorkbook(buildZip(items), { limits })).toMatchObject({ status: 'unreadable', code: 'ZIP_SHEET_TOO_LARGE' });
  });

  it('never parses a part that no relationship points at', async () => {
    const items = [...base, { name: 'xl/worksheets/sheet9.xml', data: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>' }];
    expect(cell(await readWorkbook(buildZip(items)), 'Ark', 'A1').value).toBe(1);
  });
});

describe('templates as administrations keep them', () => {
  it('reads a sheet with 60,000 formatted empty rows (15 MB of sheet XML) as the sheet without them', async () => {
    const items = partsOf(path.join(root, 'examples', 'BUF-budgetredegoerelse-2011.xlsx'));
    const empty = Array.from({ length: 60_000 }, (_, i) => {
      const r = 1000 + i;
      return `<row r="${r}" spans="1:12" s="5" customFormat="1">${'ABCDEFGHIJKL'.split('').map((c) => `<c r="${c}${r}" s="5"/>`).join('')}</row>`;
    }).join('');
    const formatted = edit(items, 'xl/worksheets/sheet3.xml', (xml) => xml.replace('</sheetData>', `${empty}</sheetData>`));
    expect(String(formatted.find((p) => p.name === 'xl/worksheets/sheet3.xml')!.data).length).toBeGreaterThan(15_000_000);
    expect(await outcome(buildZip(formatted))).toEqual(await outcome(buildZip(items)));
  }, 60_000);
});

describe('one budget per workbook', () => {
  const sheets = (n: number, data: string) => Array.from({ length: n }, (_, i) => ({ name: `Ark${i + 1}`, data }));

  it('stops at the total bytes read, though each sheet is under its own limit', async () => {
    const data = `<row r="1">${'<c><v>1</v></c>'.repeat(2000)}</row>`;
    const limits = { ...DEFAULT_LIMITS, maxSheetPartBytes: 50_000, maxReadBytes: 200_000 };
    expect(await readWorkbook(spreadsheet(sheets(10, data)), { limits })).toMatchObject({ status: 'unreadable', code: 'FILE_READ_TOO_LARGE' });
    expect(await readWorkbook(spreadsheet(sheets(3, data)), { limits })).toMatchObject({ status: 'read' });
  });

  it('counts the cells of all sheets and defined-name areas together', async () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row><row r="100"><c r="J100"><v>2</v></c></row>';
    const limits = { ...DEFAULT_LIMITS, maxCells: 2500 };
    expect(await readWorkbook(spreadsheet(sheets(2, data)), { limits })).toMatchObject({ status: 'read' });
    expect(await readWorkbook(spreadsheet(sheets(3, data)), { limits })).toMatchObject({ status: 'unreadable', code: 'FILE_TOO_MANY_CELLS' });
    const names = Array.from({ length: 600 }, (_, i) => `<definedName name="N${i}">Ark1!$A$1</definedName>`).join('');
    expect(await readWorkbook(spreadsheet(sheets(2, data), { names }), { limits })).toMatchObject({ status: 'unreadable', code: 'FILE_TOO_MANY_CELLS' });
  });

  it('stops when the wall time is spent', async () => {
    let now = 0;
    const clock = () => (now += 1000);
    const limits = { ...DEFAULT_LIMITS, maxReadMs: 5000 };
    const data = Array.from({ length: 3000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('');
    expect(await readWorkbook(spreadsheet(sheets(3, data)), { limits, clock })).toMatchObject({ status: 'unreadable', code: 'FILE_READ_TIMEOUT' });
  });
});
